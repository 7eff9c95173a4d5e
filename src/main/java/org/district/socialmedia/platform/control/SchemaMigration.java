package org.district.socialmedia.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.entity.SchemaReady;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Brings the schema to the current version at deployment, before anything else touches the
 * database. Flyway takes a lock in its history table, so several servers starting together on one
 * PostgreSQL migrate once. The persistence unit never generates DDL.
 * <p>
 * The deployment never fails for the database: when it cannot be reached (down, a wrong password),
 * or the schema is newer than this application knows, the application deploys all the same, answers
 * 503 with the reason (DatabaseReadiness) and tries again with a growing pause ({@link SchemaVersions#backoff},
 * 1 s to 60 s; a non-persistent timer of this server). When it succeeds, {@link SchemaReady} starts
 * the work that waited.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final String KIND = "Database schema migration";

    @Resource(lookup = "java:jboss/datasources/SocialMediaDS")
    DataSource dataSource;
    @Resource
    TimerService timers;
    @Inject
    DatabaseReadiness readiness;
    @Inject
    Event<SchemaReady> schemaReady;

    private final LogThrottle throttle = new LogThrottle(LOG);
    private final AtomicBoolean running = new AtomicBoolean();
    private int attempts;

    @PostConstruct
    void migrateAtDeployment() {
        // the work that needs the database starts from its own @PostConstruct when this succeeded
        if (!attempt()) {
            retryLater();
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!attempt()) {
                retryLater();
                return;
            }
            try {
                schemaReady.fire(new SchemaReady(attempts));
                LOG.info("Start-up work done now that the schema is ready (attempt " + attempts + ")");
            } catch (RuntimeException e) {
                // e.g. the database went away again in between: not ready, and everything is tried again
                readiness.notReady("start-up work failed: " + DatabaseFailures.describe(e), false);
                throttle.failed(KIND, "start-up work: " + DatabaseFailures.describe(e), e);
                retryLater();
            }
        } finally {
            running.set(false);
        }
    }

    /** One attempt: reach the database, refuse a schema that is too new, migrate. */
    private boolean attempt() {
        attempts++;
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException | RuntimeException e) {
            String why = "the database cannot be reached: " + DatabaseFailures.describe(e);
            readiness.notReady(why, false);
            throttle.failed(KIND, why + "; trying again, at most every " + SchemaVersions.LONGEST_RETRY.toSeconds() + " s", e);
            return false;
        }
        Flyway flyway = SchemaVersions.flyway(dataSource, product);
        Optional<String> tooNew = SchemaVersions.tooNew(flyway);
        if (tooNew.isPresent()) {
            readiness.notReady(tooNew.get(), true);
            throttle.failed(KIND, tooNew.get(), null);
            return false;
        }
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (RuntimeException e) {
            String why = "the schema could not be migrated: " + DatabaseFailures.describe(e);
            readiness.notReady(why, false);
            throttle.failed(KIND, why, e);
            return false;
        }
        throttle.recovered(KIND);
        // Flyway names no target version when there was nothing to apply
        LOG.info(result.migrationsExecuted == 0 ? product + " schema already up to date"
                : product + " schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
        readiness.becameReady();
        return true;
    }

    private void retryLater() {
        timers.createSingleActionTimer(SchemaVersions.backoff(attempts).toMillis(), new TimerConfig("schema-migration", false));
    }
}
