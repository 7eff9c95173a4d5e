package org.district.socialmedia.requests.control.migration;

import org.district.socialmedia.platform.control.MigrationLocations;
import org.district.socialmedia.requests.control.SubmissionDays;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V85 on the application's schema (H2): the open requests (submitted, waiting for the employee, marked overdue) are
 * counted per status and UTC day of their submission, whatever offset the submission was written with; the others,
 * and an open request without a submission, not at all; and the guard row is there.
 */
class RequestAgeTallyMigrationTest {

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).target(target).load();
    }

    @Test
    void theOpenRequestsAreCountedPerStatusAndUtcDayOfTheirSubmission() throws SQLException {
        String url = "jdbc:h2:mem:v85-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        flyway(url, "82").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO staff_user (id, username, full_name, email, active, created_at, version)"
                    + " VALUES (900, 'coach', 'Casey Coach', 'coach@district.example.org', TRUE, CURRENT_TIMESTAMP, 0)");
            request(s, 1, "SUBMITTED", "'2026-12-07 00:00:00+00'");          // the first instant of its day
            request(s, 2, "SUBMITTED", "'2026-12-07 23:59:59.999999+00'");   // the same day's last
            request(s, 3, "SUBMITTED", "'2026-12-07 17:00:00-07'");          // 00:00 UTC the next day, whatever the offset written
            request(s, 4, "OVERDUE", "'2026-12-07 10:05:00+00'");
            request(s, 5, "INFO_REQUESTED", "'2026-12-01 10:00:00+00'");
            request(s, 6, "DECIDED", "'2026-12-07 10:00:00+00'");
            request(s, 7, "WITHDRAWN", "'2026-12-07 10:00:00+00'");
            request(s, 8, "SUBMITTED", null);
        }

        flyway(url, "latest").migrate();

        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            Map<String, Long> rows = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT status, submitted_day, requests FROM request_age_tally")) {
                while (rs.next()) {
                    rows.put(rs.getString(1) + " " + rs.getLong(2), rs.getLong(3));
                }
            }
            long day = SubmissionDays.dayOf(Instant.parse("2026-12-07T00:00:00Z"));
            assertEquals(Map.of("GUARD 0", 0L, "SUBMITTED " + day, 2L, "SUBMITTED " + (day + 1), 1L, "OVERDUE " + day, 1L,
                    "INFO_REQUESTED " + (day - 6), 1L), rows);
        }
    }

    private static void request(Statement s, long id, String status, String submittedAt) throws SQLException {
        String at = submittedAt == null ? "NULL" : "TIMESTAMP WITH TIME ZONE " + submittedAt;
        s.execute("INSERT INTO sm_request (id, requester_id, status, created_at, review_cycle, version, queue_key, submitted_at)"
                + " VALUES (" + id + ", 900, '" + status + "', CURRENT_TIMESTAMP, 1, 0, TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00', "
                + at + ")");
    }
}
