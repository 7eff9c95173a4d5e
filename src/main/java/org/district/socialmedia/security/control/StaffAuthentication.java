package org.district.socialmedia.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry.Outcome;
import org.district.socialmedia.people.entity.Role;
import org.district.socialmedia.people.entity.StaffUser;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks staff credentials against the staff table, for the form login and HTTP Basic alike.
 * Only active users sign in; the roles are read afresh on every request, so a deactivated user or a
 * removed role takes effect at once.
 */
@Stateless
@PermitAll
public class StaffAuthentication {

    private final PasswordHasher hasher = new PasswordHasher();

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;

    /** The roles of an active user whose password matches; empty for any failure, same time either way. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Set<String>> verify(String username, char[] password) {
        String normalized = StaffUser.normalizeUsername(username);
        StaffUser user = normalized == null || normalized.isEmpty() ? null : find(normalized);
        if (user == null || !user.isActive() || user.getPasswordHash() == null) {
            hasher.verifyDummy(password);
            audit.recordSeparately(normalized, "LOGIN", "StaffUser", normalized, Outcome.DENIED,
                    user == null ? "unknown user" : (!user.isActive() ? "deactivated user" : "no local password"));
            return Optional.empty();
        }
        if (!hasher.verify(password, user.getPasswordHash())) {
            audit.recordSeparately(user.getUsername(), "LOGIN", "StaffUser", user.getId(), Outcome.DENIED, "wrong password");
            return Optional.empty();
        }
        if (hasher.needsRehash(user.getPasswordHash())) {
            user.setPasswordHash(hasher.hash(password));
        }
        audit.recordSeparately(user.getUsername(), "LOGIN", "StaffUser", user.getId(), Outcome.DONE, null);
        return Optional.of(roleNames(user));
    }

    /** The current roles of an active user, or empty when the user is gone or deactivated. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Set<String>> activeRoles(String username) {
        StaffUser user = find(username);
        if (user == null || !user.isActive()) {
            return Optional.empty();
        }
        return Optional.of(roleNames(user));
    }

    private StaffUser find(String username) {
        return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class)
                .setParameter("username", username)
                .getResultStream().findFirst().orElse(null);
    }

    private static Set<String> roleNames(StaffUser user) {
        return user.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }
}
