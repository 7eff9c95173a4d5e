package org.district.socialmedia.students.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.Query;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.students.control.RosterChangeLog.Page;
import org.district.socialmedia.students.control.RosterChangeLog.Range;
import org.district.socialmedia.students.control.RosterChangeLog.Rows;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The set-wise write of LINK rows ({@link LinkWrites}, by the pages of {@link RosterChangeLog#next}) against the
 * write through entities ({@link RosterWriter}) as the reference: the same stored roster and the same import_change
 * rows leave the same links, student and guardian versions, undo records (and the same roster after the undo), figures
 * and schools told. On H2 made by the real migrations; PostgreSQL runs the same statements in the roster import's
 * integration tests.
 */
class LinkWritesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    /** The stored records' ids: far from what the sequences give the records the writes create. */
    private static final long ID = 100_000;

    /** A record's deactivated_at, the same text on both databases (parameter: the clock's instant). */
    private static final String DEACTIVATED = "CASE WHEN deactivated_at IS NULL THEN 'none' WHEN deactivated_at = ? THEN 'now'"
            + " ELSE 'before' END";

    private static EntityManagerFactory emf;

    @BeforeAll
    static void database() throws SQLException {
        // -Dlink.writes.url=<an empty PostgreSQL database> (user and password link.writes.user and .password) runs the
        // same on it, made by the real migrations too
        JavaSeUnit.TestDatabase db = JavaSeUnit.migrated("link.writes", "link-writes");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (2, 'MS', 'Middle School', 'SCHOOL', TRUE, 0)");
            for (int i = 1; i <= 7; i++) {
                student(s, i, "s" + i, i != 6);
            }
            for (int i = 1; i <= 5; i++) {
                guardian(s, i, "'g" + i + "'", i != 4);
            }
            // entered by hand: the import never unlinks it
            guardian(s, 9, "NULL", true);
            // s1 keeps g2, loses g1 and gains g3; its adult entered by hand stays
            link(s, 1, 1);
            link(s, 1, 2);
            link(s, 1, 9);
            // s2 has no guardian left
            link(s, 2, 1);
            // s3: linked again to g1, which s2 loses, and to the inactive g4
            link(s, 3, 5);
            // s5: the same set (the plan would not list it): nothing changes, not even its version
            link(s, 5, 2);
            // s6 (inactive): its links are written all the same
            link(s, 6, 3);
            // s7: left as it is, no row names it
            link(s, 7, 1);
        }
        Map<String, String> props = db.unit();
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
    }

    private static void student(Statement s, long id, String sourcedId, boolean active) throws SQLException {
        s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at, version)"
                + " VALUES (" + (ID + id) + ", '" + sourcedId + "', 'D" + id + "', 'Al', 'Bo', " + (1 + id % 2) + ", NULL, " + active
                + ", CURRENT_TIMESTAMP, 2)");
    }

    private static void guardian(Statement s, long id, String sourcedId, boolean active) throws SQLException {
        s.execute("INSERT INTO guardian (id, sourced_id, given_name, family_name, email, phone, relationship, active, created_at,"
                + " deactivated_at, version) VALUES (" + (ID + id) + ", " + sourcedId + ", 'Pat', 'Bo', NULL, NULL, 'GUARDIAN', " + active
                + ", CURRENT_TIMESTAMP, " + (active ? "NULL" : "TIMESTAMP WITH TIME ZONE '2026-06-30 12:00:00+00:00'") + ", 5)");
    }

    private static void link(Statement s, long student, long guardian) throws SQLException {
        s.execute("INSERT INTO student_guardian (student_id, guardian_id) VALUES (" + (ID + student) + ", " + (ID + guardian) + ")");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    /**
     * The write's rows in the order the plan numbers them: a guardian and a student created, the links, a student and a
     * guardian deactivated.
     */
    private static List<RosterChange> rows() {
        List<RosterChange> rows = new ArrayList<>();
        Consumer<String[]> add = f -> rows.add(new RosterChange(rows.size(), f[0], f[1], f[2], f[3]));
        add.accept(new String[]{"GUARDIAN", "CREATE", "g8", RosterChangeRows.guardian(new GuardianData("Ny", "Ew", null, null,
                GuardianRole.GUARDIAN))});
        add.accept(new String[]{"STUDENT", "CREATE", "s8", RosterChangeRows.student(new StudentData("D8", "Cy", "Do", "MS", "5"))});
        add.accept(new String[]{"LINK", "SET", "s1", RosterChangeRows.join("g2", "g3")});
        add.accept(new String[]{"LINK", "SET", "s2", null});
        add.accept(new String[]{"LINK", "SET", "s3", RosterChangeRows.join("g1", "g4", "g5")});
        // a student and a guardian created in the same run
        add.accept(new String[]{"LINK", "SET", "s4", RosterChangeRows.join("g8")});
        add.accept(new String[]{"LINK", "SET", "s5", RosterChangeRows.join("g2")});
        add.accept(new String[]{"LINK", "SET", "s6", RosterChangeRows.join("g1")});
        add.accept(new String[]{"LINK", "SET", "s8", RosterChangeRows.join("g1", "g8")});
        // not stored: passed over
        add.accept(new String[]{"LINK", "SET", "s-unknown", RosterChangeRows.join("g1")});
        add.accept(new String[]{"STUDENT", "DEACTIVATE", "s7", null});
        add.accept(new String[]{"GUARDIAN", "DEACTIVATE", "g3", null});
        return rows;
    }

    /** What a write left: links, versions, the undo records and the roster after the undo, figures, rows left, schools. */
    private record Outcome(List<String> links, List<String> students, List<String> guardians, List<String> undo,
                           int written, long rowsLeft, Set<Long> schools, List<String> afterUndo) {
    }

    private static Outcome write(List<RosterChange> rows, Consumer<Wired> write) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        try {
            Wired wired = new Wired(em);
            ImportRun run = new ImportRun("sha", "roster.zip", "test", CLOCK.instant());
            em.persist(run);
            em.flush();
            em.createNativeQuery("UPDATE import_run SET status = 'RUNNING' WHERE id = ?").setParameter(1, run.getId())
                    .executeUpdate();
            wired.runId = run.getId();
            wired.rows = rows;
            assertEquals(rows.size(), wired.log().storeChunk(run.getId(), rows));
            write.accept(wired);
            em.flush();
            em.clear();
            List<String> links = links(em);
            List<String> students = rows(em, "SELECT sourced_id, active, " + DEACTIVATED + ", version FROM student ORDER BY sourced_id");
            List<String> guardians = rows(em, "SELECT sourced_id, active, " + DEACTIVATED + ", version FROM guardian ORDER BY sourced_id");
            List<String> undo = rows(em, "SELECT kind, record_id FROM import_run_deactivation WHERE run_id = " + run.getId()
                    + " ORDER BY kind, record_id");
            int written = ((Number) em.createNativeQuery("SELECT changes_written FROM import_run WHERE id = ?")
                    .setParameter(1, run.getId()).getSingleResult()).intValue();
            long left = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM import_change WHERE run_id = ?")
                    .setParameter(1, run.getId()).getSingleResult()).longValue();
            Set<Long> schools = wired.events.fired.stream().map(RosterChanged::schoolId).collect(Collectors.toCollection(TreeSet::new));

            wired.beans.runs.completeWrite(run.getId());
            wired.beans.runs.undoLastDeactivations("test");
            em.flush();
            em.clear();
            List<String> afterUndo = new ArrayList<>(links(em));
            afterUndo.addAll(rows(em, "SELECT sourced_id, active, version FROM student ORDER BY sourced_id"));
            afterUndo.addAll(rows(em, "SELECT sourced_id, active, version FROM guardian ORDER BY sourced_id"));
            return new Outcome(links, students, guardians, undo, written, left, schools, afterUndo);
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    private static List<String> links(EntityManager em) {
        return rows(em, "SELECT t.sourced_id, COALESCE(g.sourced_id, 'by hand') FROM student_guardian sg"
                + " JOIN student t ON t.id = sg.student_id JOIN guardian g ON g.id = sg.guardian_id ORDER BY 1, 2");
    }

    private static List<String> rows(EntityManager em, String sql) {
        Query query = em.createNativeQuery(sql);
        if (sql.contains(DEACTIVATED)) {
            query.setParameter(1, CLOCK.instant().atOffset(ZoneOffset.UTC));
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
        assertEquals(List.of("s1 by hand", "s1 g2", "s1 g3", "s3 g1", "s3 g4", "s3 g5", "s4 g8", "s5 g2", "s6 g1", "s7 g1",
                "s8 g1", "s8 g8"), reference.links());
        // a changed set is a new version of its student; s5's unchanged set is not; s7 was deactivated
        assertTrue(reference.students().containsAll(List.of("s1 true none 3", "s2 true none 3", "s3 true none 3",
                "s4 true none 3", "s5 true none 2", "s6 false none 3", "s7 false now 3", "s8 true none 2")),
                reference.students().toString());
        assertTrue(reference.guardians().containsAll(List.of("g1 true none 5", "g3 false now 6", "g4 false before 5",
                "g8 true none 1")), reference.guardians().toString());
        assertEquals(List.of("GUARDIAN g3", "STUDENT s7"), reference.undo());
        assertEquals(rows().size(), reference.written());
        assertEquals(0, reference.rowsLeft());
        // the student's creation and deactivation; no school for links
        assertEquals(Set.of(2L), reference.schools());
        assertTrue(reference.afterUndo().containsAll(List.of("s7 true 4", "g3 true 7", "s1 g3")), reference.afterUndo().toString());

        // the guardian, the student, the links, the student's and the guardian's deactivation: a range each (the last
        // runs to the most seq numbers a range covers, none of another kind coming after it)
        assertEquals(List.of(new Range("GUARDIAN", 0, 0), new Range("STUDENT", 1, 1), new Range("LINK", 2, 9),
                new Range("STUDENT", 10, 10), new Range("GUARDIAN", 11, 10 + RosterChangeLog.RANGE)), pages);
        assertEquals(List.of(Set.of(), Set.of(2L), Set.of(), Set.of(2L), Set.of()), told);
    }

    @Test
    void aLinkToAGuardianNotStoredFailsBothWays() {
        List<RosterChange> rows = List.of(new RosterChange(0, "LINK", "SET", "s1", RosterChangeRows.join("g2", "g-unknown")));
        assertThrows(RuntimeException.class, () -> write(rows, wired -> wired.beans.runs.applyChunk(wired.runId, wired.rows)));
        IllegalStateException setWise = assertThrows(IllegalStateException.class,
                () -> write(rows, wired -> wired.beans.runs.applyRange(wired.runId, new Range("LINK", 0, 0))));
        assertTrue(setWise.getMessage().contains("'g-unknown', who is not stored"), setWise.getMessage());
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
