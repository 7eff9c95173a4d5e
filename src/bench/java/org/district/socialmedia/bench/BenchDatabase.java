package org.district.socialmedia.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.district.socialmedia.platform.control.MigrationLocations;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the benchmarks share to build their H2 file databases: a new database made by the application's
 * own Flyway migrations, the set-based fill in chunks, the big tables' secondary indexes dropped for the
 * fill and created again from the migrations' own CREATE INDEX statements, and the percentiles.
 */
final class BenchDatabase {

    /** Rows per INSERT ... SELECT FROM SYSTEM_RANGE statement (and commit). */
    static final long CHUNK = 500_000;

    private BenchDatabase() {
    }

    /** An empty folder with a new H2 file database (MODE=LEGACY, as the application's datasource) migrated; its URL. */
    static String create(Path dir) throws Exception {
        deleteTree(dir);
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/bench;MODE=LEGACY";
        migrate(url, "sa", "sa", "H2");
        return url;
    }

    /** Brings a database to the current schema with the application's own migrations (those of its vendor). */
    static void migrate(String url, String user, String password, String product) {
        Flyway.configure().dataSource(url, user, password).locations(MigrationLocations.of(product)).load().migrate();
    }

    /**
     * Drops the secondary indexes the migrations create on these tables (inserting millions of rows into
     * them in random order is most of a fill's time); each {name, CREATE statement}, for {@link #createIndexes}.
     * The migrations are those of the database's vendor ({@code product}, as JDBC names it).
     * An index a constraint relies on stays.
     */
    static List<String[]> dropIndexes(Connection c, String product, String... tables) throws SQLException {
        Pattern create = Pattern.compile("CREATE INDEX (\\w+) ON (" + String.join("|", tables) + ") \\([^;]*\\);");
        // by name: a later migration that drops and creates an index again has the last word
        Map<String, String> indexes = new LinkedHashMap<>();
        try {
            List<Path> files = new ArrayList<>();
            for (String location : MigrationLocations.of(product)) {
                Path folder = Path.of(BenchDatabase.class.getResource("/" + location.substring("classpath:".length())).toURI());
                try (Stream<Path> sql = Files.list(folder)) {
                    sql.filter(f -> f.getFileName().toString().endsWith(".sql")).forEach(files::add);
                }
            }
            files.sort(Comparator.comparing(BenchDatabase::version, Arrays::compare));
            for (Path file : files) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    indexes.put(m.group(1), m.group());
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the migrations", e);
        }
        List<String[]> dropped = new ArrayList<>();
        // each drop its own transaction: one refused spoils no other (a PostgreSQL transaction would be aborted)
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            for (Map.Entry<String, String> index : indexes.entrySet()) {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP INDEX " + index.getKey());
                    dropped.add(new String[]{index.getKey(), index.getValue()});
                } catch (SQLException e) {
                    // an index a constraint relies on stays
                }
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return dropped;
    }

    /** A migration's version ("V8_1__x.sql": 8, 1), in Flyway's order. */
    private static int[] version(Path migration) {
        String name = migration.getFileName().toString();
        return Arrays.stream(name.substring(1, name.indexOf("__")).split("[._]")).mapToInt(Integer::parseInt).toArray();
    }

    /** Runs the migrations' CREATE INDEX statements {@link #dropIndexes} returned, unchanged. */
    static void createIndexes(Connection c, List<String[]> dropped) throws SQLException {
        for (String[] index : dropped) {
            exec(c, index[1]);
        }
    }

    interface Chunk {
        String sql(long from, long to);
    }

    /** One statement (and commit) per {@link #CHUNK} of the range from..to. */
    static void chunks(Connection c, long from, long to, Chunk chunk) throws SQLException {
        for (long start = from; start <= to; start += CHUNK) {
            exec(c, chunk.sql(start, Math.min(to, start + CHUNK - 1)));
        }
    }

    /** The work in one resource-local transaction, rolled back when it fails. */
    static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Runs and commits one statement; -Dbench.verbose=true prints its rows and time. */
    static void exec(Connection c, String sql) throws SQLException {
        long start = System.nanoTime();
        int rows;
        try (Statement s = c.createStatement()) {
            rows = s.executeUpdate(sql);
        }
        c.commit();
        if (Boolean.getBoolean("bench.verbose")) {
            System.out.printf(Locale.ROOT, "  %,d rows in %.1f s: %.90s%n", rows, (System.nanoTime() - start) / 1e9, sql);
        }
    }

    /** An SQL TIMESTAMP WITH TIME ZONE literal. */
    static String timestamp(ZonedDateTime t) {
        return "TIMESTAMP WITH TIME ZONE '" + t.toOffsetDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")) + "'";
    }

    /** The p-th percentile (nearest rank) of sorted values. */
    /** The generator's H2 folders named by -Dbench.dirs (comma-separated), each checked to hold a database. */
    static List<Path> generatedDirs() {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getProperty("bench.dirs", "target/district-data").split(",")) {
            Path path = Path.of(dir.strip());
            if (!Files.exists(path.resolve("social-media.mv.db"))) {
                throw new IllegalArgumentException("no generated database in " + path + " (./mvnw -Pgenerate-data verify -Dgen.dir=...)");
            }
            dirs.add(path);
        }
        return dirs;
    }

    /** Milliseconds of each of {@code runs} transactions doing {@code work} (after {@code warm} unmeasured ones), sorted. */
    static double[] timed(EntityManagerFactory emf, int runs, int warm, Consumer<EntityManager> work) {
        double[] ms = new double[runs];
        for (int i = -warm; i < runs; i++) {
            EntityManager em = emf.createEntityManager();
            try {
                long start = System.nanoTime();
                em.getTransaction().begin();
                work.accept(em);
                em.getTransaction().commit();
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
            } finally {
                em.close();
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
