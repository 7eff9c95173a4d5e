package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.Query;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.control.RosterChangeLog.Page;
import org.district.socialmedia.students.control.RosterChangeLog.Range;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.RosterChanged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The set-wise write of STUDENT and GUARDIAN rows ({@link StudentWrites}, {@link GuardianWrites}, by the pages of
 * {@link RosterChangeLog#next}) against the write through entities ({@link RosterWriter}) as the reference: the same
 * stored roster and the same import_change rows leave the same students and guardians (values, activity, versions),
 * undo records (and the same roster after the undo), figures and schools told; a row the entity refuses fails both
 * ways, with the entity's message. On H2 made by the real migrations; {@code -Duser.writes.url=<an empty PostgreSQL
 * database>} (user and password {@code user.writes.user} and {@code .password}) runs the same there.
 */
class StudentGuardianWritesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    /** The stored records' ids: far from what the sequences give the records the writes create. */
    private static final long ID = 100_000;
    /** Students created: more than one block of ids. */
    private static final int MANY = 60;
    private static final String NOW = "CASE WHEN %s IS NULL THEN 'none' WHEN %s = ? THEN 'now' ELSE 'before' END";

    private static EntityManagerFactory emf;

    @BeforeAll
    static void database() throws SQLException {
        JavaSeUnit.TestDatabase db = JavaSeUnit.migrated("user.writes", "user-writes");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (2, 'MS', 'Middle School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (3, 'ES', 'Elementary', 'SCHOOL', TRUE, 0)");
            // s1 moves from HS to MS and is renamed; s2 is brought the same values; s3 (inactive) is brought back
            student(s, 1, "'s1'", "D1", 1, true);
            student(s, 2, "'s2'", "D2", 2, true);
            student(s, 3, "'s3'", "D3", 3, false);
            // s4 is deactivated; s5 (inactive already) is recorded for the undo only
            student(s, 4, "'s4'", "D4", 3, true);
            student(s, 5, "'s5'", "D5", 1, false);
            // s6 hands its District id on to s9, created by the same run
            student(s, 6, "'s6'", "D6", 2, true);
            // entered by hand: untouched
            student(s, 7, "NULL", "D7", 1, true);
            guardian(s, 1, "'g1'", "'kim@old.org'", true);
            guardian(s, 2, "'g2'", "'pat@example.org'", true);
            guardian(s, 3, "NULL", "NULL", false);
            guardian(s, 4, "'g4'", "NULL", true);
            guardian(s, 5, "'g5'", "NULL", false);
        }
        Map<String, String> props = db.unit();
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
    }

    private static void student(Statement s, long id, String sourcedId, String districtId, long school, boolean active)
            throws SQLException {
        s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at,"
                + " deactivated_at, version) VALUES (" + (ID + id) + ", " + sourcedId + ", '" + districtId + "', 'Al', 'Bo', "
                + school + ", '3', " + active + ", TIMESTAMP WITH TIME ZONE '2026-01-05 12:00:00+00:00', "
                + (active ? "NULL" : "TIMESTAMP WITH TIME ZONE '2026-06-30 12:00:00+00:00'") + ", 2)");
    }

    private static void guardian(Statement s, long id, String sourcedId, String email, boolean active) throws SQLException {
        s.execute("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, phone, relationship, active, created_at,"
                + " deactivated_at, version) VALUES (" + (ID + id) + ", " + sourcedId + ", 'Pat', 'Bo', " + email + ", '555',"
                + " 'GUARDIAN', " + active + ", TIMESTAMP WITH TIME ZONE '2026-01-05 12:00:00+00:00', "
                + (active ? "NULL" : "TIMESTAMP WITH TIME ZONE '2026-06-30 12:00:00+00:00'") + ", 5)");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    private static RosterChange row(List<RosterChange> rows, String kind, String op, String ref, String payload) {
        RosterChange row = new RosterChange(rows.size(), kind, op, ref, payload);
        rows.add(row);
        return row;
    }

    private static String student(String districtId, String given, String school, String grade) {
        return RosterChangeRows.student(new StudentData(districtId, given, "Bo", school, grade));
    }

    private static String guardian(String given, String email, String phone, GuardianRole role) {
        return RosterChangeRows.guardian(new GuardianData(given, "Bo", email, phone, role));
    }

    /** The write's rows in the order the plan numbers them: guardians, students, then deactivations of each. */
    private static List<RosterChange> rows() {
        List<RosterChange> rows = new ArrayList<>();
        row(rows, "GUARDIAN", "UPDATE", "g1", guardian("Pat", "Kim@New.org", "555", GuardianRole.PARENT));
        row(rows, "GUARDIAN", "UPDATE", "g2", guardian("Pat", "pat@example.org", "555", GuardianRole.GUARDIAN));
        // brought back, then deactivated by the same run
        row(rows, "GUARDIAN", "UPDATE", "g5", guardian("Pat", null, null, GuardianRole.GUARDIAN));
        row(rows, "GUARDIAN", "UPDATE", "g-unknown", guardian("Pat", null, null, GuardianRole.GUARDIAN));
        row(rows, "GUARDIAN", "CREATE", "g8", guardian("Ny", "NY@Example.org", null, GuardianRole.RELATIVE));
        row(rows, "GUARDIAN", "CREATE", "g9", guardian("Oz", null, "556", GuardianRole.PARENT));
        row(rows, "STUDENT", "UPDATE", "s1", student("D1", "Cy", "MS", null));
        row(rows, "STUDENT", "UPDATE", "s2", student("D2", "Al", "MS", "3"));
        row(rows, "STUDENT", "UPDATE", "s3", student("D3", "Al", "ES", "3"));
        row(rows, "STUDENT", "UPDATE", "s6", student("D60", "Al", "MS", "3"));
        row(rows, "STUDENT", "UPDATE", "s-unknown", student("D99", "Al", "MS", "3"));
        row(rows, "STUDENT", "CREATE", "s9", student("D6", "Ed", "ES", "K"));
        for (int i = 0; i < MANY; i++) {
            row(rows, "STUDENT", "CREATE", "n" + i, student("N" + i, "Fay", i % 2 == 0 ? "HS" : "MS", null));
        }
        row(rows, "CLASS", "DEACTIVATE", "c-unknown", null);
        row(rows, "STUDENT", "DEACTIVATE", "s4", null);
        row(rows, "STUDENT", "DEACTIVATE", "s5", null);
        row(rows, "STUDENT", "DEACTIVATE", "s-gone", null);
        row(rows, "GUARDIAN", "DEACTIVATE", "g4", null);
        row(rows, "GUARDIAN", "DEACTIVATE", "g5", null);
        return rows;
    }

    /** What a write left: students, guardians, the undo records and the roster after the undo, figures, rows left, schools. */
    private record Outcome(List<String> students, List<String> guardians, List<String> undo, int written, long rowsLeft,
                           Set<Long> schools, List<String> afterUndo) {
    }

    private static Outcome write(List<RosterChange> rows, Consumer<Wired> write) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        try {
            Wired wired = new Wired(em);
            wired.runId = started(em);
            wired.rows = rows;
            assertEquals(rows.size(), wired.log().storeChunk(wired.runId, rows));
            write.accept(wired);
            em.flush();
            em.clear();
            Long runId = wired.runId;
            List<String> students = students(em);
            List<String> guardians = guardians(em);
            List<String> undo = rows(em, "SELECT kind, record_id FROM import_run_deactivation WHERE run_id = " + runId
                    + " ORDER BY kind, record_id");
            int written = ((Number) em.createNativeQuery("SELECT changes_written FROM import_run WHERE id = ?")
                    .setParameter(1, runId).getSingleResult()).intValue();
            long left = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM import_change WHERE run_id = ?")
                    .setParameter(1, runId).getSingleResult()).longValue();
            Set<Long> schools = wired.events.fired.stream().map(RosterChanged::schoolId).collect(Collectors.toCollection(TreeSet::new));

            wired.beans.runs.completeWrite(runId);
            wired.beans.runs.undoLastDeactivations("test");
            em.flush();
            em.clear();
            List<String> afterUndo = new ArrayList<>(students(em));
            afterUndo.addAll(guardians(em));
            return new Outcome(students, guardians, undo, written, left, schools, afterUndo);
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    private static Long started(EntityManager em) {
        ImportRun run = new ImportRun("sha", "roster.zip", "test", CLOCK.instant());
        em.persist(run);
        em.flush();
        em.createNativeQuery("UPDATE import_run SET status = 'RUNNING' WHERE id = ?").setParameter(1, run.getId()).executeUpdate();
        return run.getId();
    }

    private static List<String> students(EntityManager em) {
        return rows(em, "SELECT COALESCE(t.sourced_id, 'by hand'), t.district_id, t.given_name, t.family_name, u.code,"
                + " COALESCE(t.grade, '-'), t.active, " + NOW.formatted("t.deactivated_at", "t.deactivated_at") + ", "
                + NOW.formatted("t.created_at", "t.created_at") + ", t.version FROM student t JOIN org_unit u ON u.id = t.school_id"
                + " ORDER BY 1");
    }

    private static List<String> guardians(EntityManager em) {
        return rows(em, "SELECT COALESCE(sourced_id, 'by hand'), given_name, family_name, COALESCE(email, '-'), COALESCE(phone, '-'),"
                + " relationship, active, " + NOW.formatted("deactivated_at", "deactivated_at") + ", "
                + NOW.formatted("created_at", "created_at") + ", version FROM guardian ORDER BY 1");
    }

    private static List<String> rows(EntityManager em, String sql) {
        Query query = em.createNativeQuery(sql);
        int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
        for (int i = 1; i <= parameters; i++) {
            query.setParameter(i, CLOCK.instant().atOffset(ZoneOffset.UTC));
        }
        return ((List<?>) query.getResultList()).stream()
                .map(row -> Arrays.stream((Object[]) row).map(String::valueOf).collect(Collectors.joining(" "))).toList();
    }

    /** Every page as the job's chunks apply them; the pages, and the schools each told. */
    private static void paged(Wired wired, List<Page> pages, List<Set<Long>> told) {
        long after = -1;
        Page page;
        while ((page = wired.log().next(wired.runId, after)) != null) {
            pages.add(page);
            int before = wired.events.fired.size();
            wired.beans.runs.apply(wired.runId, page);
            told.add(wired.events.fired.subList(before, wired.events.fired.size()).stream().map(RosterChanged::schoolId)
                    .collect(Collectors.toCollection(TreeSet::new)));
            after = page.lastSeq();
        }
    }

    @Test
    void theSetWiseWriteLeavesWhatTheEntitiesLeave() {
        Outcome reference = write(rows(), wired -> wired.beans.runs.applyChunk(wired.runId, wired.rows));
        List<Page> pages = new ArrayList<>();
        List<Set<Long>> told = new ArrayList<>();
        Outcome setWise = write(rows(), wired -> paged(wired, pages, told));

        assertEquals(reference, setWise);
        // checked here too, so that the test cannot pass with both sides doing nothing
        assertEquals(List.of("by hand D7 Al Bo HS 3 true none before 2", "n0 N0 Fay Bo HS - true none now 1"),
                reference.students().subList(0, 2));
        assertTrue(reference.students().containsAll(List.of(
                "s1 D1 Cy Bo MS - true none before 3", "s2 D2 Al Bo MS 3 true none before 2",
                "s3 D3 Al Bo ES 3 true none before 3", "s4 D4 Al Bo ES 3 false now before 3",
                "s5 D5 Al Bo HS 3 false before before 2", "s6 D60 Al Bo MS 3 true none before 3",
                "s9 D6 Ed Bo ES K true none now 1")), reference.students().toString());
        assertEquals(7 + 1 + MANY, reference.students().size());
        assertEquals(List.of("by hand Pat Bo - 555 GUARDIAN false before before 5",
                "g1 Pat Bo kim@new.org 555 PARENT true none before 6", "g2 Pat Bo pat@example.org 555 GUARDIAN true none before 5",
                "g4 Pat Bo - 555 GUARDIAN false now before 6", "g5 Pat Bo - - GUARDIAN false now before 7",
                "g8 Ny Bo ny@example.org - RELATIVE true none now 1", "g9 Oz Bo - 556 PARENT true none now 1"),
                reference.guardians());
        assertEquals(List.of("CLASS c-unknown", "GUARDIAN g4", "GUARDIAN g5", "STUDENT s-gone", "STUDENT s4", "STUDENT s5"),
                reference.undo());
        assertEquals(rows().size(), reference.written());
        assertEquals(0, reference.rowsLeft());
        // s1's move (HS to MS), s2's and s6's (MS), s3's (ES), the new students' (ES, HS, MS), s4's and s5's
        assertEquals(Set.of(1L, 2L, 3L), reference.schools());
        assertTrue(reference.afterUndo().containsAll(List.of("s4 D4 Al Bo ES 3 true none before 4",
                "s5 D5 Al Bo HS 3 true none before 3", "g4 Pat Bo - 555 GUARDIAN true none before 7")),
                reference.afterUndo().toString());

        int students = 6 + MANY;
        assertEquals(List.of(new Range("GUARDIAN", 0, 5), new Range("STUDENT", 6, 5 + students)), pages.subList(0, 2));
        assertEquals(List.of(new Range("STUDENT", 7 + students, 9 + students),
                new Range("GUARDIAN", 10 + students, 9 + students + RosterChangeLog.RANGE)), pages.subList(3, 5));
        assertEquals(List.of(Set.of(), Set.of(1L, 2L, 3L), Set.of(), Set.of(1L, 3L), Set.of()), told);
    }

    @Test
    void aRowTheEntityRefusesFailsBothWaysWithItsMessage() {
        String tooLong = "x".repeat(101);
        assertRefused(List.of(new RosterChange(0, "STUDENT", "CREATE", "s8", student("D8", tooLong, "MS", null))),
                "At most 100 characters");
        // an update of a stored student; the first refused row of the range
        assertRefused(List.of(new RosterChange(0, "STUDENT", "UPDATE", "s2", student("D2", "Al", "MS", "grade-too-long")),
                new RosterChange(1, "STUDENT", "CREATE", "s8", student("D8", tooLong, "MS", null))), "At most 10 characters");
        assertRefused(List.of(new RosterChange(0, "GUARDIAN", "CREATE", "g8", guardian("Ny", "no address", null, GuardianRole.PARENT))),
                "Enter a valid email address");
        assertRefused(List.of(new RosterChange(0, "GUARDIAN", "UPDATE", "g1", guardian(null, null, null, GuardianRole.PARENT))),
                "Enter the given name");
    }

    private static void assertRefused(List<RosterChange> rows, String message) {
        InvalidInputException byEntities = assertThrows(InvalidInputException.class,
                () -> write(rows, wired -> wired.beans.runs.applyChunk(wired.runId, wired.rows)));
        assertEquals(message, byEntities.getMessage());
        InvalidInputException setWise = assertThrows(InvalidInputException.class, () -> write(rows, wired -> {
            wired.beans.runs.applyRange(wired.runId, new Range(rows.get(0).kind(), 0, rows.size() - 1));
        }));
        assertEquals(byEntities.getMessage(), setWise.getMessage());
    }

    @Test
    void aDistrictIdAnotherStudentKeepsFailsTheRangeBeforeWriting() {
        // D7 is a hand-entered student's; D2 stays s2's (no row of the range changes it)
        for (String taken : List.of("D7", "D2")) {
            List<RosterChange> rows = List.of(new RosterChange(0, "STUDENT", "UPDATE", "s1", student("D1", "Cy", "MS", null)),
                    new RosterChange(1, "STUDENT", "CREATE", "s8", student(taken, "Ed", "MS", null)));
            assertThrows(RuntimeException.class, () -> write(rows, wired -> wired.beans.runs.applyChunk(wired.runId, wired.rows)));
            IllegalStateException setWise = assertThrows(IllegalStateException.class, () -> write(rows, wired -> {
                try {
                    wired.beans.runs.applyRange(wired.runId, new Range("STUDENT", 0, 1));
                } finally {
                    // nothing written: s1 keeps its name
                    assertEquals(List.of("Al"), wired.beans.em.createNativeQuery("SELECT given_name FROM student WHERE sourced_id = 's1'")
                            .getResultList());
                }
            }));
            assertTrue(setWise.getMessage().contains("'s8' is to take the District id '" + taken + "'"), setWise.getMessage());
        }
        // two rows of the range giving one District id
        List<RosterChange> twice = List.of(new RosterChange(0, "STUDENT", "CREATE", "s8", student("D8", "Ed", "MS", null)),
                new RosterChange(1, "STUDENT", "CREATE", "s9", student("D8", "Ed", "MS", null)));
        assertThrows(RuntimeException.class, () -> write(twice, wired -> wired.beans.runs.applyChunk(wired.runId, wired.rows)));
        IllegalStateException setWise = assertThrows(IllegalStateException.class,
                () -> write(twice, wired -> wired.beans.runs.applyRange(wired.runId, new Range("STUDENT", 0, 1))));
        assertTrue(setWise.getMessage().contains("District id 'D8'"), setWise.getMessage());
    }

    /** The beans of the write and the undo, wired by hand on one entity manager. */
    private static final class Wired {
        final StagedRosterBeans beans;
        final EnrollmentWritesTest.Recorded events = new EnrollmentWritesTest.Recorded();
        Long runId;
        List<RosterChange> rows;

        Wired(EntityManager em) {
            beans = new StagedRosterBeans(em);
            RosterWriter writer = new RosterWriter();
            writer.em = em;
            writer.preview = beans.preview;
            writer.clock = CLOCK;
            writer.rosterChanged = events;
            RosterStaffWriter staff = new RosterStaffWriter();
            staff.em = em;
            writer.staff = staff;
            beans.runs.writer = writer;
            beans.runs.clock = CLOCK;
            beans.runs.rosterChanged = events;
            beans.runs.audit = new AuditLog() {
                @Override
                public void record(String action, String objectType, Object objectId, String details) {
                }

                @Override
                public void recordAs(String actor, String action, String objectType, Object objectId, String details) {
                }
            };
        }

        RosterChangeLog log() {
            return beans.runs.changes;
        }
    }
}
