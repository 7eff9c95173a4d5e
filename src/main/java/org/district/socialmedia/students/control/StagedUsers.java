package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.UserStage.Staged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.district.socialmedia.students.control.StagedUserRules.ABSENT;
import static org.district.socialmedia.students.control.StagedUserRules.AGENT;
import static org.district.socialmedia.students.control.StagedUserRules.CHANGE;
import static org.district.socialmedia.students.control.StagedUserRules.CONCERN;
import static org.district.socialmedia.students.control.StagedUserRules.DECISION;
import static org.district.socialmedia.students.control.StagedUserRules.LINK;
import static org.district.socialmedia.students.control.StagedUserRules.PROBLEM;
import static org.district.socialmedia.students.control.StagedUserRules.USER;

/**
 * users.csv's students, guardians and their links staged for a run ({@link UserStage}) and compared set-wise with the
 * stored ones by {@link StagedUserRules}, as {@link StagedEnrollments} does for enrollments.csv: each run has tables of
 * its own ({@code roster_stage_user_<run id>} and {@code _user_agent_}, {@code _user_decision_}, {@code _user_change_},
 * {@code _user_problem_}, {@code _user_link_}, {@code _user_concern_}, {@code _user_absent_}), made when its reading
 * starts and dropped once used. A line's decision goes into a narrow table: R (refused by the rows' rules, with its
 * reason) into the decision table; C, U, D or N (a new guardian linked to no student: not stored, with its reason)
 * into the change table, which its statement fills while reading the decision table (a statement that read the
 * table it fills was quadratic on PostgreSQL). The agents' problems go into the problem table.
 * Plain JDBC on the caller's connection, which gives each call its transaction.
 */
public final class StagedUsers {

    /** The comparison's outcome in counts; {@code problems} and {@code rejectedRows} are users.csv's rows' only. */
    public record Figures(ImportReport.Counts students, ImportReport.Counts guardians, int links, int problems,
                          int rejectedRows) {

        /** The update and create rows the plan stores for them (guardians' then students'). */
        public long writes() {
            return guardians.created() + guardians.updated() + students.created() + students.updated();
        }

        /** The deactivation rows the plan stores for them (students' then guardians'). */
        public long deactivations() {
            return students.deactivated() + guardians.deactivated();
        }
    }

    private StagedUsers() {
    }

    /** The run's staging tables, new and empty (what an earlier staging of the run left is dropped first). */
    static void create(Connection c, long runId) throws SQLException {
        drop(c, runId);
        for (String ddl : List.of(
                "CREATE TABLE " + USER + " (run_id BIGINT NOT NULL, line_no INTEGER NOT NULL, sourced_id VARCHAR(255),"
                        + " kind CHAR(1), state CHAR(1) NOT NULL, deleted BOOLEAN NOT NULL, district_id VARCHAR(255),"
                        + " given_name VARCHAR(4000), family_name VARCHAR(4000), org_ids VARCHAR(20000),"
                        + " school_code VARCHAR(255), grade VARCHAR(255), email VARCHAR(4000), phone VARCHAR(4000),"
                        + " role VARCHAR(20), payload VARCHAR(20000), reason VARCHAR(20000), PRIMARY KEY (run_id, line_no))",
                // the duplicates' check, the links' and a bulk file's absence check (which sourcedIds the file names)
                "CREATE INDEX " + USER + "_id ON " + USER + " (run_id, sourced_id, line_no)",
                "CREATE INDEX " + USER + "_district ON " + USER + " (run_id, district_id, line_no)",
                "CREATE TABLE " + AGENT + " (run_id BIGINT NOT NULL, line_no INTEGER NOT NULL, agent_no INTEGER NOT NULL,"
                        + " agent_sourced_id VARCHAR(255), agent_text VARCHAR(20000), PRIMARY KEY (run_id, line_no, agent_no))",
                "CREATE TABLE " + DECISION + " (run_id BIGINT NOT NULL, line_no INTEGER NOT NULL, op CHAR(1) NOT NULL,"
                        + " reason VARCHAR(20000), PRIMARY KEY (run_id, line_no))",
                "CREATE TABLE " + CHANGE + " (run_id BIGINT NOT NULL, line_no INTEGER NOT NULL, op CHAR(1) NOT NULL,"
                        + " reason VARCHAR(20000), PRIMARY KEY (run_id, line_no))",
                "CREATE TABLE " + PROBLEM + " (run_id BIGINT NOT NULL, line_no INTEGER NOT NULL, pos INTEGER NOT NULL,"
                        + " reason VARCHAR(20000) NOT NULL, PRIMARY KEY (run_id, line_no, pos))",
                "CREATE TABLE " + LINK + " (run_id BIGINT NOT NULL, student_sourced_id VARCHAR(255) NOT NULL,"
                        + " guardian_sourced_id VARCHAR(255) NOT NULL, PRIMARY KEY (run_id, student_sourced_id, guardian_sourced_id))",
                "CREATE INDEX " + LINK + "_guardian ON " + LINK + " (run_id, guardian_sourced_id)",
                "CREATE TABLE " + CONCERN + " (run_id BIGINT NOT NULL, student_sourced_id VARCHAR(255) NOT NULL,"
                        + " changed BOOLEAN NOT NULL, PRIMARY KEY (run_id, student_sourced_id))",
                "CREATE TABLE " + ABSENT + " (run_id BIGINT NOT NULL, kind CHAR(1) NOT NULL, record_id BIGINT NOT NULL,"
                        + " sourced_id VARCHAR(255) NOT NULL, PRIMARY KEY (run_id, kind, record_id))")) {
            execute(c, runId, ddl);
        }
    }

    /** The run's staging tables are gone, with all they held. */
    static void drop(Connection c, long runId) throws SQLException {
        for (String table : StagedUserRules.TABLES) {
            execute(c, runId, "DROP TABLE IF EXISTS " + table);
        }
    }

    /** The planner's statistics of the run's tables, as they are filled now ({@link StagingConnection#analyze}). */
    static void analyze(Connection c, long runId) throws SQLException {
        StagingConnection.analyze(c, StagedUserRules.TABLES.stream().map(t -> table(t, runId)).toList());
    }

    /** Whether the run has staging tables for its users. */
    static boolean exists(Connection c, long runId) throws SQLException {
        String name = table(USER, runId);
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, candidate, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static void insert(Connection c, long runId, List<Staged> rows) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, "INSERT INTO " + USER + " (run_id, line_no, sourced_id, kind, state,"
                + " deleted, district_id, given_name, family_name, org_ids, school_code, grade, email, phone, role, payload,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement agents = prepare(c, runId, "INSERT INTO " + AGENT + " (run_id, line_no, agent_no,"
                     + " agent_sourced_id, agent_text) VALUES (?, ?, ?, ?, ?)")) {
            for (Staged row : rows) {
                insert.setLong(1, runId);
                insert.setInt(2, row.line());
                insert.setString(3, row.sourcedId());
                insert.setString(4, row.kind());
                insert.setString(5, row.state());
                insert.setBoolean(6, row.deleted());
                insert.setString(7, row.districtId());
                insert.setString(8, row.givenName());
                insert.setString(9, row.familyName());
                insert.setString(10, row.orgIds());
                insert.setString(11, row.schoolCode());
                insert.setString(12, row.grade());
                insert.setString(13, row.email());
                insert.setString(14, row.phone());
                insert.setString(15, row.role());
                insert.setString(16, row.payload());
                insert.setString(17, row.reason());
                insert.addBatch();
                for (int i = 0; i < row.agents().size(); i++) {
                    String agent = row.agents().get(i);
                    agents.setLong(1, runId);
                    agents.setInt(2, row.line());
                    agents.setInt(3, i + 1);
                    agents.setString(4, UserStage.named(agent));
                    agents.setString(5, agent);
                    agents.addBatch();
                }
            }
            insert.executeBatch();
            agents.executeBatch();
        }
    }

    /** The highest line staged for the run, 0 when none is. */
    static int maxLine(Connection c, long runId) throws SQLException {
        return (int) single(c, runId, "SELECT COALESCE(MAX(line_no), 0) FROM " + USER + " WHERE run_id = ?");
    }

    /** The rows' rules (duplicates, refused rows, schools, District ids) over the lines {@code from} to {@code to}. */
    static void compareRows(Connection c, long runId, int from, int to) throws SQLException {
        StagingConnection.withoutJit(c);
        update(c, runId, StagedUserRules.ROWS, from, to);
    }

    /**
     * The links' statement {@code index} ({@link StagedUserRules#LINKS}: the links, their problems, the new guardians
     * linked to no student, the students whose links change) over the lines {@code from} to {@code to}, or over the
     * whole run when it is not one of the rows' ({@link #linksByLines(int)}); each once every line's rows' rules and
     * the statements before it are done.
     */
    static void compareLinks(Connection c, long runId, int index, int from, int to) throws SQLException {
        String statement = StagedUserRules.LINKS.get(index);
        if (linksByLines(index)) {
            update(c, runId, statement, from, to);
        } else {
            update(c, runId, statement);
        }
    }

    static boolean linksByLines(int index) {
        return StagedUserRules.LINKS_BY_LINES.contains(StagedUserRules.LINKS.get(index));
    }

    /**
     * Created, updated and deactivated, and the new guardians linked to no student, over the lines {@code from} to
     * {@code to}: once the links are compared.
     */
    static void compareChanges(Connection c, long runId, int from, int to) throws SQLException {
        StagingConnection.withoutJit(c);
        update(c, runId, StagedUserRules.CHANGES, from, to);
    }

    /** The lowest and highest id of the table ({@code student} or {@code guardian}), or null when it is empty. */
    static long[] ids(Connection c, String table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MIN(id), MAX(id) FROM " + table);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? null : new long[]{min, rs.getLong(2)};
        }
    }

    /** A bulk file's absence check over the stored students ({@code kind} S) or guardians (G) with ids {@code from} to {@code to}. */
    static void absent(Connection c, long runId, String kind, long from, long to) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, StagedUserRules.absent(tableOf(kind), kind))) {
            insert.setLong(1, runId);
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.setLong(4, runId);
            insert.executeUpdate();
        }
    }

    /** The whole comparison on one connection, a bulk file's absence check too: a small roster's, a test's. */
    static void compare(Connection c, long runId, boolean bulk) throws SQLException {
        int max = maxLine(c, runId);
        for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
            compareRows(c, runId, from, from + StagedEnrollments.RANGE - 1);
        }
        for (int index = 0; index < StagedUserRules.LINKS.size(); index++) {
            if (linksByLines(index)) {
                for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
                    compareLinks(c, runId, index, from, from + StagedEnrollments.RANGE - 1);
                }
            } else {
                compareLinks(c, runId, index, 0, 0);
            }
        }
        for (int from = 1; from <= max; from += StagedEnrollments.RANGE) {
            compareChanges(c, runId, from, from + StagedEnrollments.RANGE - 1);
        }
        if (bulk) {
            for (String kind : List.of(UserStage.STUDENT, UserStage.GUARDIAN)) {
                long[] ids = ids(c, tableOf(kind));
                if (ids != null) {
                    for (long from = ids[0]; from <= ids[1]; from += StagedEnrollments.RANGE) {
                        absent(c, runId, kind, from, from + StagedEnrollments.RANGE - 1);
                    }
                }
            }
        }
    }

    /**
     * Records the students the comparison creates among the keys the staged enrollments may name
     * ({@link StagedEnrollments}): an enrollment of a student neither stored nor created is refused.
     */
    static void createdStudentKeys(Connection c, long runId) throws SQLException {
        try (PreparedStatement insert = prepare(c, runId, "INSERT INTO " + StagedEnrollments.table("{key}", runId)
                + " (run_id, kind, sourced_id) SELECT s.run_id, 'STUDENT', s.sourced_id FROM " + USER + " s JOIN " + CHANGE
                + " d ON d.run_id = s.run_id AND d.line_no = s.line_no WHERE s.run_id = ? AND s.kind = 'S' AND d.op = 'C'")) {
            insert.setLong(1, runId);
            insert.executeUpdate();
        }
    }

    /**
     * The sourcedIds of the active staff users the roster brought that no staged row names: those a bulk users.csv
     * deactivates ({@link StaffReconciler} holds the staff rows, the stage what else the file names).
     */
    static Set<String> unnamedRosterStaff(Connection c, long runId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = prepare(c, runId, "SELECT u.roster_sourced_id FROM staff_user u WHERE u.active = TRUE"
                + " AND u.origin = 'ROSTER' AND u.roster_sourced_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + USER
                + " s WHERE s.run_id = ? AND s.sourced_id = u.roster_sourced_id)")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    static Figures figures(Connection c, long runId) throws SQLException {
        int[][] counts = new int[2][4];
        try (PreparedStatement select = prepare(c, runId, "SELECT s.kind, s.deleted, COALESCE(d.op, h.op), COUNT(*) FROM " + USER
                + " s LEFT JOIN " + DECISION + " d ON d.run_id = s.run_id AND d.line_no = s.line_no LEFT JOIN " + CHANGE
                + " h ON h.run_id = s.run_id AND h.line_no = s.line_no WHERE s.run_id = ? AND s.state = 'U'"
                + " AND s.kind IN ('S', 'G') GROUP BY s.kind, s.deleted, COALESCE(d.op, h.op)")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int[] kind = counts[rs.getString(1).trim().equals(UserStage.STUDENT) ? 0 : 1];
                    boolean deleted = rs.getBoolean(2);
                    String op = rs.getString(3) == null ? "" : rs.getString(3).trim();
                    int count = rs.getInt(4);
                    switch (op) {
                        case "C" -> kind[0] += count;
                        case "U" -> kind[1] += count;
                        case "D" -> kind[2] += count;
                        case "" -> kind[3] += deleted ? 0 : count;
                        default -> { }
                    }
                }
            }
        }
        try (PreparedStatement select = prepare(c, runId, "SELECT kind, COUNT(*) FROM " + ABSENT + " WHERE run_id = ? GROUP BY kind")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getString(1).trim().equals(UserStage.STUDENT) ? 0 : 1][2] += rs.getInt(2);
                }
            }
        }
        int links = (int) single(c, runId, "SELECT COUNT(*) FROM " + CONCERN + " WHERE run_id = ? AND changed = TRUE");
        int problems = (int) single(c, runId, "SELECT (SELECT COUNT(*) FROM " + DECISION + " WHERE run_id = ? AND op = 'R')"
                + " + (SELECT COUNT(*) FROM " + CHANGE + " WHERE run_id = ? AND op = 'N')"
                + " + (SELECT COUNT(*) FROM " + PROBLEM + " WHERE run_id = ?)");
        int rejected = (int) single(c, runId, "SELECT COUNT(*) FROM (SELECT line_no FROM " + DECISION + " WHERE run_id = ?"
                + " AND op = 'R' UNION SELECT line_no FROM " + CHANGE + " WHERE run_id = ? AND op = 'N'"
                + " UNION SELECT line_no FROM " + PROBLEM + " WHERE run_id = ?) x");
        return new Figures(counts(counts[0]), counts(counts[1]), links, problems, rejected);
    }

    private static ImportReport.Counts counts(int[] c) {
        return new ImportReport.Counts(c[0], c[1], c[2], c[3]);
    }

    /** The first {@code max} problems of users.csv's rows, in line order (a line's in the reconciler's order). */
    static List<ImportProblem> problems(Connection c, long runId, int max) throws SQLException {
        List<ImportProblem> problems = new ArrayList<>();
        try (PreparedStatement select = prepare(c, runId, "SELECT line_no, pos, reason FROM (SELECT d.line_no, 0 AS pos, d.reason"
                + " FROM " + DECISION + " d WHERE d.run_id = ? AND d.op = 'R' UNION ALL SELECT h.line_no, " + StagedUserRules.LAST
                + " AS pos, h.reason FROM " + CHANGE + " h WHERE h.run_id = ? AND h.op = 'N'"
                + " UNION ALL SELECT p.line_no, p.pos, p.reason FROM " + PROBLEM + " p WHERE p.run_id = ?) x"
                + " ORDER BY line_no, pos OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setLong(1, runId);
            select.setLong(2, runId);
            select.setLong(3, runId);
            select.setInt(4, max);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    problems.add(new ImportProblem(OneRosterParser.USERS, rs.getInt(1), rs.getString(3)));
                }
            }
        }
        return problems;
    }

    static String tableOf(String kind) {
        return kind.equals(UserStage.STUDENT) ? "student" : "guardian";
    }

    /** A table of the run: its template's name with the run's id (a number, so nothing to quote). */
    static String table(String template, long runId) {
        return "roster_stage_" + template.substring(1, template.length() - 1) + "_" + runId;
    }

    private static String sql(String template, long runId) {
        String sql = template;
        for (String table : StagedUserRules.TABLES) {
            sql = sql.replace(table, table(table, runId));
        }
        return sql;
    }

    static PreparedStatement prepare(Connection c, long runId, String template) throws SQLException {
        return c.prepareStatement(sql(template, runId));
    }

    private static void execute(Connection c, long runId, String template) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql(template, runId));
        }
    }

    private static long single(Connection c, long runId, String sql) throws SQLException {
        try (PreparedStatement select = prepare(c, runId, sql)) {
            for (int i = 1; i <= parameters(sql); i++) {
                select.setLong(i, runId);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs a statement whose first parameters are the run's id and the range, the rest the run's id again. */
    private static void update(Connection c, long runId, String sql, int... range) throws SQLException {
        try (PreparedStatement update = prepare(c, runId, sql)) {
            int count = parameters(sql);
            int index = 1;
            if (range.length > 0) {
                update.setLong(index++, runId);
                for (int bound : range) {
                    update.setInt(index++, bound);
                }
            }
            while (index <= count) {
                update.setLong(index++, runId);
            }
            update.executeUpdate();
        }
    }

    private static int parameters(String sql) {
        return (int) sql.chars().filter(ch -> ch == '?').count();
    }
}
