package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.AccountRecords;
import org.district.socialmedia.accounts.control.AccountViews.GrantView;
import org.district.socialmedia.accounts.control.AccountViews;
import org.district.socialmedia.accounts.control.GrantFilter;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.AccountEvent;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Administrative rights on the District's accounts: who holds them, granting, revoking and the access
 * review's confirmation (the Superintendent, or a designee given that power). Every change goes into
 * the account's history.
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
        Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AccountGrants {

    /** Rights as the Superintendent grants them; the API may name the holder by username. */
    public record GrantInput(Long holderId, String holder, String reason, LocalDate startsOn, LocalDate endsOn,
                             String openEndedReason) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountComplianceTally compliance;
    @Inject
    AuditLog audit;
    @Inject
    RightsAuthority authority;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Event<AccountEvent> events;

    /** How many grants match, up to {@link Matches#LIMIT}. */
    public Matches countGrants(GrantFilter filter) {
        return AccountQueries.countGrants(em, authority.caller(), filter, today(), openReviewStart());
    }

    /**
     * How many active rights end within 30 days on the accounts the caller may see: the home count of the grants
     * page's {@code ?expiringSoon=true}. A site administrator who sees only what they administer is counted by
     * the narrower join; anybody else by the page's own query.
     */
    public Matches countExpiringSoon() {
        RightsAuthority.Caller caller = authority.caller();
        if (caller.siteAdmin() && !caller.employee() && !caller.seesAll()) {
            return AccountQueries.countExpiringAdministered(em, caller.username(), today());
        }
        return AccountQueries.countGrants(em, caller, GrantFilter.EXPIRING_SOON, today(), openReviewStart());
    }

    /** A page of the grants on accounts the caller may see; sortBy is endsOn, startsOn, holder, account or status. */
    public List<GrantView> grants(GrantFilter filter, int first, int size, String sortBy, boolean ascending) {
        AccountQueries.checkPage(first, size);
        RightsAuthority.Caller caller = authority.caller();
        List<Long> ids = AccountQueries.grants(em, caller, filter, today(), openReviewStart(),
                        AccountQueries.grantOrder(sortBy, ascending, caller, filter), true, Long.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
        return AccountViews.grantViews(em, ids);
    }

    /** Grants rights (Superintendent, or a designee given that power). */
    public GrantView grant(Long accountId, GrantInput in) {
        RightsAuthority.Caller caller = authority.requireGranter();
        DistrictAccount account = AccountRecords.find(em, accountId);
        if (in == null) {
            throw new InvalidInputException("holderId", "Choose the District administrator or supervisor who receives the rights");
        }
        StaffUser holder = holder(in);
        DistrictSettings district = settings.current();
        LocalDate today = today();
        Instant now = clock.instant();
        // granting again to someone who holds rights renews them: the new grant replaces the one in force
        List<AccountGrant> current = holder == null ? List.of() : em.createQuery("SELECT g FROM AccountGrant g WHERE g.account = :a"
                        + " AND g.holder = :h AND g.status = :active", AccountGrant.class).setParameter("a", account)
                .setParameter("h", holder).setParameter("active", GrantStatus.ACTIVE).getResultList();
        em.lock(account, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        AccountGrant grant = account.grant(holder, caller.granter(), in.reason(), in.startsOn(), in.endsOn(), in.openEndedReason(),
                today, district.rights().schoolYearEndOnOrAfter(in.startsOn() == null ? today : in.startsOn()), now);
        grant.scheduleCheck(grant.nextCheck(district.timeZone(), district.rights().noticeDaysBefore(), false));
        em.persist(grant);
        AccountRecords.flush(em);
        for (AccountGrant old : current) {
            account.endGrant(old, GrantStatus.REVOKED, "Renewed: replaced by grant " + grant.getId(), caller.username(), now);
            audit.record("GRANT_RENEWED", DistrictAccount.OBJECT_TYPE, accountId, "grant " + old.getId() + " of "
                    + holder.getUsername() + " replaced by grant " + grant.getId());
        }
        AccountRecords.flush(em);
        compliance.accountChanged(account);
        audit.record("GRANT_CREATED", DistrictAccount.OBJECT_TYPE, accountId, "administrative rights (grant " + grant.getId()
                + ") to " + holder.getUsername() + " from " + grant.getStartsOn() + " to "
                + (grant.getEndsOn() == null ? "no end date (" + grant.getOpenEndedReason() + ")" : grant.getEndsOn())
                + " by " + caller.username() + " as " + caller.granter().capacity() + "; reason: " + grant.getReason());
        events.fire(AccountEvent.grant(AccountEvent.Type.GRANTED, accountId, grant.getId(), caller.username()));
        return AccountViews.grantView(grant);
    }

    /** Revokes rights early, with a reason. */
    public GrantView revoke(Long grantId, String reason) {
        RightsAuthority.Caller caller = authority.requireGranter();
        AccountGrant grant = AccountRecords.findGrant(em, grantId);
        DistrictAccount account = grant.getAccount();
        em.lock(account, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        account.endGrant(grant, GrantStatus.REVOKED, reason, caller.username(), clock.instant());
        compliance.accountChanged(account);
        AccountRecords.flush(em);
        audit.record("GRANT_REVOKED", DistrictAccount.OBJECT_TYPE, account.getId(), "grant " + grantId + " of "
                + grant.getHolder().getUsername() + " revoked by " + caller.username() + "; reason: " + grant.getEndReason());
        events.fire(AccountEvent.grant(AccountEvent.Type.REVOKED, account.getId(), grantId, caller.username()));
        return AccountViews.grantView(grant);
    }

    /** The access review's "confirm": these rights stay. */
    public GrantView confirm(Long grantId) {
        RightsAuthority.Caller caller = authority.requireGranter();
        AccountGrant grant = AccountRecords.findGrant(em, grantId);
        grant.confirmReview(caller.username(), clock.instant());
        // a flagged right no longer is: the unit's count of flagged rights moves
        compliance.accountChanged(grant.getAccount());
        AccountRecords.flush(em);
        audit.record("GRANT_CONFIRMED", DistrictAccount.OBJECT_TYPE, grant.getAccount().getId(), "grant " + grantId + " of "
                + grant.getHolder().getUsername() + " confirmed in the access review by " + caller.username());
        return AccountViews.grantView(grant);
    }

    public LocalDate today() {
        return clock.instant().atZone(settings.current().timeZone()).toLocalDate();
    }

    /** When the open access review started (rights confirmed before it are "not reviewed"), or null. */
    public Instant openReviewStart() {
        return AccountQueries.openReviewStart(em);
    }

    private StaffUser holder(GrantInput in) {
        if (in.holderId() != null) {
            StaffUser user = em.find(StaffUser.class, in.holderId());
            if (user == null) {
                throw new InvalidInputException("holderId", "No staff member has the id " + in.holderId());
            }
            return user;
        }
        if (in.holder() != null && !in.holder().isBlank()) {
            return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class)
                    .setParameter("username", StaffUser.normalizeUsername(in.holder())).getResultStream().findFirst()
                    .orElseThrow(() -> new InvalidInputException("holderId", "No staff member has the username '" + in.holder().strip() + "'"));
        }
        return null;
    }
}
