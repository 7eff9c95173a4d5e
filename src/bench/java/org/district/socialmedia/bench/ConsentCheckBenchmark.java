package org.district.socialmedia.bench;

import static org.district.socialmedia.bench.BenchDatabase.chunks;
import static org.district.socialmedia.bench.BenchDatabase.exec;
import static org.district.socialmedia.bench.BenchDatabase.gcd;
import static org.district.socialmedia.bench.BenchDatabase.ms;
import static org.district.socialmedia.bench.BenchDatabase.percentile;

import org.district.socialmedia.consent.entity.ConsentChannel;
import org.district.socialmedia.consent.entity.ConsentCheck;
import org.district.socialmedia.consent.entity.ConsentCheckResult;
import org.district.socialmedia.consent.entity.ConsentForm;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentRevocation;
import org.district.socialmedia.consent.entity.ConsentRules;
import org.district.socialmedia.consent.entity.ConsentScope;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.consent.entity.ReceivedBy;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints how long the check before posting takes for a 35-student class with 1,000,000 students and
 * 5,000,000 consent forms stored, and with a small database for comparison (not a timed test: run it
 * with `mvn -Pbench-consent verify`; -Dbench.students=... -Dbench.forms=... change the full size,
 * -Dbench.small.students=... -Dbench.small.forms=... the small one, -Dbench.checks=... the number of
 * classes checked).
 * <p>
 * It builds an H2 file database with the application's own Flyway migrations and fills it with
 * set-based INSERT ... SELECT FROM SYSTEM_RANGE: 1,000 schools with one District account each,
 * classes of 35, every student enrolled (and one in twenty with an ended enrollment in another class),
 * one or two guardians per student, and five forms per student spread through the table as they would
 * be over the years: this year's form for all channels, two expired ones, this year's form for some
 * accounts or platforms (with their consent_form_account / consent_form_platform rows), and this year's
 * form of which a quarter are revoked in part or in full (consent_revocation rows).
 * <p>
 * For each of ~500 random classes it then runs, in one transaction, the statements ConsentCheckService
 * .check() makes EclipseLink issue (weaving is off, so the "lazy" many-to-ones load eagerly, each by
 * its id unless the persistence context already holds it; no statement cache, so every statement is
 * prepared again): the account by id (with its platform and school), the class by sourced id,
 * Enrollment.ROSTER with the students, ConsentForm.NOT_ENDED_FOR_STUDENTS (WHERE student_id IN the roster
 * AND period_end >= the day; ENDED_FOR_STUDENTS likewise for the students that leaves without an answer) with
 * its signers in one IN batch read (the query's eclipselink.batch hint on f.signer), the IN batch reads of revocations, account ids and platform ids (all three,
 * although EclipseLink skips a batch no rule reaches), the real {@link ConsentRules#check} on entities
 * built from the rows, the insert of the {@link ConsentCheck}, its results and the audit row, and the
 * commit. Not included: the caller's operator/grant look-ups and the settings read, which do not
 * depend on the number of students or forms.
 */
public final class ConsentCheckBenchmark {

    private static final int CHECKS = Integer.getInteger("bench.checks", 500);
    private static final int WARM_CHECKS = Integer.getInteger("bench.warm", 150);
    private static final int CLASS_SIZE = 35;
    private static final int MAX_SCHOOLS = 1_000;
    /** org_unit and district_account ids of the schools: far above what migrations or the demo data use. */
    private static final long UNIT0 = 100_000;
    /** EclipseLink's default IN batch size. */
    private static final int BATCH_SIZE = 256;
    private static final Set<ConsentItem> ITEMS = EnumSet.of(ConsentItem.PHOTO, ConsentItem.FIRST_NAME);
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /**
     * -Dbench.post=true: each check is the one run while recording a post (PostService.record), so the
     * write part also inserts the recorded post, its 35 student rows and its audit row, as if every class
     * were cleared (the refused case writes less).
     */
    private static final boolean POST = Boolean.getBoolean("bench.post");

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("bench.dir", "target/bench-consent"));
        long students = Long.getLong("bench.students", 1_000_000);
        long forms = Long.getLong("bench.forms", 5_000_000);
        long smallStudents = Long.getLong("bench.small.students", 10_000);
        long smallForms = Long.getLong("bench.small.forms", 50_000);
        System.out.printf(Locale.ROOT, "Consent check benchmark on H2 " + org.h2.engine.Constants.VERSION + " (MODE=LEGACY): %d random classes of %d per size, "
                + "items %s, %d warm-up checks first%s%n", CHECKS, CLASS_SIZE, ITEMS, WARM_CHECKS,
                POST ? "; each check records a post (-Dbench.post=true)" : "");
        String header = String.format(Locale.ROOT, "%-10s %-10s %-9s %-8s %-8s %-8s | %-7s %-7s %-7s %-7s %-7s %-7s",
                "students", "forms", "fill (s)", "median", "p95", "max", "lookup", "roster", "forms", "batch", "rules", "write");
        System.out.println("ms per check (median, p95, max of the whole check; then the median of each part)");
        System.out.println(header);
        // the JIT and H2's caches warm up on a small database first, so the sizes compare like with like
        run(folder.resolve("db-warmup"), 5_000, 25_000);
        System.out.println("(the row above warmed up the JVM and is not compared)");
        double small = run(folder.resolve("db-small"), smallStudents, smallForms);
        double full = run(folder.resolve("db-full"), students, forms);
        System.out.printf(Locale.ROOT, "ratio of the medians, %d / %d students: %.2f; target: under 50 ms per check at full size: %s%n",
                students, smallStudents, full / small, full < 50 ? "held" : "MISSED");
    }

    /** Fills a database of this size and prints one row; returns the median ms per check. */
    private static double run(Path dir, long students, long forms) throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        Shape shape = new Shape(students, forms);
        Filled filled = database(dir, students, forms);
        String url = filled.url();
        double fill = filled.seconds();
        // the server's page cache (H2_CACHE_KB's default), not the fill's large one that H2 keeps in the file
        try (Connection c = DriverManager.getConnection(url + ";CACHE_SIZE=" + Integer.getInteger("bench.cache.kb", 16384), "sa", "sa")) {
            c.setAutoCommit(false);

            Random random = new Random(42);
            Checker checker = new Checker(c, shape, today);
            for (int i = 0; i < WARM_CHECKS; i++) {
                checker.check(shape.randomClass(random));
            }
            checker.resetCounts();
            double[][] times = new double[CHECKS][];
            for (int i = 0; i < CHECKS; i++) {
                times[i] = checker.check(shape.randomClass(random));
            }
            double[] total = Arrays.stream(times).mapToDouble(t -> t[6]).sorted().toArray();
            double median = percentile(total, 50);
            System.out.printf(Locale.ROOT, "%-10d %-10d %-9.1f %-8.2f %-8.2f %-8.2f | %-7.2f %-7.2f %-7.2f %-7.2f %-7.2f %-7.2f%n",
                    students, forms, fill, median, percentile(total, 95), total[total.length - 1],
                    part(times, 0), part(times, 1), part(times, 2), part(times, 3), part(times, 4), part(times, 5));
            System.out.printf(Locale.ROOT, "           (per check: %.1f forms, %.1f revocations, %.1f account and %.1f platform rows "
                            + "read, %.1f of %d students allowed)%n", checker.formsRead / (double) CHECKS,
                    checker.revocationsRead / (double) CHECKS, checker.accountsRead / (double) CHECKS,
                    checker.platformsRead / (double) CHECKS, checker.allowed / (double) CHECKS, CLASS_SIZE);
            System.out.printf(Locale.ROOT, "           (of the forms part, the signers: %.1f statement(s) per check, median %.2f ms; the ended "
                            + "forms read in %d of %d checks, for %d students)%n",
                    checker.signerReads / (double) CHECKS, part(times, 7), checker.endedReads, CHECKS, checker.endedStudents);
            return median;
        }
    }

    /** A benchmark database and how long its fill took (0 when reused). */
    record Filled(String url, double seconds) {
    }

    /**
     * The database of this size in {@code dir}, filled as described above; with -Dbench.reuse=true one this benchmark
     * filled before at the same size (and on the same day: the forms' dates follow the day) is reopened instead, and
     * only the migrations added since then run. The parents' benchmark uses it too.
     */
    static Filled database(Path dir, long students, long forms) throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        Shape shape = new Shape(students, forms);
        if (Boolean.getBoolean("bench.reuse") && Files.exists(dir.resolve("bench.mv.db"))) {
            String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/bench;MODE=LEGACY";
            BenchDatabase.migrate(url, "sa", "sa", "H2");
            return new Filled(url, 0);
        }
        String url = BenchDatabase.create(dir);
        long fillStart = System.nanoTime();
        // the fill alone runs with a large page cache (its index inserts are in random order); the checks
        // then run on the database reopened with the application's URL and cache, cold
        try (Connection c = DriverManager.getConnection(url + ";CACHE_SIZE=700000", "sa", "sa")) {
            c.setAutoCommit(false);
            fill(c, shape, today);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
        return new Filled(url, (System.nanoTime() - fillStart) / 1e9);
    }

    // ------------------------------------------------------------------------------------ the data

    /** Where everything is: schools of equal size, classes of 35 within a school, students in order. */
    private record Shape(long students, long forms, long schools, long perSchool, long classesPerSchool, long multiplier) {

        Shape(long students, long forms) {
            this(students, forms, Math.max(1, Math.min(MAX_SCHOOLS, students / 1_000)), 0, 0, 0);
        }

        Shape {
            if (perSchool == 0) {
                perSchool = (students + schools - 1) / schools;
                classesPerSchool = (perSchool + CLASS_SIZE - 1) / CLASS_SIZE;
                // consecutive forms go to students far apart (Fibonacci hashing): a class's forms are
                // spread through the table, as forms entered over the years are
                multiplier = Math.round(students * 0.6180339887);
                while (gcd(multiplier, students) != 1) {
                    multiplier++;
                }
            }
        }

        /** A class with a full 35 enrolled, as its sourced id. */
        String randomClass(Random random) {
            long school = random.nextLong(students / perSchool);
            long index = random.nextLong(perSchool / CLASS_SIZE);
            return "C-" + (school * classesPerSchool + index + 1);
        }

        /** The District account (and org_unit) id of the class's school. */
        long schoolOfClass(String sourcedId) {
            return UNIT0 + 1 + (Long.parseLong(sourcedId.substring(2)) - 1) / classesPerSchool;
        }

        /** SQL: the class of student {@code x}. */
        String classOf(String x) {
            return "((" + x + " - 1) / " + perSchool + ") * " + classesPerSchool + " + MOD(" + x + " - 1, " + perSchool + ") / "
                    + CLASS_SIZE + " + 1";
        }

        /** SQL: the school (org_unit id, and district_account id) of student {@code x}. */
        String schoolOf(String x) {
            return UNIT0 + " + 1 + (" + x + " - 1) / " + perSchool;
        }

        /** SQL: the derived table of forms f, their student s and their round k (0-4) for X in a range. */
        String formRows(long from, long to) {
            return "(SELECT X AS f, 1 + MOD((X - 1) * " + multiplier + ", " + students + ") AS s, LEAST((X - 1) / " + students
                    + ", 4) AS k FROM SYSTEM_RANGE(" + from + ", " + to + "))";
        }
    }

    private static void fill(Connection c, Shape shape, LocalDate today) throws SQLException {
        long n = shape.students();
        LocalDate[] year = ConsentForm.schoolYear(today, null);
        LocalDate[] lastYear = ConsentForm.schoolYear(year[0].minusDays(1), null);
        LocalDate[] twoYearsAgo = ConsentForm.schoolYear(lastYear[0].minusDays(1), null);
        LocalDate signed = year[0].plusDays(20).isAfter(today) ? year[0] : year[0].plusDays(20);
        LocalDate revoked = signed.plusDays(10).isAfter(today) ? today : signed.plusDays(10);
        // the rows are made consistent by construction: the foreign keys are checked once at the end, not per row
        exec(c, "SET REFERENTIAL_INTEGRITY FALSE");
        // inserting millions of rows into secondary indexes in random order is most of the fill's time: the
        // migrations' own CREATE INDEX statements are dropped now and run again, unchanged, once the rows are in
        List<String[]> deferred = BenchDatabase.dropIndexes(c, "H2", "student", "guardian", "student_guardian", "enrollment",
                "consent_form", "consent_revocation", "consent_form_account", "consent_form_platform");
        String ts = BenchDatabase.timestamp(today.atStartOfDay(ZONE));
        exec(c, "INSERT INTO org_unit (id, code, name, kind, active, version) SELECT " + UNIT0 + " + X, 'BENCH-' || X, "
                + "'Bench School ' || X, 'SCHOOL', TRUE, 0 FROM SYSTEM_RANGE(1, " + shape.schools() + ")");
        exec(c, "INSERT INTO district_account (id, platform_id, handle, handle_key, url, unit_id, purpose, registered_email, status, "
                + "identifies_district, archive_covered, active_admins, created_at, created_by, version, unit_key, attestation_due_on, "
                + "attestation_overdue_at) SELECT " + UNIT0 + " + X, "
                + "1 + MOD(X, 9), 'school' || X, 'school' || X, 'https://social.example.org/school' || X, " + UNIT0 + " + X, "
                + "'News of the school', 'school' || X || '@district.example.org', 'ACTIVE', TRUE, TRUE, 1, " + ts + ", 'bench', 0, "
                + "'bench school ' || X, DATE '" + today.plusDays(200) + "', " + BenchDatabase.timestamp(today.plusDays(201).atStartOfDay(ZONE)) + " "
                + "FROM SYSTEM_RANGE(1, " + shape.schools() + ")");
        long classes = shape.schools() * shape.classesPerSchool();
        exec(c, "INSERT INTO school_class (id, sourced_id, title, class_code, school_id, active, version) SELECT X, 'C-' || X, "
                + "'Homeroom ' || X, 'HR' || X, " + UNIT0 + " + 1 + (X - 1) / " + shape.classesPerSchool() + ", TRUE, 0 "
                + "FROM SYSTEM_RANGE(1, " + classes + ")");
        chunks(c, 1, n, (from, to) -> "INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, "
                + "active, created_at, version) SELECT X, 'S-' || X, 'D' || X, 'Given' || MOD(X * 7, 997), 'Family' || MOD(X * 31, 9973), "
                + shape.schoolOf("X") + ", CAST(1 + MOD(X, 12) AS VARCHAR), TRUE, " + ts + ", 0 FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        // guardian 2x-1 of every student x, and 2x of every even x
        chunks(c, 1, 2 * n, (from, to) -> "INSERT INTO guardian (id, sourced_id, given_name, family_name, email, relationship, active, "
                + "created_at, version) SELECT X, 'G-' || X, 'Parent' || MOD(X, 997), 'Family' || MOD(X * 13, 9973), "
                + "'parent' || X || '@mail.example.com', 'PARENT', TRUE, " + ts + ", 0 FROM SYSTEM_RANGE(" + from + ", " + to + ") "
                + "WHERE MOD(X, 2) = 1 OR MOD(X, 4) = 0");
        chunks(c, 1, n, (from, to) -> "INSERT INTO student_guardian (student_id, guardian_id) SELECT X, 2 * X - 1 "
                + "FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        chunks(c, 1, n, (from, to) -> "INSERT INTO student_guardian (student_id, guardian_id) SELECT X, 2 * X "
                + "FROM SYSTEM_RANGE(" + from + ", " + to + ") WHERE MOD(X, 2) = 0");
        chunks(c, 1, n, (from, to) -> "INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, active, version) "
                + "SELECT X, 'E-' || X, " + shape.classOf("X") + ", X, DATE '" + year[0] + "', TRUE, 0 FROM SYSTEM_RANGE(" + from + ", "
                + to + ")");
        // one student in twenty left another class (of the student 35 further on) at the end of last year
        chunks(c, 1, n, (from, to) -> "INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, end_date, active, "
                + "version) SELECT " + n + " + X, 'E-' || (" + n + " + X), " + shape.classOf("(1 + MOD(X + 34, " + n + "))") + ", X, "
                + "DATE '" + lastYear[0] + "', DATE '" + lastYear[1] + "', TRUE, 0 FROM SYSTEM_RANGE(" + from + ", " + to + ") "
                + "WHERE MOD(X, 20) = 0");
        // Five rounds of forms, one form per student each:
        // 0: this year, all channels; 1 and 2: the two years before, expired; 3: this year, the school's
        // account(s) or some platforms; 4: this year, all channels, a quarter revoked (an eighth entirely).
        String current = "k IN (0, 3, 4)";
        chunks(c, 1, shape.forms(), (from, to) -> "INSERT INTO consent_form (id, student_id, guardian_id, signed_on, form_version, "
                + "received_by, photo, video, full_name, first_name, student_work, voice, channel, period_start, period_end, notes, "
                + "status, expired_at, recorded_at, recorded_by, version) SELECT f, s, "
                + "CASE WHEN MOD(k, 2) = 1 AND MOD(s, 2) = 0 THEN 2 * s ELSE 2 * s - 1 END, "
                + "CASE WHEN " + current + " THEN DATE '" + signed + "' WHEN k = 1 THEN DATE '" + lastYear[0].plusDays(20)
                + "' ELSE DATE '" + twoYearsAgo[0].plusDays(20) + "' END, "
                + "'2024-1', CASE WHEN MOD(f, 3) = 0 THEN 'ELECTRONIC' ELSE 'PAPER_SCAN' END, "
                + "k IN (1, 2) OR MOD(s, 10) <> 0, MOD(f, 2) = 0, k = 1 OR k = 4, TRUE, MOD(f, 3) <> 1, k = 4, "
                + "CASE WHEN k <> 3 THEN 'ALL' WHEN MOD(f, 2) = 0 THEN 'ACCOUNTS' ELSE 'PLATFORMS' END, "
                + "CASE WHEN " + current + " THEN DATE '" + year[0] + "' WHEN k = 1 THEN DATE '" + lastYear[0] + "' ELSE DATE '"
                + twoYearsAgo[0] + "' END, "
                + "CASE WHEN " + current + " THEN DATE '" + year[1] + "' WHEN k = 1 THEN DATE '" + lastYear[1] + "' ELSE DATE '"
                + twoYearsAgo[1] + "' END, "
                + "CASE WHEN MOD(f, 7) = 0 THEN 'Signed at the open house' END, "
                + "CASE WHEN k IN (1, 2) THEN 'EXPIRED' WHEN k = 4 AND MOD(f, 8) = 0 THEN 'REVOKED' ELSE 'ACTIVE' END, "
                + "CASE WHEN k IN (1, 2) THEN " + ts + " END, " + ts + ", 'clerk', 0 FROM " + shape.formRows(from, to));
        long round3 = 3 * n + 1;
        long round4 = 4 * n + 1;
        if (shape.forms() >= round3) {
            long end3 = Math.min(shape.forms(), 4 * n);
            chunks(c, round3, end3, (from, to) -> "INSERT INTO consent_form_account (form_id, account_id) SELECT f, "
                    + shape.schoolOf("s") + " FROM " + shape.formRows(from, to) + " WHERE MOD(f, 2) = 0");
            // a quarter of them name the next school's account too
            chunks(c, round3, end3, (from, to) -> "INSERT INTO consent_form_account (form_id, account_id) SELECT f, "
                    + UNIT0 + " + 1 + MOD((s - 1) / " + shape.perSchool() + " + 1, " + shape.schools() + ") FROM "
                    + shape.formRows(from, to) + " WHERE MOD(f, 4) = 0 AND " + shape.schools() + " > 1");
            for (int platform : new int[]{1, 2}) {
                chunks(c, round3, end3, (from, to) -> "INSERT INTO consent_form_platform (form_id, platform_id) SELECT f, " + platform
                        + " FROM " + shape.formRows(from, to) + " WHERE MOD(f, 2) = 1");
            }
            chunks(c, round3, end3, (from, to) -> "INSERT INTO consent_form_platform (form_id, platform_id) SELECT f, 4 FROM "
                    + shape.formRows(from, to) + " WHERE MOD(f, 4) = 1");
        }
        if (shape.forms() >= round4) {
            chunks(c, round4, shape.forms(), (from, to) -> "INSERT INTO consent_revocation (id, form_id, revoked_on, received_by, photo, "
                    + "video, full_name, first_name, student_work, voice, recorded_at, recorded_by, version) SELECT id, id, DATE '"
                    + revoked + "', 'School office', photo, video, full_name AND MOD(id, 8) = 0, first_name AND MOD(id, 8) = 0, "
                    + "student_work AND MOD(id, 8) = 0, voice AND MOD(id, 8) = 0, " + ts + ", 'clerk', 1 FROM consent_form "
                    + "WHERE id BETWEEN " + from + " AND " + to + " AND MOD(id, 4) = 0");
        }
        BenchDatabase.createIndexes(c, deferred);
    }

    // ------------------------------------------------------------------------------------ the check

    /** One check as ConsentCheckService.check() makes EclipseLink run it, timed in parts. */
    private static final class Checker {

        private static final String STUDENT_COLUMNS = "t0.id, t0.active, t0.created_at, t0.deactivated_at, t0.district_id, "
                + "t0.family_name, t0.given_name, t0.grade, t0.sourced_id, t0.version, t0.school_id";
        private static final String ROSTER = "SELECT t1.id, t1.active, t1.begin_date, t1.deactivated_at, t1.end_date, t1.sourced_id, "
                + "t1.version, t1.class_id, t1.student_id, " + STUDENT_COLUMNS + " FROM student t0, enrollment t1 "
                + "WHERE ((((t1.class_id = ?) AND (t1.active = ?)) AND (t0.active = ?)) AND (((t1.begin_date IS NULL) "
                + "OR (t1.begin_date <= ?)) AND ((t1.end_date IS NULL) OR (t1.end_date >= ?)))) AND (t0.id = t1.student_id) "
                + "ORDER BY t0.family_name, t0.given_name";
        private static final String FORM_COLUMNS = "id, channel, expired_at, form_version, notes, period_end, period_start, "
                + "received_by, recorded_at, recorded_by, signed_on, status, version, first_name, full_name, photo, student_work, "
                + "video, voice, guardian_id, student_id";

        private final Connection c;
        private final Shape shape;
        private final LocalDate today;
        private long checkIds;
        private long checkIdsLeft;
        private long auditIds;
        private long auditIdsLeft;
        long formsRead;
        long signerReads;
        long lastSignerNanos;
        long revocationsRead;
        long accountsRead;
        long platformsRead;
        long allowed;
        long answers;
        long endedReads;
        long endedStudents;

        void resetCounts() {
            formsRead = 0;
            signerReads = 0;
            revocationsRead = 0;
            accountsRead = 0;
            platformsRead = 0;
            allowed = 0;
            answers = 0;
            endedReads = 0;
            endedStudents = 0;
        }

        Checker(Connection c, Shape shape, LocalDate today) {
            this.c = c;
            this.shape = shape;
            this.today = today;
        }

        /** @return ms of: lookup, roster, forms, batch, rules, write, and the whole check */
        double[] check(String classSourcedId) throws Exception {
            long t0 = System.nanoTime();
            Instant now = Instant.now();
            // the persistence context of the transaction: EclipseLink's identity maps
            Map<Long, OrgUnit> units = new HashMap<>();
            Map<Long, Guardian> guardians = new HashMap<>();
            Map<Long, Student> studentsById = new HashMap<>();

            // operated(): em.find(DistrictAccount) with its eager platform and unit (the account of the class's school)
            long accountId = shape.schoolOfClass(classSourcedId);
            long platformId;
            long unitId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, active_admins, archive_covered, created_at, created_by, "
                    + "handle, handle_key, identification_checked_at, identification_checked_by, identifies_district, "
                    + "other_platform_name, privacy_reviewed_at, privacy_reviewed_by, purpose, registered_email, status, url, "
                    + "version, platform_id, source_authorization_id, unit_id, unit_key FROM district_account WHERE (id = ?)")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    platformId = rs.getLong("platform_id");
                    unitId = rs.getLong("unit_id");
                    readRow(rs);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, active, name, other_name_required, sort_order, version "
                    + "FROM platform WHERE (id = ?)")) {
                ps.setLong(1, platformId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    readRow(rs);
                }
            }
            unit(unitId, units);
            // then the class by sourced id (its school is the account's: already read)
            long classId;
            SchoolClass schoolClass = instantiate(SchoolClass.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, active, class_code, deactivated_at, sourced_id, title, version, "
                    + "school_id FROM school_class WHERE (sourced_id IN (?))")) {
                ps.setString(1, classSourcedId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    classId = rs.getLong("id");
                    set(schoolClass, "id", classId);
                    set(schoolClass, "sourcedId", rs.getString("sourced_id"));
                    set(schoolClass, "title", rs.getString("title"));
                    set(schoolClass, "classCode", rs.getString("class_code"));
                    set(schoolClass, "active", rs.getBoolean("active"));
                    set(schoolClass, "version", rs.getLong("version"));
                    set(schoolClass, "school", unit(rs.getLong("school_id"), units));
                }
            }
            long t1 = System.nanoTime();

            // Enrollment.ROSTER: enrollments JOIN FETCH students; each student's school by id unless already read
            List<Student> roster = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ROSTER)) {
                ps.setLong(1, classId);
                ps.setBoolean(2, true);
                ps.setBoolean(3, true);
                ps.setObject(4, today);
                ps.setObject(5, today);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Student s = instantiate(Student.class);
                        set(s, "id", rs.getLong(10));
                        set(s, "active", rs.getBoolean(11));
                        set(s, "createdAt", instant(rs, 12));
                        set(s, "deactivatedAt", instant(rs, 13));
                        set(s, "districtId", rs.getString(14));
                        set(s, "familyName", rs.getString(15));
                        set(s, "givenName", rs.getString(16));
                        set(s, "grade", rs.getString(17));
                        set(s, "sourcedId", rs.getString(18));
                        set(s, "version", rs.getLong(19));
                        set(s, "school", unit(rs.getLong(20), units));
                        studentsById.put(s.getId(), s);
                        Enrollment e = instantiate(Enrollment.class);
                        set(e, "id", rs.getLong(1));
                        set(e, "active", rs.getBoolean(2));
                        set(e, "beginDate", rs.getObject(3, LocalDate.class));
                        set(e, "deactivatedAt", instant(rs, 4));
                        set(e, "endDate", rs.getObject(5, LocalDate.class));
                        set(e, "sourcedId", rs.getString(6));
                        set(e, "version", rs.getLong(7));
                        set(e, "schoolClass", schoolClass);
                        set(e, "student", s);
                        roster.add(e.getStudent());
                    }
                }
            }
            List<Student> students = roster.stream().distinct().toList();
            List<Long> ids = students.stream().map(Student::getId).toList();
            if (ids.size() != CLASS_SIZE) {
                throw new IllegalStateException("class " + classSourcedId + " has " + ids.size() + " students today, not " + CLASS_SIZE);
            }
            long t2 = System.nanoTime();

            // ConsentForm.NOT_ENDED_FOR_STUDENTS with its signers (ConsentCheckService.check)
            Map<Long, ConsentForm> formsById = readForms(ids, ">=", studentsById, guardians);
            double signerMs = lastSignerNanos / 1e6;
            Map<Long, List<ConsentForm>> forms = formsById.values().stream().collect(Collectors.groupingBy(f -> f.getStudent().getId()));
            long t3 = System.nanoTime();

            readBatches(formsById);
            long t4 = System.nanoTime();

            // the rules (pure Java), the record and the answers the page shows
            ConsentRules.Post post = new ConsentRules.Post(accountId, platformId, ITEMS, today);
            // the ended forms only for the students the forms in force leave without an answer: another query with
            // its own batch reads (timed within the rules part; counted apart)
            Map<Long, ConsentRules.Answer> answersById = ConsentRules.check(post, ids, forms, unanswered -> {
                try {
                    endedReads++;
                    endedStudents += unanswered.size();
                    Map<Long, ConsentForm> ended = readForms(unanswered, "<", studentsById, guardians);
                    readBatches(ended);
                    return ended.values().stream().collect(Collectors.groupingBy(f -> f.getStudent().getId()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ConsentCheck record = new ConsentCheck(post, answersById, "bench.teacher", now);
            Map<String, String> names = new LinkedHashMap<>();
            long refused = 0;
            for (Student s : students) {
                ConsentRules.Answer answer = answersById.get(s.getId());
                names.put(s.getDistrictId(), s.displayName());
                if (answer.allowed()) {
                    allowed++;
                } else {
                    refused++;
                }
                answers++;
            }
            String details = "Facebook school, items " + ITEMS + ", " + students.size() + " student(s), " + refused + " not allowed";
            long t5 = System.nanoTime();

            // persist + flush (batch writing JDBC), the audit row, commit; ids come from sequences in blocks of 50
            long checkId = nextCheckId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consent_check (id, account_id, checked_at, checked_by, "
                    + "platform_id, post_date, version, first_name, full_name, photo, student_work, video, voice, for_post) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Set<ConsentItem> items = record.getItems();
                ps.setLong(1, checkId);
                ps.setLong(2, record.getAccountId());
                ps.setObject(3, record.getCheckedAt().atOffset(ZoneOffset.UTC));
                ps.setString(4, record.getCheckedBy());
                ps.setLong(5, record.getPlatformId());
                ps.setObject(6, record.getPostDate());
                ps.setLong(7, 1);
                ps.setBoolean(8, items.contains(ConsentItem.FIRST_NAME));
                ps.setBoolean(9, items.contains(ConsentItem.FULL_NAME));
                ps.setBoolean(10, items.contains(ConsentItem.PHOTO));
                ps.setBoolean(11, items.contains(ConsentItem.STUDENT_WORK));
                ps.setBoolean(12, items.contains(ConsentItem.VIDEO));
                ps.setBoolean(13, items.contains(ConsentItem.VOICE));
                ps.setBoolean(14, POST);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consent_check_result (check_id, allowed, reason, student_id) "
                    + "VALUES (?, ?, ?, ?)")) {
                for (ConsentCheckResult r : record.getResults()) {
                    ps.setLong(1, checkId);
                    ps.setBoolean(2, r.isAllowed());
                    ps.setString(3, r.getReason() == null ? null : r.getReason().name());
                    ps.setLong(4, r.getStudentId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long auditId = nextAuditId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (id, action, actor, actor_roles, details, "
                    + "ip_address, object_id, object_type, occurred_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, auditId);
                ps.setString(2, "CONSENT_CHECKED");
                ps.setString(3, "bench.teacher");
                ps.setString(4, "EMPLOYEE");
                ps.setString(5, details);
                ps.setString(6, "10.0.0.1");
                ps.setString(7, Long.toString(checkId));
                ps.setString(8, "ConsentCheck");
                ps.setObject(9, now.atOffset(ZoneOffset.UTC));
                ps.setString(10, "DONE");
                ps.executeUpdate();
            }
            // AuditLog queues each row for the hash chain in the same transaction
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_pending (entry_id) VALUES (?)")) {
                ps.setLong(1, auditId);
                ps.executeUpdate();
            }
            if (POST) {
                recordPost(record, checkId, now);
            }
            c.commit();
            long t6 = System.nanoTime();
            if (names.size() != CLASS_SIZE) {
                throw new IllegalStateException("answers for " + names.size() + " students");
            }
            return new double[]{ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), ms(t5, t6), ms(t0, t6), signerMs};
        }

        /**
         * One of the check's two form queries (ConsentForm.NOT_ENDED_FOR_STUDENTS: period_end >= the day;
         * ENDED_FOR_STUDENTS: period_end < the day), then its signers in one IN batch read (the students are read:
         * the roster).
         */
        private Map<Long, ConsentForm> readForms(List<Long> ids, String comparison, Map<Long, Student> studentsById,
                                                 Map<Long, Guardian> guardians) throws Exception {
        Map<Long, ConsentForm> formsById = new LinkedHashMap<>();
        Map<ConsentForm, Long> signerIds = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FORM_COLUMNS + " FROM consent_form WHERE ((student_id IN ("
                + marks(ids.size()) + ")) AND (period_end " + comparison + " ?))")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            ps.setObject(ids.size() + 1, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ConsentForm f = instantiate(ConsentForm.class);
                    set(f, "id", rs.getLong(1));
                    set(f, "channel", ConsentChannel.valueOf(rs.getString(2)));
                    set(f, "expiredAt", instant(rs, 3));
                    set(f, "formVersion", rs.getString(4));
                    set(f, "notes", rs.getString(5));
                    set(f, "periodEnd", rs.getObject(6, LocalDate.class));
                    set(f, "periodStart", rs.getObject(7, LocalDate.class));
                    set(f, "receivedBy", ReceivedBy.valueOf(rs.getString(8)));
                    set(f, "recordedAt", instant(rs, 9));
                    set(f, "recordedBy", rs.getString(10));
                    set(f, "signedOn", rs.getObject(11, LocalDate.class));
                    set(f, "status", ConsentStatus.valueOf(rs.getString(12)));
                    set(f, "version", rs.getLong(13));
                    set(f, "scope", scope(rs, 14));
                    signerIds.put(f, rs.getLong(20));
                    set(f, "student", studentsById.get(rs.getLong(21)));
                    formsById.put(f.getId(), f);
                }
            }
        }
        readSigners(signerIds, guardians);
            formsRead += formsById.size();
            return formsById;
        }

        /** The batch reads (eclipselink.batch.type IN) of the forms' revocations, accountIds and platformIds. */
        private void readBatches(Map<Long, ConsentForm> formsById) throws Exception {
        List<Long> formIds = new ArrayList<>(formsById.keySet());
        for (int from = 0; from < formIds.size(); from += BATCH_SIZE) {
            List<Long> batch = formIds.subList(from, Math.min(formIds.size(), from + BATCH_SIZE));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, received_by, recorded_at, recorded_by, revoked_on, version, "
                    + "first_name, full_name, photo, student_work, video, voice, form_id FROM consent_revocation "
                    + "WHERE (form_id IN (" + marks(batch.size()) + ")) ORDER BY revoked_on, id")) {
                bind(ps, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ConsentRevocation r = instantiate(ConsentRevocation.class);
                        ConsentForm form = formsById.get(rs.getLong(13));
                        set(r, "id", rs.getLong(1));
                        set(r, "receivedBy", rs.getString(2));
                        set(r, "recordedAt", instant(rs, 3));
                        set(r, "recordedBy", rs.getString(4));
                        set(r, "revokedOn", rs.getObject(5, LocalDate.class));
                        set(r, "version", rs.getLong(6));
                        set(r, "scope", scope(rs, 7));
                        set(r, "form", form);
                        revocationsOf(form).add(r);
                        revocationsRead++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT t0.account_id, t0.form_id FROM consent_form_account t0 "
                    + "WHERE (t0.form_id IN (" + marks(batch.size()) + "))")) {
                bind(ps, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        idsOf(formsById.get(rs.getLong(2)), "accountIds").add(rs.getLong(1));
                        accountsRead++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT t0.platform_id, t0.form_id FROM consent_form_platform t0 "
                    + "WHERE (t0.form_id IN (" + marks(batch.size()) + "))")) {
                bind(ps, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        idsOf(formsById.get(rs.getLong(2)), "platformIds").add(rs.getLong(1));
                        platformsRead++;
                    }
                }
            }
        }
        }

        /** What PostService.record writes after the check: the post, its students (a JDBC batch), the audit row. */
        private void recordPost(ConsentCheck record, long checkId, Instant now) throws SQLException {
            long postId = sequence("recorded_post_seq");
            Set<ConsentItem> items = record.getItems();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recorded_post (id, account_id, check_id, planned_on, "
                    + "platform_id, recorded_at, recorded_by, url, url_added_at, url_added_by, version, first_name, full_name, photo, "
                    + "student_work, video, voice) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 1, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, postId);
                ps.setLong(2, record.getAccountId());
                ps.setLong(3, checkId);
                ps.setObject(4, record.getPostDate());
                ps.setLong(5, record.getPlatformId());
                ps.setObject(6, now.atOffset(ZoneOffset.UTC));
                ps.setString(7, "bench.teacher");
                ps.setBoolean(8, items.contains(ConsentItem.FIRST_NAME));
                ps.setBoolean(9, items.contains(ConsentItem.FULL_NAME));
                ps.setBoolean(10, items.contains(ConsentItem.PHOTO));
                ps.setBoolean(11, items.contains(ConsentItem.STUDENT_WORK));
                ps.setBoolean(12, items.contains(ConsentItem.VIDEO));
                ps.setBoolean(13, items.contains(ConsentItem.VOICE));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recorded_post_student (post_id, student_id) VALUES (?, ?)")) {
                for (ConsentCheckResult r : record.getResults()) {
                    ps.setLong(1, postId);
                    ps.setLong(2, r.getStudentId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long auditId = nextAuditId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (id, action, actor, actor_roles, details, "
                    + "ip_address, object_id, object_type, occurred_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, auditId);
                ps.setString(2, "POST_RECORDED");
                ps.setString(3, "bench.teacher");
                ps.setString(4, "EMPLOYEE");
                ps.setString(5, "account " + record.getAccountId() + ", items " + items + ", " + CLASS_SIZE + " student(s), check " + checkId);
                ps.setString(6, "10.0.0.1");
                ps.setString(7, Long.toString(postId));
                ps.setString(8, "Post");
                ps.setObject(9, now.atOffset(ZoneOffset.UTC));
                ps.setString(10, "DONE");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_pending (entry_id) VALUES (?)")) {
                ps.setLong(1, auditId);
                ps.executeUpdate();
            }
        }

        private long nextCheckId() throws SQLException {
            if (checkIdsLeft == 0) {
                checkIds = sequence("consent_check_seq") - 50;
                checkIdsLeft = 50;
            }
            checkIdsLeft--;
            return ++checkIds;
        }

        private long nextAuditId() throws SQLException {
            if (auditIdsLeft == 0) {
                auditIds = sequence("audit_entry_seq") - 50;
                auditIdsLeft = 50;
            }
            auditIdsLeft--;
            return ++auditIds;
        }

        private long sequence(String name) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT NEXT VALUE FOR " + name)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private void readUnits(PreparedStatement ps, Map<Long, OrgUnit> units) throws Exception {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OrgUnit u = instantiate(OrgUnit.class);
                    set(u, "id", rs.getLong(1));
                    set(u, "active", rs.getBoolean(2));
                    set(u, "code", rs.getString(3));
                    set(u, "kind", OrgUnit.Kind.valueOf(rs.getString(4)));
                    set(u, "name", rs.getString(5));
                    set(u, "version", rs.getLong(6));
                    units.put(u.getId(), u);
                }
            }
        }

        private OrgUnit unit(long id, Map<Long, OrgUnit> units) throws Exception {
            if (!units.containsKey(id)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, active, code, kind, name, version FROM org_unit WHERE (id = ?)")) {
                    ps.setLong(1, id);
                    readUnits(ps, units);
                }
            }
            return units.get(id);
        }

        /** The eclipselink.batch read of f.signer: the distinct guardians of the forms, WHERE id IN (...). */
        private void readSigners(Map<ConsentForm, Long> signerIds, Map<Long, Guardian> guardians) throws Exception {
            long start = System.nanoTime();
            List<Long> ids = signerIds.values().stream().distinct().toList();
            for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
                try (PreparedStatement ps = c.prepareStatement("SELECT id, active, created_at, deactivated_at, email, family_name, "
                        + "given_name, phone, relationship, sourced_id, version FROM guardian WHERE (id IN (" + marks(batch.size()) + "))")) {
                    bind(ps, batch);
                    signerReads++;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Guardian g = instantiate(Guardian.class);
                            set(g, "id", rs.getLong(1));
                            set(g, "active", rs.getBoolean(2));
                            set(g, "createdAt", instant(rs, 3));
                            set(g, "deactivatedAt", instant(rs, 4));
                            set(g, "email", rs.getString(5));
                            set(g, "familyName", rs.getString(6));
                            set(g, "givenName", rs.getString(7));
                            set(g, "phone", rs.getString(8));
                            set(g, "relationship", GuardianRole.valueOf(rs.getString(9)));
                            set(g, "sourcedId", rs.getString(10));
                            set(g, "version", rs.getLong(11));
                            guardians.put(g.getId(), g);
                        }
                    }
                }
            }
            for (Map.Entry<ConsentForm, Long> e : signerIds.entrySet()) {
                set(e.getKey(), "signer", guardians.get(e.getValue()));
            }
            lastSignerNanos = System.nanoTime() - start;
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private static final Map<String, Field> FIELDS = new HashMap<>();
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new HashMap<>();

    /** As EclipseLink without weaving: the no-argument constructor, then the fields by reflection. */
    private static <T> T instantiate(Class<T> type) throws Exception {
        Constructor<?> constructor = CONSTRUCTORS.get(type);
        if (constructor == null) {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            CONSTRUCTORS.put(type, constructor);
        }
        return type.cast(constructor.newInstance());
    }

    private static void set(Object target, String name, Object value) throws Exception {
        field(target.getClass(), name).set(target, value);
    }

    private static Field field(Class<?> type, String name) throws Exception {
        String key = type.getName() + "." + name;
        Field f = FIELDS.get(key);
        if (f == null) {
            f = type.getDeclaredField(name);
            f.setAccessible(true);
            FIELDS.put(key, f);
        }
        return f;
    }

    @SuppressWarnings("unchecked")
    private static List<ConsentRevocation> revocationsOf(ConsentForm form) throws Exception {
        return (List<ConsentRevocation>) field(ConsentForm.class, "revocations").get(form);
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> idsOf(ConsentForm form, String name) throws Exception {
        return (Set<Long>) field(ConsentForm.class, name).get(form);
    }

    /** The six item columns from {@code first}: first_name, full_name, photo, student_work, video, voice. */
    private static ConsentScope scope(ResultSet rs, int first) throws SQLException {
        Set<ConsentItem> items = EnumSet.noneOf(ConsentItem.class);
        ConsentItem[] order = {ConsentItem.FIRST_NAME, ConsentItem.FULL_NAME, ConsentItem.PHOTO, ConsentItem.STUDENT_WORK,
                ConsentItem.VIDEO, ConsentItem.VOICE};
        for (int i = 0; i < order.length; i++) {
            if (rs.getBoolean(first + i)) {
                items.add(order[i]);
            }
        }
        return ConsentScope.of(items);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void readRow(ResultSet rs) throws SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            rs.getObject(i);
        }
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, Collection<Long> values) throws SQLException {
        int i = 1;
        for (Long v : values) {
            ps.setLong(i++, v);
        }
    }

    private static double part(double[][] times, int index) {
        return percentile(Arrays.stream(times).mapToDouble(t -> t[index]).sorted().toArray(), 50);
    }

    private ConsentCheckBenchmark() {
    }
}
