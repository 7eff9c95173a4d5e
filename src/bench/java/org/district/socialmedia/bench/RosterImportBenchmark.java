package org.district.socialmedia.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.CheckedUpload;
import org.district.socialmedia.students.control.EnrollmentStage;
import org.district.socialmedia.students.control.EnrollmentStaging;
import org.district.socialmedia.students.control.ImportRuns;
import org.district.socialmedia.students.control.OneRosterParser;
import org.district.socialmedia.students.control.ParsedRoster;
import org.district.socialmedia.students.control.RosterChangeLog;
import org.district.socialmedia.students.control.RosterChangeLog.Page;
import org.district.socialmedia.students.control.RosterChangeRows;
import org.district.socialmedia.students.control.RosterChangeRows.Reserved;
import org.district.socialmedia.students.control.RosterChangeRows.ReservedAt;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.RosterPreview;
import org.district.socialmedia.students.control.RosterPreview.Plan;
import org.district.socialmedia.students.control.RosterRunFolder;
import org.district.socialmedia.students.control.RosterUploads;
import org.district.socialmedia.students.control.RosterZipLimits;
import org.district.socialmedia.students.control.StagedEnrollments.Figures;
import org.district.socialmedia.students.control.StagedUsers;
import org.district.socialmedia.students.control.UserStage;
import org.district.socialmedia.students.control.UserStaging;
import org.district.socialmedia.students.entity.ImportRun;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where the roster import stands at district scale (issue 19, item 5): a OneRoster zip of {@link RosterZipGenerator}
 * at {@code bench.scale} (and its delta export of 1% of the rows, {@code gen.delta}), imported three times into a new
 * H2 file database with the application's own code, phase by phase as the batch job runs them: the first import,
 * the same files again, then the 1% delta. Each import: the upload's check ({@link RosterUploads#receive}), the
 * preview (the streamed reading, the stored roster's snapshot, the reconciliation), the write's plan (read and
 * reconciled again, then its {@code import_change} rows stored in chunks of their own transactions, as
 * {@link ImportRuns#planWrite}), and the write (chunks of 500 rows, each in its own transaction, as the chunk step).
 * Prints each phase's wall and CPU time, the heap after a full GC at the end of each phase (the live set the phase
 * holds), the time to the reading's first rows figure, and, when the heap runs out, in which phase.
 * <pre>
 * ./mvnw -Pbench-roster-import verify -Dbench.scale=0.01     # -Xmx512m, the server's default heap
 * ./mvnw -Pbench-roster-import verify -Dbench.scale=0.06 -Dbench.write=false   # the first preview and plan only
 * DB_USER=.. DB_PASSWORD=.. ./mvnw -Pbench-roster-import verify -Dbench.url=jdbc:postgresql://localhost:5432/NEW_DB
 * </pre>
 * With {@code bench.url} the imports go into that PostgreSQL database instead, which must be empty (made by
 * {@code createdb} for the run): the benchmark migrates it and compares a first import with nothing stored.
 * Not included: JTA and the container's interceptors, the batch engine, and what observes the write's
 * RosterChanged events in the server (the consent coverage recount per chunk).
 */
public final class RosterImportBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Predicate<String> DISTRICT_EMAIL = email -> email.endsWith("@district.example.org");

    private final EntityManagerFactory emf;
    private final Target target;
    private final RosterUploads uploads;

    private RosterImportBenchmark(EntityManagerFactory emf, Target target, RosterUploads uploads) {
        this.emf = emf;
        this.target = target;
        this.uploads = uploads;
    }

    /** The database the imports go into: a new H2 file database, or an empty PostgreSQL one named by bench.url. */
    private record Target(String url, String user, String password) {

        static Target of(Path work) throws Exception {
            String url = System.getProperty("bench.url");
            if (url == null) {
                return new Target(BenchDatabase.create(work.resolve("db")), "sa", "sa");
            }
            Target target = new Target(url, System.getenv().getOrDefault("DB_USER", "smu"),
                    System.getenv().getOrDefault("DB_PASSWORD", ""));
            try (Connection c = target.connect(); ResultSet tables = c.getMetaData().getTables(null, "public", "%",
                    new String[]{"TABLE"})) {
                if (tables.next()) {
                    throw new IllegalStateException(url + " holds tables (" + tables.getString("TABLE_NAME")
                            + "): the benchmark needs an empty database, e.g. createdb -O USER NEW_DB");
                }
            }
            BenchDatabase.migrate(url, target.user, target.password, "PostgreSQL");
            return target;
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(url, user, password);
        }

        Map<String, String> unit() {
            return url.startsWith("jdbc:h2:") ? JavaSeUnit.onH2(url)
                    : JavaSeUnit.on("org.postgresql.Driver", url, user, password);
        }
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "0.01"));
        long seed = Long.getLong("bench.seed", 42);
        Path work = Path.of(System.getProperty("bench.dir", "target/roster-import-bench")).toAbsolutePath();
        Path zip = zip(work, scale, seed, 0, System.getProperty("bench.zip"));
        Path delta = zip(work, scale, seed, 100, System.getProperty("bench.delta.zip"));
        System.out.printf(Locale.ROOT, "Roster import benchmark: scale %s, seed %d, %d cores, max heap %d MiB, %s %s, load %.1f%n",
                scale, seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(RosterZipGenerator.Counts.at(scale) + "; zip " + Files.size(zip) + " bytes, delta " + Files.size(delta));
        Target target = Target.of(work);
        System.out.println("database " + target.url());
        Map<String, String> props = target.unit();
        props.put("eclipselink.logging.level", "WARNING");
        props.put("eclipselink.logging.level.metadata", "SEVERE");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
        try {
            RosterImportBenchmark bench = new RosterImportBenchmark(emf, target,
                    new RosterUploads(work.resolve("uploads"), RosterZipLimits.fromEnvironment(System::getenv)));
            // -Dbench.write=false: the first import's preview and plan only (where the heap runs out, in minutes)
            boolean write = Boolean.parseBoolean(System.getProperty("bench.write", "true"));
            bench.importZip("first import", zip, write);
            if (write) {
                bench.importZip("the same files again", zip, true);
                bench.importZip("a 1% delta", delta, true);
            }
        } catch (OutOfMemoryError e) {
            System.out.printf(Locale.ROOT, "OUT OF MEMORY with a %d MiB heap: %s%n", Runtime.getRuntime().maxMemory() >> 20, e);
            System.exit(3);
        } finally {
            emf.close();
        }
    }

    /** The bulk zip (every 0) or the delta zip (every n-th row changed), generated once and reused. */
    private static Path zip(Path work, double scale, long seed, long every, String given) throws Exception {
        Path zip = given != null ? Path.of(given)
                : work.resolve("oneroster-" + scale + "-" + seed + (every == 0 ? "" : "-delta" + every) + ".zip");
        if (!Files.isRegularFile(zip)) {
            long started = System.nanoTime();
            new RosterZipGenerator(RosterZipGenerator.Counts.at(scale), seed, every).write(zip);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", zip, seconds(started));
        }
        return zip;
    }

    private void importZip(String label, Path zip, boolean andWrite) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s (%s), load %.1f%n", label, zip.getFileName(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Phase upload = new Phase("upload check (stream, unpack, zip limits, UTF-8)");
        CheckedUpload checked;
        try (InputStream in = Files.newInputStream(zip)) {
            checked = uploads.receive(in);
        }
        upload.done(null);
        Long runId = BenchDatabase.inTransaction(emf, em -> {
            ImportRun run = new ImportRun(checked.sha256(), zip.getFileName().toString(), "bench", CLOCK.instant());
            em.persist(run);
            em.flush();
            return run.getId();
        });
        try {
            // the preview: read, snapshot, reconcile; its plan is dropped, as the job keeps only its figures
            Phase preview = new Phase("preview (read " + String.join(", ", checked.files()) + ", snapshot, reconcile)");
            long[] firstRows = {0};
            Plan previewed = plan(runId, checked.folder(), (file, filesRead, filesTotal, rows) -> {
                if (firstRows[0] == 0 && rows > 0) {
                    firstRows[0] = System.nanoTime();
                }
            });
            System.out.printf(Locale.ROOT, "   first rows figure %.2f s after the reading started; %s%n",
                    (firstRows[0] - preview.started) / 1e9, previewed.report().summary());
            dropStaged(runId);
            preview.done(previewed);
            String summary = previewed.report().summary();
            previewed = null;
            sql("UPDATE import_run SET status = 'RUNNING' WHERE id = " + runId);

            Phase planPhase = new Phase("write's plan (read and reconcile again, store import_change in chunks)");
            Plan plan = plan(runId, checked.folder(), OneRosterParser.Progress.NONE);
            double planned = seconds(planPhase.started);
            int total = store(runId, plan);
            dropStaged(runId);
            System.out.printf(Locale.ROOT, "   %,d changes; reading and reconciling %.1f s, storing %.1f s%n", total, planned,
                    seconds(planPhase.started) - planned);
            planPhase.done(plan);
            plan = null;
            if (!andWrite) {
                return;
            }

            Phase write = new Phase("write (pages as the job's chunks: 500 rows through entities, or a range of"
                    + " one kind's rows set-wise (enrollments, links, students, guardians); each in its own transaction)");
            long after = -1;
            // each kind's ranges (count, wall seconds) and the longest chunk: what bounds a range against the
            // transaction timeout
            Map<String, double[]> ranges = new TreeMap<>();
            double longest = 0;
            while (true) {
                long from = after;
                long started = System.nanoTime();
                Page page = BenchDatabase.inTransaction(emf, em -> {
                    BeanWiring wiring = new BeanWiring(em, CLOCK);
                    Page next = wiring.get(RosterChangeLog.class).next(runId, from);
                    if (next != null) {
                        wiring.get(ImportRuns.class).apply(runId, next);
                    }
                    return next;
                });
                if (page == null) {
                    break;
                }
                double took = seconds(started);
                longest = Math.max(longest, took);
                if (page instanceof RosterChangeLog.Range range) {
                    double[] kind = ranges.computeIfAbsent(range.kind(), k -> new double[2]);
                    kind[0]++;
                    kind[1] += took;
                }
                after = page.lastSeq();
            }
            ranges.forEach((kind, figures) -> System.out.printf(Locale.ROOT, "   %s: %.0f ranges in %.1f s wall%n",
                    kind.toLowerCase(Locale.ROOT), figures[0], figures[1]));
            System.out.printf(Locale.ROOT, "   the longest chunk %.2f s%n", longest);
            int written = total;
            sql("UPDATE import_run SET status = 'COMPLETED' WHERE id = " + runId);
            System.out.printf(Locale.ROOT, "   %,d changes written (%.0f a second): %s%n", written,
                    written / Math.max(seconds(write.started), 1e-9), summary);
            write.done(null);
        } finally {
            uploads.discard(checked);
        }
        System.out.println("   stored now: " + counts());
    }

    /**
     * Reads the run's files (streamed; users.csv and enrollments.csv into the run's staging tables, a batch a
     * transaction) and plans them against the stored roster, as RosterRunPlan does.
     */
    private Plan plan(Long runId, Path folder, OneRosterParser.Progress progress) throws Exception {
        long started = System.nanoTime();
        Set<String> unitCodes = BenchDatabase.inTransaction(emf, em -> {
            BeanWiring beans = new BeanWiring(em, CLOCK);
            beans.get(EnrollmentStaging.class).create(runId);
            beans.get(UserStaging.class).create(runId);
            return beans.get(RosterPreview.class).unitIds().keySet();
        });
        EnrollmentStage sink = new EnrollmentStage(rows -> BenchDatabase.inTransaction(emf, em -> {
            new BeanWiring(em, CLOCK).get(EnrollmentStaging.class).store(runId, rows);
            return null;
        }));
        UserStage users = new UserStage(unitCodes, rows -> BenchDatabase.inTransaction(emf, em -> {
            new BeanWiring(em, CLOCK).get(UserStaging.class).store(runId, rows);
            return null;
        }));
        ParsedRoster roster = RosterRunFolder.refuseWithoutUsers(
                OneRosterParser.parseFolder(folder, RosterSettings.IDENTIFIER, progress, sink, users));
        sink.flush();
        users.flush();
        double read = seconds(started);
        System.out.printf(Locale.ROOT, "   files read in %.1f s (users and enrollments staged): %,d rows; heap after a full"
                + " GC with the roster held (ParsedRoster) %d MiB%n", read, roster.rows(), heapAfterGc() >> 20);
        long compared = System.nanoTime();
        Plan plan = BenchDatabase.inTransaction(emf, em -> new BeanWiring(em, CLOCK).get(RosterPreview.class)
                .plan(roster, RosterSettings.DEFAULTS, DISTRICT_EMAIL, runId));
        System.out.printf(Locale.ROOT, "   reconciled, users and enrollments compared set-wise, in %.1f s: %s; %s%n",
                seconds(compared), plan.users(), plan.staged());
        return plan;
    }

    private void dropStaged(Long runId) {
        BenchDatabase.inTransaction(emf, em -> {
            BeanWiring beans = new BeanWiring(em, CLOCK);
            beans.get(EnrollmentStaging.class).clear(runId);
            beans.get(UserStaging.class).clear(runId);
            return null;
        });
    }

    /** The plan's rows in chunks of 5,000, each in a transaction of its own, as ImportRuns.planWrite stores them. */
    private int store(Long runId, Plan plan) {
        List<RosterChange> chunk = new ArrayList<>();
        int[] total = new int[1];
        Runnable flush = () -> {
            List<RosterChange> rows = List.copyOf(chunk);
            total[0] += BenchDatabase.inTransaction(emf, em -> new BeanWiring(em, CLOCK).get(RosterChangeLog.class)
                    .storeChunk(runId, rows));
            chunk.clear();
        };
        Figures staged = plan.staged();
        StagedUsers.Figures stagedUsers = plan.users();
        Reserved reserved = new Reserved(staged == null ? 0 : staged.writes(), staged == null ? 0 : staged.deactivated(),
                stagedUsers == null ? 0 : stagedUsers.writes(), stagedUsers == null ? 0 : stagedUsers.links(),
                stagedUsers == null ? 0 : stagedUsers.deactivations());
        ReservedAt at = RosterChangeRows.forEach(plan.changes(), plan.staff(), change -> {
            chunk.add(change);
            if (chunk.size() == 5_000) {
                flush.run();
            }
        }, reserved);
        if (!chunk.isEmpty()) {
            flush.run();
        }
        if (staged != null) {
            // as ImportRuns.planWrite: the staged enrollments' rows into the seq numbers left for them, a range a transaction
            for (boolean deactivations : new boolean[]{false, true}) {
                long first = deactivations ? at.deactivations() : at.writes();
                total[0] += BenchDatabase.inTransaction(emf, em -> new BeanWiring(em, CLOCK).get(EnrollmentStaging.class)
                        .storePlan(runId, first, deactivations));
            }
        }
        if (stagedUsers != null) {
            // as ImportRuns.planWrite: the staged users' rows into the seq numbers left for them
            for (UserStaging.Part part : UserStaging.Part.values()) {
                long first = switch (part) {
                    case WRITES -> at.userWrites();
                    case LINKS -> at.links();
                    case DEACTIVATIONS -> at.userDeactivations();
                };
                total[0] += BenchDatabase.inTransaction(emf, em -> new BeanWiring(em, CLOCK).get(UserStaging.class)
                        .storePlan(runId, first, part));
            }
        }
        return total[0];
    }

    private void sql(String statement) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private String counts() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("student", "guardian", "school_class", "enrollment", "staff_user", "import_change")) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    out.append(out.isEmpty() ? "" : ", ").append(table).append(' ').append(String.format(Locale.ROOT, "%,d", r.getLong(1)));
                }
            }
        }
        return out.toString();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** One phase's wall and CPU time, and the heap after a full GC while what it made is still held. */
    private static final class Phase {
        private final String name;
        private final long started = System.nanoTime();
        private final long cpu = CPU.getCurrentThreadCpuTime();

        Phase(String name) {
            this.name = name;
        }

        void done(Object held) {
            double wall = seconds(started);
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
            long heap = heapAfterGc();
            System.out.printf(Locale.ROOT, "%-90s %8.1f s wall %8.1f s CPU   heap after a full GC %4d MiB%s%n", name, wall,
                    cpuSeconds, heap >> 20, held == null ? "" : " (" + held.getClass().getSimpleName() + " held)");
            // what the phase made stays reachable until its heap is measured
            Reference.reachabilityFence(held);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
