package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.LikePatterns;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.AuthorizationStatus;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The pickers' lists: authorizations to make an account from or to link as operators, staff to hold rights. */
public final class AccountChoices {

    /** An authorization that can become an account or an operator of one. */
    public record AuthorizationChoice(Long id, String employee, String platform, String account, Long platformId)
            implements Serializable {
    }

    public record HolderChoice(Long id, String username, String fullName, String unit) implements Serializable {
    }

    private AccountChoices() {
    }

    /** Active authorizations not yet linked to an account, newest first. */
    public static List<AuthorizationChoice> unlinkedAuthorizations(EntityManager em, int limit) {
        return em.createQuery("SELECT a FROM Authorization a WHERE a.status = :active AND NOT EXISTS "
                                + "(SELECT o FROM AccountOperator o WHERE o.authorization = a) ORDER BY a.grantedAt DESC, a.id DESC",
                        Authorization.class).setParameter("active", AuthorizationStatus.ACTIVE)
                .setMaxResults(Math.min(limit, AccountQueries.PAGE_MAX))
                .getResultStream().map(AccountChoices::choice).toList();
    }

    /** Active authorizations for the account's platform that do not operate it yet, newest first. */
    public static List<AuthorizationChoice> linkableAuthorizations(EntityManager em, DistrictAccount account) {
        return em.createQuery("SELECT a FROM Authorization a JOIN a.line l WHERE a.status = :active AND l.platform = :platform"
                                + " AND NOT EXISTS (SELECT o FROM AccountOperator o WHERE o.authorization = a AND o.account = :account)"
                                + " ORDER BY a.grantedAt DESC, a.id DESC", Authorization.class)
                .setParameter("active", AuthorizationStatus.ACTIVE).setParameter("platform", account.getPlatform())
                .setParameter("account", account).setMaxResults(AccountQueries.PAGE_MAX).getResultStream()
                .map(AccountChoices::choice).toList();
    }

    /** The staff who may hold rights (active, SITE_ADMIN), matching a name or username. */
    public static List<HolderChoice> holders(EntityManager em, String text, int limit) {
        String like = "%" + LikePatterns.escape(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return em.createQuery("SELECT s FROM StaffUser s JOIN s.roles r WHERE r = :role AND s.active = TRUE AND "
                                + "(LOWER(s.fullName) LIKE :text ESCAPE '\\' OR s.username LIKE :text ESCAPE '\\') ORDER BY s.fullName, s.id",
                        StaffUser.class).setParameter("role", Role.SITE_ADMIN).setParameter("text", like)
                .setMaxResults(Math.min(limit, AccountQueries.PAGE_MAX)).getResultStream()
                .map(s -> new HolderChoice(s.getId(), s.getUsername(), s.getFullName(), s.getUnit() == null ? null : s.getUnit().getName()))
                .toList();
    }

    private static AuthorizationChoice choice(Authorization a) {
        return new AuthorizationChoice(a.getId(), a.getEmployee().getFullName() + " (" + a.getEmployee().getUsername() + ")",
                a.getPlatformLabel(), a.getAccountLabel(), a.getLine().getPlatform().getId());
    }
}
