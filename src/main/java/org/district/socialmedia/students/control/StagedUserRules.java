package org.district.socialmedia.students.control;

import java.util.List;
import java.util.Set;

/**
 * {@link RosterReconciler}'s rules for users.csv's students, guardians and their links as SQL over a run's staged
 * rows ({@link StagedUsers}), which H2 (MODE=LEGACY) and PostgreSQL both run. The tables are templates that
 * {@link StagedUsers} names for the run. The statements of a row's rules cover a range of lines; a line takes the
 * first decision its rules give, in the reconciler's order:
 * <ol>
 * <li>a later row with a sourcedId already read is refused as a duplicate, then the rows the parser refused;</li>
 * <li>a student none of whose orgs is a school; a student whose District id is that of a student entered by hand,
 *     of a stored student the file does not bring (with a school), or of a student on an earlier line;</li>
 * <li>the links the rows list (a student's agent who is a guardian of the file or stored, a guardian's agent who
 *     is a student of the file or stored), the agents who are neither, and a new guardian linked to no
 *     student, who is not stored (decided with 4.);</li>
 * <li>created = not stored, updated = stored and inactive or a value {@code IS DISTINCT FROM}, deactivated =
 *     status=tobedeleted of an active record;</li>
 * <li>a bulk file read to its end deactivates every active imported record no staged row names (refused, skipped
 *     and staff rows included).</li>
 * </ol>
 */
final class StagedUserRules {

    static final String USER = "{user}";
    static final String AGENT = "{user_agent}";
    static final String DECISION = "{user_decision}";
    static final String CHANGE = "{user_change}";
    static final String PROBLEM = "{user_problem}";
    static final String LINK = "{user_link}";
    static final String CONCERN = "{user_concern}";
    static final String ABSENT = "{user_absent}";
    static final List<String> TABLES = List.of(ABSENT, CONCERN, LINK, PROBLEM, CHANGE, DECISION, AGENT,
            USER);

    /** A line's comparison problem placed after every problem of its agents (a guardian linked to no student). */
    static final int LAST = 1_000_000;

    /** Row {@code f} is not a later row of a sourcedId read before (the parser's roster would not hold it). */
    private static String first(String f) {
        return " NOT EXISTS (SELECT 1 FROM " + USER + " e_" + f + " WHERE e_" + f + ".run_id = " + f + ".run_id AND e_" + f
                + ".sourced_id = " + f + ".sourced_id AND e_" + f + ".line_no < " + f + ".line_no)";
    }

    /** A student row of the reconciler's students before the District ids are checked: usable, a school, the first. */
    private static String withSchool(String f) {
        return f + ".kind = 'S' AND " + f + ".state = 'U' AND " + f + ".deleted = FALSE AND " + f
                + ".school_code IS NOT NULL AND" + first(f);
    }

    /** A row of {@code kind} the comparison has kept (undecided after the rows' rules), named {@code id}. */
    private static String kept(String kind, String alias, String id) {
        return "EXISTS (SELECT 1 FROM " + USER + " " + alias + " WHERE " + alias + ".run_id = ? AND " + alias
                + ".sourced_id = " + id + " AND " + alias + ".kind = '" + kind + "' AND " + alias + ".state = 'U' AND "
                + alias + ".deleted = FALSE AND NOT EXISTS (SELECT 1 FROM " + DECISION + " k_" + alias + " WHERE k_"
                + alias + ".run_id = " + alias + ".run_id AND k_" + alias + ".line_no = " + alias + ".line_no))";
    }

    /** A row of {@code kind} in the file (usable, deleted or not; not a later duplicate), named {@code id}. */
    private static String inFile(String kind, String alias, String id) {
        return "EXISTS (SELECT 1 FROM " + USER + " " + alias + " WHERE " + alias + ".run_id = ? AND " + alias
                + ".sourced_id = " + id + " AND " + alias + ".kind = '" + kind + "' AND " + alias + ".state = 'U' AND"
                + first(alias) + ")";
    }

    // 1. and 2.: one statement a range, each line refused by the first rule it meets or left out (see CHANGES for why)
    private static final String STORED_OWNER = " FROM student t WHERE t.district_id = s.district_id AND t.sourced_id IS NOT NULL"
            + " AND t.sourced_id <> s.sourced_id AND NOT EXISTS (SELECT 1 FROM " + USER + " f WHERE f.run_id = s.run_id"
            + " AND f.sourced_id = t.sourced_id AND " + withSchool("f") + ")";
    private static final String EARLIER_OWNER = " FROM " + USER + " f WHERE f.run_id = s.run_id AND f.district_id = s.district_id"
            + " AND f.line_no < s.line_no AND " + withSchool("f");
    private static final String ROW_RULE = "CASE"
            + " WHEN s.sourced_id IS NOT NULL AND EXISTS (SELECT 1 FROM " + USER + " f WHERE f.run_id = s.run_id"
            + " AND f.sourced_id = s.sourced_id AND f.line_no < s.line_no) THEN 1"
            + " WHEN s.state = 'R' THEN 2"
            + " WHEN s.kind = 'S' AND s.state = 'U' AND s.deleted = FALSE THEN CASE"
            + " WHEN s.school_code IS NULL THEN 3"
            + " WHEN EXISTS (SELECT 1 FROM student t WHERE t.district_id = s.district_id AND t.sourced_id IS NULL) THEN 4"
            + " WHEN EXISTS (SELECT 1" + STORED_OWNER + ") THEN 5"
            + " WHEN EXISTS (SELECT 1" + EARLIER_OWNER + ") THEN 6 END END";
    /** Parameters: the run's id and the range of lines. The outer query names the inner one {@code s} for the reasons. */
    static final String ROWS = "INSERT INTO " + DECISION + " (run_id, line_no, op, reason) SELECT s.run_id, s.line_no, 'R', CASE s.rule"
            + " WHEN 1 THEN 'sourcedId ''' || s.sourced_id || ''' was already on line '"
            + " || CAST((SELECT MIN(f.line_no) FROM " + USER + " f WHERE f.run_id = s.run_id AND f.sourced_id = s.sourced_id)"
            + " AS VARCHAR(11)) || '; this row was ignored'"
            + " WHEN 2 THEN s.reason"
            + " WHEN 3 THEN 'orgSourcedIds ' || s.org_ids || ' names no school in orgs.csv or among the District''s schools'"
            + " WHEN 4 THEN 'identifier ''' || s.district_id"
            + " || ''' is the District id of a student entered by hand; this row was skipped'"
            + " WHEN 5 THEN 'identifier ''' || s.district_id || ''' is already the District id of student ''' || (SELECT MIN(t.sourced_id)"
            + STORED_OWNER + ") || '''; this row was skipped'"
            + " WHEN 6 THEN 'identifier ''' || s.district_id || ''' is already the District id of student ''' || (SELECT o.sourced_id FROM "
            + USER + " o WHERE o.run_id = s.run_id AND o.line_no = (SELECT MIN(f.line_no)" + EARLIER_OWNER + ")) || '''; this row was skipped'"
            + " END FROM (SELECT s.run_id, s.line_no, s.sourced_id, s.district_id, s.org_ids, s.reason, " + ROW_RULE + " AS rule"
            + " FROM " + USER + " s WHERE s.run_id = ? AND s.line_no BETWEEN ? AND ? OFFSET 0 ROWS) s WHERE s.rule IS NOT NULL";

    // 3. each statement's parameters the run's id as often as it has '?' (the range of lines after its first)
    private static final String STUDENT_KEPT = "s.kind = 'S' AND s.state = 'U' AND s.deleted = FALSE"
            + " AND NOT EXISTS (SELECT 1 FROM " + DECISION + " d WHERE d.run_id = s.run_id AND d.line_no = s.line_no)";
    private static final String GUARDIAN_KEPT = "s.kind = 'G' AND s.state = 'U' AND s.deleted = FALSE"
            + " AND NOT EXISTS (SELECT 1 FROM " + DECISION + " d WHERE d.run_id = s.run_id AND d.line_no = s.line_no)";
    private static final String AGENTS = " FROM " + USER + " s JOIN " + AGENT + " a ON a.run_id = s.run_id AND a.line_no = s.line_no"
            + " WHERE s.run_id = ? AND s.line_no BETWEEN ? AND ? AND ";
    private static final String A_GUARDIAN = "(" + kept("G", "kg", "a.agent_sourced_id")
            + " OR EXISTS (SELECT 1 FROM guardian sg WHERE sg.sourced_id = a.agent_sourced_id))";
    private static final String A_STUDENT = "(" + kept("S", "ks", "a.agent_sourced_id")
            + " OR EXISTS (SELECT 1 FROM student st WHERE st.sourced_id = a.agent_sourced_id))";
    static final String LISTED_BY_STUDENTS = "INSERT INTO " + LINK + " (run_id, student_sourced_id, guardian_sourced_id)"
            + " SELECT DISTINCT s.run_id, s.sourced_id, a.agent_sourced_id" + AGENTS + STUDENT_KEPT + " AND " + A_GUARDIAN;
    static final String LISTED_BY_GUARDIANS = "INSERT INTO " + LINK + " (run_id, student_sourced_id, guardian_sourced_id)"
            + " SELECT DISTINCT s.run_id, a.agent_sourced_id, s.sourced_id" + AGENTS + GUARDIAN_KEPT + " AND " + A_STUDENT
            + " AND NOT EXISTS (SELECT 1 FROM " + LINK + " l WHERE l.run_id = s.run_id AND l.student_sourced_id = a.agent_sourced_id"
            + " AND l.guardian_sourced_id = s.sourced_id)";
    static final String NO_GUARDIAN = "INSERT INTO " + PROBLEM + " (run_id, line_no, pos, reason) SELECT s.run_id, s.line_no, a.agent_no,"
            + " 'agentSourcedIds names ''' || a.agent_text || ''', who is not a parent, guardian or relative in users.csv nor"
            + " stored; that link was skipped'" + AGENTS + STUDENT_KEPT + " AND NOT " + A_GUARDIAN
            + " AND NOT " + inFile("S", "h", "a.agent_sourced_id")
            + " AND NOT EXISTS (SELECT 1 FROM student st WHERE st.sourced_id = a.agent_sourced_id)";
    static final String NO_STUDENT = "INSERT INTO " + PROBLEM + " (run_id, line_no, pos, reason) SELECT s.run_id, s.line_no, a.agent_no,"
            + " 'agentSourcedIds names ''' || a.agent_text || ''', who is not a student in users.csv nor stored; that link"
            + " was skipped'" + AGENTS + GUARDIAN_KEPT + " AND NOT " + A_STUDENT;
    /** The stored links of imported students to imported guardians, as pairs of sourcedIds. */
    static final String BEFORE = " FROM student bt JOIN student_guardian bsg ON bsg.student_id = bt.id"
            + " JOIN guardian bg ON bg.id = bsg.guardian_id WHERE bt.sourced_id IS NOT NULL AND bg.sourced_id IS NOT NULL";
    // the students whose links are compared: those listed, those of the file kept, those linked to a guardian of the file
    static final String CONCERN_LISTED = "INSERT INTO " + CONCERN + " (run_id, student_sourced_id, changed)"
            + " SELECT DISTINCT l.run_id, l.student_sourced_id, FALSE FROM " + LINK + " l WHERE l.run_id = ?";
    static final String CONCERN_KEPT = "INSERT INTO " + CONCERN + " (run_id, student_sourced_id, changed)"
            + " SELECT s.run_id, s.sourced_id, FALSE FROM " + USER + " s WHERE s.run_id = ? AND s.line_no BETWEEN ? AND ? AND "
            + STUDENT_KEPT
            + " AND NOT EXISTS (SELECT 1 FROM " + CONCERN + " c WHERE c.run_id = s.run_id AND c.student_sourced_id = s.sourced_id)";
    static final String CONCERN_LINKED = "INSERT INTO " + CONCERN + " (run_id, student_sourced_id, changed)"
            + " SELECT DISTINCT CAST(? AS BIGINT), bt.sourced_id, FALSE" + BEFORE + " AND " + inFile("G", "f", "bg.sourced_id")
            + " AND NOT EXISTS (SELECT 1 FROM " + CONCERN + " c WHERE c.run_id = ? AND c.student_sourced_id = bt.sourced_id)";
    /** A stored link that stays: its student is not in the file and its guardian is not either. */
    private static final String KEPT_LINK = " AND NOT " + inFile("S", "fs", "c.student_sourced_id")
            + " AND NOT " + inFile("G", "fg", "bg.sourced_id");
    static final String CHANGED = "UPDATE " + CONCERN + " c SET changed = TRUE WHERE c.run_id = ? AND ("
            + "EXISTS (SELECT 1 FROM " + LINK + " l WHERE l.run_id = c.run_id AND l.student_sourced_id = c.student_sourced_id"
            + " AND NOT EXISTS (SELECT 1" + BEFORE + " AND bt.sourced_id = l.student_sourced_id AND bg.sourced_id = l.guardian_sourced_id))"
            + " OR EXISTS (SELECT 1" + BEFORE + " AND bt.sourced_id = c.student_sourced_id"
            + " AND NOT EXISTS (SELECT 1 FROM " + LINK + " l WHERE l.run_id = c.run_id AND l.student_sourced_id = c.student_sourced_id"
            + " AND l.guardian_sourced_id = bg.sourced_id)"
            + " AND (" + inFile("S", "fs", "c.student_sourced_id") + " OR " + inFile("G", "fg", "bg.sourced_id") + ")))";
    /** Each changed student's guardians after the import (a row with none when it has none left), ordered by student. */
    static final String AFTER = "SELECT c.student_sourced_id, l.guardian_sourced_id FROM " + CONCERN + " c JOIN " + LINK
            + " l ON l.run_id = c.run_id AND l.student_sourced_id = c.student_sourced_id WHERE c.run_id = ? AND c.changed = TRUE"
            + " UNION SELECT c.student_sourced_id, bg.sourced_id FROM " + CONCERN + " c JOIN student bt"
            + " ON bt.sourced_id = c.student_sourced_id JOIN student_guardian bsg ON bsg.student_id = bt.id"
            + " JOIN guardian bg ON bg.id = bsg.guardian_id WHERE c.run_id = ? AND c.changed = TRUE AND bg.sourced_id IS NOT NULL"
            + KEPT_LINK
            + " UNION SELECT c.student_sourced_id, NULL FROM " + CONCERN + " c WHERE c.run_id = ? AND c.changed = TRUE"
            + " ORDER BY 1";
    /**
     * The links' statements in order, each run to its end before the next; a statement of the rows is run a range
     * of lines at a time (its first parameters the run's id and the range), the others over the whole run (those of
     * the stored links and of the listed pairs, which are fewer than the rows).
     */
    static final List<String> LINKS = List.of(LISTED_BY_STUDENTS, LISTED_BY_GUARDIANS, NO_GUARDIAN, NO_STUDENT,
            CONCERN_LISTED, CONCERN_KEPT, CONCERN_LINKED, CHANGED);
    static final Set<String> LINKS_BY_LINES = Set.of(LISTED_BY_STUDENTS, LISTED_BY_GUARDIANS, NO_GUARDIAN, NO_STUDENT,
            CONCERN_KEPT);

    // 3. (the new guardians linked to no student) and 4.
    /*
     * One statement a range, as for the rows' rules: each line gets the first decision it meets, and a line that meets
     * none is left out. A statement per decision, each skipping the lines decided before it, read the decision table it
     * was filling, which PostgreSQL planned as empty at a first import and scanned once per line (quadratic in the
     * range). These decisions go into a table of their own, so the statement reads the rows' (the decision table) and
     * writes another. The stored records are outer-joined on their unique sourcedIds; the inner query is kept whole
     * (OFFSET 0) so that each line's decision is worked out once.
     */
    private static final String UNLINKED_REASON = "'linked to no student of the file or the District (agentSourcedIds);"
            + " a parent, guardian or relative is not stored without a student'";
    private static final String CHANGE_RULE = "CASE"
            + " WHEN s.kind = 'S' AND s.deleted = FALSE THEN CASE"
            + " WHEN t.id IS NULL THEN 'C'"
            // a stored student without a school is not compared (an inner join of the school before)
            + " WHEN u.id IS NOT NULL AND (t.active = FALSE OR t.district_id IS DISTINCT FROM s.district_id"
            + " OR t.given_name IS DISTINCT FROM s.given_name OR t.family_name IS DISTINCT FROM s.family_name"
            + " OR u.code IS DISTINCT FROM s.school_code OR t.grade IS DISTINCT FROM s.grade) THEN 'U' END"
            + " WHEN s.kind = 'S' THEN CASE WHEN t.active = TRUE THEN 'D' END"
            + " WHEN s.kind = 'G' AND s.deleted = FALSE THEN CASE"
            + " WHEN g.id IS NULL AND NOT EXISTS (SELECT 1 FROM " + LINK + " l WHERE l.run_id = s.run_id"
            + " AND l.guardian_sourced_id = s.sourced_id) THEN 'N'"
            + " WHEN g.id IS NULL THEN 'C'"
            + " WHEN g.active = FALSE OR g.given_name IS DISTINCT FROM s.given_name OR g.family_name IS DISTINCT FROM s.family_name"
            + " OR g.email IS DISTINCT FROM s.email OR g.phone IS DISTINCT FROM s.phone OR g.relationship IS DISTINCT FROM s.role"
            + " THEN 'U' END"
            + " WHEN s.kind = 'G' THEN CASE WHEN g.active = TRUE THEN 'D' END END";
    /** Parameters: the run's id and the range of lines. */
    static final String CHANGES = "INSERT INTO " + CHANGE + " (run_id, line_no, op, reason) SELECT x.run_id, x.line_no, x.op,"
            + " CASE WHEN x.op = 'N' THEN " + UNLINKED_REASON + " END"
            + " FROM (SELECT s.run_id, s.line_no, " + CHANGE_RULE + " AS op FROM " + USER + " s"
            + " LEFT JOIN " + DECISION + " d ON d.run_id = s.run_id AND d.line_no = s.line_no"
            + " LEFT JOIN student t ON t.sourced_id = s.sourced_id AND s.kind = 'S'"
            + " LEFT JOIN org_unit u ON u.id = t.school_id"
            + " LEFT JOIN guardian g ON g.sourced_id = s.sourced_id AND s.kind = 'G'"
            + " WHERE s.run_id = ? AND s.line_no BETWEEN ? AND ? AND s.state = 'U' AND d.line_no IS NULL"
            + " OFFSET 0 ROWS) x WHERE x.op IS NOT NULL";

    // 5. parameters: the run, the range of record ids, the run
    static String absent(String table, String kind) {
        return "INSERT INTO " + ABSENT + " (run_id, kind, record_id, sourced_id) SELECT ?, '" + kind + "', r.id, r.sourced_id"
                + " FROM " + table + " r WHERE r.id BETWEEN ? AND ? AND r.sourced_id IS NOT NULL AND r.active = TRUE"
                + " AND NOT EXISTS (SELECT 1 FROM " + USER + " s WHERE s.run_id = ? AND s.sourced_id = r.sourced_id)";
    }

    private StagedUserRules() {
    }
}
