package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.control.ExistingAccounts;
import org.district.socialmedia.requests.entity.Platform;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/** The registry's accounts in use, for the request form and for checking the lines that name one. */
@Stateless
public class RequestableAccounts implements ExistingAccounts {

    @PersistenceContext
    EntityManager em;
    @Inject
    Principal caller;

    /**
     * The accounts of the caller's own school or department that are in use, for an employee asking
     * to post on an existing account instead of opening a new one.
     */
    @Override
    @RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
            Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
    public List<AccountChoice> ofCallersUnit() {
        return em.createQuery("SELECT a FROM DistrictAccount a, StaffUser s WHERE s.username = :me AND a.unit = s.unit"
                                + " AND a.status = :active ORDER BY a.handleKey, a.id", DistrictAccount.class)
                .setParameter("me", caller.getName()).setParameter("active", AccountStatus.ACTIVE)
                .setMaxResults(AccountQueries.PAGE_MAX).getResultStream()
                .map(a -> new AccountChoice(a.getId(), a.getPlatform().getId(), a.platformLabel() + ": " + a.getHandle())).toList();
    }

    /** An existing account must be one of the registry's, on the line's platform, still in use. */
    @Override
    @PermitAll
    public Optional<String> whyNot(long accountId, Platform platform) {
        DistrictAccount account = em.find(DistrictAccount.class, accountId);
        if (account == null || account.getStatus() == AccountStatus.ARCHIVED) {
            return Optional.of("No District account in use has the id " + accountId);
        }
        if (!account.getPlatform().equals(platform)) {
            return Optional.of(account.getHandle() + " is a " + account.platformLabel() + " account, not " + platform.getName());
        }
        return Optional.empty();
    }
}
