package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.AccountChoices.AuthorizationChoice;
import org.district.socialmedia.accounts.control.AccountChoices.HolderChoice;
import org.district.socialmedia.accounts.control.AccountChoices;
import org.district.socialmedia.accounts.control.AccountRecords;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.platform.entity.Role;

import java.util.List;

/** The lists the registry's forms choose from, each for those who may make that choice. */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
        Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AccountPickers {

    @PersistenceContext
    EntityManager em;
    @Inject
    RightsAuthority authority;

    /** Active authorizations not yet linked to an account, to create an account from (registry keepers only). */
    public List<AuthorizationChoice> unlinkedAuthorizations(int limit) {
        authority.requireRegistryManager();
        return AccountChoices.unlinkedAuthorizations(em, limit);
    }

    /** Active authorizations for the account's platform, to link as operators. */
    public List<AuthorizationChoice> linkableAuthorizations(Long accountId) {
        authority.requireRegistryManager();
        return AccountChoices.linkableAuthorizations(em, AccountRecords.find(em, accountId));
    }

    /** The staff who may hold rights (active, SITE_ADMIN), matching a name or username, for the grant dialog. */
    public List<HolderChoice> holders(String text, int limit) {
        authority.requireGranter();
        return AccountChoices.holders(em, text, limit);
    }
}
