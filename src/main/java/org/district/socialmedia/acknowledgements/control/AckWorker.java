package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.acknowledgements.entity.AckLink;
import org.district.socialmedia.acknowledgements.entity.AckPlan;
import org.district.socialmedia.acknowledgements.entity.AckStage;
import org.district.socialmedia.acknowledgements.entity.Campaign;
import org.district.socialmedia.acknowledgements.entity.Obligation;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.SettingKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The acknowledgement timer's work. Campaigns: one starts when a version that requires acknowledgement is in
 * force (the unique auto_version_id refuses a second); every active staff member without an obligation in an
 * open campaign is enrolled with a full period from now (so a new hire gets their own). Obligations: one per
 * transaction, the latest stage due is recorded (the primary key refuses a second record of the same stage,
 * rolling back its email with it), told through the outbox, and the next look scheduled.
 */
@Stateless
public class AckWorker {

    /** A due obligation's key, read as a named record. */
    public record Due(Long campaignId, Long staffId) {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    PolicyLibrary policies;
    @Inject
    AckNotices notices;
    @Inject
    CoverageTally tally;

    public Duration period() {
        return Duration.parse(settings.value(SettingKey.ACK_PERIOD));
    }

    public String reminders() {
        return settings.value(SettingKey.ACK_REMINDERS);
    }

    /** Starts the campaign of each document's version in force that requires acknowledgement and has none yet. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int startDueCampaigns() {
        int started = 0;
        for (PolicyDocument document : PolicyDocument.values()) {
            Optional<PolicyVersion> inForce = policies.inForce(document);
            if (inForce.isEmpty() || !inForce.get().isRequiresAcknowledgement()) {
                continue;
            }
            Long versionId = inForce.get().getId();
            long existing = em.createQuery("SELECT COUNT(c) FROM Campaign c WHERE c.autoVersionId = :v", Long.class)
                    .setParameter("v", versionId).getSingleResult();
            if (existing == 0) {
                start(Campaign.whenInForce(versionId, clock.instant(), period(), reminders()), inForce.get());
                started++;
            }
        }
        return started;
    }

    /** Persists a campaign (closing the open ones of the same document) and enrolls every active staff member. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Campaign start(Campaign campaign, PolicyVersion version) {
        Instant now = clock.instant();
        List<Long> sameDocument = em.createQuery("SELECT v.id FROM PolicyVersion v WHERE v.document = :d", Long.class)
                .setParameter("d", version.getDocument()).getResultList();
        em.createQuery("SELECT c FROM Campaign c WHERE c.closedAt IS NULL AND c.versionId IN :versions", Campaign.class)
                .setParameter("versions", sameDocument).getResultStream().forEach(c -> c.close(now));
        em.persist(campaign);
        // the unique auto_version_id speaks here: a campaign another server started first rolls this one back
        em.flush();
        int enrolled = enroll(campaign);
        audit.record("ACK_CAMPAIGN_STARTED", Campaign.AUDIT_TYPE, campaign.getId(), version.getDocument().name() + " version "
                + version.getNumber() + " \"" + version.getLabel() + "\": " + campaign.getReason() + "; " + enrolled
                + " staff members owe an acknowledgement within " + campaign.getPeriod() + " (reminders " + campaign.getReminders() + ")");
        return campaign;
    }

    /**
     * Every active staff member not yet in the campaign, in one statement (150,000 rows are one round trip), and
     * the coverage tally's rows of their due date. The times are cut to the microseconds the column keeps, so that
     * the tally finds the rows by the due date it wrote.
     */
    int enroll(Campaign campaign) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant dueAt = campaign.planFor(now).dueAt().truncatedTo(ChronoUnit.MICROS);
        int enrolled = em.createNativeQuery("INSERT INTO ack_obligation (campaign_id, staff_id, assigned_at, due_at, next_look_at)"
                        + " SELECT ?1, s.id, ?2, ?3, ?4 FROM staff_user s WHERE s.active = TRUE"
                        + " AND NOT EXISTS (SELECT 1 FROM ack_obligation o WHERE o.campaign_id = ?5 AND o.staff_id = s.id)")
                .setParameter(1, campaign.getId()).setParameter(2, now.atOffset(ZoneOffset.UTC))
                .setParameter(3, dueAt.atOffset(ZoneOffset.UTC)).setParameter(4, now.atOffset(ZoneOffset.UTC))
                .setParameter(5, campaign.getId()).executeUpdate();
        if (enrolled > 0) {
            tally.enrolled(campaign.getId(), dueAt);
        }
        return enrolled;
    }

    /** Staff activated (or reactivated) since a campaign started get it with their own full period. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int enrollNewStaff() {
        int enrolled = 0;
        // in id order: each enrollment locks its campaign for the coverage tally, and two servers lock them in one order
        for (Campaign c : em.createQuery("SELECT c FROM Campaign c WHERE c.closedAt IS NULL ORDER BY c.id", Campaign.class).getResultList()) {
            int n = enroll(c);
            if (n > 0) {
                audit.record("ACK_STAFF_ENROLLED", Campaign.AUDIT_TYPE, c.getId(), n + " staff members activated since the start now owe an acknowledgement");
            }
            enrolled += n;
        }
        return enrolled;
    }

    /**
     * The obligations whose next look is due, soonest first, read in the order of the index on next_look_at and
     * no other: a campaign's start gives all its obligations the same next look, and a tie-breaker the index does
     * not hold made the database sort every one of them for each batch of 500.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Due> due(int limit) {
        return em.createQuery("SELECT NEW " + Due.class.getName() + "(o.campaignId, o.staffId) FROM Obligation o"
                        + " WHERE o.nextLookAt <= :now ORDER BY o.nextLookAt", Due.class)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /** Fires the latest stage due for one obligation; returns its key, or null. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String look(Due key) {
        String fired = fire(key, clock.instant());
        // the primary key speaks here: a stage another sweep recorded first rolls this one back, email included
        em.flush();
        return fired;
    }

    /**
     * {@link #look} for a chunk of obligations in one transaction: a campaign's start makes every staff member's
     * notice due at once, and one transaction (a dozen statements) per person made 150,000 notices take most of
     * an hour. The chunk's staff are read with one statement; each obligation and its stages are read by their
     * primary key without flushing what the chunk wrote so far, so its writes go to the database in JDBC batches
     * at the commit. (Reading the chunk's obligations and stages with "staff_id IN (...)" made H2 scan every row
     * of the campaign for each chunk.) A stage another server recorded first fails the commit and rolls back the
     * whole chunk, emails included; the sweep then looks at its obligations one by one. Returns how many fired.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int lookAll(List<Due> keys) {
        Instant now = clock.instant();
        // into the persistence context, where fire() finds them without a statement each (with their roles, batch-fetched)
        em.createQuery("SELECT s FROM StaffUser s WHERE s.id IN :ids", StaffUser.class)
                .setParameter("ids", keys.stream().map(Due::staffId).distinct().toList()).getResultList();
        int fired = 0;
        for (Due key : keys) {
            if (fire(key, now) != null) {
                fired++;
            }
        }
        return fired;
    }

    /** The stage due for one obligation, recorded with its email and audit row (not yet flushed); its key, or null. */
    private String fire(Due key, Instant now) {
        Obligation o = em.find(Obligation.class, new Obligation.Key(key.campaignId(), key.staffId()));
        if (o == null || o.getNextLookAt() == null || o.getNextLookAt().isAfter(now)) {
            return null;
        }
        Campaign campaign = em.find(Campaign.class, o.getCampaignId());
        StaffUser staff = em.find(StaffUser.class, o.getStaffId());
        if (o.getAcknowledgedAt() != null || !campaign.isOpen() || staff == null || !staff.isActive()) {
            o.scheduleLook(null);
            return null;
        }
        AckPlan plan = new AckPlan(o.getAssignedAt(), o.getDueAt(), AckPlan.parseReminders(campaign.getReminders()));
        // this obligation's stages, by its primary key; what this transaction wrote for other obligations stays unflushed
        Set<String> done = em.createQuery("SELECT s.stage FROM AckStage s WHERE s.campaignId = :c AND s.staffId = :p", String.class)
                .setParameter("c", key.campaignId()).setParameter("p", key.staffId()).setFlushMode(FlushModeType.COMMIT)
                .getResultStream().collect(Collectors.toSet());
        Optional<AckPlan.Stage> due = plan.due(now, done);
        String fired = null;
        if (due.isPresent()) {
            AckPlan.Stage stage = due.get();
            PolicyVersion version = policies.find(campaign.getVersionId()).orElseThrow();
            String token = null;
            if (stage.kind() != AckPlan.Kind.OVERDUE) {
                // a new personal link in each message, valid until the end of the period (at least a day)
                Instant expires = o.getDueAt().isAfter(now.plus(Duration.ofDays(1))) ? o.getDueAt() : now.plus(Duration.ofDays(1));
                AckLink.Issued issued = AckLink.issue(o.getCampaignId(), o.getStaffId(), expires);
                em.persist(issued.link());
                token = issued.token();
            }
            Set<StaffUser> contacts = stage.kind() == AckPlan.Kind.OVERDUE ? notices.contactsOf(staff) : Set.of();
            String recipients = stage.kind() == AckPlan.Kind.OVERDUE
                    ? contacts.stream().map(StaffUser::getUsername).collect(Collectors.joining(", ")) : staff.getUsername();
            em.persist(new AckStage(o.getCampaignId(), o.getStaffId(), stage, now, recipients));
            notices.send(stage, staff, contacts, version, o, token);
            audit.record("ACK_" + stage.kind(), Campaign.AUDIT_TYPE, campaign.getId(), staff.getUsername() + ": " + stage.key()
                    + " (due " + stage.dueAt() + ") reached " + (recipients.isEmpty() ? "nobody" : recipients));
            fired = stage.key();
        }
        o.scheduleLook(plan.nextAfter(now));
        return fired;
    }
}
