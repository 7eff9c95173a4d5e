package org.district.socialmedia.requests.control.migration;

import org.district.socialmedia.platform.control.MigrationLocations;
import org.district.socialmedia.settings.entity.AuthorizationTerm;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V55 on a database that holds authorizations decided before V24 (no end): the active ones get the
 * AUTHORIZATION_TERM rule's last day and a reminder to look at, with an audit row queued for the chain; ended
 * ones and ones that have a last day are left as they were.
 */
class AuthorizationTermsBeforeV24Test {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).target(target).load();
    }

    @Test
    void activeAuthorizationsWithoutAnEndGetTheTermsRuleAndTheirReminder() throws SQLException {
        String url = "jdbc:h2:mem:v55-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        // every migration before V55, whichever the highest is
        String before = Arrays.stream(flyway(url, "latest").info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("55")) < 0).max(MigrationVersion::compareTo).orElseThrow().getVersion();
        flyway(url, before).migrate();
        LocalDate today = LocalDate.now(ZONE);
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            // the District set a year's term; the rows' requests and lines are beside the point here
            s.execute("INSERT INTO district_setting VALUES ('district.authorization-term', 'P1Y', 'sysadmin', CURRENT_TIMESTAMP, 0)");
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            insert(s, 1, "ACTIVE", "DATEADD(DAY, -40, CURRENT_TIMESTAMP)", null);     // its year from the grant is ahead
            insert(s, 2, "ACTIVE", "DATEADD(YEAR, -3, CURRENT_TIMESTAMP)", null);     // its year from the grant is gone
            insert(s, 3, "REVOKED", "DATEADD(YEAR, -3, CURRENT_TIMESTAMP)", null);
            insert(s, 4, "ACTIVE", "DATEADD(DAY, -40, CURRENT_TIMESTAMP)", "DATE '2099-06-30'");
            s.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }

        flyway(url, "latest").migrate();

        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            LocalDate granted1 = LocalDate.ofInstant(timestamp(s, "SELECT granted_at FROM sm_authorization WHERE id = 1"), ZONE);
            LocalDate end1 = AuthorizationTerm.parse("P1Y").endFor(granted1, MonthDay.of(6, 30));
            assertEquals(end1, date(s, "SELECT ends_on FROM sm_authorization WHERE id = 1"));
            assertEquals(AuthorizationTerm.remindAt(end1, ZONE).toInstant(), timestamp(s, "SELECT next_term_at FROM sm_authorization WHERE id = 1"));
            // granted three years ago: a year from today, so the holder still gets the reminder and may renew
            LocalDate end2 = today.plusYears(1);
            assertEquals(end2, date(s, "SELECT ends_on FROM sm_authorization WHERE id = 2"));
            assertEquals(AuthorizationTerm.remindAt(end2, ZONE).toInstant(), timestamp(s, "SELECT next_term_at FROM sm_authorization WHERE id = 2"));
            assertNull(date(s, "SELECT ends_on FROM sm_authorization WHERE id = 3"));
            assertEquals(LocalDate.parse("2099-06-30"), date(s, "SELECT ends_on FROM sm_authorization WHERE id = 4"));
            assertEquals(1L, number(s, "SELECT version FROM sm_authorization WHERE id = 1"));
            assertEquals(0L, number(s, "SELECT version FROM sm_authorization WHERE id = 4"));
            // one audit row per authorization given an end, queued for the sealer
            assertEquals(2L, number(s, "SELECT COUNT(*) FROM audit_entry e JOIN audit_pending p ON p.entry_id = e.id"
                    + " WHERE e.action = 'AUTHORIZATION_TERM_SET' AND e.object_type = 'SocialMediaRequest'"));
            assertEquals(2L, number(s, "SELECT COUNT(DISTINCT id) FROM audit_entry WHERE action = 'AUTHORIZATION_TERM_SET'"));
        }
    }

    private static void insert(Statement s, long id, String status, String grantedAt, String endsOn) throws SQLException {
        s.execute("INSERT INTO sm_authorization (id, employee_id, request_id, line_id, platform_label, account_label, outcome,"
                + " granted_at, granted_by, status, version, ends_on) VALUES (" + id + ", 1, " + (100 + id) + ", " + (200 + id)
                + ", 'Facebook', 'Lincoln High', 'APPROVED', " + grantedAt + ", 'superintendent', '" + status + "', 0, " + endsOn + ")");
    }

    private static LocalDate date(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        }
    }

    private static Instant timestamp(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static long number(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
