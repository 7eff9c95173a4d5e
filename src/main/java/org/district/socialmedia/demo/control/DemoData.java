package org.district.socialmedia.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.people.control.PasswordHasher;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.platform.entity.SchemaReady;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The default dev run's living District: schools, departments and one demo user per role, all
 * with the password "demo" (or DEMO_PASSWORD). Only when server-config/dev/configure-demo-data.cli
 * asked for it, and never on any database but H2 unless a throwaway test database says so too
 * (dev/configure-demo-data-any-database.cli: the PostgreSQL run of the tests). Idempotent: what
 * exists is left alone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    public static final String DEMO_DATA_PROPERTY = "social-media.demo-data";
    public static final String DEMO_PASSWORD_PROPERTY = "social-media.demo-password";
    /** A second, separate opt-in: demo users with a known password must never land in a production database by one slip. */
    public static final String ANY_DATABASE_PROPERTY = "social-media.demo-data.any-database";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    record DemoUser(String username, String fullName, String unitCode, Role... roles) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("employee1", "Maria Lopez", "LHS", Role.EMPLOYEE),
            new DemoUser("employee2", "James Carter", "WES", Role.EMPLOYEE),
            new DemoUser("employee3", "Aiko Tanaka", "LHS", Role.EMPLOYEE),
            new DemoUser("superintendent", "Dr. Helen Brooks", "DO", Role.SUPERINTENDENT, Role.REVIEWER),
            new DemoUser("designee", "Robert Chen", "DO", Role.REVIEWER),
            new DemoUser("siteadmin", "Patricia Gomez", "LHS", Role.SITE_ADMIN),
            new DemoUser("siteadmin2", "Thomas Nguyen", "WES", Role.SITE_ADMIN),
            new DemoUser("clerk", "Daniel Kim", "WES", Role.CONSENT_CLERK),
            new DemoUser("clerk2", "Fatima Hassan", "LHS", Role.CONSENT_CLERK),
            new DemoUser("auditor", "Grace Okafor", "DO", Role.AUDITOR),
            new DemoUser("sysadmin", "Samuel Reed", "IT", Role.SYSTEM_ADMIN));

    static final Map<String, String[]> UNITS = Map.of(
            "LHS", new String[]{"Lincoln High School", "SCHOOL"},
            "WES", new String[]{"Washington Elementary School", "SCHOOL"},
            "RMS", new String[]{"Roosevelt Middle School", "SCHOOL"},
            "DO", new String[]{"District Office", "DEPARTMENT"},
            "IT", new String[]{"Information Technology", "DEPARTMENT"},
            "COMM", new String[]{"Communications", "DEPARTMENT"});

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Resource(lookup = "java:jboss/datasources/SocialMediaDS")
    DataSource dataSource;
    @Inject
    DemoRequests requests;
    @Inject
    DemoAccounts accounts;
    @Inject
    DemoRoster roster;
    @Inject
    DemoConsents consents;
    @Inject
    DistrictSettingsService settings;
    @Inject
    DatabaseReadiness readiness;

    @PostConstruct
    void seedAtDeployment() {
        if (readiness.isReady()) {
            seed();
        }
    }

    /** The database was down at deployment and is back: before the timers' start (a lower priority runs first). */
    public void seedWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION) SchemaReady ready) {
        seed();
    }

    void seed() {
        if (!Boolean.getBoolean(DEMO_DATA_PROPERTY)) {
            return;
        }
        if (!isH2() && !Boolean.getBoolean(ANY_DATABASE_PROPERTY)) {
            LOG.warning(DEMO_DATA_PROPERTY + " is set but the database is not the embedded H2: no demo users are created");
            return;
        }
        UNITS.forEach((code, nameKind) -> {
            if (em.createNamedQuery(OrgUnit.BY_CODE).setParameter("code", code).getResultList().isEmpty()) {
                em.persist(new OrgUnit(code, nameKind[0], OrgUnit.Kind.valueOf(nameKind[1])));
            }
        });
        em.flush();
        // Deliberately not held to PasswordPolicy: this runs only on a dev run (DEMO_DATA_PROPERTY, set by
        // server-config/dev/configure-demo-data.cli), where everybody is meant to know the password.
        char[] password = System.getProperty(DEMO_PASSWORD_PROPERTY, "demo").toCharArray();
        PasswordHasher hasher = new PasswordHasher();
        int created = 0;
        for (DemoUser demo : USERS) {
            if (!em.createNamedQuery(StaffUser.BY_USERNAME).setParameter("username", demo.username()).getResultList().isEmpty()) {
                continue;
            }
            StaffUser user = new StaffUser(demo.username(), demo.fullName(), demo.username() + "@district.example.org", clock.instant());
            user.grantRoles(EnumSet.copyOf(List.of(demo.roles())));
            user.assignUnit(em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class).setParameter("code", demo.unitCode()).getSingleResult());
            user.setPasswordHash(hasher.hash(password));
            em.persist(user);
            created++;
        }
        if (created > 0) {
            em.flush();
            StaffUser superintendent = em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class)
                    .setParameter("username", "superintendent").getSingleResult();
            for (String name : List.of("employee1", "employee2", "employee3", "designee", "siteadmin", "siteadmin2", "clerk", "clerk2")) {
                StaffUser user = em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", name).getSingleResult();
                if (user.getSupervisor() == null) {
                    user.assignSupervisor(superintendent);
                }
            }
            LOG.info("Demo data: created " + created + " demo users (password from " + DEMO_PASSWORD_PROPERTY + ")");
        }
        em.flush();
        requests.seed(settings.current().timeZone());
        accounts.seed(settings.current());
        roster.seed();
        consents.seed(settings.current());
    }

    private boolean isH2() {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
