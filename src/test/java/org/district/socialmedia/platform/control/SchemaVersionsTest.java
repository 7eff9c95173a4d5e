package org.district.socialmedia.platform.control;

import org.district.socialmedia.it.JavaSeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaVersionsTest {

    @Test
    void aSchemaThisApplicationMigratedIsNotTooNew() {
        assertEquals(Optional.empty(), SchemaVersions.tooNew(flyway(JavaSeUnit.migratedH2("schema-guard-ok"))));
    }

    @Test
    void aSchemaMigratedByANewerApplicationIsRefusedWithTheVersions() throws Exception {
        JdbcDataSource db = dataSource(JavaSeUnit.migratedH2("schema-guard-newer"));
        Flyway flyway = SchemaVersions.flyway(db, "H2");
        String known = flyway.info().current().getVersion().toString();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // what a newer WAR's Flyway leaves behind: a successful migration this WAR does not have
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                    + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (9999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 1, 'sa', 1, TRUE)");
        }
        Optional<String> refused = SchemaVersions.tooNew(flyway);
        assertEquals(Optional.of("database schema version 999 is newer than this application knows (" + known
                + "); deploy the newer WAR or restore the backup"), refused);
    }

    /** An upgrade: the first release's schema, with data, migrated by this release; nothing is lost. */
    @Test
    void anUpgradeFromTheFirstReleaseKeepsItsDataAndEndsCurrent() throws Exception {
        JdbcDataSource db = dataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        Flyway current = SchemaVersions.flyway(db, "H2");
        Flyway.configure(getClass().getClassLoader()).configuration(current.getConfiguration()).target("1").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'LHS', 'Lincoln High School', 'SCHOOL', TRUE, 0)");
            s.executeUpdate("INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version)"
                    + " VALUES (1, 'mlopez', 'Maria Lopez', 'mlopez@district.example.org', 1, TRUE, CURRENT_TIMESTAMP, 0)");
            s.executeUpdate("INSERT INTO staff_user_role (staff_user_id, role) VALUES (1, 'EMPLOYEE')");
        }
        assertEquals("1", current.info().current().getVersion().toString(), "the older release's schema");

        assertTrue(current.migrate().success);

        MigrationInfo[] pending = current.info().pending();
        assertEquals(0, pending.length, "every migration applied");
        assertEquals(Optional.empty(), SchemaVersions.tooNew(current));
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT u.username, o.name, r.role FROM staff_user u JOIN org_unit o ON o.id = u.unit_id"
                     + " JOIN staff_user_role r ON r.staff_user_id = u.id")) {
            assertTrue(rows.next(), "the staff user survives the upgrade");
            assertEquals("mlopez", rows.getString(1));
            assertEquals("Lincoln High School", rows.getString(2));
            assertEquals("EMPLOYEE", rows.getString(3));
        }
    }

    @Test
    void retriesWaitLongerEachTimeUpToAMinute() {
        assertEquals(Duration.ofSeconds(1), SchemaVersions.backoff(1));
        assertEquals(Duration.ofSeconds(2), SchemaVersions.backoff(2));
        assertEquals(Duration.ofSeconds(32), SchemaVersions.backoff(6));
        assertEquals(Duration.ofSeconds(60), SchemaVersions.backoff(7));
        assertEquals(Duration.ofSeconds(60), SchemaVersions.backoff(1000));
        assertTrue(SchemaVersions.backoff(0).compareTo(Duration.ZERO) > 0);
    }

    private static Flyway flyway(String url) {
        return SchemaVersions.flyway(dataSource(url), "H2");
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(url);
        db.setUser("sa");
        db.setPassword("sa");
        return db;
    }
}
