package org.district.socialmedia.consent.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.consent.entity.ConsentEvent;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The consent timer's work, in short transactions: forms whose period ended become EXPIRED (once:
 * the status changes under the form's version, so a second server's attempt fails and changes
 * nothing), and open takedown tasks whose reminder is due remind their operators (once per due
 * time, for the same reason).
 */
@Stateless
public class ConsentWorker {

    static final int BATCH = 200;

    @Inject
    CoverageTally coverage;
    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Event<ConsentEvent> events;

    /** Marks a batch of ended forms expired; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireBatch() {
        DistrictSettings district = settings.current();
        Instant now = clock.instant();
        LocalDate today = now.atZone(district.timeZone()).toLocalDate();
        List<ConsentForm> ended = em.createNamedQuery(ConsentForm.ENDED, ConsentForm.class).setParameter("status", ConsentStatus.ACTIVE)
                .setParameter("today", today).setMaxResults(BATCH).getResultList();
        int expired = 0;
        for (ConsentForm form : ended) {
            if (form.expireIfEnded(today, now)) {
                expired++;
                audit.record("CONSENT_EXPIRED", "ConsentForm", form.getId(), "period ended " + form.getPeriodEnd()
                        + " (student " + form.getStudent().getDistrictId() + ")");
            }
        }
        return expired;
    }

    /** Schools and departments whose consent coverage has no clean count for the District's day. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> coverageDue() {
        return coverage.due(BATCH);
    }

    /** One unit's coverage counted again (idempotent: the same rows give the same count). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int countCoverage(Long unitId) {
        coverage.count(unitId);
        return 1;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueReminders() {
        return em.createNamedQuery(TakedownTask.REMINDERS_DUE, TakedownTask.class).setParameter("now", clock.instant())
                .setParameter("status", TakedownTask.Status.OPEN).setMaxResults(BATCH).getResultStream().map(TakedownTask::getId).toList();
    }

    /** Reminds the operators of one open task if its reminder is due; returns whether it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remind(Long taskId) {
        Instant now = clock.instant();
        TakedownTask task = em.find(TakedownTask.class, taskId);
        if (task == null || task.getStatus() != TakedownTask.Status.OPEN || task.getNextReminderAt() == null
                || task.getNextReminderAt().isAfter(now)) {
            return false;
        }
        task.reminderSent(now, settings.current().takedownReminder());
        em.flush();
        events.fire(new ConsentEvent(ConsentEvent.Type.TAKEDOWN_REMINDER, taskId));
        audit.record("TAKEDOWN_REMINDER", "ConsentForm", task.getForm().getId(), "reminder " + task.getRemindersSent()
                + " for takedown task " + taskId + " to " + String.join(", ", task.getAssignees()));
        return true;
    }
}
