package org.district.socialmedia.students.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.district.socialmedia.students.control.StagedUserRules.ABSENT;
import static org.district.socialmedia.students.control.StagedUserRules.CHANGE;
import static org.district.socialmedia.students.control.StagedUserRules.USER;

/**
 * The staged users' changes into the write's plan ({@link StagedUsers} decided them): {@code import_change} rows by
 * {@code INSERT ... SELECT}, numbered from the seq number {@link ImportRuns#planWrite} left free for them. Plain JDBC on
 * the caller's connection, which gives each call its transaction.
 */
final class StagedUserChanges {

    private StagedUserChanges() {
    }

    /**
     * Stores the import_change rows of the staged lines {@code from} to {@code to} of {@code kind} (S or G) that the
     * comparison marked {@code changeOp} (C, U or D), numbered from {@code firstSeq} in line order; how many.
     */
    static int storeChanges(Connection c, long runId, String kind, String changeOp, long firstSeq, int from, int to)
            throws SQLException {
        try (PreparedStatement insert = StagedUsers.prepare(c, runId, "INSERT INTO import_change (run_id, seq, kind, op, ref, payload)"
                + " SELECT d.run_id, ? + ROW_NUMBER() OVER (ORDER BY d.line_no) - 1, ?, ?, s.sourced_id, "
                + (changeOp.equals("D") ? "NULL" : "s.payload") + " FROM " + CHANGE + " d JOIN " + USER
                + " s ON s.run_id = d.run_id AND s.line_no = d.line_no WHERE d.run_id = ? AND d.line_no BETWEEN ? AND ?"
                + " AND d.op = ? AND s.kind = ?")) {
            insert.setLong(1, firstSeq);
            insert.setString(2, changeKind(kind));
            insert.setString(3, changeOp(changeOp));
            insert.setLong(4, runId);
            insert.setInt(5, from);
            insert.setInt(6, to);
            insert.setString(7, changeOp);
            insert.setString(8, kind);
            return insert.executeUpdate();
        }
    }

    /** Stores the deactivations of absent students (S) or guardians (G) with ids {@code from} to {@code to}, from {@code firstSeq}. */
    static int storeAbsent(Connection c, long runId, String kind, long firstSeq, long from, long to) throws SQLException {
        try (PreparedStatement insert = StagedUsers.prepare(c, runId, "INSERT INTO import_change (run_id, seq, kind, op, ref, payload)"
                + " SELECT a.run_id, ? + ROW_NUMBER() OVER (ORDER BY a.record_id) - 1, ?, ?, a.sourced_id, NULL"
                + " FROM " + ABSENT + " a WHERE a.run_id = ? AND a.kind = ? AND a.record_id BETWEEN ? AND ?")) {
            insert.setLong(1, firstSeq);
            insert.setString(2, changeKind(kind));
            insert.setString(3, RosterChangeRows.DEACTIVATE);
            insert.setLong(4, runId);
            insert.setString(5, kind);
            insert.setLong(6, from);
            insert.setLong(7, to);
            return insert.executeUpdate();
        }
    }

    /**
     * Stores a LINK SET row for each student whose guardians change, with the complete new set, numbered from
     * {@code firstSeq}; how many. A student's guardians are few: each is grouped here as the ordered rows come.
     */
    static int storeLinks(Connection c, long runId, long firstSeq) throws SQLException {
        int stored = 0;
        try (PreparedStatement select = StagedUsers.prepare(c, runId, StagedUserRules.AFTER);
             PreparedStatement insert = c.prepareStatement("INSERT INTO import_change (run_id, seq, kind, op, ref, payload)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            select.setLong(1, runId);
            select.setLong(2, runId);
            select.setLong(3, runId);
            select.setLong(4, runId);
            select.setLong(5, runId);
            select.setFetchSize(EnrollmentStage.BATCH);
            try (ResultSet rs = select.executeQuery()) {
                String student = null;
                List<String> guardians = new ArrayList<>();
                while (rs.next()) {
                    if (!rs.getString(1).equals(student)) {
                        if (student != null) {
                            addLink(insert, runId, firstSeq + stored++, student, guardians);
                        }
                        student = rs.getString(1);
                        guardians = new ArrayList<>();
                    }
                    if (rs.getString(2) != null) {
                        guardians.add(rs.getString(2));
                    }
                    if (stored > 0 && stored % EnrollmentStage.BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                if (student != null) {
                    addLink(insert, runId, firstSeq + stored++, student, guardians);
                }
            }
            insert.executeBatch();
        }
        return stored;
    }

    private static void addLink(PreparedStatement insert, long runId, long seq, String student, List<String> guardians)
            throws SQLException {
        insert.setLong(1, runId);
        insert.setLong(2, seq);
        insert.setString(3, RosterChangeRows.LINK);
        insert.setString(4, RosterChangeRows.SET);
        insert.setString(5, student);
        insert.setString(6, guardians.isEmpty() ? null : RosterChangeRows.join(guardians.stream().sorted().toArray(String[]::new)));
        insert.addBatch();
    }

    private static String changeKind(String kind) {
        return kind.equals(UserStage.STUDENT) ? RosterChangeRows.STUDENT : RosterChangeRows.GUARDIAN;
    }

    private static String changeOp(String op) {
        return switch (op) {
            case "C" -> RosterChangeRows.CREATE;
            case "U" -> RosterChangeRows.UPDATE;
            default -> RosterChangeRows.DEACTIVATE;
        };
    }
}
