package org.district.socialmedia.accounts.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.Granter;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.control.ReviewerAuthority;
import org.district.socialmedia.requests.entity.Designation;

import java.io.Serializable;
import java.util.List;

/**
 * What the caller may do with District accounts, decided in one place for every page and endpoint:
 * the Superintendent (and a designee in force given that power) grants and revokes rights; system
 * administrators and those granters keep the registry; auditors and designees read everything;
 * a District administrator sees the accounts they hold rights on, an employee those they are
 * authorized to operate.
 */
@Stateless
public class RightsAuthority {

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    ReviewerAuthority reviewers;

    /**
     * @param granter      non-null when the caller may grant and revoke administrative rights
     * @param seesAll      reads every account and grant
     * @param managesRegistry creates and edits accounts, records compliance checks on any account
     * @param siteAdmin    holds the SITE_ADMIN role (sees the accounts they hold rights on)
     * @param employee     holds the EMPLOYEE role (sees the accounts they are authorized to operate)
     */
    public record Caller(String username, Granter granter, boolean seesAll, boolean managesRegistry, boolean siteAdmin,
                         boolean employee, boolean auditor) implements Serializable {

        public boolean mayGrant() {
            return granter != null;
        }
    }

    public Caller caller() {
        String username = context.getCallerPrincipal().getName();
        boolean superintendent = context.isCallerInRole(Role.SUPERINTENDENT_NAME);
        boolean designee = false;
        boolean designeeMayGrant = false;
        if (!superintendent && context.isCallerInRole(Role.REVIEWER_NAME)) {
            List<Designation> designations = reviewers.activeDesignations(username);
            designee = !designations.isEmpty();
            designeeMayGrant = designations.stream().anyMatch(Designation::isMayGrantRights);
        }
        Granter granter = null;
        if (superintendent || designeeMayGrant) {
            String fullName = em.createNamedQuery(StaffUser.NAME_IF_ACTIVE, String.class).setParameter("username", username)
                    .getResultStream().findFirst().orElse(null);
            if (fullName != null) {
                granter = new Granter(username, fullName,
                        superintendent ? ReviewerAuthority.SUPERINTENDENT_TITLE : ReviewerAuthority.DESIGNEE_TITLE);
            }
        }
        boolean sysadmin = context.isCallerInRole(Role.SYSTEM_ADMIN_NAME);
        boolean auditor = context.isCallerInRole(Role.AUDITOR_NAME);
        return new Caller(username, granter, superintendent || designee || sysadmin || auditor, sysadmin || granter != null,
                context.isCallerInRole(Role.SITE_ADMIN_NAME), context.isCallerInRole(Role.EMPLOYEE_NAME), auditor);
    }

    public Caller requireGranter() {
        Caller caller = caller();
        if (!caller.mayGrant()) {
            throw new AccessDeniedException("Only the Superintendent, or a designee given that power, grants or revokes administrative rights");
        }
        return caller;
    }

    public Caller requireRegistryManager() {
        Caller caller = caller();
        if (!caller.managesRegistry()) {
            throw new AccessDeniedException("Only a system administrator, the Superintendent or a designee given the power to grant rights keeps the account registry");
        }
        return caller;
    }
}
