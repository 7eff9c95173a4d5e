package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * JDBC work on the connection of the caller's transaction, for the staging tables' batches and set-wise statements
 * ({@link EnrollmentStaging}, {@link UserStaging}): plain JDBC there, because JPA would build an entity per staged
 * row, yet inside the container's transaction, so that a batch commits or rolls back with it.
 */
final class StagingConnection {

    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface VoidWork {
        void on(Connection connection) throws SQLException;
    }

    private StagingConnection() {
    }

    /** The work's answer; an SQLException becomes an IllegalStateException naming {@code what}, which rolls the transaction back. */
    static <T> T call(EntityManager em, String what, Work<T> work) {
        // a write binds the transaction's connection, which unwrap answers only then
        em.createNativeQuery("UPDATE import_run SET id = id WHERE id = -1").executeUpdate();
        try {
            return work.on(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    static void run(EntityManager em, String what, VoidWork work) {
        call(em, what, c -> {
            work.on(c);
            return null;
        });
    }

    /**
     * Gives PostgreSQL's planner the row counts and value statistics of staging tables just filled. A run's tables are
     * made empty with their indexes, which records them as empty, and autovacuum analyzes them minutes later at
     * best: until then PostgreSQL plans the comparison's self-joins for a row or two, a nested loop that reads the
     * whole stage for each staged row (92 s for 16,000 users.csv rows instead of well under a second). H2 counts rows
     * as it plans and planned these statements well without; its ANALYZE is another statement, so it is not sent.
     * No statement of a comparison reads a table it fills, so the statistics taken before each step hold for all of
     * its ranges.
     */
    static void analyze(Connection c, Collection<String> tables) throws SQLException {
        if (!postgreSql(c)) {
            return;
        }
        try (Statement statement = c.createStatement()) {
            for (String table : tables) {
                statement.execute("ANALYZE " + table);
            }
        }
    }

    /**
     * Turns PostgreSQL's JIT compilation off for the rest of the transaction, for a comparison's statement: its
     * per-line subqueries (index probes, each costed as a page read) put its estimate far above {@code
     * jit_optimize_above_cost}, so PostgreSQL compiled it with every optimization, 0.4 to 0.7 s a statement for
     * 0.2 to 0.3 s of work (auto_explain, 0.01 of the District).
     */
    static void withoutJit(Connection c) throws SQLException {
        if (postgreSql(c)) {
            try (Statement statement = c.createStatement()) {
                statement.execute("SET LOCAL jit = off");
            }
        }
    }

    /**
     * The work with PostgreSQL's hash and merge joins and JIT off, then back as they were: every join a nested loop,
     * which the indexes make a lookup by key, driven by the rows the work starts from. For statements that start from
     * a small range yet join tables that hold the whole District: with hash joins PostgreSQL read each whole table
     * once a range (a scan of 1.1 million students for 10,000 rows), and a misestimate of a few rows could put a
     * whole table on the outer side of a nested loop. H2 is left as it is.
     */
    static <T> T byIndex(Connection c, Work<T> work) throws SQLException {
        if (!postgreSql(c)) {
            return work.on(c);
        }
        String[] settings = {"enable_hashjoin", "enable_mergejoin", "jit"};
        String[] before = new String[settings.length];
        try (PreparedStatement set = c.prepareStatement("SELECT current_setting(?), set_config(?, 'off', true)")) {
            for (int i = 0; i < settings.length; i++) {
                set.setString(1, settings[i]);
                set.setString(2, settings[i]);
                try (ResultSet rs = set.executeQuery()) {
                    rs.next();
                    before[i] = rs.getString(1);
                }
            }
        }
        T result = work.on(c);
        // not when the work fails: the transaction is then rolled back, which puts them back
        try (PreparedStatement set = c.prepareStatement("SELECT set_config(?, ?, true)")) {
            for (int i = 0; i < settings.length; i++) {
                set.setString(1, settings[i]);
                set.setString(2, before[i]);
                set.executeQuery().close();
            }
        }
        return result;
    }

    private static boolean postgreSql(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }
}
