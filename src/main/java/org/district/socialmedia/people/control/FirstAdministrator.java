package org.district.socialmedia.people.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.people.control.PasswordHasher;
import org.district.socialmedia.people.control.PasswordPolicy;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.platform.entity.SchemaReady;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A new production database has no user at all (demo users exist only in the dev run). When the
 * environment names a first system administrator (BOOTSTRAP_ADMIN_USERNAME, BOOTSTRAP_ADMIN_EMAIL,
 * BOOTSTRAP_ADMIN_PASSWORD) and no active system administrator exists, that account is created once;
 * afterwards the variables are ignored and should be removed.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    DatabaseReadiness readiness;

    @PostConstruct
    void bootstrapAtDeployment() {
        if (readiness.isReady()) {
            bootstrap();
        }
    }

    /** The database was down at deployment and is back. */
    public void bootstrapWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION) SchemaReady ready) {
        bootstrap();
    }

    void bootstrap() {
        String username = System.getenv("BOOTSTRAP_ADMIN_USERNAME");
        if (username == null || username.isBlank()) {
            return;
        }
        long admins = em.createQuery("SELECT COUNT(s) FROM StaffUser s JOIN s.roles r WHERE r = :role AND s.active = TRUE", Long.class)
                .setParameter("role", Role.SYSTEM_ADMIN).getSingleResult();
        if (admins > 0) {
            LOG.info("BOOTSTRAP_ADMIN_* is set but an active system administrator exists: nothing created (remove the variables)");
            return;
        }
        String email = System.getenv("BOOTSTRAP_ADMIN_EMAIL");
        String password = System.getenv("BOOTSTRAP_ADMIN_PASSWORD");
        if (email == null || email.isBlank()) {
            LOG.severe("BOOTSTRAP_ADMIN_USERNAME is set but BOOTSTRAP_ADMIN_EMAIL is missing: no administrator created");
            return;
        }
        Optional<String> weak = PasswordPolicy.problem(password);
        if (weak.isPresent()) {
            LOG.severe("BOOTSTRAP_ADMIN_USERNAME is set but BOOTSTRAP_ADMIN_PASSWORD cannot be used (" + weak.get()
                    + "): no administrator created");
            return;
        }
        if (!em.createNamedQuery(StaffUser.BY_USERNAME).setParameter("username", StaffUser.normalizeUsername(username))
                .getResultList().isEmpty()) {
            LOG.severe("BOOTSTRAP_ADMIN_USERNAME '" + username + "' already exists (not an active system administrator): nothing created");
            return;
        }
        StaffUser admin = new StaffUser(username, "System administrator", email, clock.instant());
        admin.grantRoles(EnumSet.of(Role.SYSTEM_ADMIN));
        admin.setPasswordHash(new PasswordHasher().hash(password.toCharArray()));
        em.persist(admin);
        em.flush();
        audit.recordSeparately("system", "BOOTSTRAP_ADMIN_CREATED", "StaffUser", admin.getId(), AuditEntry.Outcome.DONE,
                admin.getUsername() + " <" + admin.getEmail() + ">");
        LOG.warning("Created the first system administrator '" + admin.getUsername() + "' from BOOTSTRAP_ADMIN_*;"
                + " sign in, change the password, and remove the variables");
    }
}
