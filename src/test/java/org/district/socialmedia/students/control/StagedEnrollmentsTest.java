package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.RosterPreview.Plan;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.Student;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staged, set-wise comparison of enrollments against {@link RosterReconciler} as the reference: the same files
 * and stored roster through both give the same changes (in the same order of kinds), figures and problems. On H2 made
 * by the real migrations; PostgreSQL runs the same statements in the roster import's integration tests.
 */
class StagedEnrollmentsTest {

    private static final Predicate<String> DISTRICT_EMAIL = email -> email.endsWith("@district.org");
    private static final String MANIFEST = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n";
    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
            + "org-hs,,,High School,school,HS,\r\n";
    private static final String USERS = "sourcedId,status,orgSourcedIds,role,givenName,familyName,identifier,email,agentSourcedIds\r\n"
            + "s1,,org-hs,student,Al,Bo,D1,,\r\n"
            // a new student and its new guardian
            + "s3,,org-hs,student,Cy,Do,D3,,g3\r\n"
            // the District id of s1: skipped, so an enrollment of s4 names no student
            + "s4,,org-hs,student,Ed,Fu,D1,,\r\n"
            // the District id of a student entered by hand
            + "s5,,org-hs,student,Gil,Ho,DH,,\r\n"
            + "s6,,nowhere,student,Ida,Jo,D6,,\r\n"
            + "g3,,,parent,Kim,Do,,kim@example.org,s3\r\n"
            // a guardian linked to nobody
            + "g4,,,guardian,Lou,Ma,,lou@example.org,\r\n"
            + "t1,,org-hs,teacher,Max,No,T1,max@district.org,\r\n"
            + "t2,,org-hs,teacher,Ned,Oz,T2,ned@elsewhere.org,\r\n"
            // the email of the staff user entered by hand: linked, never deactivated
            + "t3,,org-hs,administrator,Hand,Made,T3,hand@district.org,\r\n";
    private static final String CLASSES = "sourcedId,status,title,classCode,schoolSourcedId\r\n"
            + "c1,,Art,A1,org-hs\r\n"
            + "c2,,Music,M1,org-hs\r\n"
            + "c3,,Drama,D1,org-hs\r\n"
            + "c4,,Lost,L1,org-none\r\n";
    private static final String ENROLLMENTS = "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,status\r\n"
            + "e1,c1,org-hs,s1,student,,2026-09-01,,\r\n"
            + "e2,c1,org-hs,s1,student,,2026-09-01,2027-06-30,\r\n"
            + "e3,c2,org-hs,s1,student,,,,\r\n"
            + "e5,,,,student,,,,tobedeleted\r\n"
            + "e6,c3,org-hs,s3,student,,,,\r\n"
            + "e7,cX,org-hs,s1,student,,,,\r\n"
            + "e8,c1,org-hs,sX,student,,,,\r\n"
            + "e1,c1,org-hs,s1,student,,2026-09-01,,\r\n"
            + "e10,c1,org-hs,s4,student,,,,\r\n"
            + "e11,c1,org-hs,t1,teacher,,,,\r\n"
            + "e12,c1,org-hs,s1,student,,not-a-date,,\r\n"
            + "e13,cX,org-hs,s1,student,,,,\r\n"
            + "e14,c4,org-hs,s1,student,,,,\r\n"
            + "e15,c9,org-hs,s1,student,,,,\r\n"
            + ",c1,org-hs,s1,student,,,,\r\n"
            + "e16,c1,org-hs,s1,student,,,,,surplus\r\n"
            + "e17,c1,org-hs,s1,proctor,,,,\r\n"
            + "e18,c1,org-hs,s1,student,,,,tobedeleted\r\n"
            + "e19,c1,org-hs,s2,student,,2026-01-01,2025-01-01,\r\n"
            + "e20,c1,org-hs,s2,student,,,,\r\n"
            + "e21,c1,org-hs,s6,student,,,,\r\n"
            + "e11,c2,org-hs,s1,student,,,,\r\n";

    private static EntityManagerFactory emf;
    private static String url;
    private EntityManager em;
    private StagedRosterBeans beans;
    private RosterPreview preview;
    private EnrollmentStaging staging;
    private UserStaging users;
    private ImportRuns runs;
    /** The run of the last {@link #sameAsReference}. */
    private Long latestRun;

    @BeforeAll
    static void database() throws SQLException {
        url = JavaSeUnit.migratedH2("staged");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            student(s, 1, "'s1'", "D1", true);
            student(s, 2, "'s2'", "D2", false);
            student(s, 3, "NULL", "DH", true);
            s.execute("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, phone, relationship, active, created_at, version)"
                    + " VALUES (1, 'g1', 'Gus', 'Bo', 'gus@example.org', '555', 'PARENT', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO student_guardian (student_id, guardian_id) VALUES (1, 1)");
            schoolClass(s, 1, "c1", "Art", "A1", true);
            schoolClass(s, 2, "c2", "Music", "M1", true);
            schoolClass(s, 9, "c9", "Old", "O1", false);
            enrollment(s, 1, "'e1'", 1, "DATE '2026-09-01'", "NULL", true);
            enrollment(s, 2, "'e2'", 1, "DATE '2026-09-01'", "NULL", true);
            enrollment(s, 3, "'e3'", 2, "NULL", "NULL", false);
            enrollment(s, 4, "'e4'", 2, "NULL", "NULL", true);
            enrollment(s, 5, "'e5'", 2, "NULL", "NULL", true);
            enrollment(s, 11, "'e11'", 2, "NULL", "NULL", true);
            enrollment(s, 12, "'e12'", 2, "NULL", "NULL", true);
            enrollment(s, 13, "'e13'", 1, "NULL", "NULL", true);
            enrollment(s, 30, "NULL", 1, "NULL", "NULL", true);
            enrollment(s, 31, "'e31'", 1, "NULL", "NULL", false);
            s.execute("INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version, origin)"
                    + " VALUES (1, 'hand', 'Hand Made', 'hand@district.org', 1, TRUE, CURRENT_TIMESTAMP, 0, 'HAND')");
            s.execute("INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version, origin, roster_sourced_id)"
                    + " VALUES (2, 'gone', 'Gone Teacher', 'gone@district.org', 1, TRUE, CURRENT_TIMESTAMP, 0, 'ROSTER', 't9')");
        }
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
    }

    private static void student(Statement s, long id, String sourcedId, String districtId, boolean active) throws SQLException {
        s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at, version)"
                + " VALUES (" + id + ", " + sourcedId + ", '" + districtId + "', 'Al', 'Bo', 1, NULL, " + active + ", CURRENT_TIMESTAMP, 0)");
    }

    private static void schoolClass(Statement s, long id, String sourcedId, String title, String code, boolean active) throws SQLException {
        s.execute("INSERT INTO school_class (id, sourced_id, title, class_code, school_id, active, version) VALUES ("
                + id + ", '" + sourcedId + "', '" + title + "', '" + code + "', 1, " + active + ", 0)");
    }

    private static void enrollment(Statement s, long id, String sourcedId, long classId, String begin, String end, boolean active)
            throws SQLException {
        s.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, end_date, active, version) VALUES ("
                + id + ", " + sourcedId + ", " + classId + ", 1, " + begin + ", " + end + ", " + active + ", 0)");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @BeforeEach
    void wire() {
        em = emf.createEntityManager();
        em.getTransaction().begin();
        beans = new StagedRosterBeans(em);
        staging = beans.staging;
        users = beans.users;
        preview = beans.preview;
        runs = beans.runs;
    }

    @AfterEach
    void rollBack() {
        em.getTransaction().rollback();
        em.close();
    }

    private static Map<String, byte[]> files(String orgs, String users, String classes, String enrollments, String manifest) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("manifest.csv", (MANIFEST + manifest).getBytes(StandardCharsets.UTF_8));
        files.put("orgs.csv", orgs.getBytes(StandardCharsets.UTF_8));
        files.put("users.csv", users.getBytes(StandardCharsets.UTF_8));
        files.put("classes.csv", classes.getBytes(StandardCharsets.UTF_8));
        if (enrollments != null) {
            files.put("enrollments.csv", enrollments.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static String modes(String orgs, String users, String classes, String enrollments) {
        return "file.orgs," + orgs + "\r\nfile.users," + users + "\r\nfile.classes," + classes + "\r\nfile.enrollments,"
                + enrollments + "\r\n";
    }

    @Test
    void aBulkImportWithEveryTrickyRowGivesTheReferencesChanges() throws IOException {
        Plan staged = sameAsReference(files(ORGS, USERS, CLASSES, ENROLLMENTS, modes("bulk", "bulk", "bulk", "bulk")));
        // what the reference decides, checked here too so that the test cannot pass with both sides empty
        assertEquals(new ImportReport.Counts(3, 2, 2, 1), staged.report().enrollments());
        assertEquals(12, staged.staged().refused());
        assertEquals(2, staged.report().skipped().get(OneRosterParser.ENROLLMENTS));
    }

    @Test
    void anIdLongerThanTheColumnIsRefusedOnItsRowAndTheRestLoads() throws IOException {
        String tooLong = "x".repeat(3_000);
        Map<String, byte[]> files = files(ORGS, USERS, CLASSES, ENROLLMENTS
                        + tooLong + ",c1,org-hs," + tooLong.substring(0, 300) + ",student,,,,\r\n"
                        + "e41,c1,org-hs," + tooLong.substring(0, 300) + ",student,,,,\r\n",
                modes("bulk", "bulk", "bulk", "bulk"));
        // the same problems both ways (sameAsReference), so the reference's say what the staged path refused
        Plan staged = sameAsReference(files);
        assertEquals(new ImportReport.Counts(3, 2, 2, 1), staged.report().enrollments(), "the other rows as without them");
        assertEquals(14, staged.staged().refused());
        List<String> reasons = preview.plan(OneRosterParser.parse(files), RosterSettings.DEFAULTS, DISTRICT_EMAIL).problems()
                .stream().map(ImportProblem::reason).toList();
        assertTrue(reasons.contains("sourcedId is longer than " + Enrollment.SOURCED_ID_MAX + " characters"), reasons.toString());
        assertTrue(reasons.contains("userSourcedId is longer than " + Student.SOURCED_ID_MAX + " characters"), reasons.toString());
    }

    @Test
    void aLineMeetingSeveralRulesGetsTheFirstOnesDecisionAndReason() throws IOException {
        String enrollments = "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,status\r\n"
                // line 2: as stored, unchanged
                + "e1,c1,org-hs,s1,student,,2026-09-01,,\r\n"
                // a duplicate that also names an unknown class and student, and differs from the stored e1
                + "e1,cX,org-hs,sX,student,,,,\r\n"
                // an unknown class before an unknown student, both before created
                + "e60,cX,org-hs,sX,student,,,,\r\n"
                // an unknown student before created
                + "e61,c1,org-hs,sX,student,,,,\r\n"
                // an unknown class before updated (e13 is stored with c1)
                + "e13,cX,org-hs,s1,student,,,,\r\n"
                // updated (stored inactive), then deactivated, then two duplicates of that deactivation: both name
                // the first line
                + "e3,c2,org-hs,s1,student,,,,\r\n"
                + "e4,,,,student,,,,tobedeleted\r\n"
                + "e4,,,,student,,,,tobedeleted\r\n"
                + "e4,c1,org-hs,s1,student,,,,\r\n";
        Plan staged = sameAsReference(files(ORGS, USERS, CLASSES, enrollments, modes("delta", "delta", "delta", "delta")));
        assertEquals(new ImportReport.Counts(0, 1, 1, 1), staged.report().enrollments(), "e3 updated, e4 gone, e1 unchanged");
        assertEquals(List.of(
                        new ImportProblem(OneRosterParser.ENROLLMENTS, 3, "sourcedId 'e1' was already on line 2; this row was ignored"),
                        new ImportProblem(OneRosterParser.ENROLLMENTS, 4,
                                "classSourcedId 'cX' is not in classes.csv nor among the stored classes"),
                        new ImportProblem(OneRosterParser.ENROLLMENTS, 5,
                                "userSourcedId 'sX' is not a student in users.csv nor among the stored students"),
                        new ImportProblem(OneRosterParser.ENROLLMENTS, 6,
                                "classSourcedId 'cX' is not in classes.csv nor among the stored classes"),
                        new ImportProblem(OneRosterParser.ENROLLMENTS, 9, "sourcedId 'e4' was already on line 8; this row was ignored"),
                        new ImportProblem(OneRosterParser.ENROLLMENTS, 10, "sourcedId 'e4' was already on line 8; this row was ignored")),
                staging.problems(latestRun, ImportRuns.PROBLEMS_KEPT));
    }

    @Test
    void aDeltaDeactivatesOnlyWhatItSaysToBeDeleted() throws IOException {
        Plan staged = sameAsReference(files(ORGS, USERS, CLASSES, ENROLLMENTS, modes("delta", "delta", "delta", "delta")));
        assertEquals(1, staged.report().enrollments().deactivated());
    }

    @Test
    void aBulkEnrollmentsFileWithDeltaUsersStillDeactivatesTheAbsent() throws IOException {
        Plan staged = sameAsReference(files(ORGS, USERS, CLASSES, ENROLLMENTS, modes("delta", "delta", "delta", "bulk")));
        assertEquals(2, staged.report().enrollments().deactivated());
    }

    @Test
    void aBulkFileNotReadToItsEndDeactivatesNothingForBeingAbsent() throws IOException {
        Plan staged = sameAsReference(files(ORGS, USERS, CLASSES, ENROLLMENTS + "e40,\"c1,org-hs,s1,student,,,,\r\n",
                modes("bulk", "bulk", "bulk", "bulk")));
        assertEquals(1, staged.report().enrollments().deactivated(), "e5 only, which says tobedeleted");
    }

    @Test
    void anEnrollmentsFileCalledAbsentIsNotStaged() throws IOException {
        Plan staged = sameAsReference(files(ORGS, USERS, CLASSES, null, modes("bulk", "bulk", "bulk", "absent")));
        assertEquals(null, staged.staged());
        assertEquals(new ImportReport.Counts(0, 0, 0, 0), staged.report().enrollments());
    }

    @Test
    void theSameFilesTwiceInOneRunAreStagedAfresh() throws IOException {
        Map<String, byte[]> files = files(ORGS, USERS, CLASSES, ENROLLMENTS, modes("bulk", "bulk", "bulk", "bulk"));
        Long runId = run();
        stagedPlan(files, runId);
        Plan again = stagedPlan(files, runId);
        assertEquals(new ImportReport.Counts(3, 2, 2, 1), again.report().enrollments());
        assertTrue(staging.exists(runId));
        staging.clear(runId);
        assertFalse(staging.exists(runId), "the run's staging tables are dropped");
    }

    /** Both ways, asserting the same outcome; the staged plan. */
    private Plan sameAsReference(Map<String, byte[]> files) throws IOException {
        Plan reference = preview.plan(OneRosterParser.parse(files), RosterSettings.DEFAULTS, DISTRICT_EMAIL);
        List<RosterChange> expected = new ArrayList<>();
        RosterChangeRows.forEach(reference.changes(), reference.staff(), expected::add);

        Long runId = run();
        latestRun = runId;
        Plan staged = stagedPlan(files, runId);
        int stored = runs.planWrite(runId, staged);
        List<RosterChange> actual = beans.stored(runId);
        assertEquals(expected.size(), stored);
        assertEquals(StagedRosterBeans.groups(expected), StagedRosterBeans.groups(actual));
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(i, actual.get(i).seq(), "seq numbers without a gap");
        }
        assertEquals(reference.report().figures(), staged.report().figures());
        assertEquals(reference.report().summary(), staged.report().summary());
        assertEquals(reference.report().skipped(), staged.report().skipped());
        assertEquals(reference.rejectedRows(), staged.rejectedRows());
        assertEquals(reference.limitReasons(), staged.limitReasons());
        assertEquals(reference.problems().size(), staged.problemCount());
        List<ImportProblem> problems = staged.staged() == null ? staged.problems()
                : ImportRuns.merged(staged.problems(), staging.problems(runId, ImportRuns.PROBLEMS_KEPT));
        if (staged.users() != null) {
            problems = ImportRuns.merged(problems, users.problems(runId, ImportRuns.PROBLEMS_KEPT));
        }
        assertEquals(reference.problems(), problems);
        return staged;
    }

    private Plan stagedPlan(Map<String, byte[]> files, Long runId) throws IOException {
        // as the job stages them: users and enrollments
        staging.create(runId);
        users.create(runId);
        EnrollmentStage sink = staging.sink(runId);
        UserStage userSink = users.sink(runId, preview.unitIds().keySet());
        Map<String, CsvReader.Source> sources = new HashMap<>();
        files.forEach((name, content) -> sources.put(name, () -> new ByteArrayInputStream(content)));
        ParsedRoster roster = OneRosterParser.read(sources, RosterSettings.IDENTIFIER, OneRosterParser.Progress.NONE, sink,
                userSink);
        sink.flush();
        userSink.flush();
        assertTrue(roster.enrollments().isEmpty(), "no enrollment held");
        assertTrue(roster.students().isEmpty() && roster.guardians().isEmpty(), "no student or guardian held");
        return preview.plan(roster, RosterSettings.DEFAULTS, DISTRICT_EMAIL, runId);
    }

    private Long run() {
        ImportRun run = new ImportRun("0".repeat(64), "roster.zip", "test", Instant.parse("2026-12-06T12:00:00Z"));
        em.persist(run);
        em.flush();
        em.createNativeQuery("UPDATE import_run SET status = 'RUNNING' WHERE id = ?").setParameter(1, run.getId()).executeUpdate();
        em.clear();
        return run.getId();
    }
}
