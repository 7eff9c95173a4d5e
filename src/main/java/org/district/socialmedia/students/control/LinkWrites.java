package org.district.socialmedia.students.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * A range of a run's {@code import_change} rows of kind LINK written set-wise, in SQL that H2 (MODE=LEGACY) and
 * PostgreSQL both run: what {@link RosterWriter} does to the same rows through entities, a few statements instead of
 * a student and its guardians each. A row's payload is the student's complete new set of imported guardians
 * (sourcedIds, sorted, {@link RosterChangeRows#SEPARATOR} between them; none: no payload): links to imported
 * guardians not in it are removed (those entered by hand stay), those in it and missing are made, and each student
 * whose set changes takes a new version, as EclipseLink gives it for a change of its guardians. A student not stored
 * is passed over; a guardian not stored fails the range, as the entities fail the chunk. No school is told: no count
 * kept of the roster depends on guardians ({@link TouchedSchools}). Plain JDBC on the caller's connection, in the
 * caller's transaction. Every statement starts from the range's rows and reaches students, links and guardians by key
 * (on PostgreSQL with hash joins off, {@link StagingConnection#byIndex}): a range costs its rows and their links, not
 * the stored links, which grow as the write goes.
 */
final class LinkWrites {

    private static final String SEPARATOR = "'" + RosterChangeRows.SEPARATOR + "'";
    /** The range's rows (parameters run, from, to). */
    private static final String ROWS = " FROM import_change x WHERE x.run_id = ? AND x.seq BETWEEN ? AND ?"
            + " AND x.kind = '" + RosterChangeRows.LINK + "'";
    /** How many guardians a row's payload names, at most (parameters run, from, to). */
    private static final String MOST = "SELECT MAX(LENGTH(x.payload) - LENGTH(REPLACE(x.payload, " + SEPARATOR + ", '')) + 1)" + ROWS;

    /**
     * The range's wanted links, (ref, guardian_ref) a row (parameters run, from, to): the k-th guardian of each payload,
     * for k from 1 to {@code most} ({@link #MOST}) up to the payload's count. Not a recursive query: H2 2.2 runs one
     * joined to other tables without end.
     */
    private static String wanted(int most) {
        StringBuilder numbers = new StringBuilder("(VALUES (1)");
        for (int k = 2; k <= most; k++) {
            numbers.append(", (").append(k).append(')');
        }
        numbers.append(") n (k)");
        return "(SELECT x.ref, REGEXP_SUBSTR(x.payload, '[^" + RosterChangeRows.SEPARATOR + "]+', 1, n.k) AS guardian_ref"
                + ROWS.replace(" WHERE ", " JOIN " + numbers + " ON n.k <= LENGTH(x.payload) - LENGTH(REPLACE(x.payload, "
                + SEPARATOR + ", '')) + 1 WHERE ") + " AND x.payload IS NOT NULL)";
    }

    /** The range's stored students, with their row's payload, as {@code r} (parameters run, from, to). */
    private static final String STUDENTS = "(SELECT t.id AS student_id, x.payload" + ROWS.replace(" WHERE ",
            " JOIN student t ON t.sourced_id = x.ref WHERE ") + ") r";
    /** Of a stored link to guardian {@code g} of student {@code r}: the guardian is imported and not in the new set. */
    private static final String UNWANTED = "g.sourced_id IS NOT NULL AND POSITION(" + SEPARATOR + " || g.sourced_id || "
            + SEPARATOR + " IN " + SEPARATOR + " || COALESCE(r.payload, '') || " + SEPARATOR + ") = 0";
    /** The students who lose a link (parameters run, from, to). */
    private static final String LOSING = "SELECT r.student_id FROM " + STUDENTS
            + " JOIN student_guardian sg ON sg.student_id = r.student_id JOIN guardian g ON g.id = sg.guardian_id WHERE " + UNWANTED;

    /** The links to make: in the student's new set, not stored (parameters run, from, to). */
    private static String added(int most) {
        return "SELECT DISTINCT t.id AS student_id, g.id AS guardian_id FROM " + wanted(most) + " w"
                + " JOIN student t ON t.sourced_id = w.ref JOIN guardian g ON g.sourced_id = w.guardian_ref"
                + " WHERE NOT EXISTS (SELECT 1 FROM student_guardian sg WHERE sg.student_id = t.id AND sg.guardian_id = g.id)";
    }

    private LinkWrites() {
    }

    /**
     * Gives each stored student of the LINK rows with seq numbers {@code fromSeq} to {@code toSeq} exactly its new
     * set of imported guardians.
     *
     * @return the schools touched: none
     * @throws IllegalStateException when a row names a guardian not stored, or the range names a student twice
     */
    static Set<Long> apply(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        return StagingConnection.byIndex(c, on -> write(on, runId, fromSeq, toSeq));
    }

    private static Set<Long> write(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        int most = most(c, runId, fromSeq, toSeq);
        check(c, runId, fromSeq, toSeq, most);
        // before the links change: which students' sets do. A MERGE from them, not an UPDATE ... WHERE id IN (...):
        // H2 runs the IN's query once per student of the District
        execute(c, "MERGE INTO student t USING (" + LOSING + " UNION SELECT a.student_id FROM (" + added(most) + ") a) v"
                + " ON (t.id = v.student_id) WHEN MATCHED THEN UPDATE SET version = t.version + 1", 2, runId, fromSeq, toSeq);
        // the range's students' links, each looked up by its student: student_guardian appears once. Joined to
        // itself (the stored links to remove as the source, the table as the target) PostgreSQL estimated the pair
        // at 2 rows however fresh its statistics, and read the range's 10,000 rows for each stored link
        execute(c, "MERGE INTO student_guardian sg USING " + STUDENTS + " ON (sg.student_id = r.student_id)"
                + " WHEN MATCHED AND EXISTS (SELECT 1 FROM guardian g WHERE g.id = sg.guardian_id AND " + UNWANTED + ")"
                + " THEN DELETE", 1, runId, fromSeq, toSeq);
        execute(c, "INSERT INTO student_guardian (student_id, guardian_id) " + added(most), 1, runId, fromSeq, toSeq);
        return Set.of();
    }

    /**
     * The plan makes one row a student (a map's key, or a group of the staged links); the entities would link a stored
     * student to a guardian not stored to nothing and fail (a NullPointerException), so the range fails before writing.
     */
    private static void check(Connection c, long runId, long fromSeq, long toSeq, int most) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) - COUNT(DISTINCT x.ref)" + ROWS)) {
            RosterChangeLog.bindRange(select, 1, runId, fromSeq, toSeq);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("Import run " + runId + ": its LINK rows " + fromSeq + " to " + toSeq
                            + " name a student more than once");
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT w.ref, w.guardian_ref FROM " + wanted(most) + " w"
                + " JOIN student t ON t.sourced_id = w.ref"
                + " WHERE NOT EXISTS (SELECT 1 FROM guardian g WHERE g.sourced_id = w.guardian_ref) FETCH FIRST 1 ROWS ONLY")) {
            RosterChangeLog.bindRange(select, 1, runId, fromSeq, toSeq);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalStateException("Import run " + runId + ": student '" + rs.getString(1)
                            + "' is to be linked to guardian '" + rs.getString(2) + "', who is not stored");
                }
            }
        }
    }

    private static int most(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(MOST)) {
            RosterChangeLog.bindRange(select, 1, runId, fromSeq, toSeq);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return Math.max(1, rs.getInt(1));
            }
        }
    }

    /** Runs a statement whose range parameters come {@code ranges} times. */
    private static void execute(Connection c, String sql, int ranges, long runId, long fromSeq, long toSeq)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < ranges; i++) {
                RosterChangeLog.bindRange(statement, 3 * i + 1, runId, fromSeq, toSeq);
            }
            statement.executeUpdate();
        }
    }
}
