package org.district.socialmedia.requests.control.migration;

import org.district.socialmedia.platform.control.MigrationLocations;
import org.district.socialmedia.requests.control.DeadlineSlots;
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
 * V82 on the application's schema (H2): the submitted requests are counted per quarter-hour of their deadline, the
 * other statuses not at all (an overdue request keeps its deadline as its queue key, and is not due soon), and the
 * guard row is there.
 */
class RequestDeadlineTallyMigrationTest {

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).target(target).load();
    }

    @Test
    void theSubmittedRequestsAreCountedPerQuarterHourOfTheirDeadline() throws SQLException {
        String url = "jdbc:h2:mem:v82-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        flyway(url, "81").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO staff_user (id, username, full_name, email, active, created_at, version)"
                    + " VALUES (900, 'coach', 'Casey Coach', 'coach@district.example.org', TRUE, CURRENT_TIMESTAMP, 0)");
            request(s, 1, "SUBMITTED", "2026-12-08 10:00:00+00");     // the first second of its slot
            request(s, 2, "SUBMITTED", "2026-12-08 10:14:59.5+00");   // the same slot
            request(s, 3, "SUBMITTED", "2026-12-08 03:15:00-07");     // 10:15 UTC: the next slot, whatever the offset written
            request(s, 4, "OVERDUE", "2026-12-08 10:05:00+00");
            request(s, 5, "INFO_REQUESTED", "9999-12-30 00:00:00+00");
            request(s, 6, "DECIDED", "9999-12-31 00:00:00+00");
        }

        flyway(url, "latest").migrate();

        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            Map<Long, Long> rows = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT slot, requests FROM request_deadline_tally")) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getLong(2));
                }
            }
            long ten = Instant.parse("2026-12-08T10:00:00Z").getEpochSecond();
            assertEquals(Map.of(DeadlineSlots.GUARD, 0L, ten, 2L, ten + 900, 1L), rows);
        }
    }

    private static void request(Statement s, long id, String status, String queueKey) throws SQLException {
        boolean running = status.equals("SUBMITTED") || status.equals("OVERDUE");
        s.execute("INSERT INTO sm_request (id, requester_id, status, created_at, review_cycle, version, queue_key, deadline)"
                + " VALUES (" + id + ", 900, '" + status + "', CURRENT_TIMESTAMP, 1, 0, TIMESTAMP WITH TIME ZONE '" + queueKey + "', "
                + (running ? "TIMESTAMP WITH TIME ZONE '" + queueKey + "'" : "NULL") + ")");
    }
}
