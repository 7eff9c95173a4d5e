package org.district.socialmedia.students.control;

import org.district.socialmedia.platform.control.MigrationLocations;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.entity.GuardianRole;
import org.flywaydb.core.Flyway;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What one set-wise range of the roster write costs, statement by statement, against the size of the stored tables
 * (issue 19 item 5): it stores {@code cost.students} students (and guardians, classes and enrollments in the
 * District's proportions, sourcedIds GUIDs as the exports give them), then writes ranges of {@code cost.range} rows of
 * each kind ({@link StudentWrites}, {@link GuardianWrites}, {@link EnrollmentWrites}) through a connection that times
 * every statement the writers run, then the removal of the range's rows and the commit, as the job's chunk does them.
 * In this package for the writers' package-private API; a measurement, not a test.
 * <pre>
 * java -Xmx512m -Dcost.students=110000 [-Dcost.url=jdbc:postgresql://... -Dcost.user=.. -Dcost.password=..]
 *      [-Dcost.dir=/work/benchdata/range-cost-h2] -cp (classes, test classes, test classpath) (this class)
 * </pre>
 * Without {@code cost.url} a new H2 file database in {@code cost.dir} (MODE=LEGACY, as the application's). The given
 * PostgreSQL database must be empty: it is migrated and filled.
 */
public final class RangeStatementCost {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final LocalDate BEGIN = LocalDate.of(2026, 8, 20);
    /** Where the run's other rows are numbered: after the measured ranges, as the plan's later kinds are. */
    private static final long FILLER = 1_000_000_000L;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Connection c;
    private long cpuMark;
    private long processMark;
    private final int students;
    private final int range;
    private final SplittableRandom random = new SplittableRandom(42);
    private long nextId = 1_000_000_000L;
    private long seq;
    private final Map<String, long[]> timings = new LinkedHashMap<>();
    private final boolean reuse = Boolean.getBoolean("cost.reuse");
    /** What sets this run's new references apart from an earlier run's on the same database. */
    private final String tag = reuse ? Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) : "";
    private final Set<String> printed = new HashSet<>();

    private RangeStatementCost(Connection c, int students, int range) {
        this.c = c;
        this.students = students;
        this.range = range;
    }

    public static void main(String[] args) throws Exception {
        int students = Integer.getInteger("cost.students", 11_000);
        int range = Integer.getInteger("cost.range", RosterChangeLog.RANGE);
        String url = System.getProperty("cost.url");
        String user = System.getProperty("cost.user", "sa");
        String password = System.getProperty("cost.password", "sa");
        String product = "PostgreSQL";
        if (url == null) {
            Path dir = Path.of(System.getProperty("cost.dir", "/work/benchdata/range-cost-h2"));
            if (Files.exists(dir) && !Boolean.getBoolean("cost.reuse")) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/cost;MODE=LEGACY" + System.getProperty("cost.h2.options", "");
            product = "H2";
        }
        if (!Boolean.getBoolean("cost.reuse")) {
            Flyway.configure().dataSource(url, user, password).locations(MigrationLocations.of(product)).load().migrate();
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            new RangeStatementCost(c, students, range).run();
            // where the process's CPU went besides this thread: H2's writer threads, the collector
            for (long id : CPU.getAllThreadIds()) {
                var info = CPU.getThreadInfo(id);
                long cpu = CPU.getThreadCpuTime(id);
                if (info != null && cpu > 1_000_000_000L) {
                    System.out.printf(Locale.ROOT, "thread %s: %.1f s CPU%n", info.getThreadName(), cpu / 1e9);
                }
            }
            ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> System.out.printf(Locale.ROOT,
                    "collector %s: %d collections, %.1f s%n", gc.getName(), gc.getCollectionCount(), gc.getCollectionTime() / 1e3));
            System.out.printf(Locale.ROOT, "process: %.1f s CPU%n", PROCESS.getProcessCpuTime() / 1e9);
        }
    }

    private void run() throws SQLException {
        long started = System.nanoTime();
        int schools = Math.max(students / 1_200, 2);
        int classes = Math.max(students * 4 / 110, 10);
        int guardians = students * 20 / 11;
        int enrollments = students * 80 / 11;
        c.setAutoCommit(false);
        if (reuse) {
            // a database filled by an earlier run (its ranges' rows all removed): the same stored tables, measured again,
            // with another database setting for instance; new records get references of their own
            run(schools);
            return;
        }
        fill(schools, classes, guardians, enrollments);
        System.out.printf(Locale.ROOT, "stored: %,d students, %,d guardians, %,d classes, %,d enrollments, filled in %.1f s%n",
                students, guardians, classes, enrollments, (System.nanoTime() - started) / 1e9);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO import_run (id, status, file_sha256, started_by, started_at, bulk, rows_read, rows_rejected,"
                    + " problem_count, deactivations, version) VALUES (1, 'RUNNING', 'x', 'bench', CURRENT_TIMESTAMP, TRUE, 0, 0, 0, 0, 0)");
        }
        c.commit();
        // the run's other rows, as at the start of a first import's write (the plan holds about 11 rows a student)
        changes(FILLER, students * 11L, (i, row) -> row.set("ENROLLMENT", "CREATE", guid(),
                RosterChangeRows.enrollment(new EnrollmentData(guid(), guid(), BEGIN, null))));
        run(schools);
    }

    private void run(int schools) throws SQLException {
        String[] stored = storedStudents(range);
        String[] storedGuardians = storedGuardians(range);
        String[] storedClasses = storedClasses(range);
        for (int round = 0; round < Integer.getInteger("cost.rounds", 2); round++) {
            int r = round;
            long from = seq;
            changes(from, range, (i, row) -> row.set("STUDENT", "CREATE", "new-" + tag + r + "-" + guid(), RosterChangeRows.student(
                    new StudentData("N" + tag + r + "-" + i, "Given" + random.nextInt(500), "Family" + random.nextInt(2000),
                            "S" + (i % schools), "5"))));
            time("STUDENT create", from, () -> StudentWrites.apply(timed(), 1, from, seq - 1, NOW));
            long gFrom = seq;
            changes(gFrom, range, (i, row) -> row.set("GUARDIAN", "CREATE", "new-" + tag + r + "-" + guid(), RosterChangeRows.guardian(
                    new GuardianData("Given" + random.nextInt(500), "Family" + random.nextInt(2000),
                            "p" + tag + r + "." + i + "@example.net", "+1-555-0000", GuardianRole.PARENT))));
            time("GUARDIAN create", gFrom, () -> GuardianWrites.apply(timed(), 1, gFrom, seq - 1, NOW));
            long eFrom = seq;
            changes(eFrom, range, (i, row) -> row.set("ENROLLMENT", "CREATE", "new-" + tag + r + "-" + guid(), RosterChangeRows.enrollment(
                    new EnrollmentData(storedClasses[i % storedClasses.length], stored[i], BEGIN, null))));
            time("ENROLLMENT create", eFrom, () -> EnrollmentWrites.apply(timed(), 1, eFrom, seq - 1, NOW));
            long uFrom = seq;
            changes(uFrom, range, (i, row) -> row.set("STUDENT", "UPDATE", stored[i], RosterChangeRows.student(
                    new StudentData("D" + tag + r + "-" + i, "Changed" + r, "Family" + random.nextInt(2000),
                            "S" + (i % schools), "6"))));
            time("STUDENT update", uFrom, () -> StudentWrites.apply(timed(), 1, uFrom, seq - 1, NOW));
            long guFrom = seq;
            changes(guFrom, range, (i, row) -> row.set("GUARDIAN", "UPDATE", storedGuardians[i], RosterChangeRows.guardian(
                    new GuardianData("Changed" + r, "Family" + random.nextInt(2000), null, null, GuardianRole.GUARDIAN))));
            time("GUARDIAN update", guFrom, () -> GuardianWrites.apply(timed(), 1, guFrom, seq - 1, NOW));
        }
    }

    // ---------------------------------------------------------------- timing

    @FunctionalInterface
    private interface Work {
        Object run() throws SQLException;
    }

    private void time(String what, long fromSeq, Work work) throws SQLException {
        timings.clear();
        long started = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        long process = PROCESS.getProcessCpuTime();
        work.run();
        long t = System.nanoTime();
        mark();
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM import_change WHERE run_id = ? AND seq BETWEEN ? AND ?")) {
            RosterChangeLog.bindRange(delete, 1, 1, fromSeq, seq - 1);
            delete.executeUpdate();
        }
        add("RosterChangeLog.applied (DELETE)", t);
        t = System.nanoTime();
        mark();
        c.commit();
        add("commit", t);
        System.out.printf(Locale.ROOT, "%s, %,d rows: %.2f s wall, %.2f s CPU of this thread, %.2f s of the process%n", what,
                seq - fromSeq, (System.nanoTime() - started) / 1e9, (CPU.getCurrentThreadCpuTime() - cpu) / 1e9,
                (PROCESS.getProcessCpuTime() - process) / 1e9);
        timings.forEach((label, f) -> System.out.printf(Locale.ROOT, "   %-55s %3d x %8.1f ms wall %8.1f ms CPU %8.1f ms process%n",
                label, f[0], f[1] / 1e6, f[2] / 1e6, f[3] / 1e6));
    }

    private void add(String label, long startedNanos) {
        long[] f = timings.computeIfAbsent(label, k -> new long[4]);
        f[0]++;
        f[1] += System.nanoTime() - startedNanos;
        f[2] += CPU.getCurrentThreadCpuTime() - cpuMark;
        f[3] += PROCESS.getProcessCpuTime() - processMark;
        mark();
    }

    /** Where the CPU figures of the next statement start: this thread's (H2 runs in it) and the process's (H2's writer). */
    private void mark() {
        cpuMark = CPU.getCurrentThreadCpuTime();
        processMark = PROCESS.getProcessCpuTime();
    }

    /** The connection, its prepared statements' executions timed under the writer's method that runs them. */
    private Connection timed() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(c, method, args);
                    if (method.getName().equals("prepareStatement")) {
                        String label = caller();
                        if (Boolean.getBoolean("cost.sql") && printed.add(label)) {
                            System.out.println("SQL " + label + ": " + args[0]);
                        }
                        PreparedStatement statement = (PreparedStatement) result;
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PreparedStatement.class},
                                (p, m, a) -> {
                                    if (!m.getName().startsWith("execute")) {
                                        return invoke(statement, m, a);
                                    }
                                    mark();
                                    long t = System.nanoTime();
                                    Object r = invoke(statement, m, a);
                                    add(label, t);
                                    return r;
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The writer's method (StudentWrites.refuse, SetWiseRows.count, ...) that prepares the statement. */
    private static String caller() {
        StringBuilder label = new StringBuilder();
        for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
            String cls = e.getClassName();
            if (cls.startsWith(RangeStatementCost.class.getPackageName()) && !cls.startsWith(RangeStatementCost.class.getName())
                    && !e.getMethodName().startsWith("lambda$")) {
                String simple = cls.substring(cls.lastIndexOf('.') + 1);
                if (label.isEmpty()) {
                    label.append(simple).append('.').append(e.getMethodName());
                } else if (!simple.equals("SetWiseRows")) {
                    label.append(" <- ").append(simple).append('.').append(e.getMethodName());
                    break;
                }
                if (!simple.equals("SetWiseRows")) {
                    break;
                }
            }
        }
        return label.toString();
    }

    // ---------------------------------------------------------------- data

    private String guid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private final class Row {
        String kind;
        String op;
        String ref;
        String payload;

        void set(String kind, String op, String ref, String payload) {
            this.kind = kind;
            this.op = op;
            this.ref = ref;
            this.payload = payload;
        }
    }

    @FunctionalInterface
    private interface RowMaker {
        void make(int i, Row row);
    }

    /** {@code count} import_change rows of run 1 from seq {@code from}; seq is then past them. */
    private void changes(long from, long count, RowMaker maker) throws SQLException {
        Row row = new Row();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO import_change (run_id, seq, kind, op, ref, payload) VALUES (1, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                maker.make(i, row);
                insert.setLong(1, from + i);
                insert.setString(2, row.kind);
                insert.setString(3, row.op);
                insert.setString(4, row.ref);
                insert.setString(5, row.payload);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
                if (i % 50_000 == 49_999) {
                    c.commit();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        if (from < FILLER) {
            seq = from + count;
        }
    }

    private void fill(int schools, int classes, int guardians, int enrollments) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < schools; i++) {
                s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (" + (i + 1) + ", 'S" + i
                        + "', 'School " + i + "', 'SCHOOL', TRUE, 0)");
            }
        }
        batch("INSERT INTO school_class (id, sourced_id, title, class_code, school_id, active, version)"
                + " VALUES (?, ?, ?, NULL, ?, TRUE, 1)", classes, (p, i) -> {
            p.setLong(1, i + 1);
            p.setString(2, "c-" + i);
            p.setString(3, "Class " + i);
            p.setLong(4, i % schools + 1);
        });
        batch("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at,"
                + " version) VALUES (?, ?, ?, ?, ?, ?, '5', TRUE, ?, 1)", students, (p, i) -> {
            p.setLong(1, i + 1);
            p.setString(2, guid());
            p.setString(3, String.valueOf(200_000 + i));
            p.setString(4, "Given" + random.nextInt(500));
            p.setString(5, "Family" + random.nextInt(2000));
            p.setLong(6, i % schools + 1);
            p.setObject(7, NOW.atOffset(ZoneOffset.UTC));
        });
        batch("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, phone, relationship, active, created_at,"
                + " version) VALUES (?, ?, ?, ?, ?, '+1-555-0000', 'PARENT', TRUE, ?, 1)", guardians, (p, i) -> {
            p.setLong(1, i + 1);
            p.setString(2, guid());
            p.setString(3, "Given" + random.nextInt(500));
            p.setString(4, "Family" + random.nextInt(2000));
            p.setString(5, "g" + i + "@example.net");
            p.setObject(6, NOW.atOffset(ZoneOffset.UTC));
        });
        batch("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, end_date, active, version)"
                + " VALUES (?, ?, ?, ?, ?, NULL, TRUE, 1)", enrollments, (p, i) -> {
            p.setLong(1, i + 1);
            p.setString(2, guid());
            p.setLong(3, i % classes + 1);
            p.setLong(4, i % students + 1);
            p.setObject(5, BEGIN);
        });
        try (Statement s = c.createStatement()) {
            for (String seq : new String[]{"student_seq", "guardian_seq", "enrollment_seq"}) {
                s.execute("ALTER SEQUENCE " + seq + " RESTART WITH " + nextId);
            }
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                s.execute("ANALYZE");
            }
        }
        c.commit();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement p, int i) throws SQLException;
    }

    private void batch(String sql, int count, Binder binder) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                binder.bind(p, i);
                p.addBatch();
                if (i % 1000 == 999) {
                    p.executeBatch();
                }
                if (i % 50_000 == 49_999) {
                    c.commit();
                }
            }
            p.executeBatch();
        }
        c.commit();
    }

    private String[] storedStudents(int n) throws SQLException {
        return column("SELECT sourced_id FROM student ORDER BY id", n);
    }

    private String[] storedGuardians(int n) throws SQLException {
        return column("SELECT sourced_id FROM guardian ORDER BY id", n);
    }

    private String[] storedClasses(int n) throws SQLException {
        return column("SELECT sourced_id FROM school_class ORDER BY id", n);
    }

    private String[] column(String sql, int n) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next() && values.size() < n) {
                values.add(rs.getString(1));
            }
        }
        return values.toArray(String[]::new);
    }
}
