package org.district.socialmedia.platform.control;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's Flyway, the schema-version guard and the migration's retry pauses, outside the
 * SchemaMigration bean: an EJB must have no static methods (WFLYEJB0131 at every start).
 */
public final class SchemaVersions {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);

    private SchemaVersions() {
    }

    /** The pause before attempt n + 1: 1 s, 2 s, 4 s ... at most 60 s. */
    static Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 10));
        Duration pause = FIRST_RETRY.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause;
    }

    /** The application's Flyway on a datasource of the given product (H2 has its own extra location). */
    public static Flyway flyway(DataSource dataSource, String product) {
        return Flyway.configure(SchemaVersions.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MigrationLocations.of(product))
                // the EJB timer store may share the schema: treat a schema without history as version 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /**
     * A schema migrated by a newer application must never run under this one (Flyway would ignore the
     * unknown migrations and go on): the message that says so, or empty when this application knows the
     * schema's version.
     */
    public static Optional<String> tooNew(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion known = Arrays.stream(all).filter(m -> m.getState().isResolved()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).max(MigrationVersion::compareTo).orElse(null);
        MigrationVersion applied = Arrays.stream(all).filter(m -> m.getState().isApplied() && !m.getState().isResolved())
                .map(MigrationInfo::getVersion).filter(Objects::nonNull).max(MigrationVersion::compareTo).orElse(null);
        if (applied == null || known != null && applied.compareTo(known) <= 0) {
            return Optional.empty();
        }
        return Optional.of("database schema version " + applied + " is newer than this application knows (" + known
                + "); deploy the newer WAR or restore the backup");
    }
}
