package org.district.socialmedia.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.acknowledgements.boundary.AcknowledgementService;
import org.district.socialmedia.acknowledgements.boundary.CoverageService;
import org.district.socialmedia.acknowledgements.control.AckWorker;
import org.district.socialmedia.acknowledgements.control.CoverageTally;
import org.district.socialmedia.acknowledgements.entity.Campaign;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.notifications.control.MailRelay;
import org.district.socialmedia.notifications.control.OutboxStore;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;

import static org.district.socialmedia.bench.BenchDatabase.percentile;

/**
 * Issue 20 item 6 at district scale: an H2 file database made by the real migrations with bench.staff (150,000)
 * active staff in 1,000 schools and departments, then the application's own beans (wired by {@link BeanWiring},
 * EclipseLink in RESOURCE_LOCAL, one transaction where the container opens one):
 * <ol>
 * <li>starting a campaign by hand (AckWorker.start: its obligations), then the acknowledgement sweep's passes
 *     back to back (AckSweep.pass's calls: AckWorker.lookAll per chunk) until no notice is due: how long until every staff member's notice is in
 *     the outbox;</li>
 * <li>the mail relay (MailRelay.relay, OutboxStore's calls each in a transaction) sending those notices to a local GreenMail SMTP server, runs back to
 *     back for bench.relay.seconds: messages per second;</li>
 * <li>the coverage report of the whole District (CoverageService.coverage without a unit), with 60% done and
 *     some overdue: median and p95;</li>
 * <li>the banner's check (AckBanner: AcknowledgementService.pending, then the version) for random staff
 *     members: median and p95.</li>
 * </ol>
 * <pre>./mvnw -Pbench-ack verify -Dbench.staff=150000</pre>
 * -Dbench.dir (target/ack-bench), -Dbench.sweep.seconds (cap on the notices, 900), -Dbench.relay.seconds (60),
 * -Dbench.smtp.port (3926), -Dbench.runs (200), -Dbench.warm (30), -Dbench.coverage.runs (bench.runs); -Dbench.notices=false leaves out the notices and
 * the relay (figures 3 and 4 only).
 */
public final class AcknowledgementBenchmark {

    private static final Clock CLOCK = Clock.systemUTC();
    /** AckSweep's BATCH and CHUNK. */
    private static final int SWEEP_BATCH = 500;
    private static final int SWEEP_CHUNK = 100;

    private final EntityManagerFactory emf;
    private final Session mail;

    private AcknowledgementBenchmark(EntityManagerFactory emf, Session mail) {
        this.emf = emf;
        this.mail = mail;
    }

    public static void main(String[] args) throws Exception {
        int staff = Integer.getInteger("bench.staff", 150_000);
        Path dir = Path.of(System.getProperty("bench.dir", "target/ack-bench"));
        int smtpPort = Integer.getInteger("bench.smtp.port", 3926);
        System.out.printf(Locale.ROOT, "Acknowledgements at %,d staff (%s cores, %s)%n", staff, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        long t0 = System.nanoTime();
        String url = BenchDatabase.create(dir);
        try (Connection c = DriverManager.getConnection(url, "sa", "sa")) {
            fill(c, staff);
        }
        System.out.printf(Locale.ROOT, "database made and filled: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        Map<String, String> props = JavaSeUnit.onH2(url + ";OPTIMIZE_REUSE_RESULTS=FALSE");
        props.put("eclipselink.logging.level", "WARNING");
        props.put("eclipselink.logging.level.metadata", "SEVERE");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
        Properties mailProps = new Properties();
        mailProps.put("mail.smtp.host", "127.0.0.1");
        mailProps.put("mail.smtp.port", Integer.toString(smtpPort));
        mailProps.put("mail.from", "no-reply@district.example.org");
        mailProps.put("mail.smtp.connectiontimeout", "10000");
        mailProps.put("mail.smtp.timeout", "30000");
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            AcknowledgementBenchmark bench = new AcknowledgementBenchmark(emf, Session.getInstance(mailProps));
            bench.campaign(url, staff, Boolean.parseBoolean(System.getProperty("bench.notices", "true")));
            if (Boolean.parseBoolean(System.getProperty("bench.notices", "true"))) {
                bench.relay(smtp);
            }
            bench.coverage(url, staff);
            bench.banner(staff);
        } finally {
            smtp.stop();
            emf.close();
        }
    }

    /** 1,000 units (900 schools), the staff spread over them, two site administrators per unit. */
    private static void fill(Connection c, int staff) throws Exception {
        BenchDatabase.exec(c, "INSERT INTO org_unit (id, code, name, kind, active, version) SELECT 1000 + X, 'U' || X,"
                + " CASE WHEN X < 900 THEN 'School ' ELSE 'Department ' END || X, CASE WHEN X < 900 THEN 'SCHOOL' ELSE 'DEPARTMENT' END,"
                + " TRUE, 0 FROM SYSTEM_RANGE(0, 999)");
        BenchDatabase.exec(c, "INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version, origin)"
                + " SELECT 100000 + X, 'staff' || X, 'Staff Member ' || X, 'staff' || X || '@district.example.org', 1000 + MOD(X, 1000),"
                + " TRUE, CURRENT_TIMESTAMP, 0, 'HAND' FROM SYSTEM_RANGE(0, " + (staff - 1) + ")");
        BenchDatabase.exec(c, "INSERT INTO staff_user_role (staff_user_id, role) SELECT 100000 + X, 'EMPLOYEE' FROM SYSTEM_RANGE(0, " + (staff - 1) + ")");
        BenchDatabase.exec(c, "INSERT INTO staff_user_role (staff_user_id, role) SELECT 100000 + X, 'SITE_ADMIN' FROM SYSTEM_RANGE(0, "
                + (Math.min(staff, 2000) - 1) + ")");
        BenchDatabase.exec(c, "UPDATE policy_version SET requires_ack = TRUE WHERE document = 'BOARD_POLICY'");
        BenchDatabase.exec(c, "ANALYZE");
    }

    private <T> T inTransaction(Function<BeanWiring, T> work) {
        return BenchDatabase.inTransaction(emf, em -> work.apply(new BeanWiring(em, CLOCK, mail)));
    }

    /** Figure 1: the campaign's start, then its notices written to the outbox by the sweep. */
    private void campaign(String url, int staff, boolean notices) throws Exception {
        int capSeconds = Integer.getInteger("bench.sweep.seconds", 900);
        long start = System.nanoTime();
        Long campaignId = inTransaction(w -> {
            PolicyVersion version = w.get(PolicyLibrary.class).inForce(PolicyDocument.BOARD_POLICY).orElseThrow();
            AckWorker worker = w.get(AckWorker.class);
            Campaign campaign = Campaign.byHand(version.getId(), CLOCK.instant(), "superintendent", "start of the school year (benchmark)",
                    worker.period(), worker.reminders());
            return worker.start(campaign, version).getId();
        });
        double enrolled = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%nFigure 1: campaign %d started, obligations written in %.1f s%n", campaignId, enrolled);
        if (!notices) {
            return;
        }
        // the sweep's passes back to back: AckSweep.pass's calls,
        // each in its own transaction as the container runs them (REQUIRES_NEW)
        long sweepStart = System.nanoTime();
        int passes = 0;
        long fired = 0;
        boolean more = true;
        while (more && (System.nanoTime() - sweepStart) / 1e9 < capSeconds) {
            long passStart = System.nanoTime();
            long before = fired;
            // one pass: batch after batch while batches are full (the server stops a pass after SWEEP_INTERVAL)
            while (true) {
                List<AckWorker.Due> due = inTransaction(w -> w.get(AckWorker.class).due(SWEEP_BATCH));
                for (int from = 0; from < due.size(); from += SWEEP_CHUNK) {
                    List<AckWorker.Due> chunk = due.subList(from, Math.min(due.size(), from + SWEEP_CHUNK));
                    fired += inTransaction(w -> w.get(AckWorker.class).lookAll(chunk));
                }
                if (due.size() < SWEEP_BATCH) {
                    break;
                }
            }
            passes++;
            more = fired > before;
            System.out.printf(Locale.ROOT, "  pass %d: %,d notices in %.1f s (%,d in all)%n", passes, fired - before,
                    (System.nanoTime() - passStart) / 1e9, fired);
        }
        double sweep = (System.nanoTime() - sweepStart) / 1e9;
        long outbox;
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            outbox = single(s, "SELECT COUNT(*) FROM outbox_message WHERE event_type = 'ACK_NOTICE'");
        }
        System.out.printf(Locale.ROOT, "Figure 1: %,d notices in the outbox (of %,d staff) %.1f s after the start: %.0f per second"
                        + " in %d passes back to back%s%n", outbox, staff, enrolled + sweep, outbox / (enrolled + sweep), passes,
                outbox < staff ? " (stopped at bench.sweep.seconds)" : "");
    }

    /** Figure 2: the relay to a local SMTP server, runs back to back. */
    private void relay(GreenMail smtp) throws Exception {
        int seconds = Integer.getInteger("bench.relay.seconds", 60);
        long start = System.nanoTime();
        long sent = 0;
        int runs = 0;
        MailRelay relay = new BeanWiring(CLOCK, mail, new OutboxStoreInTransactions()).get(MailRelay.class);
        while ((System.nanoTime() - start) / 1e9 < seconds) {
            int n = relay.relay();
            sent += n;
            runs++;
            if (n == 0) {
                break;
            }
            smtp.purgeEmailFromAllMailboxes();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%nFigure 2: relay sent %,d messages to GreenMail in %.1f s (%d runs of MailRelay.relay back to back): %.1f per second%n",
                sent, elapsed, runs, sent / elapsed);
    }

    /** OutboxStore as the relay sees it in the container: each call in a transaction of its own (REQUIRES_NEW). */
    private final class OutboxStoreInTransactions extends OutboxStore {
        @Override
        public List<Long> due(int limit) {
            return inTransaction(w -> w.get(OutboxStore.class).due(limit));
        }

        @Override
        public List<Long> abandoned(int limit) {
            return inTransaction(w -> w.get(OutboxStore.class).abandoned(limit));
        }

        @Override
        public Optional<Claimed> claim(Long id) {
            return inTransaction(w -> w.get(OutboxStore.class).claim(id));
        }

        @Override
        public void sent(Long id) {
            inTransaction(w -> {
                w.get(OutboxStore.class).sent(id);
                return null;
            });
        }

        @Override
        public void failed(Long id, String error) {
            inTransaction(w -> {
                w.get(OutboxStore.class).failed(id, error);
                return null;
            });
        }
    }

    /** Figure 3: the whole District's coverage report. */
    private void coverage(String url, int staff) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "sa")) {
            // 60% acknowledged; a tenth of the rest past their end
            BenchDatabase.exec(c, "UPDATE ack_obligation SET acknowledged_at = assigned_at, channel = 'PORTAL' WHERE MOD(staff_id, 5) < 3");
            BenchDatabase.exec(c, "UPDATE ack_obligation SET due_at = DATEADD(DAY, -1, CURRENT_TIMESTAMP)"
                    + " WHERE acknowledged_at IS NULL AND MOD(staff_id, 10) = 9");
            BenchDatabase.exec(c, "ANALYZE");
        }
        // the rows were changed behind the application's back: the tally is recounted, as the operators' recount would
        long rebuildStart = System.nanoTime();
        int rebuilt = inTransaction(w -> w.get(CoverageTally.class).rebuild());
        long rebuildMs = (System.nanoTime() - rebuildStart) / 1_000_000;
        List<String> differences = inTransaction(w -> w.get(CoverageTally.class).differences());
        System.out.printf(Locale.ROOT, "%nCoverage tally rebuilt in %,d ms (%,d rows changed); differences after: %d%n", rebuildMs, rebuilt,
                differences.size());
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN SELECT s.username, s.full_name, u.name, o.due_at, o.acknowledged_at"
                     + " FROM staff_user s JOIN org_unit u ON u.id = s.unit_id, ack_obligation o WHERE u.id = 1500 AND s.active = TRUE"
                     + " AND o.campaign_id = (SELECT MAX(id) FROM ack_campaign) AND o.staff_id = s.id AND o.acknowledged_at IS NULL"
                     + " ORDER BY o.due_at, s.username LIMIT 500")) {
            plan.next();
            System.out.println("Plan of one unit's outstanding people:\n" + plan.getString(1));
        }
        int runs = Integer.getInteger("bench.coverage.runs", Integer.getInteger("bench.runs", 200));
        double[] ms = time(runs, i -> inTransaction(w -> w.get(CoverageService.class).coverage(null, null)));
        CoverageService.Coverage last = inTransaction(w -> w.get(CoverageService.class).coverage(null, null));
        System.out.printf(Locale.ROOT, "%nFigure 3: coverage of the whole District (%,d staff, %,d done, %,d overdue, %d units):"
                        + " median %.1f ms, p95 %.1f ms, max %.1f ms%n", last.total(), last.done(), last.overdue(), last.units().size(),
                percentile(ms, 50), percentile(ms, 95), ms[ms.length - 1]);
        double[] unit = time(runs, i -> inTransaction(w -> w.get(CoverageService.class).coverage(null, 1000L + i % 1000)));
        System.out.printf(Locale.ROOT, "           one school with its outstanding people: median %.1f ms, p95 %.1f ms%n",
                percentile(unit, 50), percentile(unit, 95));
    }

    /** Figure 4: the banner's check on a page (AckBanner.isShown and getVersion), for random staff members. */
    private void banner(int staff) {
        Random random = new Random(42);
        double[] owing = time(i -> inTransaction(w -> {
            AcknowledgementService.Pending p = w.get(AcknowledgementService.class).pending("staff" + random.nextInt(staff));
            return p == null ? null : w.get(PolicyLibrary.class).find(p.versionId()).orElse(null);
        }));
        double[] nothing = time(i -> inTransaction(w -> w.get(AcknowledgementService.class).pending("nobody-" + i)));
        System.out.printf(Locale.ROOT, "%nFigure 4: banner check, a random staff member: median %.2f ms, p95 %.2f ms;"
                + " someone who owes nothing: median %.2f ms, p95 %.2f ms%n", percentile(owing, 50), percentile(owing, 95),
                percentile(nothing, 50), percentile(nothing, 95));
    }

    private static double[] time(Function<Integer, Object> run) {
        return time(Integer.getInteger("bench.runs", 200), run);
    }

    private static double[] time(int runs, Function<Integer, Object> run) {
        int warm = Math.min(runs, Integer.getInteger("bench.warm", 30));
        double[] ms = new double[runs];
        for (int i = -warm; i < runs; i++) {
            long start = System.nanoTime();
            run.apply(i + warm);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
