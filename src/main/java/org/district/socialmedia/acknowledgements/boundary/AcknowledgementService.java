package org.district.socialmedia.acknowledgements.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.acknowledgements.control.AckWorker;
import org.district.socialmedia.acknowledgements.control.CoverageTally;
import org.district.socialmedia.acknowledgements.entity.AckChannel;
import org.district.socialmedia.acknowledgements.entity.AckLink;
import org.district.socialmedia.acknowledgements.entity.Campaign;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas;
import org.district.socialmedia.acknowledgements.entity.Obligation;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A staff member's side: what they owe and have acknowledged, and acknowledging in one step (banner, page,
 * personal link, API). Starting a campaign by hand is the Superintendent's or a system administrator's.
 * Every refusal changes nothing.
 */
@Stateless
@PermitAll
public class AcknowledgementService {

    /** One obligation as the caller sees it. */
    public record Mine(Long campaignId, Long versionId, String document, String label, Instant assignedAt, Instant dueAt,
                       boolean overdue, Instant acknowledgedAt, String textSha256, String channel) implements Serializable {
    }

    /** What the banner needs: the oldest open obligation's version. */
    public record Pending(Long campaignId, Long versionId, Instant dueAt) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    PolicyLibrary policies;
    @Inject
    AckWorker worker;
    @Inject
    CoverageTally tally;

    /** One indexed query, for the banner on every page; null when nothing is owed. */
    public Pending pending(String username) {
        List<Pending> open = em.createQuery("SELECT NEW " + Pending.class.getName() + "(c.id, c.versionId, o.dueAt)"
                        + " FROM Obligation o, Campaign c WHERE c.id = o.campaignId AND o.staff.username = :u"
                        + " AND o.acknowledgedAt IS NULL AND c.closedAt IS NULL ORDER BY o.dueAt", Pending.class)
                .setParameter("u", username).setMaxResults(1).getResultList();
        return open.isEmpty() ? null : open.get(0);
    }

    public List<Mine> mine() {
        return mine(em.createQuery("SELECT o FROM Obligation o WHERE o.staff.username = :u ORDER BY o.assignedAt DESC", Obligation.class)
                .setParameter("u", caller()).getResultList());
    }

    /** What the caller still owes: not acknowledged, in a campaign still open (what the banner asks, oldest due first). */
    public List<Mine> due() {
        return mine(em.createQuery("SELECT o FROM Obligation o, Campaign c WHERE c.id = o.campaignId AND o.staff.username = :u"
                        + " AND o.acknowledgedAt IS NULL AND c.closedAt IS NULL ORDER BY o.dueAt", Obligation.class)
                .setParameter("u", caller()).getResultList());
    }

    /** How many {@link #due()} holds, for the home page: one COUNT on the staff member's index (staff_id, acknowledged_at). */
    public long countDue() {
        return Counts.countDue(em, caller());
    }

    /** The count as a query on any EntityManager, like the other home counts (a benchmark can run it outside the
     *  container); a nested class, because a bean class with a static method makes WildFly warn (WFLYEJB0131). */
    public static final class Counts {
        private Counts() {
        }

        public static long countDue(EntityManager em, String username) {
            return em.createQuery("SELECT COUNT(o) FROM Obligation o, Campaign c WHERE c.id = o.campaignId AND o.staff.username = :u"
                            + " AND o.acknowledgedAt IS NULL AND c.closedAt IS NULL", Long.class)
                    .setParameter("u", username).getSingleResult();
        }
    }

    private List<Mine> mine(List<Obligation> obligations) {
        Instant now = clock.instant();
        return obligations.stream().map(o -> {
            Campaign c = em.find(Campaign.class, o.getCampaignId());
            PolicyVersion v = policies.find(c.getVersionId()).orElseThrow();
            return new Mine(c.getId(), v.getId(), v.getDocument().name(), v.getLabel(), o.getAssignedAt(), o.getDueAt(),
                    o.isOverdue(now), o.getAcknowledgedAt(), o.getTextSha256(), o.getChannel() == null ? null : o.getChannel().name());
        }).toList();
    }

    /** The version a personal link is about, to show its text before acknowledging; the link is not used up. */
    public PolicyVersion versionOfLink(String token) {
        AckLink link = link(token);
        checkOwner(link);
        return policies.find(em.find(Campaign.class, link.getCampaignId()).getVersionId()).orElseThrow();
    }

    /** Acknowledges the version in force: every open obligation of the caller for it is met. */
    public List<Mine> acknowledge(Long versionId, AckChannel channel) {
        if (versionId == null) {
            throw new InvalidInputException("versionId", "Name the policy version you acknowledge (versionId)");
        }
        PolicyVersion version = inForce(versionId);
        StaffUser me = me();
        List<Obligation> open = em.createQuery("SELECT o FROM Obligation o, Campaign c WHERE c.id = o.campaignId AND o.staffId = :me"
                        + " AND c.versionId = :v AND o.acknowledgedAt IS NULL AND c.closedAt IS NULL", Obligation.class)
                .setParameter("me", me.getId()).setParameter("v", version.getId()).getResultList();
        if (open.isEmpty()) {
            throw new ConflictException("You owe no acknowledgement of \"" + version.getLabel() + "\": there is none open, or you acknowledged it already");
        }
        Instant now = clock.instant();
        for (Obligation o : open) {
            record(o, me, version, now, channel);
        }
        return mine();
    }

    /** The personal link of an email: single-use, expiring, and only for the person it was sent to (signed in). */
    public List<Mine> acknowledgeByLink(String token) {
        AckLink link = link(token);
        checkOwner(link);
        Instant now = clock.instant();
        String refusal = link.refusal(now);
        if (refusal != null) {
            throw new ConflictException(refusal);
        }
        Campaign campaign = em.find(Campaign.class, link.getCampaignId());
        PolicyVersion version = inForce(campaign.getVersionId());
        Obligation o = em.find(Obligation.class, new Obligation.Key(link.getCampaignId(), link.getStaffId()));
        if (o.getAcknowledgedAt() != null || !campaign.isOpen()) {
            throw new ConflictException("You owe no acknowledgement through this link any more: acknowledged on " + o.getAcknowledgedAt()
                    + (campaign.isOpen() ? "" : ", or its campaign was replaced by a newer one"));
        }
        link.use(now);
        record(o, me(), version, now, AckChannel.LINK);
        return mine();
    }

    @RolesAllowed({Role.SUPERINTENDENT_NAME, Role.SYSTEM_ADMIN_NAME})
    public Long startCampaign(Long versionId, String reason) {
        PolicyVersion version = versionId == null
                ? policies.inForce(PolicyDocument.BOARD_POLICY).orElseThrow(() -> new NotFoundException("board policy in force"))
                : inForce(versionId);
        try {
            return worker.start(Campaign.byHand(version.getId(), clock.instant(), caller(), reason, worker.period(), worker.reminders()),
                    version).getId();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", e.getMessage());
        }
    }

    /** Ends a campaign early: nobody is reminded or shown the banner for it any more; what was acknowledged stays. */
    @RolesAllowed({Role.SUPERINTENDENT_NAME, Role.SYSTEM_ADMIN_NAME})
    public void closeCampaign(Long campaignId) {
        Campaign campaign = campaignId == null ? null : em.find(Campaign.class, campaignId);
        if (campaign == null) {
            throw new NotFoundException("acknowledgement campaign " + campaignId);
        }
        if (!campaign.isOpen()) {
            throw new ConflictException("The campaign ended on " + campaign.getClosedAt() + " already");
        }
        campaign.close(clock.instant());
        audit.record("ACK_CAMPAIGN_CLOSED", Campaign.AUDIT_TYPE, campaign.getId(), "ended by hand");
    }

    /** The acknowledgement, and its count in the coverage tally (of an active staff member's unit), in one transaction. */
    private void record(Obligation o, StaffUser staff, PolicyVersion version, Instant now, AckChannel channel) {
        o.acknowledge(now, version.getBodySha256(), channel);
        if (staff.isActive()) {
            tally.apply(CoverageDeltas.acknowledged(o.getCampaignId(), staff.getUnit() == null ? null : staff.getUnit().getId(), o.getDueAt()));
        }
        audit.record("POLICY_ACKNOWLEDGED", Campaign.AUDIT_TYPE, o.getCampaignId(), caller() + " acknowledged "
                + version.getDocument().name() + " version " + version.getNumber() + " \"" + version.getLabel() + "\" ("
                + channel.name().toLowerCase() + "); text SHA-256 " + version.getBodySha256());
    }

    private PolicyVersion inForce(Long versionId) {
        PolicyVersion version = policies.find(versionId).orElseThrow(() -> new NotFoundException("policy version " + versionId));
        if (!policies.isInForce(version)) {
            String current = policies.inForce(version.getDocument()).map(v -> " The version in force is \"" + v.getLabel() + "\" (id " + v.getId() + ").").orElse("");
            throw new ConflictException("Version \"" + version.getLabel() + "\" of the " + version.getDocument().title()
                    + " is not in force: it cannot be acknowledged." + current);
        }
        return version;
    }

    private AckLink link(String token) {
        AckLink link = token == null || token.isBlank() || token.length() > 100 ? null : em.find(AckLink.class, AckLink.hash(token.strip()));
        if (link == null) {
            throw new NotFoundException("acknowledgement link");
        }
        return link;
    }

    private void checkOwner(AckLink link) {
        if (!link.getStaffId().equals(me().getId())) {
            throw new AccessDeniedException("This acknowledgement link was sent to someone else: sign in as its addressee");
        }
    }

    private StaffUser me() {
        return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", caller()).getSingleResult();
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
