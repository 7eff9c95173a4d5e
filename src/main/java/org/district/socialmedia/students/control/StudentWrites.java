package org.district.socialmedia.students.control;

import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.entity.Student;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

import static org.district.socialmedia.students.control.RosterChangeRows.CREATE;
import static org.district.socialmedia.students.control.RosterChangeRows.DEACTIVATE;
import static org.district.socialmedia.students.control.RosterChangeRows.STUDENT;
import static org.district.socialmedia.students.control.RosterChangeRows.UPDATE;

/**
 * A range of a run's {@code import_change} rows of kind STUDENT written set-wise, in SQL that H2 (MODE=LEGACY) and
 * PostgreSQL both run: what {@link RosterWriter} does to the same rows through entities. Updates (a reactivation
 * included) are one MERGE of the students whose values change (the others keep their version, as EclipseLink leaves
 * an unchanged entity), creates an {@code INSERT ... SELECT} with ids from {@code student_seq}, deactivations an UPDATE
 * of the active ones and their record for the undo. The payload ({@link RosterChangeRows#student}: District id, given
 * name, family name, school code, grade) is split in SQL. A row the entity would refuse fails the range before
 * anything is written. Plain JDBC on the caller's connection, in the caller's transaction.
 */
final class StudentWrites {

    private static final String[] FIELDS = {"district_id", "given_name", "family_name", "school_code", "grade"};
    private static final String CREATES = SetWiseRows.fields(STUDENT, CREATE, FIELDS);
    /** The updates of stored students, with the stored row as {@code t} and the new school as {@code u} (if found). */
    private static final String STORED_UPDATES = "(" + SetWiseRows.fields(STUDENT, UPDATE, FIELDS) + ") p"
            + " JOIN student t ON t.sourced_id = p.ref LEFT JOIN org_unit u ON u.code = p.school_code";
    /** What the entity refuses ({@code Student}'s rules), of a row {@code p} whose school is {@code u}. */
    private static final String REFUSED = "(p.district_id IS NULL OR LENGTH(p.district_id) > " + Student.DISTRICT_ID_MAX
            + " OR p.given_name IS NULL OR LENGTH(p.given_name) > " + Student.NAME_MAX
            + " OR p.family_name IS NULL OR LENGTH(p.family_name) > " + Student.NAME_MAX
            + " OR LENGTH(p.grade) > " + Student.GRADE_MAX + " OR u.id IS NULL)";

    private StudentWrites() {
    }

    /**
     * Applies the student rows with seq numbers {@code fromSeq} to {@code toSeq} (updates, creates, then
     * deactivations, as the writer's order has them) and records the deactivations for the undo.
     *
     * @return the schools touched: a stored student's before the change, the new one after
     * @throws InvalidInputException what the entity says of the first row it would refuse
     * @throws IllegalStateException when a District id would be two students'
     */
    static Set<Long> apply(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        refuse(c, runId, fromSeq, toSeq, now);
        refuseTakenDistrictIds(c, runId, fromSeq, toSeq);
        Set<Long> schools = touchedSchools(c, runId, fromSeq, toSeq);
        update(c, runId, fromSeq, toSeq);
        create(c, runId, fromSeq, toSeq, now);
        deactivate(c, runId, fromSeq, toSeq, now);
        return schools;
    }

    /**
     * The first row, in seq order, that the entity would refuse (an update of a stored student, or a create) fails the
     * range with the entity's own refusal: a student built from the row, never stored, says what is wrong.
     */
    private static void refuse(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT v.ref, v.district_id, v.given_name, v.family_name,"
                + " v.school_code, v.grade, v.school_id FROM (SELECT p.seq, p.ref, p.district_id, p.given_name, p.family_name,"
                + " p.school_code, p.grade, u.id AS school_id FROM " + STORED_UPDATES + " WHERE " + REFUSED
                + " UNION ALL SELECT p.seq, p.ref, p.district_id, p.given_name, p.family_name, p.school_code, p.grade, u.id"
                + " FROM (" + CREATES + ") p LEFT JOIN org_unit u ON u.code = p.school_code WHERE " + REFUSED + ") v"
                + " ORDER BY v.seq FETCH FIRST 1 ROWS ONLY")) {
            RosterChangeLog.bindRange(select, 1, runId, fromSeq, toSeq);
            RosterChangeLog.bindRange(select, 4, runId, fromSeq, toSeq);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    rs.getLong(7);
                    OrgUnit school = rs.wasNull() ? null : new OrgUnit(rs.getString(5), rs.getString(5), OrgUnit.Kind.SCHOOL);
                    new Student(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), school, rs.getString(6), now);
                    throw new IllegalArgumentException("Student '" + rs.getString(1) + "' cannot be written");
                }
            }
        }
    }

    /**
     * District ids are unique: a District id the range gives a student that another student holds (one the range does not
     * update, or entered by hand), or gives two students, fails the range before anything is written. The plan skips
     * such rows; the entities would fail on the unique constraint.
     */
    private static void refuseTakenDistrictIds(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        String given = "SELECT p.ref, p.district_id FROM " + STORED_UPDATES + " UNION ALL SELECT p.ref, p.district_id FROM ("
                + CREATES + ") p";
        try (PreparedStatement select = c.prepareStatement("SELECT n.ref, n.district_id, o.sourced_id FROM (" + given + ") n"
                + " JOIN student o ON o.district_id = n.district_id WHERE (o.sourced_id IS NULL OR o.sourced_id <> n.ref)"
                + " AND NOT EXISTS (SELECT 1" + SetWiseRows.rows(STUDENT) + " AND x.op = '" + UPDATE + "' AND x.ref = o.sourced_id)"
                + " UNION ALL SELECT MIN(n.ref), n.district_id, MAX(n.ref) FROM (" + given + ") n GROUP BY n.district_id"
                + " HAVING COUNT(*) > 1 FETCH FIRST 1 ROWS ONLY")) {
            for (int i = 0; i < 5; i++) {
                RosterChangeLog.bindRange(select, 3 * i + 1, runId, fromSeq, toSeq);
            }
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalStateException("Import run " + runId + ": student '" + rs.getString(1)
                            + "' is to take the District id '" + rs.getString(2) + "', which is that of "
                            + (rs.getString(3) == null ? "a student entered by hand" : "student '" + rs.getString(3) + "'"));
                }
            }
        }
    }

    /** As the entities tell them: a stored student's school before and after an update, a new student's, a deactivated one's. */
    private static Set<Long> touchedSchools(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        return SetWiseRows.ids(c, "SELECT t.school_id FROM " + STORED_UPDATES
                + " UNION SELECT u.id FROM " + STORED_UPDATES
                + " UNION SELECT u.id FROM (" + CREATES + ") p JOIN org_unit u ON u.code = p.school_code"
                + " UNION SELECT t.school_id FROM student t WHERE t.sourced_id IN (SELECT x.ref" + SetWiseRows.rows(STUDENT)
                + " AND x.op = '" + DEACTIVATE + "')", 4, runId, fromSeq, toSeq);
    }

    /** The stored students whose values change, or who are inactive, take the row's values, are active, and a new version. */
    private static void update(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO student s USING (SELECT t.id, p.district_id,"
                + " p.given_name, p.family_name, u.id AS school_id, p.grade FROM " + STORED_UPDATES
                + " WHERE t.active = FALSE OR t.deactivated_at IS NOT NULL OR t.district_id <> p.district_id"
                + " OR t.given_name <> p.given_name OR t.family_name <> p.family_name OR t.school_id <> u.id"
                + " OR t.grade IS DISTINCT FROM p.grade) n ON (s.id = n.id) WHEN MATCHED THEN UPDATE SET"
                + " district_id = n.district_id, given_name = n.given_name, family_name = n.family_name,"
                + " school_id = n.school_id, grade = n.grade, active = TRUE, deactivated_at = NULL, version = s.version + 1")) {
            RosterChangeLog.bindRange(merge, 1, runId, fromSeq, toSeq);
            merge.executeUpdate();
        }
    }

    /** New students, numbered in seq order onto ids from {@code student_seq}, version 1 as EclipseLink persists them. */
    private static void create(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        long count = SetWiseRows.count(c, STUDENT, CREATE, runId, fromSeq, toSeq);
        SetWiseRows.insertNumbered(c, "student_seq", count, "INSERT INTO student (id, sourced_id, district_id, given_name,"
                + " family_name, school_id, grade, active, created_at, version)"
                + " SELECT ? + n.r, n.ref, n.district_id, n.given_name, n.family_name, u.id, n.grade, TRUE, ?, 1"
                + " FROM (SELECT p.*, ROW_NUMBER() OVER (ORDER BY p.seq) - 1 AS r FROM (" + CREATES + ") p) n"
                + " JOIN org_unit u ON u.code = n.school_code WHERE n.r BETWEEN ? AND ?",
                now, runId, fromSeq, toSeq);
    }

    /** Deactivates the active ones; every row is recorded for the undo, as the writer records its set. */
    static void deactivate(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        deactivate(c, "student", STUDENT, runId, fromSeq, toSeq, now);
    }

    /** Deactivates the active records of {@code table} the range's DEACTIVATE rows of {@code kind} name, and records them all. */
    static void deactivate(Connection c, String table, String kind, long runId, long fromSeq, long toSeq, Instant now)
            throws SQLException {
        String deactivations = SetWiseRows.rows(kind) + " AND x.op = '" + DEACTIVATE + "'";
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET active = FALSE, deactivated_at = ?,"
                + " version = version + 1 WHERE active = TRUE AND sourced_id IN (SELECT x.ref" + deactivations + ")")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            RosterChangeLog.bindRange(update, 2, runId, fromSeq, toSeq);
            update.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO import_run_deactivation (run_id, kind, record_id)"
                + " SELECT x.run_id, '" + kind + "', x.ref" + deactivations)) {
            RosterChangeLog.bindRange(insert, 1, runId, fromSeq, toSeq);
            insert.executeUpdate();
        }
    }
}
