package org.district.socialmedia.bench;

import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints how long the escalation sweep's database work takes with 100,000 and with 1,000,000 stored
 * requests and the same number due (not a timed test: run it with `mvn -Pbench-sweep verify`).
 *
 * It builds an H2 file database with the application's own Flyway migrations, fills it in batches,
 * then runs exactly the statements one sweep runs per due request (the due query on the indexed
 * next_escalation_at, the request by id, its stages done, the stage insert with its unique key, the
 * outbox insert, the next look), as EscalationWorker does through EclipseLink. The container's
 * per-request overhead is the same at any size, so the ratio of the two runs is what shows whether
 * the cost follows the due requests or the stored ones.
 */
public final class SweepBenchmark {

    private static final int DUE = Integer.getInteger("bench.due", 2_000);
    private static final int BATCH = 10_000;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("bench.dir", "target/bench-sweep"));
        List<long[]> sizes = new ArrayList<>();
        for (String n : System.getProperty("bench.sizes", "100000,1000000").split(",")) {
            sizes.add(new long[]{Long.parseLong(n.strip())});
        }
        System.out.printf(Locale.ROOT, "Escalation sweep benchmark on H2 " + org.h2.engine.Constants.VERSION + " (MODE=LEGACY), %d requests due%n", DUE);
        System.out.printf(Locale.ROOT, "%-12s %-14s %-14s %-16s%n", "stored", "fill (s)", "sweep (ms)", "per due (ms)");
        // the JIT and H2's caches warm up on a small database first, so the sizes compare like with like
        run(folder.resolve("db-warmup"), 20_000);
        System.out.println("(the row above warmed up the JVM and is not compared)");
        double first = -1;
        for (long[] size : sizes) {
            double ms = run(folder.resolve("db-" + size[0]), size[0]);
            if (first < 0) {
                first = ms;
            }
            System.out.printf(Locale.ROOT, "ratio to the first size: %.2f%n", ms / first);
        }
    }

    private static double run(Path dir, long stored) throws Exception {
        deleteTree(dir);
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/bench;MODE=LEGACY";
        Flyway.configure().dataSource(url, "sa", "sa").locations("classpath:db/migration").load().migrate();
        Instant now = Instant.now();
        long fillStart = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "sa", "sa")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO staff_user (id, username, full_name, email, active, created_at, version) "
                        + "VALUES (1, 'bench', 'Bench Employee', 'bench@district.example.org', TRUE, CURRENT_TIMESTAMP, 0)");
            }
            try (PreparedStatement request = c.prepareStatement("INSERT INTO sm_request (id, requester_id, status, created_at, "
                    + "submitted_at, deadline, review_cycle, reminders_before, overdue_repeat, next_escalation_at, version, queue_key) "
                    + "VALUES (?, 1, 'SUBMITTED', ?, ?, ?, 1, 'P2D,P1D', 'PT24H', ?, 1, ?)");
                 PreparedStatement cycle = c.prepareStatement("INSERT INTO sm_review_cycle (id, request_id, number, started_at, deadline) "
                         + "VALUES (?, ?, 1, ?, ?)")) {
                for (long id = 1; id <= stored; id++) {
                    boolean due = id % (stored / DUE) == 0;
                    // the due ones reach their 2-day reminder now; the others look again in weeks
                    Instant deadline = due ? now.plus(Duration.ofDays(2)).minusSeconds(60) : now.plus(Duration.ofDays(30 + id % 60));
                    Instant next = due ? now.minusSeconds(60) : deadline.minus(Duration.ofDays(2));
                    request.setLong(1, id);
                    request.setObject(2, at(now.minus(Duration.ofDays(5))));
                    request.setObject(3, at(now.minus(Duration.ofDays(5))));
                    request.setObject(4, at(deadline));
                    request.setObject(5, at(next));
                    request.setObject(6, at(deadline));
                    request.addBatch();
                    cycle.setLong(1, id);
                    cycle.setLong(2, id);
                    cycle.setObject(3, at(now.minus(Duration.ofDays(5))));
                    cycle.setObject(4, at(deadline));
                    cycle.addBatch();
                    if (id % BATCH == 0) {
                        request.executeBatch();
                        cycle.executeBatch();
                        c.commit();
                    }
                }
                request.executeBatch();
                cycle.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            double fill = (System.nanoTime() - fillStart) / 1e9;

            long start = System.nanoTime();
            int fired = sweep(c, now);
            double ms = (System.nanoTime() - start) / 1e6;
            if (fired != DUE) {
                throw new IllegalStateException("expected " + DUE + " stages, fired " + fired);
            }
            System.out.printf(Locale.ROOT, "%-12d %-14.1f %-14.1f %-16.3f%n", stored, fill, ms, ms / DUE);
            return ms;
        }
    }

    /** The statements of one sweep: pages of the due query, then per request what EscalationWorker does. */
    private static int sweep(Connection c, Instant now) throws SQLException {
        int fired = 0;
        long eventId = 1;
        long outboxId = 1;
        try (PreparedStatement dueQuery = c.prepareStatement("SELECT id FROM sm_request WHERE next_escalation_at <= ? "
                + "ORDER BY next_escalation_at, id LIMIT 200");
             PreparedStatement find = c.prepareStatement("SELECT id, status, deadline, review_cycle, reminders_before, overdue_repeat, "
                     + "next_escalation_at, version FROM sm_request WHERE id = ?");
             PreparedStatement done = c.prepareStatement("SELECT stage FROM escalation_event WHERE request_id = ? AND review_cycle = ?");
             PreparedStatement insertEvent = c.prepareStatement("INSERT INTO escalation_event (id, request_id, review_cycle, stage, "
                     + "due_at, fired_at, late, recipients) VALUES (?, ?, 1, 'REMINDER_P2D', ?, ?, FALSE, 'superintendent')");
             PreparedStatement insertMail = c.prepareStatement("INSERT INTO outbox_message (id, message_id, event_type, request_id, "
                     + "recipients, subject, text_body, html_body, status, attempts, next_attempt_at, created_at, version) "
                     + "VALUES (?, ?, 'REMINDER', ?, 'superintendent@district.example.org', 'Reminder', 'text', '<p>html</p>', "
                     + "'PENDING', 0, ?, ?, 0)");
             PreparedStatement next = c.prepareStatement("UPDATE sm_request SET next_escalation_at = ?, version = version + 1 "
                     + "WHERE id = ? AND version = ?")) {
            while (true) {
                dueQuery.setObject(1, at(now));
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = dueQuery.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                if (ids.isEmpty()) {
                    return fired;
                }
                for (Long id : ids) {
                    long version;
                    find.setLong(1, id);
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        version = rs.getLong("version");
                    }
                    done.setLong(1, id);
                    done.setInt(2, 1);
                    try (ResultSet rs = done.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                    insertEvent.setLong(1, eventId++);
                    insertEvent.setLong(2, id);
                    insertEvent.setObject(3, at(now));
                    insertEvent.setObject(4, at(now));
                    insertEvent.executeUpdate();
                    insertMail.setLong(1, outboxId);
                    insertMail.setString(2, "<bench." + outboxId++ + "@district.example.org>");
                    insertMail.setLong(3, id);
                    insertMail.setObject(4, at(now));
                    insertMail.setObject(5, at(now));
                    insertMail.executeUpdate();
                    next.setObject(1, at(now.plus(Duration.ofDays(1))));
                    next.setLong(2, id);
                    next.setLong(3, version);
                    next.executeUpdate();
                    c.commit();
                    fired++;
                }
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private SweepBenchmark() {
    }
}
