package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.AccountEvent;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.AttestationPlan;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.RightsNotice;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.EscalationPlan;
import org.district.socialmedia.settings.entity.SettingKey;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rights timer's work on yearly account checklists, one account per transaction: a reminder at each
 * ATTESTATION_REMINDERS duration before the due date and the overdue notice the day after, to the account's
 * operators and District administrators. Each notice is a {@link RightsNotice} row whose unique key (account, stage
 * with its due date) refuses a second one and rolls back the mail with it: restarts and two servers send nothing twice.
 */
@Stateless
public class ChecklistWorker {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountComplianceTally compliance;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Event<AccountEvent> events;

    /** Accounts whose checklist the timer must look at now (by ix_district_account_attestation_check). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueAccounts(int limit) {
        return em.createQuery("SELECT a.id FROM DistrictAccount a WHERE a.checklist.nextCheckAt <= :now"
                        + " ORDER BY a.checklist.nextCheckAt, a.id", Long.class)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /** Sends the stage reached, if not sent yet, and plans the next look; returns the stage sent, or null. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String process(Long accountId) {
        Instant now = clock.instant();
        // locked as a sign-off locks it (AccountChecklists): one waits for the other instead of failing on the version
        DistrictAccount account = em.find(DistrictAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getAttestationNextCheckAt() == null || account.getAttestationNextCheckAt().isAfter(now)) {
            return null;
        }
        ZoneId zone = settings.current().timeZone();
        AttestationPlan plan = new AttestationPlan(account.getAttestationDueOn(), zone,
                EscalationPlan.parseReminders(settings.value(SettingKey.ATTESTATION_REMINDERS)));
        if (account.getStatus() == AccountStatus.ARCHIVED) {
            // out of use: nobody is reminded, but the plan goes on, so a reinstated account gets the stages still to come
            planNextLook(account, plan.stages().stream().map(AttestationPlan.Stage::at).filter(t -> t.isAfter(now))
                    .findFirst().orElse(null), zone);
            return null;
        }
        Set<String> done = em.createQuery("SELECT n.stage FROM RightsNotice n WHERE n.subject = :subject AND n.subjectId = :id", String.class)
                .setParameter("subject", RightsNotice.CHECKLIST).setParameter("id", accountId).getResultStream()
                .collect(Collectors.toCollection(HashSet::new));
        Optional<AttestationPlan.Stage> stage = plan.due(now, done);
        String fired = null;
        if (stage.isPresent()) {
            String key = stage.get().key();
            String to = String.join(",", ChecklistPeople.of(em, accountId));
            // the unique key speaks at the flush: a stage already sent rolls this transaction back
            em.persist(new RightsNotice(RightsNotice.CHECKLIST, accountId, key, now, to));
            em.flush();
            done.add(key);
            fired = key;
            boolean overdue = stage.get().overdue();
            audit.record(overdue ? "ACCOUNT_CHECKLIST_OVERDUE" : "ACCOUNT_CHECKLIST_REMINDER", DistrictAccount.OBJECT_TYPE, accountId,
                    "yearly checklist due " + account.getAttestationDueOn() + (overdue ? " is overdue" : ": reminder " + key)
                            + "; operators and District administrators told");
            events.fire(new AccountEvent(overdue ? AccountEvent.Type.CHECKLIST_OVERDUE : AccountEvent.Type.CHECKLIST_REMINDER,
                    accountId, null, null, "system", key));
        }
        planNextLook(account, plan.nextCheck(now, done), zone);
        return fired;
    }

    /**
     * Stores the timer's next look without a new version of the account: the look is the timer's bookkeeping, not a
     * change of the account, so a grant or an edit a person began before it (a new account is looked at within one
     * pass of its registration) does not fail as if somebody else had changed the account. In SQL, because
     * EclipseLink raises the version in a JPQL bulk update too; the row stays locked.
     */
    private void planNextLook(DistrictAccount account, Instant next, ZoneId zone) {
        Instant overdueBefore = account.getAttestationOverdueAt();
        account.scheduleChecklistCheck(next, zone);
        if (!overdueBefore.equals(account.getAttestationOverdueAt())) {
            // the District's time zone changed the overdue moment: the unit's checklists may count otherwise
            compliance.accountChanged(account);
        }
        em.detach(account);
        Instant planned = account.getAttestationNextCheckAt();
        OffsetDateTime overdue = account.getAttestationOverdueAt().atOffset(ZoneOffset.UTC);
        if (planned == null) {
            em.createNativeQuery("UPDATE district_account SET attestation_next_check_at = NULL, attestation_overdue_at = ? WHERE id = ?")
                    .setParameter(1, overdue).setParameter(2, account.getId()).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE district_account SET attestation_next_check_at = ?, attestation_overdue_at = ? WHERE id = ?")
                    .setParameter(1, planned.atOffset(ZoneOffset.UTC)).setParameter(2, overdue).setParameter(3, account.getId())
                    .executeUpdate();
        }
    }
}
