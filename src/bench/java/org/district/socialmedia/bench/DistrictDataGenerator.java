package org.district.socialmedia.bench;

import org.district.socialmedia.accounts.entity.AccessReview;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.AttestationPlan;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.accounts.entity.RightsNotice;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.audit.entity.AuditHash;
import org.district.socialmedia.consent.entity.ConsentChannel;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.consent.entity.ReceivedBy;
import org.district.socialmedia.people.control.PasswordHasher;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.control.ReviewerAuthority;
import org.district.socialmedia.requests.control.migration.V82__Request_deadline_tally;
import org.district.socialmedia.requests.control.migration.V85__Request_age_tally;
import org.district.socialmedia.requests.entity.Audience;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.requests.entity.CycleEnd;
import org.district.socialmedia.requests.entity.LineOutcome;
import org.district.socialmedia.requests.entity.RequestOutcome;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.people.control.PasswordHasher;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.district.socialmedia.settings.entity.AuthorizationTerm;
import org.district.socialmedia.settings.entity.DeadlineCalculator;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.EscalationPlan;
import org.district.socialmedia.settings.entity.SettingKey;
import org.district.socialmedia.students.entity.GuardianRole;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Fills an empty database with a District at scale (issue 8): 1,000 schools and departments, 150,000 staff,
 * 1,100,000 students with their parents and guardians, 5,000,000 consent forms, 500,000 requests,
 * 100,000 accounts, 1,000,000 grants and 10,000,000 sealed audit rows at {@code gen.scale=1.0}; every
 * count times the scale otherwise (see {@link Plan}). Run with {@code mvn -Pgenerate-data verify}; docs/performance.md
 * "Data at district scale" lists the parameters.
 * <p>
 * The target is an H2 file database in {@code gen.dir} (the application's {@code DATA_DIR}), or the
 * database of {@code DB_URL}/{@code DB_USER}/{@code DB_PASSWORD} when DB_URL is set. It must be empty: the
 * generator migrates it with the application's own Flyway migrations (so the server finds it up to date)
 * and refuses one that holds any table.
 * <p>
 * Every row is a function of the seed, the scale, the District's today ({@code gen.today}) and its row
 * number: the same three give the same rows, in any order of writing. Ids are computed, not read back,
 * so nothing is held in memory but one JDBC batch per table. The data keeps the rules the entities keep
 * (derived keys, active_admins, consent states, the escalation schedule, the audit chain) and is in the
 * state the application's timers leave it in: nothing is due for them but the requests chosen to be.
 */
public final class DistrictDataGenerator {

    /** Rows per JDBC batch (all tables together) and per transaction. */
    static final int BATCH = 5_000;
    static final int COMMIT = 200_000;
    static final int CLASS_SIZE = 35;
    /** employee1's requests: the first of the table, one status after another. */
    static final int EMPLOYEE1_REQUESTS = 24;
    /** Roughly how many accounts siteadmin (and siteadmin2) hold rights on, whatever the scale. */
    static final int DEMO_ADMIN_ACCOUNTS = 150;
    /** Requests chosen to be due for the escalation sweep: one in this many (2,000 of 500,000). */
    static final int DUE_ONE_IN = 250;

    // ------------------------------------------------------------------------------------------------ entry

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.fromSystemProperties();
        String dbUrl = System.getenv("DB_URL");
        String url;
        String user;
        String password;
        if (dbUrl != null && !dbUrl.isBlank()) {
            url = withBatchRewrite(dbUrl);
            user = System.getenv("DB_USER");
            password = System.getenv("DB_PASSWORD");
        } else {
            Path dir = Path.of(System.getProperty("gen.dir", "target/district-data")).toAbsolutePath();
            Path file = dir.resolve("social-media.mv.db");
            if (Files.exists(file)) {
                if (!Boolean.getBoolean("gen.replace")) {
                    System.err.println(file + " exists: the generator fills only a new database. Delete it, choose another "
                            + "-Dgen.dir, or add -Dgen.replace=true to replace it.");
                    System.exit(2);
                }
                Files.delete(file);
                Files.deleteIfExists(dir.resolve("social-media.trace.db"));
            }
            Files.createDirectories(dir);
            // the server's URL (configure-datasource-h2.cli) plus a page cache for the fill (KB): the index builds
            // of 10,000,000 audit rows did not finish in 45 minutes with 512 MB and took about 11 with 4 GB
            url = "jdbc:h2:file:" + dir + "/social-media;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE="
                    + Integer.getInteger("gen.h2cache", 512 * 1024);
            user = "sa";
            password = System.getenv().getOrDefault("H2_PASSWORD", "sa");
        }
        try {
            run(url, user, password, plan, System.out);
        } catch (NotEmptyException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** PostgreSQL's driver sends a batch of inserts as multi-row INSERTs only when asked. */
    static String withBatchRewrite(String url) {
        if (!url.startsWith("jdbc:postgresql:") || url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    static final class NotEmptyException extends IllegalStateException {
        NotEmptyException(String message) {
            super(message);
        }
    }

    /** Checks the database is empty, migrates it, fills it; what was written. */
    public static Report run(String url, String user, String password, Plan plan, PrintStream out) throws Exception {
        String product;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            product = c.getMetaData().getDatabaseProductName();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (!tables.isEmpty()) {
                throw new NotEmptyException("The database at " + url.replaceAll("password=[^&;]*", "password=***") + " is not empty ("
                        + tables.size() + " tables, e.g. " + tables.get(0) + "): the generator fills only an empty database");
            }
        }
        out.printf(Locale.ROOT, "District data: scale %s, seed %d, today %s, on %s%n", plan.scale(), plan.seed(), plan.today(), product);
        long start = System.nanoTime();
        BenchDatabase.migrate(url, user, password, product);
        out.printf(Locale.ROOT, "%-28s %.1f s%n", "migrations", (System.nanoTime() - start) / 1e9);
        Report report;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            report = new DistrictDataGenerator(c, product, plan, out).fill();
            if (url.startsWith("jdbc:h2:file:")) {
                // H2 appends every change to its file: rewritten, it is a third of the size
                long compact = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                }
                double seconds = (System.nanoTime() - compact) / 1e9;
                report.seconds().put("compact", seconds);
                out.printf(Locale.ROOT, "%-28s %.1f s%n", "compact", seconds);
            }
        }
        if (url.startsWith("jdbc:h2:file:")) {
            // H2 keeps the last cache size in the file: leave H2's default (16 MB), not the fill's gigabytes
            try (Connection c = DriverManager.getConnection(url.replaceAll(";CACHE_SIZE=\\d+", ""), user, password);
                 Statement s = c.createStatement()) {
                s.execute("SET CACHE_SIZE 16384");
            }
        }
        out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.println("Sign-in users (password from -Dgen.password; every generated staff user has the same one):");
        for (DemoUser u : DEMO_USERS) {
            out.printf(Locale.ROOT, "  %-15s %s%n", u.username(), u.roles());
        }
        return report;
    }

    // ------------------------------------------------------------------------------------------------ the plan

    /**
     * What to generate. Each count is round(target x scale) (half up); the units are at least six (the
     * demo users' three schools and three departments), and the other tables at least a few rows, so that
     * any scale has a school with classes, a site administrator with rights and every state.
     */
    public record Plan(double scale, long seed, LocalDate today, String password) {

        static Plan fromSystemProperties() {
            DistrictSettings settings = settings();
            String today = System.getProperty("gen.today", "");
            return new Plan(Double.parseDouble(System.getProperty("gen.scale", "1.0")), Long.getLong("gen.seed", 42),
                    today.isBlank() ? LocalDate.now(settings.timeZone()) : LocalDate.parse(today),
                    System.getProperty("gen.password", "demo"));
        }

        long count(long target, long min) {
            return Math.max(min, Math.round(target * scale));
        }

        long units() { return count(1_000, 6); }
        long staff() { return count(150_000, 40); }
        long students() { return count(1_100_000, 100); }
        long forms() { return count(5_000_000, 100); }
        long requests() { return count(500_000, EMPLOYEE1_REQUESTS); }
        long accounts() { return count(100_000, 10); }
        long grants() { return count(1_000_000, 20); }
        long auditRows() { return count(10_000_000, 100); }
    }

    /** Rows written per table and the time of each step. */
    public record Report(Map<String, Long> rows, Map<String, Double> seconds) {
    }

    /**
     * The District settings the data follows: each setting's environment variable (as server-config reads
     * it), else its built-in default. They are stored as overrides, so the server keeps to them.
     */
    /**
     * An authorization's last day, by AUTHORIZATION_TERM (the school year's end by default) from the day it was
     * granted, as a decision sets it. One still active keeps the end the application gave those decided before
     * authorizations had terms (migration V55, AuthorizationTerm.endForExisting): the rule's end from the grant, or,
     * when that is gone or within the reminder's 30 days, from today; so that what is active stays active, and the
     * term timer sees reminders coming, not an expiry of most of two years' authorizations at its first pass. A
     * revoked one keeps the end it had when it was revoked. Its next look (next_term_at) is the reminder, as
     * Authorization.setTerm schedules it; a revoked one has none.
     */
    LocalDate lastDay(Instant grantedAt, boolean revoked) {
        LocalDate grantedOn = grantedAt.atZone(zone).toLocalDate();
        AuthorizationTerm term = settings.rights().authorizationTerm();
        MonthDay schoolYearEnd = settings.rights().schoolYearEnd();
        return revoked ? term.endFor(grantedOn, schoolYearEnd) : term.endForExisting(grantedOn, today, schoolYearEnd);
    }

    static DistrictSettings settings() {
        return DistrictSettings.of(settingValues());
    }

    static Map<SettingKey, String> settingValues() {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            String env = System.getenv(key.environmentVariable());
            values.put(key, key.canonical(env == null || env.isBlank() ? key.builtInDefault() : env));
        }
        return values;
    }

    /** The settings written as overrides: the ones the generated rows depend on. */
    static final List<SettingKey> FIXED_SETTINGS = List.of(SettingKey.DISTRICT_NAME, SettingKey.EMAIL_DOMAINS, SettingKey.TIME_ZONE,
            SettingKey.REVIEW_PERIOD, SettingKey.REVIEW_DAYS, SettingKey.REMINDERS_BEFORE, SettingKey.OVERDUE_REPEAT,
            SettingKey.SCHOOL_YEAR_END, SettingKey.GRANT_NOTICE_BEFORE, SettingKey.AUTHORIZATION_TERM);

    // ------------------------------------------------------------------------------------------------ known users

    record DemoUser(String username, String fullName, int unit, Set<Role> roles) {
    }

    /** The demo users of platform/control/DemoData (same usernames, names, units and roles); staff rows 1-11. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("employee1", "Maria Lopez", 0, EnumSet.of(Role.EMPLOYEE)),
            new DemoUser("employee2", "James Carter", 1, EnumSet.of(Role.EMPLOYEE)),
            new DemoUser("employee3", "Aiko Tanaka", 0, EnumSet.of(Role.EMPLOYEE)),
            new DemoUser("superintendent", "Dr. Helen Brooks", 3, EnumSet.of(Role.REVIEWER, Role.SUPERINTENDENT)),
            new DemoUser("designee", "Robert Chen", 3, EnumSet.of(Role.REVIEWER)),
            new DemoUser("siteadmin", "Patricia Gomez", 0, EnumSet.of(Role.SITE_ADMIN)),
            new DemoUser("siteadmin2", "Thomas Nguyen", 1, EnumSet.of(Role.SITE_ADMIN)),
            new DemoUser("clerk", "Daniel Kim", 1, EnumSet.of(Role.CONSENT_CLERK)),
            new DemoUser("clerk2", "Fatima Hassan", 0, EnumSet.of(Role.CONSENT_CLERK)),
            new DemoUser("auditor", "Grace Okafor", 3, EnumSet.of(Role.AUDITOR)),
            new DemoUser("sysadmin", "Samuel Reed", 4, EnumSet.of(Role.SYSTEM_ADMIN)));
    static final int EMPLOYEE1 = 0;
    static final int SUPERINTENDENT = 3;
    static final int DESIGNEE = 4;
    static final int SITEADMIN = 5;
    static final int SITEADMIN2 = 6;
    static final int CLERK = 7;
    static final int CLERK2 = 8;
    static final int SYSADMIN = 10;

    /** The demo units of DemoData first: three schools (LHS, WES, RMS), three departments (DO, IT, COMM). */
    static final String[][] DEMO_UNITS = {{"LHS", "Lincoln High School"}, {"WES", "Washington Elementary School"},
            {"RMS", "Roosevelt Middle School"}, {"DO", "District Office"}, {"IT", "Information Technology"}, {"COMM", "Communications"}};

    // ------------------------------------------------------------------------------------------------ word lists

    static final String[] GIVEN = {"Maria", "James", "Aiko", "Helen", "Robert", "Patricia", "Thomas", "Daniel", "Fatima", "Grace",
            "Samuel", "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Mateo", "Isabella", "Lucas", "Mia", "Amir",
            "Chloe", "Ethan", "Priya", "Diego", "Zoe", "Kwame", "Lena", "Omar", "Hana", "Caleb", "Nora", "Jin", "Sofia", "Malik",
            "Layla", "Ivan", "Ruth", "Tomas", "Ana", "Wei", "Keiko", "Ravi", "Elena", "Yusuf", "Clara", "Andre", "Maya"};
    static final String[] FAMILY = {"Lopez", "Carter", "Tanaka", "Brooks", "Chen", "Gomez", "Nguyen", "Kim", "Hassan", "Okafor",
            "Reed", "Smith", "Johnson", "Garcia", "Martinez", "Brown", "Davis", "Wilson", "Anderson", "Thomas", "Moore", "Lee",
            "Perez", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "Wright", "Scott", "Torres", "Hill", "Flores",
            "Green", "Adams", "Baker", "Nelson", "Rivera", "Campbell", "Mitchell", "Roberts", "Patel", "Singh", "Khan", "Cohen",
            "Murphy", "Rossi", "Schmidt"};
    static final String[] SCHOOL_NAMES = {"Jefferson", "Adams", "Madison", "Monroe", "Kennedy", "Franklin", "Hamilton", "Edison",
            "Carver", "Douglass", "Tubman", "Parks", "King", "Chavez", "Earhart", "Keller", "Curie", "Mann", "Dewey", "Whitman",
            "Twain", "Emerson", "Thoreau", "Alcott", "Frost", "Irving", "Muir", "Audubon", "Sequoia", "Cedar", "Oak Grove", "Maple",
            "Willow", "Riverside", "Hillcrest", "Lakeview", "Sunset", "Valley", "Mesa", "Canyon", "Pioneer", "Horizon", "Bayside",
            "Meadow", "Summit", "Harbor", "Redwood", "Aspen", "Pine", "Brookside"};
    static final String[] SCHOOL_KINDS = {"Elementary School", "Elementary School", "Elementary School", "Middle School", "High School"};
    static final String[] DEPARTMENTS = {"Transportation", "Food Services", "Human Resources", "Finance", "Facilities", "Athletics",
            "Special Education", "Curriculum and Instruction", "Student Services", "Health Services", "Library Services",
            "Family Engagement", "Adult Education", "Early Learning", "Assessment", "Safety and Security"};
    static final String[] TOPICS = {"news", "athletics", "library", "band", "pta", "science", "art", "theater", "robotics", "garden",
            "counseling", "alumni", "events", "choir", "debate", "chess"};
    static final String[] PLATFORM_URLS = {"https://www.facebook.com/", "https://www.instagram.com/", "https://x.com/",
            "https://www.youtube.com/@", "https://www.tiktok.com/@", "https://www.linkedin.com/company/", "https://blogs.district.example.org/",
            "https://podcasts.district.example.org/", "https://messages.district.example.org/", "https://social.example.org/@"};
    static final String[] PLATFORM_NAMES = {"Facebook", "Instagram", "X", "YouTube", "TikTok", "LinkedIn", "Blog", "Podcast",
            "Text or instant messaging", "Other"};
    static final String OTHER_PLATFORM_NAME = "Mastodon";
    static final String[] OBJECTIVES = {"Share photos of %s events with parents (no student faces without consent).",
            "Publish recorded %s lessons for my students.", "Announce %s schedules and results to families.",
            "Coordinate %s volunteers with parents and guardians.", "Showcase student %s work at the end of each unit.",
            "Answer questions from families about %s in a public channel."};
    static final String[] AUDIT_ACTIONS = {"LOGIN", "LOGIN", "LOGIN", "LOGIN", "REQUEST_VIEWED", "REQUEST_SUBMITTED", "REQUEST_DECIDED",
            "STUDENT_VIEWED", "STUDENT_VIEWED", "CONSENT_CHECKED", "CONSENT_RECORDED", "ACCOUNT_VIEWED", "GRANT_CREATED",
            "GRANT_CONFIRMED", "AUDIT_SEARCHED", "ACCESS_DENIED"};

    // ------------------------------------------------------------------------------------------------ the shape

    private final Connection c;
    private final String product;
    private final Plan plan;
    private final PrintStream out;
    private final DistrictSettings settings;
    private final ZoneId zone;
    private final LocalDate today;
    /** The generation's "now": the start of today in the District. Everything due later is after it. */
    private final Instant now;
    private final String domain;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    private final long units;
    private final long departments;
    private final long schools;
    private final long staff;
    /** Staff rows: 11 demo users, one head per unit, then the others. */
    private final long othersFrom;
    private final long siteAdmins;
    private final long students;
    private final long accounts;
    private final long grants;
    private final long rounds;
    private final long classSlots;
    private final Instant openReviewAt;
    private final LocalDate[] schoolYear;

    DistrictDataGenerator(Connection c, String product, Plan plan, PrintStream out) {
        this.c = c;
        this.product = product;
        this.plan = plan;
        this.out = out;
        this.settings = settings();
        this.zone = settings.timeZone();
        this.today = plan.today();
        this.now = today.atStartOfDay(zone).toInstant();
        // the settings hold at least one domain: staff and account addresses use the first
        this.domain = settings.emailDomains().get(0);
        this.units = plan.units();
        this.departments = Math.max(3, Math.round(units * 0.1));
        this.schools = units - departments;
        this.staff = Math.max(plan.staff(), DEMO_USERS.size() + units + 30);
        this.othersFrom = DEMO_USERS.size() + units;
        this.siteAdmins = units + (staff - othersFrom + 29) / 30;
        this.students = plan.students();
        this.accounts = plan.accounts();
        this.grants = plan.grants();
        this.rounds = (grants + accounts - 1) / accounts;
        long maxPerSchool = (students + schools - 1) / schools;
        this.classSlots = 2 * ((maxPerSchool + CLASS_SIZE - 1) / CLASS_SIZE);
        this.openReviewAt = today.minusDays(20).atTime(9, 0).atZone(zone).toInstant();
        this.schoolYear = ConsentForm.schoolYear(today, settings.schoolYearStart());
    }

    Report fill() throws Exception {
        step("org_unit", this::units);
        step("staff_user", this::staff);
        step("designation", this::designations);
        step("district_setting", this::settingsRows);
        step("district_account", this::accounts);
        step("access_review", this::accessReviews);
        step("account_grant", this::grants);
        step("sm_request", this::requests);
        step("request_status_tally", this::requestStatusTally);
        step("request_deadline_tally", this::requestDeadlineTally);
        step("request_age_tally", this::requestAgeTally);
        // account_compliance_tally (V74) is left empty on purpose: every unit then counts as stale and is counted from its
        // accounts until the rights timer (or the recount) has counted it; the figures are exact either way
        step("student", this::students);
        step("consent_form", this::consentForms);
        step("audit_entry", this::audit);
        step("indexes", this::indexesAndStatistics);
        return new Report(rows, seconds);
    }

    interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        double s = (System.nanoTime() - start) / 1e9;
        seconds.put(name, s);
        out.printf(Locale.ROOT, "%-28s %.1f s%n", name, s);
    }

    /** Writes a group of tables in batches and reports their rows. */
    private Batches batches() {
        return new Batches(c, BATCH, COMMIT);
    }

    private void count(Batches.Table... tables) {
        for (Batches.Table t : tables) {
            rows.merge(t.name(), t.rows(), Long::sum);
            out.printf(Locale.ROOT, "  %-26s %,14d rows%n", t.name(), t.rows());
        }
    }

    /** Prints how far the rows of a long step have come, every tenth of them. */
    private final class Progress {
        private final String what;
        private final long total;
        private final long start = System.nanoTime();
        private long next;

        Progress(String what, long total) {
            this.what = what;
            this.total = total;
            this.next = total / 10;
        }

        void at(long done) {
            if (total >= 1_000_000 && done >= next && done < total) {
                out.printf(Locale.ROOT, "  %s: %,d of %,d (%.0f s)%n", what, done, total, (System.nanoTime() - start) / 1e9);
                next += total / 10;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ dice

    /** A generator of its own for each (purpose, row): the same numbers whatever was generated before. */
    private SplittableRandom dice(long purpose, long row) {
        return new SplittableRandom(mix(mix(plan.seed() * 0x9E3779B97F4A7C15L + purpose) + row));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private Instant daysAgo(SplittableRandom r, int from, int to) {
        return now.minus(Duration.ofSeconds(from * 86_400L + r.nextLong((to - from) * 86_400L + 1)));
    }

    // ------------------------------------------------------------------------------------------------ units and staff

    private static final long UNIT = 1, STAFF = 2, ACCOUNT = 3, GRANT = 4, REQUEST = 5, STUDENT = 6, FORM = 7, AUDIT = 8, TAKEDOWN = 9;

    private boolean isDepartment(long u) {
        return u >= 3 && u < 3 + departments;
    }

    /** The unit of the school numbered k (0 .. schools-1). */
    private long schoolUnit(long k) {
        return k < 3 ? k : k + departments;
    }

    private String unitCode(long u) {
        return u < DEMO_UNITS.length ? DEMO_UNITS[(int) u][0] : (isDepartment(u) ? "D" : "S") + String.format(Locale.ROOT, "%04d", u);
    }

    private String unitName(long u) {
        if (u < DEMO_UNITS.length) {
            return DEMO_UNITS[(int) u][1];
        }
        if (isDepartment(u)) {
            long d = u - DEMO_UNITS.length;
            return DEPARTMENTS[(int) (d % DEPARTMENTS.length)] + (d >= DEPARTMENTS.length ? " " + (d / DEPARTMENTS.length + 1) : "");
        }
        long s = u - 3 - departments;
        long n = s / (SCHOOL_NAMES.length * (long) SCHOOL_KINDS.length);
        return SCHOOL_NAMES[(int) (s % SCHOOL_NAMES.length)] + " " + SCHOOL_KINDS[(int) (s / SCHOOL_NAMES.length % SCHOOL_KINDS.length)]
                + (n > 0 ? " " + (n + 1) : "");
    }

    private void units() throws SQLException {
        try (Batches b = batches()) {
            Batches.Table unit = b.table("org_unit", "id", "code", "name", "kind", "active", "version");
            for (long u = 0; u < units; u++) {
                unit.add(u + 1, unitCode(u), unitName(u), (isDepartment(u) ? OrgUnit.Kind.DEPARTMENT : OrgUnit.Kind.SCHOOL).name(), true, 0L);
                b.rowsDone();
            }
            b.send();
            count(unit);
        }
    }

    /** The roles of staff row k (see the class comment of the layout in {@link #staff()}). */
    Set<Role> roles(long k) {
        if (k < DEMO_USERS.size()) {
            return DEMO_USERS.get((int) k).roles();
        }
        if (k < othersFrom) {
            return EnumSet.of(Role.EMPLOYEE, Role.SITE_ADMIN);
        }
        long o = k - othersFrom;
        if (o % 30 == 0) {
            return EnumSet.of(Role.EMPLOYEE, Role.SITE_ADMIN);
        } else if (o % 150 == 1) {
            return EnumSet.of(Role.CONSENT_CLERK);
        } else if (o % 5000 == 2) {
            return EnumSet.of(Role.EMPLOYEE, Role.REVIEWER);
        } else if (o % 10000 == 3) {
            return EnumSet.of(Role.AUDITOR);
        } else if (o % 10000 == 4) {
            return EnumSet.of(Role.SYSTEM_ADMIN);
        }
        return EnumSet.of(Role.EMPLOYEE);
    }

    /** One employee in 200 has left the District (never one with another role). */
    private boolean active(long k) {
        return k < othersFrom || (k - othersFrom) % 200 != 199;
    }

    long unitOf(long k) {
        if (k < DEMO_USERS.size()) {
            return DEMO_USERS.get((int) k).unit();
        }
        if (k < othersFrom) {
            return k - DEMO_USERS.size();
        }
        long o = k - othersFrom;
        // consent clerks keep a school's forms
        return o % 150 == 1 ? schoolUnit(o / 150 % schools) : o % units;
    }

    String username(long k) {
        if (k < DEMO_USERS.size()) {
            return DEMO_USERS.get((int) k).username();
        }
        SplittableRandom r = dice(STAFF, k);
        return (pick(r, GIVEN).charAt(0) + pick(r, FAMILY) + k).toLowerCase(Locale.ROOT);
    }

    private String fullName(long k) {
        if (k < DEMO_USERS.size()) {
            return DEMO_USERS.get((int) k).fullName();
        }
        SplittableRandom r = dice(STAFF, k);
        String given = pick(r, GIVEN);
        return given + " " + pick(r, FAMILY);
    }

    /** The staff row of site administrator j (0 .. siteAdmins-1): the unit heads, then every 30th of the others. */
    private long siteAdmin(long j) {
        return j < units ? DEMO_USERS.size() + j : othersFrom + 30 * (j - units);
    }

    /** The first consent clerk of school k, or the demo clerk where the scale leaves the school none. */
    private String clerkOf(long school) {
        if (school == 0) {
            return DEMO_USERS.get(CLERK2).username();
        }
        if (school == 1) {
            return DEMO_USERS.get(CLERK).username();
        }
        long o = 150 * school + 1;
        return othersFrom + o < staff ? username(othersFrom + o) : DEMO_USERS.get(CLERK).username();
    }

    /** An active employee who may file requests, picked with r. */
    private long requester(SplittableRandom r) {
        long k = othersFrom + r.nextLong(staff - othersFrom);
        return roles(k).contains(Role.EMPLOYEE) && active(k) ? k : othersFrom + (k - othersFrom) / 30 * 30;
    }

    private void staff() throws SQLException {
        // one PBKDF2 hash for every user: 210,000 iterations each would take hours for 150,000 users
        String hash = new PasswordHasher(new Pbkdf2PasswordHashImpl()).hash(plan.password().toCharArray());
        List<String[]> deferred = BenchDatabase.dropIndexes(c, product, "staff_user", "staff_user_role");
        try (Batches b = batches()) {
            Batches.Table user = b.table("staff_user", "id", "username", "full_name", "email", "unit_id", "supervisor_id",
                    "password_hash", "active", "created_at", "deactivated_at", "version");
            Batches.Table role = b.table("staff_user_role", "staff_user_id", "role");
            // the Superintendent first: the demo users and unit heads report to her, the others to their unit's head
            for (long n = -1; n < staff; n++) {
                long k = n < 0 ? SUPERINTENDENT : n;
                if (n == SUPERINTENDENT) {
                    continue;
                }
                SplittableRandom r = dice(STAFF + 100, k);
                long unit = unitOf(k);
                Long supervisor = k == SUPERINTENDENT || k == SYSADMIN || k == 9 ? null
                        : k < othersFrom ? SUPERINTENDENT + 1L : DEMO_USERS.size() + unit + 1;
                Instant created = daysAgo(r, 30, 3000);
                boolean active = active(k);
                user.add(k + 1, username(k), fullName(k), username(k) + "@" + domain, unit + 1, supervisor, hash, active, created,
                        active ? null : daysAgo(r, 1, 29), 0L);
                for (Role each : roles(k)) {
                    role.add(k + 1, each.name());
                }
                b.rowsDone();
            }
            b.send();
            count(user, role);
        }
        BenchDatabase.createIndexes(c, deferred);
    }

    private void designations() throws SQLException {
        try (Batches b = batches()) {
            Batches.Table d = b.table("designation", "id", "designee_id", "designated_by_id", "starts_on", "ends_on", "created_at",
                    "revoked_at", "version", "may_grant_rights");
            long id = 1;
            // as DemoRequests: the designee answers requests and may grant rights, this year
            d.add(id++, DESIGNEE + 1L, SUPERINTENDENT + 1L, today.minusDays(30), today.plusDays(300), now.minus(Duration.ofDays(30)), null,
                    0L, true);
            for (long k = othersFrom + 2; k < staff; k += 5000) {
                // the other reviewers: every second one designated now, the others for a past term
                boolean current = (k - othersFrom) / 5000 % 2 == 0;
                LocalDate start = current ? today.minusDays(60) : today.minusDays(400);
                d.add(id++, k + 1, SUPERINTENDENT + 1L, start, current ? today.plusDays(120) : today.minusDays(220),
                        start.atStartOfDay(zone).toInstant(), null, 0L, false);
            }
            b.send();
            count(d);
        }
    }

    private void settingsRows() throws SQLException {
        Map<SettingKey, String> values = settingValues();
        try (Batches b = batches()) {
            Batches.Table s = b.table("district_setting", "setting_key", "setting_value", "updated_by", "updated_at", "version");
            for (SettingKey key : FIXED_SETTINGS) {
                s.add(key.property(), values.get(key), DEMO_USERS.get(SYSADMIN).username(), now.minus(Duration.ofDays(400)), 0L);
            }
            b.send();
            count(s);
        }
    }

    // ------------------------------------------------------------------------------------------------ accounts and rights

    AccountStatus accountStatus(long a) {
        int p = dice(ACCOUNT, a).nextInt(100);
        return p < 5 ? AccountStatus.ARCHIVED : p < 7 ? AccountStatus.SUSPENDED : AccountStatus.ACTIVE;
    }

    /** Grant g: account g mod accounts, round g / accounts (the grants of an account are spread through the table). */
    GrantStatus grantStatus(long g) {
        long a = g % accounts;
        long round = g / accounts;
        if (round >= 2 && accountStatus(a) != AccountStatus.ARCHIVED) {
            // one account in 25 keeps a single administrator (flagged by the compliance checks)
            return a % 25 == 0 && round > 2 ? GrantStatus.REVOKED : GrantStatus.ACTIVE;
        }
        int p = dice(GRANT, g).nextInt(100);
        return p < 50 ? GrantStatus.EXPIRED : p < 75 ? GrantStatus.REVOKED : p < 85 ? GrantStatus.LAPSED : GrantStatus.ENDED;
    }

    /** Grants in force on account a: what the account keeps in active_admins. */
    int activeAdmins(long a) {
        int n = 0;
        for (long g = a; g < grants; g += accounts) {
            if (grantStatus(g) == GrantStatus.ACTIVE) {
                n++;
            }
        }
        return n;
    }

    /** Accounts of unit u are u, u + units, u + 2 units ...: how many there are. */
    private long accountsOfUnit(long u) {
        return u >= accounts ? 0 : (accounts - 1 - u) / units + 1;
    }

    private void accounts() throws SQLException {
        List<String[]> deferred = BenchDatabase.dropIndexes(c, product, "district_account");
        try (Batches b = batches()) {
            Batches.Table t = b.table("district_account", "id", "platform_id", "other_platform_name", "handle", "handle_key", "url",
                    "unit_id", "purpose", "registered_email", "status", "identifies_district", "identification_checked_by",
                    "identification_checked_at", "privacy_reviewed_by", "privacy_reviewed_at", "archive_covered", "active_admins",
                    "source_authorization_id", "created_at", "created_by", "version", "unit_key", "attestation_due_on",
                    "attestation_overdue_at", "attestation_next_check_at");
            for (long a = 0; a < accounts; a++) {
                SplittableRandom r = dice(ACCOUNT + 100, a);
                long u = a % units;
                int platform = r.nextInt(100) == 0 ? 10 : 1 + r.nextInt(9);
                String topic = pick(r, TOPICS);
                String handle = "@" + unitCode(u) + "_" + topic + "_" + a;
                int compliance = r.nextInt(100);
                boolean identified = compliance >= 8;
                Instant privacy = compliance < 5 ? null : compliance < 15 ? daysAgo(r, 400, 700) : daysAgo(r, 1, 300);
                String reviewer = DEMO_USERS.get(r.nextBoolean() ? SUPERINTENDENT : DESIGNEE).username();
                // the yearly checklist (V48): one account in twenty overdue (its overdue notice sent: nothing to check),
                // the others due within the year, first looked at by the rights timer 30 days before their due date
                SplittableRandom checklist = dice(ACCOUNT + 101, a);
                LocalDate checklistDue = checklist.nextInt(20) == 0 ? today.minusDays(1 + checklist.nextInt(60))
                        : today.plusDays(1 + checklist.nextInt(365));
                Instant checklistNextCheck = checklistDue.isBefore(today) ? null
                        : Collections.max(List.of(now.plus(Duration.ofDays(1)), checklistDue.minusDays(30).atStartOfDay(zone).toInstant()));
                Instant identifiedAt = identified ? daysAgo(r, 30, 900) : null;
                t.add(a + 1, (long) platform, platform == 10 ? OTHER_PLATFORM_NAME : null, handle, DistrictAccount.handleKey(handle),
                        PLATFORM_URLS[platform - 1] + handle.substring(1), u + 1,
                        "The " + topic + " channel of " + unitName(u) + ": news, events and reminders for families.",
                        topic + "." + unitCode(u).toLowerCase(Locale.ROOT) + a + "@" + domain, accountStatus(a).name(), identified,
                        identified ? reviewer : null, identifiedAt, privacy == null ? null : reviewer,
                        privacy, r.nextInt(10) != 0, activeAdmins(a), null, daysAgo(r, 800, 2500), reviewer, 0L,
                        unitName(u).toLowerCase(Locale.ROOT), checklistDue, AttestationPlan.overdueAt(checklistDue, zone),
                        checklistNextCheck);
                b.rowsDone();
            }
            b.send();
            count(t);
        }
        // The public directory's version (V12) moves on past the migration's, as any change of accounts moves it, at
        // the District's now rather than the clock's: the same seed gives the same row.
        try (var version = c.prepareStatement("UPDATE directory_version SET version = version + 1, changed_at = ? WHERE id = 1")) {
            version.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
            if (version.executeUpdate() != 1) {
                throw new IllegalStateException("directory_version has no row: the migrations put it there");
            }
        }
        c.commit();
        BenchDatabase.createIndexes(c, deferred);
    }

    /** A closed review of 90 days ago (it flagged some grants) and one opened by hand 20 days ago, still open. */
    private static final long CLOSED_REVIEW = 1, OPEN_REVIEW = 2;

    private void accessReviews() throws SQLException {
        try (Batches b = batches()) {
            Batches.Table t = b.table("access_review", "id", "opens_on", "deadline", "status", "opened_at", "opened_by",
                    "lapse_unreviewed", "reminders_before", "next_check_at", "closed_at", "grants_flagged", "grants_lapsed", "version");
            Batches.Table notice = b.table("rights_notice", "id", "subject", "subject_id", "stage", "fired_at", "recipients");
            String superintendent = DEMO_USERS.get(SUPERINTENDENT).username();
            List<Duration> reminders = settings.rights().reviewReminders();
            LocalDate closedOpens = today.minusDays(90);
            AccessReview closed = new AccessReview(closedOpens, closedOpens.plusDays(29), false, reminders, superintendent,
                    closedOpens.atTime(9, 0).atZone(zone).toInstant());
            Instant closedAt = closed.closesAt(zone);
            t.add(CLOSED_REVIEW, closed.getOpensOn(), closed.getDeadline(), AccessReview.Status.CLOSED.name(), closed.getOpenedAt(),
                    superintendent, false, closed.getRemindersBefore(), null, closedAt, 0, 0, 1L);
            AccessReview open = new AccessReview(today.minusDays(20), today.plusDays(10), false, reminders, superintendent, openReviewAt);
            t.add(OPEN_REVIEW, open.getOpensOn(), open.getDeadline(), AccessReview.Status.OPEN.name(), open.getOpenedAt(), superintendent,
                    false, open.getRemindersBefore(), open.nextCheck(now, zone), null, 0, 0, 0L);
            notice.add(nextNotice++, RightsNotice.REVIEW, CLOSED_REVIEW, AccessReview.STAGE_OPENED, closed.getOpenedAt(), superintendent);
            for (Duration d : reminders) {
                notice.add(nextNotice++, RightsNotice.REVIEW, CLOSED_REVIEW, AccessReview.reminderStage(d), closedAt.minus(d), superintendent);
            }
            notice.add(nextNotice++, RightsNotice.REVIEW, CLOSED_REVIEW, AccessReview.STAGE_CLOSED, closedAt, superintendent);
            notice.add(nextNotice++, RightsNotice.REVIEW, OPEN_REVIEW, AccessReview.STAGE_OPENED, openReviewAt, superintendent);
            b.send();
            count(t, notice);
        }
    }

    private long nextNotice = 1;

    private void grants() throws SQLException {
        List<String[]> deferred = BenchDatabase.dropIndexes(c, product, "account_grant", "rights_notice");
        int noticeDays = settings.rights().noticeDaysBefore();
        String superintendent = DEMO_USERS.get(SUPERINTENDENT).username();
        String designee = DEMO_USERS.get(DESIGNEE).username();
        long demoStep = Math.max(1, accounts / DEMO_ADMIN_ACCOUNTS);
        long flagged = 0;
        try (Batches b = batches()) {
            Batches.Table t = b.table("account_grant", "id", "account_id", "holder_id", "granted_by", "granted_by_name", "granted_as",
                    "reason", "starts_on", "ends_on", "open_ended_reason", "status", "created_at", "ended_at", "ended_by", "end_reason",
                    "last_reviewed_at", "last_reviewed_by", "flagged_review_id", "next_check_at", "version", "ends_key", "holder_key");
            Batches.Table notice = b.table("rights_notice", "id", "subject", "subject_id", "stage", "fired_at", "recipients");
            Progress progress = new Progress("grants", grants);
            for (long g = 0; g < grants; g++) {
                progress.at(g);
                SplittableRandom r = dice(GRANT + 100, g);
                long a = g % accounts;
                long round = g / accounts;
                GrantStatus status = grantStatus(g);
                long holder = round == 3 && a % demoStep == 0 ? SITEADMIN
                        : round == 4 && a % demoStep == 1 % demoStep ? SITEADMIN2 : siteAdmin(r.nextLong(siteAdmins));
                boolean byDesignee = r.nextInt(5) == 0;
                String granter = byDesignee ? designee : superintendent;
                String holderName = username(holder);
                String holderKey = AccountGrant.holderKey(fullName(holder));
                LocalDate startsOn;
                LocalDate endsOn;
                String openEnded = null;
                Instant endedAt = null;
                String endedBy = null;
                String endReason = null;
                Instant nextCheck = null;
                Long flaggedBy = null;
                Instant reviewedAt;
                String reviewedBy = granter;
                if (status == GrantStatus.ACTIVE) {
                    startsOn = today.minusDays(30 + r.nextInt(400));
                    if (r.nextInt(10) == 0) {
                        endsOn = null;
                        openEnded = "Administers the account for the whole " + unitName(a % units) + " until the role changes.";
                    } else {
                        endsOn = today.plusDays(r.nextInt(366));
                    }
                    Instant created = startsOn.atTime(10, 0).atZone(zone).toInstant();
                    reviewedAt = created;
                    if (r.nextBoolean()) {
                        // confirmed by the open access review
                        reviewedAt = openReviewAt.plus(Duration.ofMinutes(1 + r.nextInt(20 * 24 * 60 - 600)));
                        reviewedBy = superintendent;
                    } else if (r.nextInt(50) == 0) {
                        flaggedBy = CLOSED_REVIEW;
                        flagged++;
                    }
                    if (endsOn != null) {
                        // the rights timer's schedule (AccountGrant.nextCheck): the early notice, sent when its day has come
                        Instant noticeAt = endsOn.plusDays(1).minusDays(noticeDays).atStartOfDay(zone).toInstant();
                        boolean owed = noticeDays > 0 && created.isBefore(noticeAt);
                        if (owed && !noticeAt.isAfter(now)) {
                            notice.add(nextNotice++, RightsNotice.GRANT, g + 1, AccountGrant.STAGE_NOTICE, noticeAt.plusSeconds(30),
                                    holderName + ", " + superintendent);
                        }
                        nextCheck = owed && noticeAt.isAfter(now) ? noticeAt : endsOn.plusDays(1).atStartOfDay(zone).toInstant();
                    }
                    t.add(g + 1, a + 1, holder + 1, granter, fullName(byDesignee ? DESIGNEE : SUPERINTENDENT),
                            byDesignee ? ReviewerAuthority.DESIGNEE_TITLE : ReviewerAuthority.SUPERINTENDENT_TITLE,
                            "Manages the " + pick(r, TOPICS) + " posts of " + unitName(a % units) + ".", startsOn, endsOn, openEnded,
                            status.name(), created, null, null, null, reviewedAt, reviewedBy, flaggedBy, nextCheck, 0L,
                            endsOn == null ? AccountGrant.OPEN_ENDED_KEY : endsOn, holderKey);
                    b.rowsDone();
                    continue;
                }
                startsOn = today.minusDays(400 + r.nextInt(700));
                endsOn = startsOn.plusDays(30 + r.nextInt(300));
                Instant created = startsOn.atTime(10, 0).atZone(zone).toInstant();
                Instant expiresAt = endsOn.plusDays(1).atStartOfDay(zone).toInstant();
                switch (status) {
                    case EXPIRED -> {
                        endedAt = expiresAt.plusSeconds(30);
                        endedBy = "system";
                        endReason = "The last day (" + endsOn + ") has passed";
                        Instant noticeAt = endsOn.plusDays(1).minusDays(noticeDays).atStartOfDay(zone).toInstant();
                        if (noticeDays > 0 && created.isBefore(noticeAt)) {
                            notice.add(nextNotice++, RightsNotice.GRANT, g + 1, AccountGrant.STAGE_NOTICE, noticeAt.plusSeconds(30),
                                    holderName + ", " + superintendent);
                        }
                        notice.add(nextNotice++, RightsNotice.GRANT, g + 1, AccountGrant.STAGE_EXPIRED, endedAt,
                                holderName + ", " + superintendent);
                    }
                    case REVOKED -> {
                        endedAt = created.plus(Duration.ofHours(1 + r.nextLong(Duration.between(created, expiresAt).toHours())));
                        endedBy = granter;
                        endReason = "Moved to another school; the account's other administrators take over.";
                    }
                    case LAPSED -> {
                        endedAt = expiresAt.minus(Duration.ofDays(1));
                        endedBy = "system";
                        endReason = "Not confirmed by the access review's deadline";
                    }
                    default -> {
                        endedAt = expiresAt.minus(Duration.ofDays(2));
                        endedBy = "system";
                        endReason = "The holder was deactivated";
                    }
                }
                t.add(g + 1, a + 1, holder + 1, granter, fullName(byDesignee ? DESIGNEE : SUPERINTENDENT),
                        byDesignee ? ReviewerAuthority.DESIGNEE_TITLE : ReviewerAuthority.SUPERINTENDENT_TITLE,
                        "Manages the " + pick(r, TOPICS) + " posts of " + unitName(a % units) + ".", startsOn, endsOn, null,
                        status.name(), created, endedAt, endedBy, endReason, created, granter, null, null, 1L, endsOn, holderKey);
                b.rowsDone();
            }
            b.send();
            count(t, notice);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE access_review SET grants_flagged = " + flagged + " WHERE id = " + CLOSED_REVIEW);
        }
        c.commit();
        BenchDatabase.createIndexes(c, deferred);
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** Request i's status: employee1's first requests take each status in turn, the others by share. */
    static RequestStatus requestStatus(int permille, long i) {
        if (i < EMPLOYEE1_REQUESTS) {
            return RequestStatus.values()[(int) (i % RequestStatus.values().length)];
        }
        return permille < 50 ? RequestStatus.DRAFT : permille < 200 ? RequestStatus.SUBMITTED : permille < 250 ? RequestStatus.INFO_REQUESTED
                : permille < 280 ? RequestStatus.OVERDUE : permille < 930 ? RequestStatus.DECIDED : RequestStatus.WITHDRAWN;
    }

    private long nextLine = 1, nextCycle = 1, nextAuthorization = 1, nextOperator = 1, nextEvent = 1;

    private void requests() throws SQLException {
        List<String[]> deferred = BenchDatabase.dropIndexes(c, product, "sm_request", "sm_request_line", "sm_request_line_audience",
                "sm_review_cycle", "sm_authorization", "account_operator", "escalation_event");
        long total = plan.requests();
        String reminders = settings.remindersBefore();
        Duration repeat = settings.overdueRepeat();
        List<Duration> reminderList = EscalationPlan.parseReminders(reminders);
        var calculator = settings.deadlineCalculator(Set.of());
        try (Batches b = batches()) {
            Batches.Table request = b.table("sm_request", "id", "requester_id", "status", "created_at", "submitted_at", "deadline",
                    "review_cycle", "acknowledged_policy_version", "acknowledged_at", "outcome", "decided_by_username", "decided_by_name",
                    "decided_by_role", "decided_at", "decision_note", "withdrawn_at", "overdue_at", "version", "reminders_before",
                    "overdue_repeat", "next_escalation_at", "queue_key");
            Batches.Table line = b.table("sm_request_line", "id", "request_id", "position", "platform_id", "other_platform_name",
                    "objectives", "communicates_with_students", "existing_account_id", "new_account_name", "district_email", "outcome",
                    "limits", "explanation");
            Batches.Table audience = b.table("sm_request_line_audience", "line_id", "audience");
            Batches.Table cycle = b.table("sm_review_cycle", "id", "request_id", "number", "started_at", "deadline", "ended_at",
                    "end_reason", "overdue_at", "question", "asked_by", "answer", "answered_at");
            Batches.Table authorization = b.table("sm_authorization", "id", "employee_id", "request_id", "line_id", "platform_label",
                    "account_label", "outcome", "limits", "granted_at", "granted_by", "status", "revoked_at", "revoked_by",
                    "revocation_reason", "version", "ends_on", "next_term_at");
            Batches.Table operator = b.table("account_operator", "id", "account_id", "authorization_id", "employee_id", "added_at",
                    "added_by");
            Batches.Table event = b.table("escalation_event", "id", "request_id", "review_cycle", "stage", "due_at", "fired_at", "late",
                    "recipients", "note");
            String reviewers = DEMO_USERS.get(SUPERINTENDENT).username() + ", " + DEMO_USERS.get(DESIGNEE).username();
            Progress progress = new Progress("requests", total);
            for (long i = 0; i < total; i++) {
                progress.at(i);
                SplittableRandom r = dice(REQUEST, i);
                long id = i + 1;
                RequestStatus status = requestStatus(r.nextInt(1000), i);
                long requester = i < EMPLOYEE1_REQUESTS ? EMPLOYEE1 : requester(r);
                long unit = unitOf(requester);
                // one in 250 of all (submitted are 15%); employee1's submitted request (row 2) is due at any scale
                boolean due = status == RequestStatus.SUBMITTED && i >= EMPLOYEE1_REQUESTS && r.nextInt(DUE_ONE_IN * 15 / 100) == 0
                        || i == 1;
                // when its review started: open requests recently, finished ones over two years
                Instant started = switch (status) {
                    case DRAFT -> null;
                    // waiting: the deadline ahead, or (due for the sweep, overdue) passed
                    case SUBMITTED -> due ? deadlinePassed(calculator, daysAgo(r, 0, 1), 0)
                            : deadlineAhead(calculator, now.minus(Duration.ofMinutes(1 + r.nextInt(7 * 24 * 60))));
                    case OVERDUE -> deadlinePassed(calculator, daysAgo(r, 0, 1), 1 + r.nextInt(9));
                    case INFO_REQUESTED -> daysAgo(r, 4, 20);
                    default -> daysAgo(r, 8, 730);
                };
                Instant created = started == null ? daysAgo(r, 0, 60) : started.minus(Duration.ofMinutes(10 + r.nextInt(3 * 24 * 60)));
                boolean withdrawnDraft = status == RequestStatus.WITHDRAWN && r.nextInt(10) < 3;
                if (withdrawnDraft) {
                    started = null;
                }
                // one waiting request in ten is in its second cycle: a first one, three days earlier, ended with a
                // question the employee answered
                boolean earlierCycle = status == RequestStatus.SUBMITTED && !due && r.nextInt(10) == 0;
                if (earlierCycle) {
                    created = created.minus(Duration.ofDays(3));
                }
                Instant firstStart = earlierCycle ? created.plus(Duration.ofMinutes(10)) : started;
                Instant deadline = started == null ? null : calculator.deadline(started, settings.reviewPeriod());
                // answered, withdrawn or asked within three days: before any reminder
                Instant endedAt = switch (status) {
                    case DECIDED, WITHDRAWN, INFO_REQUESTED -> started == null ? null
                            : started.plus(Duration.ofMinutes(30 + r.nextInt(3 * 24 * 60 - 30)));
                    default -> null;
                };
                // lines and the decision on each
                int lines = 1 + (r.nextInt(3) == 0 ? 1 : 0) + (r.nextInt(10) == 0 ? 1 : 0);
                List<LineOutcome> outcomes = new ArrayList<>();
                boolean byDesignee = r.nextInt(5) == 0;
                int decider = byDesignee ? DESIGNEE : SUPERINTENDENT;
                for (int p = 0; p < lines; p++) {
                    int platform = r.nextInt(50) == 0 ? 10 : 1 + r.nextInt(9);
                    String topic = pick(r, TOPICS);
                    long ofUnit = accountsOfUnit(unit);
                    Long existing = ofUnit > 0 && r.nextInt(10) < 4 ? unit + units * r.nextLong(ofUnit) + 1 : null;
                    String newName = existing == null ? "@" + unitCode(unit) + "_" + topic + "_r" + id : null;
                    LineOutcome outcome = null;
                    String limits = null;
                    String explanation = null;
                    if (status == RequestStatus.DECIDED) {
                        int o = r.nextInt(100);
                        outcome = o < 60 ? LineOutcome.AUTHORIZE : o < 85 ? LineOutcome.AMEND : LineOutcome.REJECT;
                        if (outcome == LineOutcome.AMEND) {
                            limits = "Post only during the school year; no direct messages with students.";
                        }
                        if (outcome.requiresExplanation()) {
                            explanation = outcome == LineOutcome.REJECT
                                    ? "Your school already has an official account on this platform; share through it."
                                    : "Direct messages with students are outside the classroom extension the policy allows.";
                        }
                        outcomes.add(outcome);
                    }
                    long lineId = nextLine++;
                    line.add(lineId, id, p, (long) platform, platform == 10 ? OTHER_PLATFORM_NAME : null,
                            String.format(Locale.ROOT, pick(r, OBJECTIVES), topic), r.nextInt(4) == 0, existing, newName,
                            username(requester) + "@" + domain, outcome == null ? null : outcome.name(), limits, explanation);
                    Audience first = pick(r, Audience.values());
                    audience.add(lineId, first.name());
                    Audience second = pick(r, Audience.values());
                    if (second != first) {
                        audience.add(lineId, second.name());
                    }
                    if (outcome != null && outcome.grantsUse()) {
                        long authId = nextAuthorization++;
                        boolean revoked = r.nextInt(15) == 0;
                        String deciderName = DEMO_USERS.get(decider).username();
                        LocalDate lastDay = lastDay(endedAt, revoked);
                        authorization.add(authId, requester + 1, id, lineId, platform == 10 ? OTHER_PLATFORM_NAME : PLATFORM_NAMES[platform - 1],
                                newName != null ? newName : "account #" + existing, outcome.name(), limits, endedAt, deciderName,
                                (revoked ? AuthorizationStatus.REVOKED : AuthorizationStatus.ACTIVE).name(),
                                revoked ? endedAt.plus(Duration.between(endedAt, now).dividedBy(2)) : null, revoked ? DEMO_USERS.get(SUPERINTENDENT).username() : null,
                                revoked ? "The account was handed over to the school's communications lead." : null, revoked ? 1L : 0L,
                                lastDay, revoked ? null : AuthorizationTerm.remindAt(lastDay, zone).toInstant());
                        if (existing != null) {
                            operator.add(nextOperator++, existing, authId, requester + 1, endedAt.plus(Duration.ofMinutes(5)), deciderName);
                        }
                    }
                }
                // the review cycles: an earlier one ended by a question and its answer, then the current one
                int cycles = started == null ? 0 : earlierCycle ? 2 : 1;
                if (earlierCycle) {
                    Instant asked = firstStart.plus(Duration.ofHours(20));
                    cycle.add(nextCycle++, id, 1, firstStart, calculator.deadline(firstStart, settings.reviewPeriod()), asked,
                            CycleEnd.INFO_REQUESTED.name(), null, "Which grades will follow the account?", DEMO_USERS.get(decider).username(),
                            "Grades 4 and 5, through their parents.", started);
                }
                Instant overdueAt = status == RequestStatus.OVERDUE ? deadline.plusSeconds(40) : null;
                if (started != null) {
                    CycleEnd end = switch (status) {
                        case DECIDED -> CycleEnd.DECIDED;
                        case WITHDRAWN -> CycleEnd.WITHDRAWN;
                        case INFO_REQUESTED -> CycleEnd.INFO_REQUESTED;
                        default -> null;
                    };
                    boolean asked = status == RequestStatus.INFO_REQUESTED;
                    cycle.add(nextCycle++, id, cycles, started, deadline, endedAt, end == null ? null : end.name(), overdueAt,
                            asked ? "Who else will administer the account when you are away?" : null,
                            asked ? DEMO_USERS.get(decider).username() : null, null, null);
                }
                // the escalation stages the sweep has done (each on time), and its next look
                Instant next = null;
                if (status.isAwaitingReviewer()) {
                    EscalationPlan escalation = new EscalationPlan(deadline, reminderList, repeat);
                    Instant doneUntil = due ? deadline.minusSeconds(1) : now;
                    for (EscalationPlan.Stage stage : escalation.stagesUntil(doneUntil)) {
                        if (stage.dueAt().isAfter(started) && !stage.dueAt().isAfter(doneUntil)) {
                            event.add(nextEvent++, id, cycles, stage.key(), stage.dueAt(), stage.dueAt().plusSeconds(40), false, reviewers, null);
                        }
                    }
                    // a request due for the sweep waits since its deadline; the others at their next stage
                    next = due ? deadline : escalation.nextAfter(now);
                }
                boolean submittedOnce = started != null || earlierCycle;
                RequestOutcome outcome = outcomes.isEmpty() ? null : RequestOutcome.derive(outcomes);
                request.add(id, requester + 1, status.name(), created, submittedOnce ? firstStart : null,
                        status.isAwaitingReviewer() ? deadline : null, cycles, submittedOnce ? "2023-05-11" : null,
                        submittedOnce ? firstStart : null, outcome == null ? null : outcome.name(),
                        outcome == null ? null : DEMO_USERS.get(decider).username(), outcome == null ? null : fullName(decider),
                        outcome == null ? null : byDesignee ? ReviewerAuthority.DESIGNEE_TITLE : ReviewerAuthority.SUPERINTENDENT_TITLE,
                        outcome == null ? null : endedAt, null,
                        status == RequestStatus.WITHDRAWN ? (endedAt != null ? endedAt : created.plus(Duration.ofDays(2))) : null, overdueAt,
                        (long) cycles, submittedOnce ? reminders : null, submittedOnce ? repeat.toString() : null, next,
                        SocialMediaRequest.queueKey(status, status.isAwaitingReviewer() ? deadline : null));
                b.rowsDone();
            }
            b.send();
            count(request, line, audience, cycle, authorization, operator, event);
        }
        BenchDatabase.createIndexes(c, deferred);
    }

    /** The latest start on or before {@code from} whose deadline comes {@code days} or more days before now. */
    private Instant deadlinePassed(DeadlineCalculator calculator, Instant from, int days) {
        Instant started = from;
        while (calculator.deadline(started, settings.reviewPeriod()).isAfter(now.minus(Duration.ofDays(days)))) {
            started = started.minus(Duration.ofHours(6));
        }
        return started;
    }

    /** The earliest start on or after {@code from} whose deadline is still ahead. */
    private Instant deadlineAhead(DeadlineCalculator calculator, Instant from) {
        Instant started = from;
        while (!calculator.deadline(started, settings.reviewPeriod()).isAfter(now)) {
            started = started.plus(Duration.ofHours(6));
        }
        return started;
    }

    // ------------------------------------------------------------------------------------------------ students and consent

    /** The first student of school k (students of a school are consecutive). */
    private long firstStudent(long k) {
        return k * students / schools;
    }

    private long schoolOfStudent(long j) {
        // the largest k with firstStudent(k) <= j
        long k = (j * schools + schools - 1) / students;
        while (k > 0 && firstStudent(k) > j) {
            k--;
        }
        while (k + 1 < schools && firstStudent(k + 1) <= j) {
            k++;
        }
        return k;
    }

    private boolean secondGuardian(long j) {
        return dice(STUDENT + 200, j).nextInt(100) < 60;
    }

    /** The open requests per status (V71, V72): the services keep it as statuses change, and these rows went past them. */
    private void requestStatusTally() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE request_status_tally SET requests = "
                    + "(SELECT COUNT(*) FROM sm_request r WHERE r.status = request_status_tally.status)");
        }
        c.commit();
    }

    /** The submitted requests per quarter-hour of their deadline (V82), filled as the migration fills it. */
    private void requestDeadlineTally() throws SQLException {
        V82__Request_deadline_tally.fill(c);
        c.commit();
    }

    /** The open requests per status and UTC day of their submission (V85), filled as the migration fills it. */
    private void requestAgeTally() throws SQLException {
        V85__Request_age_tally.fill(c);
        c.commit();
    }

    private void students() throws SQLException {
        List<String[]> deferred = BenchDatabase.dropIndexes(c, product, "student", "guardian", "student_guardian", "school_class",
                "enrollment");
        String[] grades = {"K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
        try (Batches b = batches()) {
            Batches.Table klass = b.table("school_class", "id", "sourced_id", "title", "class_code", "school_id", "active",
                    "deactivated_at", "version");
            Batches.Table student = b.table("student", "id", "sourced_id", "district_id", "given_name", "family_name", "school_id",
                    "grade", "active", "created_at", "deactivated_at", "version");
            Batches.Table guardian = b.table("guardian", "id", "sourced_id", "given_name", "family_name", "email", "phone",
                    "relationship", "active", "created_at", "deactivated_at", "version");
            Batches.Table link = b.table("student_guardian", "student_id", "guardian_id");
            Batches.Table enrollment = b.table("enrollment", "id", "sourced_id", "class_id", "student_id", "begin_date", "end_date",
                    "active", "deactivated_at", "version");
            Progress progress = new Progress("students", students);
            for (long k = 0; k < schools; k++) {
                progress.at(firstStudent(k));
                long unit = schoolUnit(k);
                long first = firstStudent(k);
                long size = firstStudent(k + 1) - first;
                long perSet = (size + CLASS_SIZE - 1) / CLASS_SIZE;
                // two classes per student: a homeroom of 35 consecutive students and a subject class of 35 others
                for (long n = 0; n < 2 * perSet; n++) {
                    long classId = k * classSlots + n + 1;
                    String title = n < perSet ? "Homeroom " + (n + 1) : pick(dice(STUDENT + 300, classId), TOPICS) + " " + (n - perSet + 1);
                    klass.add(classId, "cls-" + classId, title, unitCode(unit) + "-" + (n + 1), unit + 1, true, null, 0L);
                }
                for (long local = 0; local < size; local++) {
                    long j = first + local;
                    SplittableRandom r = dice(STUDENT, j);
                    String family = pick(r, FAMILY);
                    Instant created = daysAgo(r, 100, 2000);
                    student.add(j + 1, "usr-s-" + (j + 1), String.valueOf(200_000 + j), pick(r, GIVEN), family, unit + 1,
                            grades[(int) ((local * grades.length) / size)], true, created, null, 0L);
                    for (int g = 0; g < (secondGuardian(j) ? 2 : 1); g++) {
                        long gid = 2 * j + g + 1;
                        String given = pick(r, GIVEN);
                        String gfamily = g == 0 || r.nextInt(4) > 0 ? family : pick(r, FAMILY);
                        int role = r.nextInt(100);
                        guardian.add(gid, "usr-g-" + gid, given, gfamily,
                                (given + "." + gfamily + gid + "@example.net").toLowerCase(Locale.ROOT),
                                "+1-555-" + String.format(Locale.ROOT, "%07d", gid % 10_000_000),
                                (g == 0 || role < 80 ? GuardianRole.PARENT : role < 95 ? GuardianRole.GUARDIAN : GuardianRole.RELATIVE).name(),
                                true, created, null, 0L);
                        link.add(j + 1, gid);
                    }
                    // siblings: one student in ten shares the previous student's first parent
                    if (j % 10 == 3 && local > 0) {
                        link.add(j + 1, 2 * (j - 1) + 1);
                    }
                    long homeroom = local / CLASS_SIZE;
                    long subject = perSet + (local + CLASS_SIZE / 2 + 1) % size / CLASS_SIZE;
                    for (long n : new long[]{homeroom, subject}) {
                        long enrollmentId = 2 * j + (n == homeroom ? 1 : 2);
                        enrollment.add(enrollmentId, "enr-" + enrollmentId, k * classSlots + n + 1, j + 1, schoolYear[0], schoolYear[1],
                                true, null, 0L);
                    }
                    b.rowsDone();
                }
            }
            b.send();
            count(klass, student, guardian, link, enrollment);
        }
        BenchDatabase.createIndexes(c, deferred);
    }

    private void consentForms() throws SQLException {
        List<String[]> deferred = BenchDatabase.dropIndexes(c, product, "consent_form", "consent_form_account", "consent_form_platform",
                "consent_revocation");
        long total = plan.forms();
        long revocationId = 1;
        long taskId = 1;
        ConsentItem[] items = ConsentItem.values();
        try (Batches b = batches()) {
            Batches.Table form = b.table("consent_form", "id", "student_id", "guardian_id", "signed_on", "form_version", "received_by",
                    "photo", "video", "full_name", "first_name", "student_work", "voice", "channel", "period_start", "period_end",
                    "notes", "status", "expired_at", "recorded_at", "recorded_by", "version");
            Batches.Table formAccount = b.table("consent_form_account", "form_id", "account_id");
            Batches.Table formPlatform = b.table("consent_form_platform", "form_id", "platform_id");
            Batches.Table revocation = b.table("consent_revocation", "id", "form_id", "revoked_on", "received_by", "photo", "video",
                    "full_name", "first_name", "student_work", "voice", "recorded_at", "recorded_by", "version");
            Batches.Table task = b.table("takedown_task", "id", "form_id", "revocation_id", "account_id", "student_id", "status",
                    "created_at", "created_by", "done_at", "done_by", "note", "next_reminder_at", "reminders_sent", "version", "post_ref");
            Batches.Table assignee = b.table("takedown_task_assignee", "task_id", "username");
            Progress progress = new Progress("consent forms", total);
            for (long f = 0; f < total; f++) {
                progress.at(f);
                SplittableRandom r = dice(FORM, f);
                long j = f % students;
                // round 0: this school year's form; 1, 2: the years before; 3: a narrower form for some accounts or
                // platforms this year; 4 and on: older forms. One student in ten has no form in force this year.
                long round = f / students;
                boolean noCurrent = j % 10 == 9;
                long school = schoolOfStudent(j);
                long unit = schoolUnit(school);
                int yearsBack = round == 0 ? (noCurrent ? 1 : 0) : round == 1 ? 1 : round == 2 ? 2 : round == 3 ? (noCurrent ? 3 : 0) : (int) round;
                LocalDate periodStart = schoolYear[0].minusYears(yearsBack);
                LocalDate periodEnd = schoolYear[1].minusYears(yearsBack);
                ConsentChannel channel = ConsentChannel.ALL;
                if (round == 3 && !noCurrent) {
                    // a shorter period, some ending within 30 days (the renewal list), some ended already
                    periodStart = today.minusDays(60 + r.nextInt(60));
                    periodEnd = today.plusDays(r.nextInt(100) - 20);
                    channel = r.nextBoolean() ? ConsentChannel.ACCOUNTS : ConsentChannel.PLATFORMS;
                } else if (round == 0 && !noCurrent) {
                    int p = r.nextInt(100);
                    channel = p < 85 ? ConsentChannel.ALL : p < 90 ? ConsentChannel.ACCOUNTS : ConsentChannel.PLATFORMS;
                }
                LocalDate signedOn = periodStart.minusDays(20).plusDays(r.nextInt(40));
                if (signedOn.isAfter(today)) {
                    signedOn = today;
                }
                Set<ConsentItem> scope = EnumSet.noneOf(ConsentItem.class);
                int kind = r.nextInt(100);
                if (kind < 60) {
                    scope.addAll(Arrays.asList(items));
                } else if (kind < 80) {
                    scope.add(ConsentItem.PHOTO);
                    scope.add(ConsentItem.FIRST_NAME);
                } else {
                    for (ConsentItem item : items) {
                        if (r.nextBoolean()) {
                            scope.add(item);
                        }
                    }
                    scope.add(ConsentItem.STUDENT_WORK);
                }
                boolean ended = periodEnd.isBefore(today);
                // revocations: this year's forms only, all of a form (REVOKED) or part of it
                int rv = r.nextInt(100);
                Set<ConsentItem> revoked = ended || rv >= 10 ? Set.of() : rv < 4 ? scope
                        : ConsentItem.withdrawnBy(Set.of(scope.contains(ConsentItem.VIDEO) ? ConsentItem.VIDEO : ConsentItem.STUDENT_WORK));
                revoked = revoked.stream().filter(scope::contains).collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsentItem.class)));
                ConsentStatus status = ended ? ConsentStatus.EXPIRED : !revoked.isEmpty() && revoked.containsAll(scope)
                        ? ConsentStatus.REVOKED : ConsentStatus.ACTIVE;
                Instant recorded = signedOn.plusDays(1 + r.nextInt(5)).atTime(10, 0).atZone(zone).toInstant();
                if (recorded.isAfter(now)) {
                    recorded = now.minusSeconds(60);
                }
                String clerk = clerkOf(school);
                long id = f + 1;
                form.add(id, j + 1, 2 * j + 1, signedOn, periodStart.getYear() + "-" + String.format(Locale.ROOT, "%02d", periodStart.getMonthValue()),
                        ReceivedBy.ELECTRONIC.name(), scope.contains(ConsentItem.PHOTO), scope.contains(ConsentItem.VIDEO),
                        scope.contains(ConsentItem.FULL_NAME), scope.contains(ConsentItem.FIRST_NAME),
                        scope.contains(ConsentItem.STUDENT_WORK), scope.contains(ConsentItem.VOICE), channel.name(), periodStart, periodEnd,
                        null, status.name(), ended ? periodEnd.plusDays(1).atStartOfDay(zone).toInstant().plusSeconds(30) : null, recorded,
                        clerk, revoked.isEmpty() ? 0L : 1L);
                if (channel == ConsentChannel.ACCOUNTS) {
                    long ofUnit = accountsOfUnit(unit);
                    if (ofUnit == 0) {
                        throw new IllegalStateException("No account at unit " + unit + ": scale too small");
                    }
                    long m = r.nextLong(ofUnit);
                    formAccount.add(id, unit + units * m + 1);
                    if (ofUnit > 1) {
                        formAccount.add(id, unit + units * ((m + 1) % ofUnit) + 1);
                    }
                } else if (channel == ConsentChannel.PLATFORMS) {
                    long p = 1 + r.nextInt(9);
                    formPlatform.add(id, p);
                    formPlatform.add(id, 1 + p % 9);
                }
                if (!revoked.isEmpty()) {
                    LocalDate on = signedOn.plusDays(r.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(signedOn, today) + 1)));
                    Instant at = on.atTime(14, 0).atZone(zone).toInstant();
                    revocation.add(revocationId++, id, on, "Front office, by phone", revoked.contains(ConsentItem.PHOTO),
                            revoked.contains(ConsentItem.VIDEO), revoked.contains(ConsentItem.FULL_NAME),
                            revoked.contains(ConsentItem.FIRST_NAME), revoked.contains(ConsentItem.STUDENT_WORK),
                            revoked.contains(ConsentItem.VOICE), at.isAfter(now) ? now.minusSeconds(30) : at, clerk, 0L);
                    // a revocation whose student appeared on one of the school's accounts (one in four): a takedown task,
                    // done within minutes to four days (most within a day), or still open when it is recent
                    SplittableRandom t = dice(TAKEDOWN, f);
                    long ofUnit = accountsOfUnit(unit);
                    if (ofUnit > 0 && t.nextInt(4) == 0) {
                        Instant created = at.isAfter(now) ? now.minusSeconds(30) : at;
                        long seconds = t.nextInt(10) < 7 ? 600 + t.nextInt(24 * 3600) : 600 + t.nextInt(96 * 3600);
                        Instant done = created.plusSeconds(seconds);
                        boolean open = done.isAfter(now);
                        task.add(taskId, id, revocationId - 1, unit + units * t.nextLong(ofUnit) + 1, j + 1,
                                open ? "OPEN" : "DONE", created, clerk, open ? null : done, open ? null : clerk, null,
                                open ? created.plusSeconds(24 * 3600) : null, 0, 0L, 0L);
                        assignee.add(taskId, clerk);
                        taskId++;
                    }
                }
                b.rowsDone();
            }
            b.send();
            count(form, formAccount, formPlatform, revocation, task, assignee);
        }
        BenchDatabase.createIndexes(c, deferred);
    }

    // ------------------------------------------------------------------------------------------------ audit

    /**
     * The audit log of the past year, oldest first, sealed into the chain as the application's sealer
     * would have: each link hashed by {@link AuditHash} over the row as the databases keep it.
     */
    private void audit() throws SQLException {
        List<String[]> deferred = BenchDatabase.dropIndexes(c, product, "audit_entry", "audit_seal");
        long total = plan.auditRows();
        long span = Duration.ofDays(365).toNanos() / 1000;
        Instant from = now.minus(Duration.ofDays(365));
        String prev = AuditHash.GENESIS;
        Instant sealedAt = null;
        try (Batches b = batches()) {
            Batches.Table entry = b.table("audit_entry", "id", "occurred_at", "actor", "actor_roles", "ip_address", "action", "object_type",
                    "object_id", "outcome", "details");
            Batches.Table seal = b.table("audit_seal", "seq", "entry_id", "prev_hash", "row_hash", "sealed_at");
            Progress progress = new Progress("audit rows", total);
            for (long i = 0; i < total; i++) {
                progress.at(i);
                SplittableRandom r = dice(AUDIT, i);
                long id = i + 1;
                // increasing with the id, to the microsecond (what both databases keep)
                long step = span / total;
                long micros = i * step + i * (span % total) / total + r.nextLong(Math.max(1, step));
                Instant at = from.plus(Duration.ofNanos(micros * 1000));
                long actor = i < FIXED_SETTINGS.size() ? SYSADMIN : r.nextLong(staff);
                String roles = roles(actor).stream().map(Role::name).collect(Collectors.joining(","));
                String action;
                String type = null;
                String object = null;
                String details = null;
                AuditEntry.Outcome outcome = AuditEntry.Outcome.DONE;
                if (i < FIXED_SETTINGS.size()) {
                    action = "SETTING_CHANGED";
                    type = "DistrictSetting";
                    object = FIXED_SETTINGS.get((int) i).property();
                    details = object + ": (none) -> (the generated District's value)";
                } else {
                    action = pick(r, AUDIT_ACTIONS);
                    switch (action) {
                        case "LOGIN" -> {
                            if (r.nextInt(50) == 0) {
                                outcome = AuditEntry.Outcome.FAILED;
                                details = "wrong password";
                            }
                        }
                        case "REQUEST_VIEWED", "REQUEST_SUBMITTED", "REQUEST_DECIDED" -> {
                            type = "SocialMediaRequest";
                            object = String.valueOf(1 + r.nextLong(plan.requests()));
                        }
                        case "STUDENT_VIEWED" -> {
                            type = "Student";
                            object = String.valueOf(200_000 + r.nextLong(students));
                            details = "viewed the consent forms";
                        }
                        case "CONSENT_CHECKED", "CONSENT_RECORDED" -> {
                            type = "ConsentForm";
                            object = String.valueOf(1 + r.nextLong(plan.forms()));
                        }
                        case "ACCOUNT_VIEWED", "GRANT_CREATED", "GRANT_CONFIRMED" -> {
                            type = DistrictAccount.OBJECT_TYPE;
                            object = String.valueOf(1 + r.nextLong(accounts));
                        }
                        case "ACCESS_DENIED" -> {
                            outcome = AuditEntry.Outcome.DENIED;
                            details = "GET /api/audit";
                        }
                        default -> details = "page 1";
                    }
                }
                String actorName = username(actor);
                String ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
                entry.add(id, at, actorName, roles, ip, action, type, object, outcome.name(), details);
                String hash = AuditHash.link(prev, id,
                        AuditHash.content(id, at, actorName, roles, ip, action, type, object, outcome.name(), details));
                sealedAt = at.plusSeconds(20);
                seal.add(id, id, prev, hash, sealedAt);
                prev = hash;
                b.rowsDone();
            }
            b.send();
            count(entry, seal);
        }
        try (var head = c.prepareStatement("UPDATE audit_chain SET last_seq = ?, last_hash = ?, sealed_at = ?, version = version + 1 "
                + "WHERE id = 1")) {
            head.setLong(1, total);
            head.setString(2, prev);
            head.setObject(3, sealedAt == null ? null : sealedAt.atOffset(java.time.ZoneOffset.UTC));
            head.executeUpdate();
        }
        c.commit();
        BenchDatabase.createIndexes(c, deferred);
    }

    // ------------------------------------------------------------------------------------------------ the end

    /** Tables with their sequence: each sequence moves past the ids written (EclipseLink hands out value-49 .. value). */
    static final String[] SEQUENCED = {"org_unit", "staff_user", "designation", "district_account", "access_review", "account_grant",
            "rights_notice", "sm_request", "sm_request_line", "sm_review_cycle", "sm_authorization", "account_operator",
            "escalation_event", "school_class", "student", "guardian", "enrollment", "consent_form", "consent_revocation", "takedown_task", "audit_entry"};

    private void indexesAndStatistics() throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : SEQUENCED) {
                long max;
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                    rs.next();
                    max = rs.getLong(1);
                }
                s.execute("ALTER SEQUENCE " + table + "_seq RESTART WITH " + ((max + 49) / 50 * 50 + 50));
            }
            c.commit();
            s.execute("ANALYZE");
            c.commit();
        }
    }
}
