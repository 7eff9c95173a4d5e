package org.district.socialmedia.students.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

/**
 * A range of a run's {@code import_change} rows of kind ENROLLMENT written set-wise, in SQL that H2 (MODE=LEGACY) and
 * PostgreSQL both run: what {@link RosterWriter} does to the same rows through entities, a few statements instead of
 * an entity each. Updates (a reactivation included) are one MERGE, creates an {@code INSERT ... SELECT} with ids from
 * {@code enrollment_seq}, deactivations an {@code UPDATE ... WHERE sourced_id IN (SELECT ...)} and their record for
 * the undo an {@code INSERT ... SELECT}. The payload ({@link RosterChangeRows#enrollment}: class, student, begin, end)
 * is split in SQL. Plain JDBC on the caller's connection, in the caller's transaction.
 */
final class EnrollmentWrites {

    /** The enrollment ids a value of {@code enrollment_seq} stands for: its INCREMENT BY, EclipseLink's allocationSize. */
    static final int ID_BLOCK = SetWiseRows.ID_BLOCK;

    private static final String SEPARATOR = "'" + RosterChangeRows.SEPARATOR + "'";
    private static final String NONE = "'" + RosterChangeRows.NULL + "'";
    /** The range's rows (parameters run, from, to). */
    private static final String ROWS = " FROM import_change x WHERE x.run_id = ? AND x.seq BETWEEN ? AND ?"
            + " AND x.kind = '" + RosterChangeRows.ENROLLMENT + "'";

    private EnrollmentWrites() {
    }

    /**
     * Applies the enrollment rows with seq numbers {@code fromSeq} to {@code toSeq} (updates, creates, then
     * deactivations, as the writer's order has them) and records the deactivations for the undo.
     *
     * @return the schools touched: a stored enrollment's class's and student's before the change, the new ones after
     */
    static Set<Long> apply(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        refuseEndBeforeBegin(c, runId, fromSeq, toSeq);
        Set<Long> schools = touchedSchools(c, runId, fromSeq, toSeq);
        update(c, runId, fromSeq, toSeq);
        create(c, runId, fromSeq, toSeq);
        deactivate(c, runId, fromSeq, toSeq, now);
        return schools;
    }

    /** The range's rows of {@code op} with their payload's fields: seq, ref, class_ref, student_ref, begin_date, end_date. */
    private static String parsed(String op) {
        return "SELECT z.seq, z.ref, z.class_ref, z.student_ref,"
                + " CAST(NULLIF(SUBSTRING(z.rest FROM 1 FOR POSITION(" + SEPARATOR + " IN z.rest) - 1), " + NONE + ") AS DATE) AS begin_date,"
                + " CAST(NULLIF(SUBSTRING(z.rest FROM POSITION(" + SEPARATOR + " IN z.rest) + 1), " + NONE + ") AS DATE) AS end_date"
                + " FROM (SELECT y.seq, y.ref, y.class_ref,"
                + " SUBSTRING(y.rest FROM 1 FOR POSITION(" + SEPARATOR + " IN y.rest) - 1) AS student_ref,"
                + " SUBSTRING(y.rest FROM POSITION(" + SEPARATOR + " IN y.rest) + 1) AS rest"
                + " FROM (SELECT x.seq, x.ref, SUBSTRING(x.payload FROM 1 FOR POSITION(" + SEPARATOR + " IN x.payload) - 1) AS class_ref,"
                + " SUBSTRING(x.payload FROM POSITION(" + SEPARATOR + " IN x.payload) + 1) AS rest"
                + ROWS + " AND x.op " + op + ") y) z";
    }

    /**
     * A create, or an update of a stored enrollment, that ends before it begins fails the range, as the entity refuses
     * it ({@code Enrollment}): nothing of the range is written.
     */
    private static void refuseEndBeforeBegin(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT p.begin_date, p.end_date FROM ("
                + parsed("= '" + RosterChangeRows.CREATE + "'") + ") p WHERE p.end_date < p.begin_date"
                + " UNION ALL SELECT p.begin_date, p.end_date FROM (" + parsed("= '" + RosterChangeRows.UPDATE + "'") + ") p"
                + " JOIN enrollment e ON e.sourced_id = p.ref WHERE p.end_date < p.begin_date FETCH FIRST 1 ROWS ONLY")) {
            RosterChangeLog.bindRange(select, 1, runId, fromSeq, toSeq);
            RosterChangeLog.bindRange(select, 4, runId, fromSeq, toSeq);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalArgumentException("An enrollment cannot end (" + rs.getObject(2, LocalDate.class)
                            + ") before it begins (" + rs.getObject(1, LocalDate.class) + ")");
                }
            }
        }
    }

    private static Set<Long> touchedSchools(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        String writes = parsed("IN ('" + RosterChangeRows.CREATE + "', '" + RosterChangeRows.UPDATE + "')");
        String stored = "SELECT x.ref" + ROWS + " AND x.op IN ('" + RosterChangeRows.UPDATE + "', '"
                + RosterChangeRows.DEACTIVATE + "')";
        return SetWiseRows.ids(c, "SELECT c.school_id FROM (" + writes + ") p JOIN school_class c ON c.sourced_id = p.class_ref"
                        + " UNION SELECT t.school_id FROM (" + writes + ") p JOIN student t ON t.sourced_id = p.student_ref"
                        + " UNION SELECT c.school_id FROM enrollment e JOIN school_class c ON c.id = e.class_id"
                        + " WHERE e.sourced_id IN (" + stored + ")"
                        + " UNION SELECT t.school_id FROM enrollment e JOIN student t ON t.id = e.student_id"
                        + " WHERE e.sourced_id IN (" + stored + ")", 4, runId, fromSeq, toSeq);
    }

    /**
     * The stored enrollments take the rows' class, student and dates and are active; a class or student not found
     * leaves a NULL that the NOT NULL column refuses, as the entity refuses it.
     */
    private static void update(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO enrollment e USING (SELECT p.ref,"
                + " c.id AS class_id, t.id AS student_id, p.begin_date, p.end_date FROM ("
                + parsed("= '" + RosterChangeRows.UPDATE + "'") + ") p"
                + " LEFT JOIN school_class c ON c.sourced_id = p.class_ref LEFT JOIN student t ON t.sourced_id = p.student_ref) n"
                + " ON (e.sourced_id = n.ref) WHEN MATCHED THEN UPDATE SET class_id = n.class_id, student_id = n.student_id,"
                + " begin_date = n.begin_date, end_date = n.end_date, active = TRUE, deactivated_at = NULL,"
                + " version = e.version + 1")) {
            RosterChangeLog.bindRange(merge, 1, runId, fromSeq, toSeq);
            merge.executeUpdate();
        }
    }

    /** New enrollments, numbered in seq order onto ids from {@code enrollment_seq} ({@link SetWiseRows#withIds}). */
    private static void create(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        long count = SetWiseRows.count(c, RosterChangeRows.ENROLLMENT, RosterChangeRows.CREATE, runId, fromSeq, toSeq);
        SetWiseRows.insertNumbered(c, "enrollment_seq", count, "INSERT INTO enrollment (id, sourced_id, class_id, student_id,"
                + " begin_date, end_date, active, version) SELECT ? + n.r, n.ref, c.id, t.id, n.begin_date, n.end_date, TRUE, 1"
                + " FROM (SELECT p.seq, p.ref, p.class_ref, p.student_ref, p.begin_date, p.end_date,"
                + " ROW_NUMBER() OVER (ORDER BY p.seq) - 1 AS r FROM (" + parsed("= '" + RosterChangeRows.CREATE + "'") + ") p) n"
                + " LEFT JOIN school_class c ON c.sourced_id = n.class_ref LEFT JOIN student t ON t.sourced_id = n.student_ref"
                + " WHERE n.r BETWEEN ? AND ?",
                null, runId, fromSeq, toSeq);
    }

    /** Deactivates the active ones; every row is recorded for the undo, as the writer records its set. */
    private static void deactivate(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        String deactivations = ROWS + " AND x.op = '" + RosterChangeRows.DEACTIVATE + "'";
        try (PreparedStatement update = c.prepareStatement("UPDATE enrollment SET active = FALSE, deactivated_at = ?,"
                + " version = version + 1 WHERE active = TRUE AND sourced_id IN (SELECT x.ref" + deactivations + ")")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            RosterChangeLog.bindRange(update, 2, runId, fromSeq, toSeq);
            update.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO import_run_deactivation (run_id, kind, record_id)"
                + " SELECT x.run_id, '" + RosterChangeRows.ENROLLMENT + "', x.ref" + deactivations)) {
            RosterChangeLog.bindRange(insert, 1, runId, fromSeq, toSeq);
            insert.executeUpdate();
        }
    }
}
