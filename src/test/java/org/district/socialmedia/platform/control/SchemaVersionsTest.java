package org.district.socialmedia.platform.control;

import org.district.socialmedia.it.JavaSeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

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
