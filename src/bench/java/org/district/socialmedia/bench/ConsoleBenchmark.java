package org.district.socialmedia.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.GrantFilter;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.AccessReview;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.Granter;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.it.JavaSeUnit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.district.socialmedia.bench.BenchDatabase.chunks;
import static org.district.socialmedia.bench.BenchDatabase.exec;
import static org.district.socialmedia.bench.BenchDatabase.ms;
import static org.district.socialmedia.bench.BenchDatabase.percentile;

/**
 * Prints how long the accounts console's lazy tables take per request with 100,000 accounts and
 * 1,000,000 grants stored, and with 1% of that for the ratio (not a timed test: run it with
 * `mvn -Pbench-console verify`; -Dbench.accounts=... -Dbench.grants=... change the full size,
 * -Dbench.small.accounts=... -Dbench.small.grants=... the small one, -Dbench.runs=... the runs per query).
 * <p>
 * It builds an H2 file database with the application's own Flyway migrations and fills it with set-based
 * INSERT ... SELECT FROM SYSTEM_RANGE (see {@link BenchDatabase}): schools of 100 accounts on platforms
 * 1-9 (5% archived, 2% suspended, some failing each compliance check), ten grants per account spread
 * through the table by round (the two oldest rounds expired, revoked or ended; an account in 25 keeps a
 * single grant in force; the rest mostly ACTIVE, 10% open-ended, the others ending over the next year;
 * half not confirmed since the open access review started, 1% flagged by the last one), held by one
 * SITE_ADMIN staff user per 200 grants; one operator per account, a second for one in five, none for
 * one in twelve, each with its own authorization (1 in 15 revoked) on its own request line of the
 * employee's one decided request (one EMPLOYEE staff user per 20 accounts). active_admins is then set
 * from the grants in force, as the application keeps it.
 * <p>
 * The queries are the application's own: {@link AccountQueries} run through EclipseLink in Java SE on
 * the persistence unit "social-media" (RESOURCE_LOCAL instead of JTA, the unit's other properties
 * unchanged: no weaving, so the lazy many-to-ones load with their entity, no shared cache). One request
 * of the lazy DataTable is what AccountsConsolePage / GrantsPage make AccountRegistry and AccountGrants do: the count in one
 * transaction and persistence context, the page of 25 in another (accounts: with the operator counts of
 * the page and each row's compliance issues; grants: with each row's account, school and holder); for
 * grants each call also reads the open review's start, as AccountGrants does. Not included: the
 * caller's roles (RightsAuthority.caller()), which do not depend on the data.
 */
public final class ConsoleBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WARM = Integer.getInteger("bench.warm", 30);
    /** A query slower than this stops short of {@link #RUNS} (the row says how many ran). */
    private static final double SECONDS_PER_QUERY = Double.parseDouble(System.getProperty("bench.seconds", "60"));
    private static final int PAGE = 25;
    private static final int ACCOUNTS_PER_SCHOOL = 100;
    private static final int GRANTS_PER_HOLDER = 200;
    private static final int ACCOUNTS_PER_EMPLOYEE = 20;
    /** Ids far above what migrations or the demo data use. */
    private static final long UNIT0 = 100_000;
    private static final long ACCOUNT0 = 100_000;
    private static final long HOLDER0 = 100_000;
    private static final long EMPLOYEE0 = 1_000_000;
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final int OPEN_REVIEW_DAYS_AGO = 20;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("bench.dir", "target/bench-console"));
        long accounts = Long.getLong("bench.accounts", 100_000);
        long grants = Long.getLong("bench.grants", 1_000_000);
        long smallAccounts = Long.getLong("bench.small.accounts", accounts / 100);
        long smallGrants = Long.getLong("bench.small.grants", grants / 100);
        System.out.printf(Locale.ROOT, "Accounts console benchmark on H2 " + org.h2.engine.Constants.VERSION + " (MODE=LEGACY) through EclipseLink: %d runs per query "
                + "after %d warm-up runs (fewer if a query's runs pass %.0f s); ms per request of the lazy table "
                + "(count + page of %d in two transactions)%n", RUNS, WARM, SECONDS_PER_QUERY, PAGE);
        // the JIT, EclipseLink's query parsing and H2 warm up on the small database first, so the sizes compare like with like
        Map<String, double[]> small = run(folder.resolve("db-small"), smallAccounts, smallGrants, 2);
        Map<String, double[]> full = run(folder.resolve("db-full"), accounts, grants, 1);
        System.out.printf(Locale.ROOT, "%nratio of the medians, %d / %d accounts and %d / %d grants%n", accounts, smallAccounts,
                grants, smallGrants);
        System.out.printf(Locale.ROOT, "%-44s %9s %9s %7s%n", "query", "small", "full", "ratio");
        double worst = 0;
        for (Map.Entry<String, double[]> e : full.entrySet()) {
            double s = small.get(e.getKey())[0];
            double f = e.getValue()[0];
            worst = Math.max(worst, f);
            System.out.printf(Locale.ROOT, "%-44s %9.2f %9.2f %7.2f%n", e.getKey(), s, f, f / s);
        }
        System.out.printf(Locale.ROOT, "slowest median at full size: %.1f ms; target: under 100 ms: %s%n", worst,
                worst < 100 ? "held" : "MISSED");
    }

    // ------------------------------------------------------------------------------------ one size

    /** Fills (or, with -Dbench.reuse=true, reopens) a database of this size and prints its table; the medians and p95s by query. */
    private static Map<String, double[]> run(Path dir, long accounts, long grants, int passes) throws Exception {
        Shape shape = new Shape(accounts, grants);
        LocalDate today = LocalDate.now(ZONE);
        String url;
        double fill = 0;
        if (Boolean.getBoolean("bench.reuse") && Files.exists(dir.resolve("bench.mv.db"))) {
            url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/bench;MODE=LEGACY";
        } else {
            url = BenchDatabase.create(dir);
            long fillStart = System.nanoTime();
            // the fill alone runs with a large page cache; the queries then run on the database reopened with
            // the application's URL, its default cache and cold
            try (Connection c = DriverManager.getConnection(url + ";CACHE_SIZE=700000", "sa", "sa")) {
                c.setAutoCommit(false);
                fill(c, shape, today);
                exec(c, "ANALYZE");
            }
            fill = (System.nanoTime() - fillStart) / 1e9;
        }
        Instant now = Instant.now();
        Instant reviewStart = today.minusDays(OPEN_REVIEW_DAYS_AGO).atStartOfDay(ZONE).toInstant();
        Map<String, String> props = JavaSeUnit.onH2(url);
        // not the unit's warnings that weaving is off (it is off on purpose, as in the application)
        props.put("eclipselink.logging.level.metadata", "SEVERE");
        if (Boolean.getBoolean("bench.sql")) {
            props.put("eclipselink.logging.level.sql", "FINE");
            props.put("eclipselink.logging.parameters", "true");
        }
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
        try {
            long holder = shape.caller();
            long holderSchool;
            long[] counts;
            try (Connection c = DriverManager.getConnection(url, "sa", "sa");
                 Statement s = c.createStatement()) {
                holderSchool = single(s, "SELECT MIN(a.unit_id) FROM account_grant g JOIN district_account a ON a.id = g.account_id "
                        + "WHERE g.holder_id = " + (HOLDER0 + holder) + " AND g.status = 'ACTIVE'");
                counts = new long[]{single(s, "SELECT COUNT(*) FROM district_account"), single(s, "SELECT COUNT(*) FROM account_grant"),
                        single(s, "SELECT COUNT(*) FROM account_grant WHERE status = 'ACTIVE'"),
                        single(s, "SELECT COUNT(*) FROM account_operator"), single(s, "SELECT COUNT(*) FROM staff_user"),
                        single(s, "SELECT COUNT(*) FROM account_grant WHERE holder_id = " + (HOLDER0 + holder) + " AND status = 'ACTIVE'")};
            }
            RightsAuthority.Caller superintendent = new RightsAuthority.Caller("superintendent",
                    new Granter("superintendent", "Pat Superintendent", "Superintendent"), true, true, false, false, false);
            RightsAuthority.Caller siteAdmin = new RightsAuthority.Caller("admin" + holder, null, false, false, true, false, false);
            String holderText = "admin" + shape.searchedHolder();

            Console console = new Console(emf, now, today, url);
            Map<String, Measure> measures = new LinkedHashMap<>();
            for (RightsAuthority.Caller caller : List.of(superintendent, siteAdmin)) {
                String who = caller.seesAll() ? "super" : "site admin";
                long school = caller.seesAll() ? UNIT0 + (shape.schools() + 1) / 2 : holderSchool;
                measures.put("accounts, by handle / " + who, r -> console.accounts(caller, AccountFilter.ALL, "handle", 0));
                measures.put("accounts, by school name / " + who, r -> console.accounts(caller, AccountFilter.ALL, "unit", 0));
                measures.put("accounts, by handle, descending / " + who, r -> console.accounts(caller, AccountFilter.ALL, "handle",
                        false, 0));
                measures.put("accounts, one school / " + who, r -> console.accounts(caller,
                        new AccountFilter(null, school, null, null, null, false), "handle", 0));
                measures.put("accounts, failing any check / " + who, r -> console.accounts(caller,
                        new AccountFilter(null, null, null, null, null, true), "handle", 0));
                measures.put("grants, by end date / " + who, r -> console.grants(caller, GrantFilter.ACTIVE, 0));
                measures.put("grants, by end date, descending / " + who, r -> console.grants(caller, GrantFilter.ACTIVE, false, 0));
                measures.put("grants, holder text / " + who, r -> console.grants(caller,
                        new GrantFilter(null, null, null, holderText, GrantStatus.ACTIVE, false, false), 0));
                measures.put("grants, expiring in 30 days / " + who, r -> console.grants(caller,
                        new GrantFilter(null, null, null, null, GrantStatus.ACTIVE, true, false), 0));
                measures.put("grants, not reviewed / " + who, r -> console.grants(caller,
                        new GrantFilter(null, null, null, null, GrantStatus.ACTIVE, false, true), 0));
                measures.put("grants, page 100 (first=2475) / " + who, r -> console.grants(caller, GrantFilter.ACTIVE, 2475));
            }
            measures.put("compliance per school / super", r -> console.compliance());
            // -Dbench.only=text keeps the queries whose name contains it (both sizes), to look at one closely
            String only = System.getProperty("bench.only", "");
            measures.keySet().removeIf(name -> !name.contains(only));

            System.out.printf(Locale.ROOT, "%n%,d accounts in %,d schools, %,d grants (%,d ACTIVE), %,d operators, %,d staff users; "
                            + "fill %s; the site admin (admin%d) holds %d grants in force%n", counts[0], shape.schools(), counts[1],
                    counts[2], counts[3], counts[4], fill == 0 ? "reused" : String.format(Locale.ROOT, "%.1f s", fill), holder,
                    counts[5]);
            if (passes > 1) {
                // a first pass warms up the JVM (JIT, EclipseLink's parsed queries): not printed, not compared
                measure(measures, console, false);
            }
            System.out.printf(Locale.ROOT, "%-44s %9s %5s %8s %8s %8s %8s %8s%n", "query / caller", "matches", "runs", "median", "p95",
                    "max", "count", "page");
            return measure(measures, console, true);
        } finally {
            emf.close();
        }
    }

    /** Runs each request {@link #WARM} times, then up to {@link #RUNS} times; the median and p95 of each. */
    private static Map<String, double[]> measure(Map<String, Measure> measures, Console console, boolean print) throws Exception {
        Map<String, double[]> result = new LinkedHashMap<>();
        for (Map.Entry<String, Measure> e : measures.entrySet()) {
            console.touch();
            double[] first = e.getValue().run(0);
            for (int i = 0; i < WARM; i++) {
                console.touch();
                e.getValue().run(i);
            }
            List<double[]> times = new ArrayList<>();
            long start = System.nanoTime();
            while (times.size() < RUNS && (System.nanoTime() - start) / 1e9 < SECONDS_PER_QUERY) {
                console.touch();
                times.add(e.getValue().run(times.size()));
            }
            double[] total = times.stream().mapToDouble(t -> t[0]).sorted().toArray();
            double median = percentile(total, 50);
            double p95 = percentile(total, 95);
            if (print) {
                System.out.printf(Locale.ROOT, "%-44s %9d %5d %8.2f %8.2f %8.2f %8.2f %8.2f%n", e.getKey(), (long) first[3],
                        times.size(), median, p95, total[total.length - 1], part(times, 1), part(times, 2));
            }
            result.put(e.getKey(), new double[]{median, p95});
        }
        return result;
    }

    private static double part(List<double[]> times, int index) {
        return percentile(times.stream().mapToDouble(t -> t[index]).sorted().toArray(), 50);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Measure {
        /** @return ms of the whole request, of the count, of the page; and the count (matching rows) */
        double[] run(int i) throws Exception;
    }

    // ------------------------------------------------------------------------------------ the requests

    /** What the account boundaries do for one request of the lazy tables, each call in its own transaction as the EJB's. */
    private static final class Console {

        private final EntityManagerFactory emf;
        private final Instant now;
        private final LocalDate today;
        private final Connection writer;

        Console(EntityManagerFactory emf, Instant now, LocalDate today, String url) throws SQLException {
            this.emf = emf;
            this.now = now;
            this.today = today;
            this.writer = DriverManager.getConnection(url, "sa", "sa");
        }

        /**
         * A write to each table the requests read, between requests and not timed: H2 hands a statement the result it
         * computed last time when its parameters are the same and none of its tables changed since, which a live
         * registry would not get and which would hide the query's cost.
         */
        void touch() throws SQLException {
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("UPDATE district_account SET version = version + 1 WHERE id = " + (ACCOUNT0 + 1));
                s.executeUpdate("UPDATE account_grant SET version = version + 1 WHERE id = 1");
                s.executeUpdate("UPDATE access_review SET version = version + 1 WHERE id = 1");
                s.executeUpdate("UPDATE staff_user SET version = version + 1 WHERE id = " + (HOLDER0 - 1));
                s.executeUpdate("UPDATE sm_authorization SET version = version + 1 WHERE id = 1");
            }
        }

        private <T> T inTransaction(Function<EntityManager, T> work) {
            return BenchDatabase.inTransaction(emf, work);
        }

        /** AccountRegistry.count(), then AccountRegistry.page() (with rows(): operator counts and compliance issues). */
        double[] accounts(RightsAuthority.Caller caller, AccountFilter filter, String sortBy, int first) {
            return accounts(caller, filter, sortBy, true, first);
        }

        double[] accounts(RightsAuthority.Caller caller, AccountFilter filter, String sortBy, boolean ascending, int first) {
            long t0 = System.nanoTime();
            long count = inTransaction(em -> AccountQueries.countAccounts(em, caller, filter, now).count());
            long t1 = System.nanoTime();
            int rows = inTransaction(em -> {
                List<DistrictAccount> page = AccountQueries.accounts(em, caller, filter, now, AccountQueries.accountOrder(sortBy, ascending),
                        false, DistrictAccount.class).setFirstResult(first).setMaxResults(PAGE).getResultList();
                Map<Long, Long> operators = AccountQueries.activeOperatorCounts(em, page.stream().map(DistrictAccount::getId).toList());
                int n = 0;
                for (DistrictAccount a : page) {
                    long ops = operators.getOrDefault(a.getId(), 0L);
                    // what the row shows
                    String shown = a.platformLabel() + a.getHandle() + a.getUnit().getName() + a.complianceIssues(now, ops);
                    n += shown.isEmpty() ? 0 : 1;
                }
                return n;
            });
            long t2 = System.nanoTime();
            check(count, rows, first);
            return new double[]{ms(t0, t2), ms(t0, t1), ms(t1, t2), count};
        }

        /** AccountGrants.countGrants(), then AccountGrants.grants() (with grantView(): account, school and holder). */
        double[] grants(RightsAuthority.Caller caller, GrantFilter filter, int first) {
            return grants(caller, filter, true, first);
        }

        double[] grants(RightsAuthority.Caller caller, GrantFilter filter, boolean ascending, int first) {
            long t0 = System.nanoTime();
            long count = inTransaction(em -> AccountQueries.countGrants(em, caller, filter, today, openReviewStart(em)).count());
            long t1 = System.nanoTime();
            int rows = inTransaction(em -> {
                List<AccountGrant> page = AccountQueries.grants(em, caller, filter, today, openReviewStart(em),
                        AccountQueries.grantOrder("endsOn", ascending, caller, filter), false, AccountGrant.class)
                        .setFirstResult(first).setMaxResults(PAGE).getResultList();
                int n = 0;
                for (AccountGrant g : page) {
                    DistrictAccount a = g.getAccount();
                    n += (a.platformLabel() + " " + a.getHandle() + a.getUnit().getName() + g.getHolder().getUsername()
                            + g.getHolder().getFullName()).isEmpty() ? 0 : 1;
                }
                return n;
            });
            long t2 = System.nanoTime();
            check(count, rows, first);
            return new double[]{ms(t0, t2), ms(t0, t1), ms(t1, t2), count};
        }

        /** AccountExports.compliance(). */
        double[] compliance() {
            long t0 = System.nanoTime();
            int schools = inTransaction(em -> AccountQueries.compliance(em, now).size());
            long t1 = System.nanoTime();
            return new double[]{ms(t0, t1), 0, ms(t0, t1), schools};
        }

        /** AccountGrants.openReviewStart(). */
        private static Instant openReviewStart(EntityManager em) {
            return em.createQuery("SELECT r.openedAt FROM AccessReview r WHERE r.status = :open ORDER BY r.opensOn DESC", Instant.class)
                    .setParameter("open", AccessReview.Status.OPEN).setMaxResults(1).getResultStream().findFirst().orElse(null);
        }

        private static void check(long count, int rows, int first) {
            if (rows != Math.max(0, Math.min(PAGE, count - first))) {
                throw new IllegalStateException(rows + " rows on a page of " + count + " from " + first);
            }
        }
    }

    // ------------------------------------------------------------------------------------ the data

    /** Schools of 100 accounts, ten grants per account (by round), one holder per 200 grants, one employee per 20 accounts. */
    private record Shape(long accounts, long grants, long schools, long holders, long employees) {

        Shape(long accounts, long grants) {
            this(accounts, grants, Math.max(1, (accounts + ACCOUNTS_PER_SCHOOL - 1) / ACCOUNTS_PER_SCHOOL),
                    Math.max(10, grants / GRANTS_PER_HOLDER), Math.max(1, accounts / ACCOUNTS_PER_EMPLOYEE));
        }

        /** The SITE_ADMIN caller (holder number). */
        long caller() {
            return 1 + holders / 3;
        }

        /** The holder whose name the holder filter types. */
        long searchedHolder() {
            return 1 + holders / 4;
        }
    }

    private static void fill(Connection c, Shape shape, LocalDate today) throws SQLException {
        long n = shape.accounts();
        String ts = BenchDatabase.timestamp(today.atStartOfDay(ZONE));
        String reviewOpened = BenchDatabase.timestamp(today.minusDays(OPEN_REVIEW_DAYS_AGO).atStartOfDay(ZONE));
        String before = BenchDatabase.timestamp(today.minusDays(200).atStartOfDay(ZONE));
        String since = BenchDatabase.timestamp(today.minusDays(5).atStartOfDay(ZONE));
        String privacyOld = BenchDatabase.timestamp(today.minusDays(400).atStartOfDay(ZONE));
        String privacyRecent = BenchDatabase.timestamp(today.minusDays(100).atStartOfDay(ZONE));
        // the rows are made consistent by construction: the foreign keys are checked once at the end, not per row
        exec(c, "SET REFERENTIAL_INTEGRITY FALSE");
        List<String[]> deferred = BenchDatabase.dropIndexes(c, "H2", "district_account", "account_grant", "account_operator",
                "sm_authorization", "sm_request", "sm_request_line", "staff_user", "staff_user_role");
        exec(c, "INSERT INTO org_unit (id, code, name, kind, active, version) SELECT " + UNIT0 + " + X, 'BENCH-' || X, "
                + "'Bench School ' || X, 'SCHOOL', TRUE, 0 FROM SYSTEM_RANGE(1, " + shape.schools() + ")");
        exec(c, "INSERT INTO staff_user (id, username, full_name, email, active, created_at, version) VALUES (" + (HOLDER0 - 1)
                + ", 'superintendent', 'Pat Superintendent', 'superintendent@district.example.org', TRUE, " + ts + ", 0)");
        exec(c, "INSERT INTO staff_user_role (staff_user_id, role) VALUES (" + (HOLDER0 - 1) + ", 'SUPERINTENDENT')");
        chunks(c, 1, shape.holders(), (from, to) -> "INSERT INTO staff_user (id, username, full_name, email, unit_id, active, "
                + "created_at, version) SELECT " + HOLDER0 + " + X, 'admin' || X, 'Robin Admin' || X, 'admin' || X "
                + "|| '@district.example.org', " + UNIT0 + " + 1 + MOD(X, " + shape.schools() + "), TRUE, " + ts + ", 0 "
                + "FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        chunks(c, 1, shape.holders(), (from, to) -> "INSERT INTO staff_user_role (staff_user_id, role) SELECT " + HOLDER0
                + " + X, 'SITE_ADMIN' FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        chunks(c, 1, shape.employees(), (from, to) -> "INSERT INTO staff_user (id, username, full_name, email, unit_id, active, "
                + "created_at, version) SELECT " + EMPLOYEE0 + " + X, 'employee' || X, 'Sam Employee' || X, 'employee' || X "
                + "|| '@district.example.org', " + UNIT0 + " + 1 + MOD(X, " + shape.schools() + "), TRUE, " + ts + ", 0 "
                + "FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        chunks(c, 1, shape.employees(), (from, to) -> "INSERT INTO staff_user_role (staff_user_id, role) SELECT " + EMPLOYEE0
                + " + X, 'EMPLOYEE' FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        // accounts: in school order; 5% archived, 2% suspended; some fail identification or the privacy review
        // the yearly checklist (V48): one account in twenty overdue, the others due within the year; nothing left for
        // the rights timer to send, since the console only reads
        String checklistDue = "CASE WHEN MOD(X, 20) = 3 THEN DATEADD(DAY, -1 - MOD(X, 60), DATE '" + today + "') "
                + "ELSE DATEADD(DAY, 1 + MOD(X * 7919, 365), DATE '" + today + "') END";
        chunks(c, 1, n, (from, to) -> "INSERT INTO district_account (id, platform_id, handle, handle_key, url, unit_id, purpose, "
                + "registered_email, status, identifies_district, identification_checked_by, identification_checked_at, "
                + "privacy_reviewed_by, privacy_reviewed_at, archive_covered, active_admins, created_at, created_by, version, unit_key, "
                + "attestation_due_on, attestation_overdue_at, attestation_next_check_at) "
                + "SELECT " + ACCOUNT0 + " + X, 1 + MOD(X, 9), 'Account' || X, 'account' || X, 'https://social.example.org/account' || X, "
                + UNIT0 + " + 1 + (X - 1) / " + ACCOUNTS_PER_SCHOOL + ", 'News of the school', 'account' || X || '@district.example.org', "
                + "CASE WHEN MOD(X, 20) = 0 THEN 'ARCHIVED' WHEN MOD(X, 50) = 7 THEN 'SUSPENDED' ELSE 'ACTIVE' END, MOD(X, 33) <> 0, "
                + "CASE WHEN MOD(X, 17) <> 0 THEN 'registry' END, CASE WHEN MOD(X, 17) <> 0 THEN " + ts + " END, "
                + "CASE WHEN MOD(X, 11) <> 0 THEN 'registry' END, CASE WHEN MOD(X, 11) = 0 THEN NULL WHEN MOD(X, 7) = 0 THEN "
                + privacyOld + " ELSE " + privacyRecent + " END, TRUE, 0, " + ts + ", 'bench', 0, 'bench school ' || (1 + (X - 1) / "
                + ACCOUNTS_PER_SCHOOL + "), " + checklistDue + ", DATEADD(DAY, 1, " + checklistDue + "), NULL FROM SYSTEM_RANGE(" + from + ", "
                + to + ")");
        exec(c, "INSERT INTO access_review (id, opens_on, deadline, status, opened_at, opened_by, lapse_unreviewed, reminders_before, "
                + "closed_at, grants_flagged, grants_lapsed, version) VALUES (1, DATE '" + today.minusYears(1) + "', DATE '"
                + today.minusYears(1).plusDays(30) + "', 'CLOSED', " + before + ", 'superintendent', FALSE, '7,1', " + before
                + ", 0, 0, 1), (2, DATE '" + today.minusDays(OPEN_REVIEW_DAYS_AGO) + "', DATE '" + today.plusDays(10) + "', 'OPEN', "
                + reviewOpened + ", 'superintendent', FALSE, '7,1', NULL, 0, 0, 0)");
        // grant X: round k = (X - 1) / accounts, account a = 1 + MOD(X - 1, accounts); ten distinct holders per account
        long step = Math.max(1, shape.holders() / 10);
        // the holder's number X: staff user HOLDER0 + X, named "Robin Admin" || X
        String holder = "1 + MOD(a * 37 + k * " + step + ", " + shape.holders() + ")";
        // the last day: past for ended rights, none for 10% of those in force, the others over the next year
        String endsOn = "CASE WHEN status <> 'ACTIVE' THEN DATEADD(DAY, -1 - MOD(g, 300), DATE '" + today + "') "
                + "WHEN MOD(g, 10) = 0 THEN NULL ELSE DATEADD(DAY, 1 + MOD(g * 7919, 365), DATE '" + today + "') END";
        String rows = "(SELECT X AS g, (X - 1) / " + n + " AS k, 1 + MOD(X - 1, " + n + ") AS a FROM SYSTEM_RANGE(%d, %d))";
        chunks(c, 1, shape.grants(), (from, to) -> "INSERT INTO account_grant (id, account_id, holder_id, granted_by, granted_by_name, "
                + "granted_as, reason, starts_on, ends_on, ends_key, open_ended_reason, status, created_at, ended_at, ended_by, end_reason, "
                + "last_reviewed_at, last_reviewed_by, flagged_review_id, version, holder_key) SELECT g, " + ACCOUNT0 + " + a, " + HOLDER0
                + " + " + holder + ", 'superintendent', 'Pat Superintendent', "
                + "'Superintendent', 'Keeps the school account', DATEADD(DAY, -400 + 30 * LEAST(k, 9), DATE '" + today + "'), "
                + endsOn + ", COALESCE(" + endsOn + ", DATE '" + AccountGrant.OPEN_ENDED_KEY + "'), "
                + "CASE WHEN status = 'ACTIVE' AND MOD(g, 10) = 0 THEN 'Head of communications' END, status, " + ts + ", "
                + "CASE WHEN status <> 'ACTIVE' THEN " + ts + " END, CASE WHEN status <> 'ACTIVE' THEN 'superintendent' END, "
                + "CASE WHEN status <> 'ACTIVE' THEN 'Ended' END, "
                + "CASE WHEN MOD(g, 2) = 0 THEN " + before + " ELSE " + since + " END, 'superintendent', "
                + "CASE WHEN status = 'ACTIVE' AND MOD(g, 97) = 0 THEN 1 END, 0, 'robin admin' || (" + holder + ") "
                + "FROM (SELECT g, k, a, CASE WHEN k < 2 THEN CASEWHEN(MOD(g, 3) = 0, 'EXPIRED', CASEWHEN(MOD(g, 3) = 1, 'REVOKED', "
                + "'ENDED')) WHEN MOD(a, 25) = 0 AND k < 9 THEN 'LAPSED' WHEN MOD(g, 29) = 0 THEN 'REVOKED' ELSE 'ACTIVE' END AS status "
                + "FROM " + rows.formatted(from, to) + ")");
        // operators: one per account, a second for one in five, none for one in twelve; each its own authorization and line
        long operators = n + n / 5;
        long e = shape.employees();
        String employee = "(1 + MOD(X * 31, " + e + "))";
        exec(c, "INSERT INTO sm_request (id, requester_id, status, created_at, submitted_at, review_cycle, outcome, decided_by_username, "
                + "decided_by_name, decided_by_role, decided_at, version, queue_key) SELECT X, " + EMPLOYEE0 + " + X, 'DECIDED', " + before + ", "
                + before + ", 1, 'AUTHORIZED', 'superintendent', 'Pat Superintendent', 'Superintendent', " + before + ", 0, "
                + "TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00' "
                + "FROM SYSTEM_RANGE(1, " + e + ")");
        chunks(c, 1, operators, (from, to) -> "INSERT INTO sm_request_line (id, request_id, position, platform_id, objectives, "
                + "communicates_with_students, existing_account_id, outcome) SELECT X, " + employee + ", X, 1 + MOD(1 + MOD(X - 1, "
                + n + "), 9), 'Post the school news', FALSE, " + ACCOUNT0 + " + 1 + MOD(X - 1, " + n + "), 'AUTHORIZE' "
                + "FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        chunks(c, 1, operators, (from, to) -> "INSERT INTO sm_authorization (id, employee_id, request_id, line_id, platform_label, "
                + "account_label, outcome, granted_at, granted_by, status, revoked_at, revoked_by, version) SELECT X, " + EMPLOYEE0
                + " + " + employee + ", " + employee + ", X, 'Facebook', 'Account' || (1 + MOD(X - 1, " + n + ")), 'AUTHORIZE', "
                + before + ", 'superintendent', CASEWHEN(MOD(X, 15) = 0, 'REVOKED', 'ACTIVE'), CASEWHEN(MOD(X, 15) = 0, " + since
                + ", NULL), CASEWHEN(MOD(X, 15) = 0, 'superintendent', NULL), 0 FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        chunks(c, 1, operators, (from, to) -> "INSERT INTO account_operator (id, account_id, authorization_id, employee_id, added_at, "
                + "added_by) SELECT X, " + ACCOUNT0 + " + 1 + MOD(X - 1, " + n + "), X, " + EMPLOYEE0 + " + " + employee + ", "
                + before + ", 'registry' FROM SYSTEM_RANGE(" + from + ", " + to + ") WHERE MOD(1 + MOD(X - 1, " + n + "), 12) <> 0");
        BenchDatabase.createIndexes(c, deferred);
        exec(c, "SET REFERENTIAL_INTEGRITY TRUE");
        // kept by the account with each grant and end of grant
        exec(c, "UPDATE district_account a SET active_admins = (SELECT COUNT(*) FROM account_grant g WHERE g.account_id = a.id "
                + "AND g.status = 'ACTIVE')");
    }

    private ConsoleBenchmark() {
    }
}
