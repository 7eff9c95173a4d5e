package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.EnrollmentStage.Staged;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * The staged enrollments of a run compared set-wise with the stored ones, in SQL that H2 (MODE=LEGACY) and PostgreSQL
 * both run, with {@link RosterReconciler}'s rules: a later row with a sourcedId already read is a duplicate; a usable
 * row naming a class or student that is neither created by the run nor stored is a problem; created = not stored,
 * updated = stored and inactive or a value distinct, deactivated = status=tobedeleted of an active record, or, for a
 * bulk file read to its end, an active imported record whose sourcedId no row of the file names (refused and skipped
 * rows included). Each statement covers a range of lines (or of enrollment ids), so its transaction stays bounded.
 * Each run stages into tables of its own ({@code roster_stage_enrollment_<run id>}, {@code _decision_}, {@code _key_},
 * {@code _absent_}, {@code _duplicate_}), made when its reading starts and dropped once used: deleting millions of
 * rows costs minutes on H2, dropping a table does not. What the comparison decides goes into the decision table, a narrow row a
 * decided line (an UPDATE would rewrite the wide staged row and each of its indexes). Plain JDBC on the caller's
 * connection: {@link EnrollmentStaging} gives each call its transaction.
 */
public final class StagedEnrollments {

    /** Lines (or enrollment ids) a statement covers. */
    public static final int RANGE = 50_000;

    /** The comparison's outcome in counts. */
    public record Figures(int created, int updated, int deactivated, int unchanged, int refused, int skipped) {

        public ImportReport.Counts counts() {
            return new ImportReport.Counts(created, updated, deactivated, unchanged);
        }

        /** The update and create rows the plan stores for them, in that order. */
        public int writes() {
            return created + updated;
        }
    }

    // a run's own tables: dropped once used, where deleting millions of rows costs minutes (H2 rewrites its pages)
    private static final String TABLE = "{enrollment}";
    private static final String DECISION = "{decision}";
    private static final String KEY = "{key}";
    private static final String ABSENT_TABLE = "{absent}";
    private static final String DUPLICATE = "{duplicate}";
    /*
     * The comparison of a range is one statement: each line gets the decision of the first rule it meets, in
     * RosterReconciler's order (a later duplicate, then for a usable row an unknown class, an unknown student,
     * created, updated; for a row that says tobedeleted, deactivated), and a line that meets none is left out. It
     * reads no table it writes: a statement per rule, each skipping the lines decided before it, read the decision
     * table it was filling, which PostgreSQL planned as empty and scanned once per line (quadratic: 15 s for a first
     * range of 50,000 at 0.01 of the District). The stored records are outer-joined on their unique sourcedIds (enrollment's class and student are
     * NOT NULL foreign keys, so those joins find a row whenever the enrollment is found), which lets the planner hash
     * them; the inner query is kept whole (OFFSET 0) so that each line's rule is worked out once, not once for each
     * outer column that names it.
     * Of the run's own tables a range reads only what its lines need, so that a range costs the same however large
     * the file. The duplicates come from the run's duplicate table (the sourcedIds staged on more than one line, with
     * the first of those lines, found in one pass before the ranges), small and hashed; a probe a line into the
     * stage's sourcedId index read an index larger than PostgreSQL's shared buffers (0.6 s a range of the full
     * District). The students the run creates are probed by key, for the lines that get that far; an outer join let
     * PostgreSQL hash all of them for every range (1.1 million keys, 0.38 s a range of the full District: ranges
     * times students). The probe's OFFSET 0 keeps PostgreSQL from making the EXISTS a hashed subplan, which is that
     * same hash of every key.
     */
    private static final String RULE = "CASE"
            + " WHEN dp.first_line < s.line_no THEN 1"
            + " WHEN s.state <> 'U' THEN NULL"
            + " WHEN s.deleted = TRUE THEN CASE WHEN e.active = TRUE THEN 6 END"
            + " WHEN kc.sourced_id IS NULL AND c.id IS NULL THEN 2"
            + " WHEN t.id IS NULL AND NOT EXISTS (SELECT 1 FROM " + KEY + " ks WHERE ks.run_id = s.run_id AND ks.kind = 'STUDENT'"
            + " AND ks.sourced_id = s.user_sourced_id OFFSET 0 ROWS) THEN 3"
            + " WHEN e.id IS NULL THEN 4"
            + " WHEN e.active = FALSE OR ec.sourced_id IS DISTINCT FROM s.class_sourced_id"
            + " OR et.sourced_id IS DISTINCT FROM s.user_sourced_id OR e.begin_date IS DISTINCT FROM s.begin_date"
            + " OR e.end_date IS DISTINCT FROM s.end_date THEN 5 END";
    private static final String COMPARE = "INSERT INTO " + DECISION + " (run_id, line_no, op, reason)"
            + " SELECT x.run_id, x.line_no, CASE WHEN x.rule <= 3 THEN 'R' WHEN x.rule = 4 THEN 'C' WHEN x.rule = 5 THEN 'U'"
            + " ELSE 'D' END, CASE x.rule"
            + " WHEN 1 THEN 'sourcedId ''' || x.sourced_id || ''' was already on line ' || CAST(x.first_line AS VARCHAR(11))"
            + " || '; this row was ignored'"
            + " WHEN 2 THEN 'classSourcedId ''' || x.class_sourced_id || ''' is not in classes.csv nor among the stored classes'"
            + " WHEN 3 THEN 'userSourcedId ''' || x.user_sourced_id"
            + " || ''' is not a student in users.csv nor among the stored students' END"
            + " FROM (SELECT s.run_id, s.line_no, s.sourced_id, s.class_sourced_id, s.user_sourced_id, dp.first_line, "
            + RULE + " AS rule FROM " + TABLE + " s"
            + " LEFT JOIN " + DUPLICATE + " dp ON dp.run_id = s.run_id AND dp.sourced_id = s.sourced_id"
            + " LEFT JOIN " + KEY + " kc ON kc.run_id = s.run_id AND kc.kind = 'CLASS' AND kc.sourced_id = s.class_sourced_id"
            + " LEFT JOIN school_class c ON c.sourced_id = s.class_sourced_id"
            + " LEFT JOIN student t ON t.sourced_id = s.user_sourced_id"
            + " LEFT JOIN enrollment e ON e.sourced_id = s.sourced_id"
            + " LEFT JOIN school_class ec ON ec.id = e.class_id"
            + " LEFT JOIN student et ON et.id = e.student_id"
            + " WHERE s.run_id = ? AND s.line_no BETWEEN ? AND ? OFFSET 0 ROWS) x WHERE x.rule IS NOT NULL";
    // the stage's sourcedIds on more than one line, and the first of those lines: one pass before the ranges
    private static final String DUPLICATES = "INSERT INTO " + DUPLICATE + " (run_id, sourced_id, first_line)"
            + " SELECT s.run_id, s.sourced_id, MIN(s.line_no) FROM " + TABLE + " s WHERE s.run_id = ? AND s.sourced_id IS NOT NULL"
            + " GROUP BY s.run_id, s.sourced_id HAVING COUNT(*) > 1";
    private static final String ABSENT = "INSERT INTO " + ABSENT_TABLE + " (run_id, enrollment_id, sourced_id)"
            + " SELECT ?, e.id, e.sourced_id FROM enrollment e WHERE e.id BETWEEN ? AND ? AND e.sourced_id IS NOT NULL"
            + " AND e.active = TRUE AND NOT EXISTS (SELECT 1 FROM " + TABLE + " s WHERE s.run_id = ? AND s.sourced_id = e.sourced_id)";
    private static final String WITH_DECISION = " FROM " + TABLE + " s LEFT JOIN " + DECISION
            + " d ON d.run_id = s.run_id AND d.line_no = s.line_no WHERE s.run_id = ?";

    private StagedEnrollments() {
    }

    static void insert(Connection c, long runId, List<Staged> rows) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, "INSERT INTO " + TABLE + " (run_id, line_no, sourced_id, state,"
                + " deleted, class_sourced_id, user_sourced_id, begin_date, end_date, payload, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Staged row : rows) {
                insert.setLong(1, runId);
                insert.setInt(2, row.line());
                insert.setString(3, row.sourcedId());
                insert.setString(4, row.state());
                insert.setBoolean(5, row.deleted());
                insert.setString(6, row.classSourcedId());
                insert.setString(7, row.userSourcedId());
                setDate(insert, 8, row.beginDate());
                setDate(insert, 9, row.endDate());
                insert.setString(10, row.payload());
                insert.setString(11, row.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, Date.valueOf(date));
        }
    }

    /** The highest line staged for the run, 0 when none is. */
    static int maxLine(Connection c, long runId) throws SQLException {
        return (int) single(c, "SELECT COALESCE(MAX(line_no), 0) FROM " + TABLE + " WHERE run_id = ?", runId);
    }

    /** The run's staging tables, new and empty (what an earlier staging of the run left is dropped first). */
    static void create(Connection c, long runId) throws SQLException {
        drop(c, runId);
        for (String ddl : List.of(
                "CREATE TABLE " + TABLE + " (run_id BIGINT NOT NULL, line_no INTEGER NOT NULL, sourced_id VARCHAR(4000),"
                        + " state CHAR(1) NOT NULL, deleted BOOLEAN NOT NULL, class_sourced_id VARCHAR(4000),"
                        + " user_sourced_id VARCHAR(4000), begin_date DATE, end_date DATE, payload VARCHAR(20000),"
                        + " reason VARCHAR(4000), PRIMARY KEY (run_id, line_no))",
                // the duplicates' check and a bulk file's absence check (which sourcedIds the file names)
                "CREATE INDEX " + TABLE + "_id ON " + TABLE + " (run_id, sourced_id, line_no)",
                "CREATE TABLE " + DECISION + " (run_id BIGINT NOT NULL, line_no INTEGER NOT NULL, op CHAR(1) NOT NULL,"
                        + " reason VARCHAR(4000), PRIMARY KEY (run_id, line_no))",
                "CREATE TABLE " + KEY + " (run_id BIGINT NOT NULL, kind VARCHAR(20) NOT NULL, sourced_id VARCHAR(255) NOT NULL,"
                        + " PRIMARY KEY (run_id, kind, sourced_id))",
                "CREATE TABLE " + ABSENT_TABLE + " (run_id BIGINT NOT NULL, enrollment_id BIGINT NOT NULL,"
                        + " sourced_id VARCHAR(255) NOT NULL, PRIMARY KEY (run_id, enrollment_id))",
                "CREATE TABLE " + DUPLICATE + " (run_id BIGINT NOT NULL, sourced_id VARCHAR(4000) NOT NULL,"
                        + " first_line INTEGER NOT NULL, PRIMARY KEY (run_id, sourced_id))")) {
            execute(c, runId, ddl);
        }
    }

    /** The run's staging tables are gone, with all they held. */
    static void drop(Connection c, long runId) throws SQLException {
        for (String table : List.of(DUPLICATE, ABSENT_TABLE, KEY, DECISION, TABLE)) {
            execute(c, runId, "DROP TABLE IF EXISTS " + table);
        }
    }

    /** The planner's statistics of the run's tables, as they are filled now ({@link StagingConnection#analyze}). */
    static void analyze(Connection c, long runId) throws SQLException {
        StagingConnection.analyze(c, Stream.of(DUPLICATE, ABSENT_TABLE, KEY, DECISION, TABLE).map(t -> table(t, runId)).toList());
    }

    /**
     * Finds the staged sourcedIds named on more than one line, with the first of them, for the ranges' duplicates'
     * check; then the planner's statistics of what it found (after {@link #analyze}, whose figures of the stage the
     * pass is planned with).
     */
    static void duplicates(Connection c, long runId) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, DUPLICATES)) {
            insert.setLong(1, runId);
            insert.executeUpdate();
        }
        StagingConnection.analyze(c, List.of(table(DUPLICATE, runId)));
    }

    /** Whether the run has staging tables. */
    static boolean exists(Connection c, long runId) throws SQLException {
        String name = table(TABLE, runId);
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, candidate, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A table of the run: its template's name with the run's id (a number, so nothing to quote). */
    static String table(String template, long runId) {
        return "roster_stage_" + template.substring(1, template.length() - 1) + "_" + runId;
    }

    private static String sql(String template, long runId) {
        return template.replace(TABLE, table(TABLE, runId)).replace(DECISION, table(DECISION, runId))
                .replace(KEY, table(KEY, runId)).replace(ABSENT_TABLE, table(ABSENT_TABLE, runId))
                .replace(DUPLICATE, table(DUPLICATE, runId));
    }

    private static PreparedStatement prepare(Connection c, long runId, String template) throws SQLException {
        return c.prepareStatement(sql(template, runId));
    }

    private static void execute(Connection c, long runId, String template) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql(template, runId));
        }
    }

    /** Records that the run creates these students or classes ({@code kind} STUDENT or CLASS). */
    static void keys(Connection c, long runId, String kind, Collection<String> ids) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, "INSERT INTO " + KEY + " (run_id, kind, sourced_id) VALUES (?, ?, ?)")) {
            int count = 0;
            for (String id : ids) {
                insert.setLong(1, runId);
                insert.setString(2, kind);
                insert.setString(3, id);
                insert.addBatch();
                if (++count % EnrollmentStage.BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Compares the staged lines {@code from} to {@code to}: duplicates, unknown classes and students, then the changes. */
    static void compare(Connection c, long runId, int from, int to) throws SQLException {
        StagingConnection.withoutJit(c);
        update(c, COMPARE, runId, from, to);
    }

    /** The lowest and highest enrollment id, or null without enrollments. */
    static long[] enrollmentIds(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MIN(id), MAX(id) FROM enrollment");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? null : new long[]{min, rs.getLong(2)};
        }
    }

    /** A bulk file's absence check over the stored enrollments with ids {@code from} to {@code to}. */
    static void absent(Connection c, long runId, long from, long to) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, ABSENT)) {
            insert.setLong(1, runId);
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.setLong(4, runId);
            insert.executeUpdate();
        }
    }

    static Figures figures(Connection c, long runId) throws SQLException {
        int created = 0;
        int updated = 0;
        int deactivated = 0;
        int unchanged = 0;
        int refused = 0;
        int skipped = 0;
        try (PreparedStatement select = prepare(c, runId, "SELECT s.state, s.deleted, d.op, COUNT(*)" + WITH_DECISION
                + " GROUP BY s.state, s.deleted, d.op")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String state = rs.getString(1).trim();
                    boolean deleted = rs.getBoolean(2);
                    String op = rs.getString(3) == null ? "" : rs.getString(3).trim();
                    int count = rs.getInt(4);
                    if (op.equals(EnrollmentStage.REFUSED) || state.equals(EnrollmentStage.REFUSED)) {
                        refused += count;
                    } else if (state.equals(EnrollmentStage.SKIPPED)) {
                        skipped += count;
                    } else if (deleted) {
                        deactivated += op.equals("D") ? count : 0;
                    } else {
                        switch (op) {
                            case "C" -> created += count;
                            case "U" -> updated += count;
                            default -> unchanged += count;
                        }
                    }
                }
            }
        }
        deactivated += (int) single(c, "SELECT COUNT(*) FROM " + ABSENT_TABLE + " WHERE run_id = ?", runId);
        return new Figures(created, updated, deactivated, unchanged, refused, skipped);
    }

    /** The first {@code max} refused rows, in line order. */
    static List<ImportProblem> problems(Connection c, long runId, int max) throws SQLException {
        List<ImportProblem> problems = new ArrayList<>();
        // a duplicate's reason is the comparison's, though the parser refused the row too: the reference checks that first
        try (PreparedStatement select = prepare(c, runId, "SELECT s.line_no, COALESCE(d.reason, s.reason)" + WITH_DECISION
                + " AND (s.state = 'R' OR d.op = 'R') ORDER BY s.line_no OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setLong(1, runId);
            select.setInt(2, max);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    problems.add(new ImportProblem(OneRosterParser.ENROLLMENTS, rs.getInt(1), rs.getString(2)));
                }
            }
        }
        return problems;
    }

    /**
     * Stores the import_change rows of the staged lines {@code from} to {@code to} that the comparison marked
     * {@code changeOp} (C, U or D), numbered from {@code firstSeq} in line order; how many.
     */
    static int storeChanges(Connection c, long runId, String changeOp, long firstSeq, int from, int to) throws SQLException {
        String op = switch (changeOp) {
            case "C" -> RosterChangeRows.CREATE;
            case "U" -> RosterChangeRows.UPDATE;
            default -> RosterChangeRows.DEACTIVATE;
        };
        try (PreparedStatement insert = prepare(c, runId, "INSERT INTO import_change (run_id, seq, kind, op, ref, payload)"
                + " SELECT d.run_id, ? + ROW_NUMBER() OVER (ORDER BY d.line_no) - 1, ?, ?, s.sourced_id, "
                + (changeOp.equals("D") ? "NULL" : "s.payload") + " FROM " + DECISION + " d JOIN " + TABLE
                + " s ON s.run_id = d.run_id AND s.line_no = d.line_no WHERE d.run_id = ? AND d.line_no BETWEEN ? AND ?"
                + " AND d.op = ?")) {
            insert.setLong(1, firstSeq);
            insert.setString(2, RosterChangeRows.ENROLLMENT);
            insert.setString(3, op);
            insert.setLong(4, runId);
            insert.setInt(5, from);
            insert.setInt(6, to);
            insert.setString(7, changeOp);
            return insert.executeUpdate();
        }
    }

    /** Stores the deactivations of absent records with enrollment ids {@code from} to {@code to}, from {@code firstSeq}. */
    static int storeAbsent(Connection c, long runId, long firstSeq, long from, long to) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, "INSERT INTO import_change (run_id, seq, kind, op, ref, payload)"
                + " SELECT a.run_id, ? + ROW_NUMBER() OVER (ORDER BY a.enrollment_id) - 1, ?, ?, a.sourced_id, NULL"
                + " FROM " + ABSENT_TABLE + " a WHERE a.run_id = ? AND a.enrollment_id BETWEEN ? AND ?")) {
            insert.setLong(1, firstSeq);
            insert.setString(2, RosterChangeRows.ENROLLMENT);
            insert.setString(3, RosterChangeRows.DEACTIVATE);
            insert.setLong(4, runId);
            insert.setLong(5, from);
            insert.setLong(6, to);
            return insert.executeUpdate();
        }
    }

    private static long single(Connection c, String sql, long runId) throws SQLException {
        try (PreparedStatement select = prepare(c, runId, sql)) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, long runId, int... range) throws SQLException {
        try (PreparedStatement update = prepare(c, runId, sql)) {
            update.setLong(1, runId);
            for (int i = 0; i < range.length; i++) {
                update.setInt(2 + i, range[i]);
            }
            update.executeUpdate();
        }
    }
}
