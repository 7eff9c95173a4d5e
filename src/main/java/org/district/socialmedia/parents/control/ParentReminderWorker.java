package org.district.socialmedia.parents.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.parents.entity.ParentLink;
import org.district.socialmedia.parents.entity.ParentLinkReminder;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The reminder timer's work, one link per short transaction. Reminder n of a link is a row with the key
 * (link, n): a second server, or a pass retried after a crash, fails on that key (and on the link's version)
 * and its email rolls back with it, so each reminder is sent exactly once.
 */
@Stateless
public class ParentReminderWorker {

    static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    LinkIssuer issuer;
    @Inject
    ParentMail mail;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due() {
        return em.createNamedQuery(ParentLink.REMINDERS_DUE, Long.class).setParameter("now", clock.instant())
                .setMaxResults(BATCH).getResultList();
    }

    /** Reminds the parent of one link if a reminder is due; returns whether it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remind(Long linkId) {
        Instant now = clock.instant();
        ParentLink link = em.find(ParentLink.class, linkId);
        if (link == null || link.getNextReminderAt() == null || link.getNextReminderAt().isAfter(now)) {
            return false;
        }
        int max = settings.consentLinks().reminders();
        if (!link.reminderDue(now) || link.getRemindersSent() >= max) {
            // answered, ended, or the setting was lowered: nothing more to send
            link.stopReminders();
            return false;
        }
        int number = link.reminderSent(max);
        em.persist(new ParentLinkReminder(link.getId(), number, now));
        em.flush();
        mail.request(link, issuer.token(link, now), number);
        audit.record("PARENT_REMINDED", "ParentLink", link.getId(), "reminder " + number + " of " + max + ", student "
                + link.getStudent().getDistrictId());
        return true;
    }
}
