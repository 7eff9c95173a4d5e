package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.AccessReview;
import org.district.socialmedia.accounts.entity.AccountEvent;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.accounts.entity.RightsNotice;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.RightsSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rights timer's work, one grant or one slice of a review per transaction: rights end at their
 * last day, holders hear of it before and on the day, a term's access review opens, reminds, and at
 * its deadline flags (or lets lapse) what nobody confirmed. Each notice is a row whose unique key
 * refuses a second one, rolling back everything with it (emails included): running it twice, or on
 * two servers at once, changes nothing more.
 */
@Stateless
public class RightsWorker {

    /** Grants flagged or lapsed per transaction when a review closes: keeps each transaction short at district scale. */
    static final int CLOSE_BATCH = 500;

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

    /** Units whose compliance tally row does not hold now (stale, its next change come, or none): AccountComplianceTally. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> complianceDue(int limit) {
        return compliance.due(limit);
    }

    /**
     * A unit without a compliance row gets a stale one, committed on its own, so that {@link #storeCompliance} (in a
     * transaction of its own) has a row to lock; answers whether it added one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean prepareCompliance(Long unitId) {
        return compliance.prepare(unitId);
    }

    /** One unit's compliance figures counted again and stored (idempotent: the same accounts give the same row). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean storeCompliance(Long unitId) {
        return compliance.count(unitId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueGrants(int limit) {
        return em.createQuery("SELECT g.id FROM AccountGrant g WHERE g.nextCheckAt <= :now ORDER BY g.nextCheckAt, g.id", Long.class)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueReviews() {
        return em.createQuery("SELECT r.id FROM AccessReview r WHERE r.nextCheckAt <= :now ORDER BY r.nextCheckAt, r.id", Long.class)
                .setParameter("now", clock.instant()).setMaxResults(50).getResultList();
    }

    /** Sends the early notice or ends the rights, whichever is due; returns the stage done, or null. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String processGrant(Long grantId) {
        Instant now = clock.instant();
        AccountGrant grant = em.find(AccountGrant.class, grantId);
        if (grant == null || grant.getNextCheckAt() == null || grant.getNextCheckAt().isAfter(now)) {
            return null;
        }
        DistrictSettings district = settings.current();
        int noticeDays = district.rights().noticeDaysBefore();
        Set<String> done = stagesDone(RightsNotice.GRANT, grantId);
        String fired = null;
        if (grant.getStatus() == GrantStatus.ACTIVE) {
            Instant expiresAt = grant.expiresAt(district.timeZone());
            if (expiresAt != null && !now.isBefore(expiresAt)) {
                DistrictAccount account = grant.getAccount();
                account.endGrant(grant, GrantStatus.EXPIRED, "The last day (" + grant.getEndsOn() + ") has passed", "system", now);
                compliance.accountChanged(account);
                fired = notice(RightsNotice.GRANT, grantId, AccountGrant.STAGE_EXPIRED, now, grant.getHolder().getUsername());
                audit.record("GRANT_EXPIRED", DistrictAccount.OBJECT_TYPE, account.getId(), "grant " + grantId + " of "
                        + grant.getHolder().getUsername() + " ended after its last day " + grant.getEndsOn());
                events.fire(AccountEvent.grant(AccountEvent.Type.EXPIRED, account.getId(), grantId, "system"));
            } else if (!done.contains(AccountGrant.STAGE_NOTICE) && grant.noticeOwed(district.timeZone(), noticeDays)
                    && !now.isBefore(grant.noticeAt(district.timeZone(), noticeDays))) {
                fired = notice(RightsNotice.GRANT, grantId, AccountGrant.STAGE_NOTICE, now, grant.getHolder().getUsername());
                done.add(AccountGrant.STAGE_NOTICE);
                audit.record("GRANT_EXPIRY_NOTICE", DistrictAccount.OBJECT_TYPE, grant.getAccount().getId(), "grant " + grantId
                        + " of " + grant.getHolder().getUsername() + " ends after " + grant.getEndsOn() + "; holder and Superintendent told");
                events.fire(AccountEvent.grant(AccountEvent.Type.EXPIRY_NOTICE, grant.getAccount().getId(), grantId, "system"));
            }
        }
        grant.scheduleCheck(grant.nextCheck(district.timeZone(), noticeDays, done.contains(AccountGrant.STAGE_NOTICE)));
        return fired;
    }

    /**
     * Opens the access review of the term under way, if the District has terms and none was opened
     * for it yet. Returns the new review's id, or null. Two servers opening it at once: the unique
     * key on the opening day keeps one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Long openTermReviewIfDue() {
        DistrictSettings district = settings.current();
        LocalDate today = clock.instant().atZone(district.timeZone()).toLocalDate();
        Optional<RightsSettings.TermDates> term = district.rights().termOpenOn(today);
        if (term.isEmpty()) {
            return null;
        }
        // one review at a time: a review opened by hand and still open covers this term too
        boolean exists = !em.createQuery("SELECT r.id FROM AccessReview r WHERE r.opensOn = :day OR r.status = :open", Long.class)
                .setParameter("day", term.get().opens()).setParameter("open", AccessReview.Status.OPEN)
                .setMaxResults(1).getResultList().isEmpty();
        if (exists) {
            return null;
        }
        return open(term.get().opens(), term.get().deadline(), "system");
    }

    /** Opens a review now (the timer for a term, or the Superintendent by hand); the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Long open(LocalDate opensOn, LocalDate deadline, String by) {
        DistrictSettings district = settings.current();
        Instant now = clock.instant();
        AccessReview review = new AccessReview(opensOn, deadline, district.rights().lapseUnreviewed(),
                district.rights().reviewReminders(), by, now);
        review.scheduleCheck(review.nextCheck(now, district.timeZone()));
        em.persist(review);
        em.flush();
        notice(RightsNotice.REVIEW, review.getId(), AccessReview.STAGE_OPENED, now, null);
        long toReview = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active", Long.class)
                .setParameter("active", GrantStatus.ACTIVE).getSingleResult();
        audit.record("ACCESS_REVIEW_OPENED", "AccessReview", review.getId(), "opens " + opensOn + ", deadline " + deadline
                + ", " + toReview + " rights in force to confirm or revoke; unconfirmed rights "
                + (review.isLapseUnreviewed() ? "lapse" : "are flagged") + " at the deadline");
        events.fire(AccountEvent.review(AccountEvent.Type.REVIEW_OPENED, review.getId(), String.valueOf(toReview)));
        return review.getId();
    }

    /**
     * Reminds, or at the deadline flags (and, if so set, ends) a slice of the rights nobody
     * confirmed; the review closes when none is left. Returns what was done, or null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String processReview(Long reviewId) {
        Instant now = clock.instant();
        AccessReview review = em.find(AccessReview.class, reviewId);
        if (review == null || review.getNextCheckAt() == null || review.getNextCheckAt().isAfter(now)
                || review.getStatus() != AccessReview.Status.OPEN) {
            return null;
        }
        DistrictSettings district = settings.current();
        if (!now.isBefore(review.closesAt(district.timeZone()))) {
            List<AccountGrant> unconfirmed = em.createQuery("SELECT g FROM AccountGrant g WHERE g.status = :active"
                            + " AND g.lastReviewedAt < :opened AND (g.flaggedReviewId IS NULL OR g.flaggedReviewId <> :review)"
                            + " ORDER BY g.id", AccountGrant.class)
                    .setParameter("active", GrantStatus.ACTIVE).setParameter("opened", review.getOpenedAt())
                    .setParameter("review", reviewId).setMaxResults(CLOSE_BATCH).getResultList();
            int lapsed = 0;
            Set<Long> units = new HashSet<>();
            for (AccountGrant grant : unconfirmed) {
                grant.flagUnreviewed(reviewId);
                // flagged or lapsed, the unit's figures move (its flagged rights, or its rights in force)
                units.add(grant.getAccount().getUnit().getId());
                if (review.isLapseUnreviewed()) {
                    grant.getAccount().endGrant(grant, GrantStatus.LAPSED, "Not confirmed in the access review due "
                            + review.getDeadline(), "system", now);
                    lapsed++;
                    audit.record("GRANT_LAPSED", DistrictAccount.OBJECT_TYPE, grant.getAccount().getId(), "grant " + grant.getId()
                            + " of " + grant.getHolder().getUsername() + " not confirmed by the access review deadline " + review.getDeadline());
                    events.fire(AccountEvent.grant(AccountEvent.Type.LAPSED, grant.getAccount().getId(), grant.getId(), "system"));
                } else {
                    audit.record("GRANT_FLAGGED", DistrictAccount.OBJECT_TYPE, grant.getAccount().getId(), "grant " + grant.getId()
                            + " of " + grant.getHolder().getUsername() + " not confirmed by the access review deadline " + review.getDeadline());
                }
            }
            // once a unit, in order of id (unitChanged), not once a grant: a batch holds hundreds
            compliance.unitChanged(units.toArray(Long[]::new));
            review.countFlagged(unconfirmed.size(), lapsed);
            if (unconfirmed.size() < CLOSE_BATCH) {
                review.close(now);
                notice(RightsNotice.REVIEW, reviewId, AccessReview.STAGE_CLOSED, now, null);
                audit.record("ACCESS_REVIEW_CLOSED", "AccessReview", reviewId, review.getGrantsFlagged() + " rights not confirmed"
                        + (review.isLapseUnreviewed() ? ", " + review.getGrantsLapsed() + " of them lapsed" : " (flagged)"));
                events.fire(AccountEvent.review(AccountEvent.Type.REVIEW_CLOSED, reviewId, null));
                return AccessReview.STAGE_CLOSED;
            }
            // more to flag: the next run continues at once
            return "FLAGGED_" + unconfirmed.size();
        }
        Optional<String> reminder = review.reminderDue(now, district.timeZone(), stagesDone(RightsNotice.REVIEW, reviewId));
        String fired = null;
        if (reminder.isPresent()) {
            fired = notice(RightsNotice.REVIEW, reviewId, reminder.get(), now, null);
            audit.record("ACCESS_REVIEW_REMINDER", "AccessReview", reviewId, reminder.get() + ": deadline " + review.getDeadline());
            events.fire(AccountEvent.review(AccountEvent.Type.REVIEW_REMINDER, reviewId, reminder.get()));
        }
        review.scheduleCheck(review.nextCheck(now, district.timeZone()));
        return fired;
    }

    private Set<String> stagesDone(String subject, Long id) {
        return em.createQuery("SELECT n.stage FROM RightsNotice n WHERE n.subject = :subject AND n.subjectId = :id", String.class)
                .setParameter("subject", subject).setParameter("id", id).getResultStream()
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Records the stage; the unique key speaks at the flush: a stage already done rolls this transaction back. */
    private String notice(String subject, Long id, String stage, Instant now, String recipients) {
        em.persist(new RightsNotice(subject, id, stage, now, recipients));
        em.flush();
        return stage;
    }
}
