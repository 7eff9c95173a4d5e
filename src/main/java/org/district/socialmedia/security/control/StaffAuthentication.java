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
import org.district.socialmedia.people.control.PasswordHasher;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.security.entity.LoginFailure;
import org.district.socialmedia.security.entity.LoginLock;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.SecuritySettings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks staff credentials against the staff table, for the form login and HTTP Basic alike, and
 * finds the staff member a single sign-on vouched for.
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
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;
    @Inject
    VerifiedPasswords verified;
    @Inject
    SignInCounters counters;

    /**
     * The roles of an active user whose password matches; empty for any failure, same time either way.
     * A username locked after repeated failures (LoginLock) is refused whatever the password, with the
     * same answer, so the lock does not tell whether the username exists either. {@code reuse}: an API
     * call (HTTP Basic) may rely on this server's check of the same password a moment ago
     * (VerifiedPasswords); that call is no new sign-in, so it writes no LOGIN row. A form login always
     * checks in full and is always audited.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Set<String>> verify(String username, char[] password, boolean reuse) {
        String normalized = StaffUser.normalizeUsername(username);
        if (normalized == null || normalized.isEmpty() || normalized.length() > StaffUser.USERNAME_MAX) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        Instant now = clock.instant();
        SecuritySettings rules = settings.current().security();
        List<Instant> recent = recentFailures(normalized, rules);
        Optional<Instant> locked = LoginLock.lockedUntil(recent, rules, now);
        if (locked.isPresent()) {
            counters.countRefusedWhileLocked();
            hasher.verifyDummy(password);
            audit.recordSeparately(normalized, "LOGIN", "StaffUser", normalized, Outcome.DENIED,
                    "locked after repeated failures until " + locked.get());
            return Optional.empty();
        }
        StaffUser user = find(normalized);
        if (user == null || !user.isActive() || user.getPasswordHash() == null) {
            hasher.verifyDummy(password);
            failed(normalized, now, user == null ? "unknown user" : (!user.isActive() ? "deactivated user" : "no local password"));
            return Optional.empty();
        }
        if (reuse && verified.matches(normalized, password, user.getPasswordHash(), now)) {
            forgetFailures(normalized, recent);
            return Optional.of(roleNames(user));
        }
        if (!hasher.verify(password, user.getPasswordHash())) {
            failed(normalized, now, "wrong password");
            return Optional.empty();
        }
        if (hasher.needsRehash(user.getPasswordHash())) {
            user.setPasswordHash(hasher.hash(password));
        }
        forgetFailures(normalized, recent);
        verified.remember(normalized, password, user.getPasswordHash(), now);
        audit.recordSeparately(user.getUsername(), "LOGIN", "StaffUser", user.getId(), Outcome.DONE, null);
        return Optional.of(roleNames(user));
    }

    private void forgetFailures(String username, List<Instant> recent) {
        if (!recent.isEmpty()) {
            // only then: every API call signs in, and most have no failure to forget
            em.createQuery("DELETE FROM LoginFailure f WHERE f.username = :u").setParameter("u", username).executeUpdate();
        }
    }

    private List<Instant> recentFailures(String username, SecuritySettings rules) {
        // at least one, even with locking off: a success then still knows whether there are failures to forget
        return em.createQuery("SELECT f.failedAt FROM LoginFailure f WHERE f.username = :u ORDER BY f.failedAt DESC", Instant.class)
                .setParameter("u", username).setMaxResults(Math.max(1, rules.lockFailures())).getResultList();
    }

    private void failed(String username, Instant now, String why) {
        counters.countFailure();
        em.persist(new LoginFailure(username, now));
        audit.recordSeparately(username, "LOGIN", "StaffUser", username, Outcome.DENIED, why);
    }

    /** Why a single sign-on found no one to sign in; each has its own message on the login page. */
    public enum SingleSignOnRefusal { PERSONAL_ADDRESS, NOT_REGISTERED }

    /** The outcome of a single sign-on: the username signed in, or why not. */
    public record SingleSignOn(String username, SingleSignOnRefusal refusal) {
    }

    /**
     * The staff member a provider vouched for (IdTokenValidation checked the token): found by District email
     * address, active. A personal address is refused whatever the provider says (policy: District and
     * personal accounts stay separate). No password is involved, so the login lock does not apply.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SingleSignOn singleSignOn(String email, String issuer, String subject) {
        String address = StaffUser.normalizeEmail(email);
        String via = "single sign-on, " + issuer + " subject " + subject;
        if (!settings.current().isDistrictEmail(address)) {
            audit.recordSeparately(address, "LOGIN", "StaffUser", address, Outcome.DENIED, via + ": not a District address");
            return new SingleSignOn(null, SingleSignOnRefusal.PERSONAL_ADDRESS);
        }
        StaffUser user = em.createNamedQuery(StaffUser.BY_EMAIL, StaffUser.class).setParameter("email", address)
                .getResultStream().findFirst().orElse(null);
        if (user == null || !user.isActive()) {
            audit.recordSeparately(address, "LOGIN", "StaffUser", address, Outcome.DENIED,
                    via + (user == null ? ": no staff member has this address" : ": deactivated user"));
            return new SingleSignOn(null, SingleSignOnRefusal.NOT_REGISTERED);
        }
        user.signedInBySingleSignOn();
        audit.recordSeparately(user.getUsername(), "LOGIN", "StaffUser", user.getId(), Outcome.DONE, via);
        return new SingleSignOn(user.getUsername(), null);
    }

    /** The current roles of an active user, or empty when the user is gone or deactivated. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Set<String>> activeRoles(String username) {
        List<Role> rows = em.createNamedQuery(StaffUser.ROLES_IF_ACTIVE, Role.class).setParameter("username", username)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(Objects::nonNull).map(Role::name).collect(Collectors.toUnmodifiableSet()));
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
