package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.RosterChanges.Changes;
import org.district.socialmedia.students.control.RosterPreview.Plan;
import org.district.socialmedia.students.control.StaffReconciler.StaffChanges;
import org.district.socialmedia.students.control.StagedUsers.Figures;
import org.district.socialmedia.students.entity.ImportRun;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staged, set-wise comparison of users.csv's students, guardians and links ({@link StagedUsers}) against
 * {@link RosterReconciler} as the reference: the same files and stored roster through both give the same changes,
 * figures and problems. On H2 made by the real migrations.
 */
class StagedUsersTest {

    private static final Predicate<String> DISTRICT_EMAIL = email -> email.endsWith("@district.org");
    private static final String MANIFEST = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n";
    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
            + "org-hs,,,High School,school,HS,\r\n"
            + "org-ms,,,Middle School,school,MS,\r\n";
    private static final String USERS = "sourcedId,status,orgSourcedIds,role,givenName,familyName,identifier,email,agentSourcedIds,userIds\r\n"
            // stored, unchanged, its stored link to g1 listed again
            + "s1,,org-hs,student,Al,Bo,D1,,g1,{Local:L1}\r\n"
            // a new student and its new guardian
            + "s3,,org-hs,student,Cy,Do,D3,,g3,{Local:L3}\r\n"
            // the District id of s1, on an earlier line
            + "s4,,org-hs,student,Ed,Fu,D1,,,{Local:L4}\r\n"
            // the District id of a student entered by hand
            + "s5,,org-hs,student,Gil,Ho,DH,,,{Local:LH}\r\n"
            + "s6,,nowhere,student,Ida,Jo,D6,,,{Local:L6}\r\n"
            + "g3,,,parent,Kim,Do,,Kim@Example.org,s3,\r\n"
            // a new guardian linked to nobody
            + "g4,,,guardian,Lou,Ma,,lou@example.org,,\r\n"
            + "t1,,org-hs,teacher,Max,No,T1,max@district.org,,\r\n"
            + "t2,,org-hs,teacher,Ned,Oz,T2,ned@elsewhere.org,,\r\n"
            // stored inactive: brought back; an agent nobody knows, and a student (not reported)
            + "s2,,org-hs,student,Al,Bo,D2,,\"gX,s1\",{Local:L2}\r\n"
            // the District id of s7, stored and not in the file
            + "s8,,org-hs,student,Pat,Qu,D7,,,{Local:L8}\r\n"
            // stored, its phone changed; a student nobody knows
            + "g1,,,parent,Gus,Bo,,gus@example.org,\"s1,sZ\",\r\n"
            + "s3,,org-hs,student,Cy,Do,D3,,,{Local:L3}\r\n"
            + "p1,,org-hs,proctor,Pro,Ctor,,,,\r\n"
            + "sx,,org-hs,student,No,Id,,,,\r\n"
            + "g6,tobedeleted,,guardian,,,,,,\r\n"
            // stored inactive, brought back and linked to the new s3
            + "g5,,,relative,Vi,Wu,,vi@example.org,s3,\r\n"
            + "s10,tobedeleted,,student,,,,,,\r\n"
            // the first of its orgs that is a school
            + "s11,,\"nowhere,org-ms\",student,Xa,Yu,D11,,,{Local:L11}\r\n"
            // the District id of s3, on an earlier line
            + "s12,,org-hs,student,Zo,Ab,D3,,,{Local:L3}\r\n"
            + "g7,,,parent,Bad,Mail,,not-an-address,s1,\r\n"
            + "x1,,org-hs,janitor,Jan,Itor,,,,\r\n"
            // the email of the staff users entered by hand and by single sign-on: linked, never deactivated
            + "t3,,org-hs,administrator,Hand,Made,T3,hand@district.org,,\r\n"
            + "t4,,org-hs,teacher,Single,Sign,T4,sso@district.org,,\r\n"
            // a staff user of the roster named by a refused row only: not absent
            + "t8,,org-hs,teacher,Kept,,T8,kept@district.org,,\r\n"
            + "t5,,org-hs,aide,No,Mail,T5,,,\r\n";

    private static EntityManagerFactory emf;
    private EntityManager em;
    private StagedRosterBeans beans;
    private RosterPreview preview;
    private EnrollmentStaging staging;
    private UserStaging users;
    private ImportRuns runs;
    /** The staged plan {@link #sameAsReference} made last. */
    private Plan plan;
    /** The problems of users.csv's rows the staged comparison of {@link #sameAsReference} found last. */
    private List<ImportProblem> problems;

    @BeforeAll
    static void database() throws SQLException {
        String url = JavaSeUnit.migratedH2("stagedusers");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            student(s, 1, "'s1'", "D1", true);
            student(s, 2, "'s2'", "D2", false);
            student(s, 3, "NULL", "DH", true);
            student(s, 7, "'s7'", "D7", true);
            student(s, 9, "'s9'", "D9", true);
            student(s, 10, "'s10'", "D10", true);
            guardian(s, 1, "g1", "PARENT", "555", true);
            guardian(s, 2, "g2", "GUARDIAN", "556", true);
            guardian(s, 5, "g5", "RELATIVE", null, false);
            s.execute("INSERT INTO student_guardian (student_id, guardian_id) VALUES (1, 1), (9, 1), (9, 2)");
            s.execute("INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version, origin)"
                    + " VALUES (1, 'hand', 'Hand Made', 'hand@district.org', 1, TRUE, CURRENT_TIMESTAMP, 0, 'HAND')");
            s.execute("INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version, origin)"
                    + " VALUES (2, 'sso', 'Single Sign', 'sso@district.org', 1, TRUE, CURRENT_TIMESTAMP, 0, 'SSO')");
            s.execute("INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version, origin, roster_sourced_id)"
                    + " VALUES (3, 'gone', 'Gone Teacher', 'gone@district.org', 1, TRUE, CURRENT_TIMESTAMP, 0, 'ROSTER', 't9')");
            s.execute("INSERT INTO staff_user (id, username, full_name, email, unit_id, active, created_at, version, origin, roster_sourced_id)"
                    + " VALUES (4, 'kept', 'Kept Teacher', 'kept@district.org', 1, TRUE, CURRENT_TIMESTAMP, 0, 'ROSTER', 't8')");
        }
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
    }

    private static void student(Statement s, long id, String sourcedId, String districtId, boolean active) throws SQLException {
        s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at, version)"
                + " VALUES (" + id + ", " + sourcedId + ", '" + districtId + "', 'Al', 'Bo', 1, NULL, " + active + ", CURRENT_TIMESTAMP, 0)");
    }

    private static void guardian(Statement s, long id, String sourcedId, String role, String phone, boolean active) throws SQLException {
        s.execute("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, phone, relationship, active, created_at, version)"
                + " VALUES (" + id + ", '" + sourcedId + "', 'Gus', 'Bo', 'gus@example.org', " + (phone == null ? "NULL" : "'" + phone + "'")
                + ", '" + role + "', " + active + ", CURRENT_TIMESTAMP, 0)");
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

    private static Map<String, byte[]> files(String users, String usersMode) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("manifest.csv", (MANIFEST + "file.orgs,bulk\r\nfile.users," + usersMode + "\r\nfile.classes,absent\r\n"
                + "file.enrollments,absent\r\n").getBytes(StandardCharsets.UTF_8));
        files.put("orgs.csv", ORGS.getBytes(StandardCharsets.UTF_8));
        if (users != null) {
            files.put("users.csv", users.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void aBulkFileWithEveryTrickyRowGivesTheReferencesChanges() throws Exception {
        Figures staged = sameAsReference(files(USERS, "bulk"), RosterSettings.IDENTIFIER);
        // what the reference decides, checked here too so that the test cannot pass with both sides empty
        assertEquals(new ImportReport.Counts(2, 1, 3, 1), staged.students(), "s3, s11 new; s2 back; s10, s7, s9 gone");
        assertEquals(new ImportReport.Counts(1, 2, 1, 0), staged.guardians(), "g3 new; g1, g5 changed; g2 gone");
        assertEquals(2, staged.links(), "s3 gets g3 and g5; s9 keeps only g2 (not in the file), loses g1 (in it)");
        assertEquals(Set.of(3L), plan.staff().deactivated(), "t9 only: not t8, named by a refused row, nor hand or SSO");
        assertEquals(Set.of(1L, 2L), plan.staff().updated().keySet(), "hand and SSO linked by email");
        assertFalse(plan.limitReasons().isEmpty(), "3 of 5 active students deactivated: past the limit");
    }

    @Test
    void aLineMeetingSeveralRulesGetsTheFirstOnesDecisionAndReason() throws Exception {
        String users = "sourcedId,status,orgSourcedIds,role,givenName,familyName,identifier,email,agentSourcedIds,userIds\r\n"
                // line 2: stored, unchanged
                + "s1,,org-hs,student,Al,Bo,D1,,,{Local:L1}\r\n"
                // a duplicate that also names no school and the District id of a student entered by hand
                + "s1,,nowhere,student,Al,Bo,DH,,,{Local:L1}\r\n"
                // no school before the District id entered by hand
                + "s20,,nowhere,student,Ed,Fu,DH,,,{Local:L20}\r\n"
                + "s21,,org-hs,student,Gil,Ho,DH,,,{Local:L21}\r\n"
                // the District id of s7 (stored, not in the file), then of s7 and of s22 on an earlier line: stored first
                + "s22,,org-hs,student,Ida,Jo,D7,,,{Local:L22}\r\n"
                + "s23,,org-hs,student,Kim,Lo,D7,,,{Local:L23}\r\n"
                // new and linked to no student: not created
                + "g8,,,guardian,Lou,Ma,,lou@example.org,,\r\n";
        Figures staged = sameAsReference(files(users, "delta"), RosterSettings.IDENTIFIER);
        assertEquals(new ImportReport.Counts(0, 0, 0, 1), staged.students(), "s1 unchanged, the others refused");
        assertEquals(new ImportReport.Counts(0, 0, 0, 0), staged.guardians(), "g8 not created");
        assertEquals(List.of(
                new ImportProblem(OneRosterParser.USERS, 3, "sourcedId 's1' was already on line 2; this row was ignored"),
                new ImportProblem(OneRosterParser.USERS, 4,
                        "orgSourcedIds nowhere names no school in orgs.csv or among the District's schools"),
                new ImportProblem(OneRosterParser.USERS, 5,
                        "identifier 'DH' is the District id of a student entered by hand; this row was skipped"),
                new ImportProblem(OneRosterParser.USERS, 6,
                        "identifier 'D7' is already the District id of student 's7'; this row was skipped"),
                new ImportProblem(OneRosterParser.USERS, 7,
                        "identifier 'D7' is already the District id of student 's7'; this row was skipped"),
                new ImportProblem(OneRosterParser.USERS, 8, "linked to no student of the file or the District (agentSourcedIds);"
                        + " a parent, guardian or relative is not stored without a student")), problems);
    }

    @Test
    void aDeltaDeactivatesOnlyWhatItSaysToBeDeleted() throws Exception {
        Figures staged = sameAsReference(files(USERS, "delta"), RosterSettings.IDENTIFIER);
        assertEquals(1, staged.students().deactivated());
        assertEquals(0, staged.guardians().deactivated());
    }

    @Test
    void aBulkFileNotReadToItsEndDeactivatesNothingForBeingAbsent() throws Exception {
        Figures staged = sameAsReference(files(USERS + "s20,,\"org-hs,student,Cut,Off,D20,,,\r\n", "bulk"),
                RosterSettings.IDENTIFIER);
        assertEquals(1, staged.students().deactivated(), "s10 only, which says tobedeleted");
    }

    @Test
    void anAbsentUsersFileIsNotStaged() throws Exception {
        Figures staged = sameAsReference(files(null, "absent"), RosterSettings.IDENTIFIER);
        assertEquals(new ImportReport.Counts(0, 0, 0, 0), staged.students());
        assertEquals(0, staged.problems());
    }

    @Test
    void eachSourceOfTheDistrictIdGivesTheReferencesChanges() throws Exception {
        Figures bySourcedId = sameAsReference(files(USERS, "bulk"), RosterSettings.SOURCED_ID);
        assertTrue(bySourcedId.students().updated() > 0, "every stored student's District id changes");
        Figures byUserId = sameAsReference(files(USERS, "bulk"), "Local");
        assertTrue(byUserId.problems() > 0);
    }

    @Test
    void theRunsTablesAreDroppedOnceUsed() throws Exception {
        Long runId = run();
        Connection c = connection();
        StagedUsers.create(c, runId);
        assertTrue(StagedUsers.exists(c, runId));
        StagedUsers.drop(c, runId);
        assertFalse(StagedUsers.exists(c, runId));
    }

    /** Both ways, the comparison alone and the whole plan, asserting the same outcome; the staged figures. */
    private Figures sameAsReference(Map<String, byte[]> files, String idSource) throws Exception {
        Figures figures = comparisonSameAsReference(files, idSource);
        plan = planSameAsReference(files, idSource);
        return figures;
    }

    /**
     * The whole plan as the job makes it (users and enrollments staged, staff held) against the reference's: the
     * same import_change rows in the same order of kinds, figures, limits and problems.
     */
    private Plan planSameAsReference(Map<String, byte[]> files, String idSource) throws Exception {
        RosterSettings settings = new RosterSettings(idSource, RosterSettings.DEFAULTS.deactivationLimitPercent(),
                RosterSettings.DEFAULTS.rejectionLimitPercent(), Map.of());
        Plan reference = preview.plan(OneRosterParser.parse(files, idSource), settings, DISTRICT_EMAIL);
        List<RosterChange> expected = new ArrayList<>();
        RosterChangeRows.forEach(reference.changes(), reference.staff(), expected::add);

        Long runId = run();
        em.createNativeQuery("UPDATE import_run SET status = 'RUNNING' WHERE id = ?").setParameter(1, runId).executeUpdate();
        staging.create(runId);
        users.create(runId);
        EnrollmentStage enrollmentSink = staging.sink(runId);
        UserStage userSink = users.sink(runId, preview.unitIds().keySet());
        Map<String, CsvReader.Source> sources = new HashMap<>();
        files.forEach((name, content) -> sources.put(name, () -> new ByteArrayInputStream(content)));
        ParsedRoster roster = OneRosterParser.read(sources, idSource, OneRosterParser.Progress.NONE, enrollmentSink, userSink);
        enrollmentSink.flush();
        userSink.flush();
        Plan staged = preview.plan(roster, settings, DISTRICT_EMAIL, runId);
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
        assertEquals(reference.shares(), staged.shares());
        assertEquals(reference.rejectedRows(), staged.rejectedRows());
        assertEquals(reference.limitReasons(), staged.limitReasons());
        assertEquals(reference.problems().size(), staged.problemCount());
        List<ImportProblem> problems = staged.staged() == null ? staged.problems()
                : ImportRuns.merged(staged.problems(), staging.problems(runId, ImportRuns.PROBLEMS_KEPT));
        if (staged.users() != null) {
            problems = ImportRuns.merged(problems, users.problems(runId, ImportRuns.PROBLEMS_KEPT));
        }
        assertEquals(reference.problems(), problems);
        staging.clear(runId);
        users.clear(runId);
        return staged;
    }

    /** The staged comparison alone, its figures and changes against the reconciler's. */
    private Figures comparisonSameAsReference(Map<String, byte[]> files, String idSource) throws Exception {
        Plan reference = preview.plan(OneRosterParser.parse(files, idSource), RosterSettings.DEFAULTS, DISTRICT_EMAIL);
        List<RosterChange> expected = new ArrayList<>();
        RosterChangeRows.forEach(reference.changes(), StaffChanges.none(), expected::add);

        Long runId = run();
        Connection c = connection();
        StagedUsers.create(c, runId);
        UserStage stage = new UserStage(preview.unitIds().keySet(), rows -> {
            try {
                StagedUsers.insert(c, runId, rows);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, CsvReader.Source> sources = new HashMap<>();
        files.forEach((name, content) -> sources.put(name, () -> new ByteArrayInputStream(content)));
        ParsedRoster roster = OneRosterParser.read(sources, idSource, OneRosterParser.Progress.NONE, null, stage);
        stage.flush();
        assertTrue(roster.students().isEmpty() && roster.guardians().isEmpty(), "no student or guardian held");
        assertEquals(reference.roster().mode(OneRosterParser.USERS) != FileMode.ABSENT, roster.usersStaged());
        StagedUsers.compare(c, runId, roster.mode(OneRosterParser.USERS) == FileMode.BULK);
        Figures figures = StagedUsers.figures(c, runId);

        assertEquals(counts(reference.changes().students()), figures.students());
        assertEquals(counts(reference.changes().guardians()), figures.guardians());
        assertEquals(reference.changes().links().size(), figures.links());

        List<ImportProblem> expectedProblems = rowProblems(reference.changes().problems());
        // what the parser still holds: a whole file's problems, and a row that cut the file off
        List<ImportProblem> held = rowProblems(roster.problems());
        List<ImportProblem> problems = ImportRuns.merged(held, StagedUsers.problems(c, runId, ImportRuns.PROBLEMS_KEPT));
        assertEquals(expectedProblems, problems);
        this.problems = problems;
        assertEquals(expectedProblems.size(), held.size() + figures.problems());
        assertEquals(ImportLimits.rejectedRows(expectedProblems), ImportLimits.rejectedRows(held) + figures.rejectedRows());
        assertEquals(reference.roster().skipped(), roster.skipped());

        long seq = 0;
        for (String kind : List.of(UserStage.GUARDIAN, UserStage.STUDENT)) {
            for (String op : List.of("U", "C")) {
                seq += StagedUserChanges.storeChanges(c, runId, kind, op, seq, 1, Integer.MAX_VALUE);
            }
        }
        seq += StagedUserChanges.storeLinks(c, runId, seq);
        for (String kind : List.of(UserStage.STUDENT, UserStage.GUARDIAN)) {
            seq += StagedUserChanges.storeChanges(c, runId, kind, "D", seq, 1, Integer.MAX_VALUE);
            seq += StagedUserChanges.storeAbsent(c, runId, kind, seq, 0, Long.MAX_VALUE);
        }
        List<RosterChange> actual = beans.stored(runId);
        List<RosterChange> users = expected.stream().filter(change -> Set.of(RosterChangeRows.STUDENT,
                RosterChangeRows.GUARDIAN, RosterChangeRows.LINK).contains(change.kind())).toList();
        assertEquals(users.size(), seq);
        assertEquals(groups(users), groups(actual));
        StagedUsers.drop(c, runId);
        return figures;
    }

    private static ImportReport.Counts counts(Changes<?> changes) {
        return new ImportReport.Counts(changes.created().size(), changes.updated().size(), changes.deactivated().size(),
                changes.unchanged());
    }

    /** users.csv's problems of rows (a whole file's are the parser's either way); the staff's are not compared here. */
    private static List<ImportProblem> rowProblems(List<ImportProblem> problems) {
        return problems.stream().filter(p -> p.file().equals(OneRosterParser.USERS) && p.line() > 0).toList();
    }

    private Connection connection() {
        // a write binds the transaction's connection, which unwrap answers only then
        em.createNativeQuery("UPDATE import_run SET id = id WHERE id = -1").executeUpdate();
        return em.unwrap(Connection.class);
    }

    private Long run() {
        ImportRun run = new ImportRun("0".repeat(64), "roster.zip", "test", Instant.parse("2026-12-07T00:00:00Z"));
        em.persist(run);
        em.flush();
        em.clear();
        return run.getId();
    }

    /** Each kind and operation's records, sorted: the order within one is the order a set comes in. */
    private static List<String> groups(List<RosterChange> changes) {
        Map<String, List<String>> groups = new TreeMap<>();
        changes.forEach(change -> groups.computeIfAbsent(change.kind() + " " + change.op(), k -> new ArrayList<>())
                .add(change.ref() + "=" + change.payload()));
        List<String> all = new ArrayList<>();
        groups.forEach((key, records) -> all.add(key + " " + records.stream().sorted().toList()));
        return all;
    }
}
