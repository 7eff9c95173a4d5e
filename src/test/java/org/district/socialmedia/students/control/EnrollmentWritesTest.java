package org.district.socialmedia.students.control;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.students.control.RosterChangeLog.Page;
import org.district.socialmedia.students.control.RosterChangeLog.Range;
import org.district.socialmedia.students.control.RosterChangeLog.Rows;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.RosterChanged;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The set-wise write of enrollment rows ({@link EnrollmentWrites}, by the pages of {@link RosterChangeLog#next})
 * against the write through entities ({@link RosterWriter}) as the reference: the same stored roster and the same
 * import_change rows leave the same enrollments, undo records, figures and schools told. On H2 made by the real
 * migrations; PostgreSQL runs the same statements in the roster import's integration tests.
 */
class EnrollmentWritesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    private static final int MANY = 60;
    /** The stored records' ids: far from what the sequences give the records the writes create. */
    private static final long ID = 100_000;

    private static EntityManagerFactory emf;

    @BeforeAll
    static void database() throws SQLException {
        String url = JavaSeUnit.migratedH2("enrollment-writes");
        try (Connection c = DriverManager.getConnection(url, "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (1, 'HS', 'High School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (2, 'MS', 'Middle School', 'SCHOOL', TRUE, 0)");
            s.execute("INSERT INTO org_unit (id, code, name, kind, active, version) VALUES (3, 'ES', 'Elementary', 'SCHOOL', TRUE, 0)");
            student(s, 1, "s1", 1, true);
            student(s, 2, "s2", 2, true);
            student(s, 3, "s3", 3, true);
            schoolClass(s, 1, "c1", 1);
            schoolClass(s, 2, "c2", 2);
            schoolClass(s, 3, "c3", 3);
            // moves from c1 to c2
            enrollment(s, 1, "e1", 1, 1, "DATE '2026-09-01'", true);
            // inactive, brought back unchanged
            enrollment(s, 2, "e2", 1, 1, "NULL", false);
            enrollment(s, 3, "e3", 2, 2, "NULL", true);
            // inactive already: recorded for the undo, not changed
            enrollment(s, 4, "e4", 3, 3, "NULL", false);
            // untouched
            enrollment(s, 5, "e5", 1, 1, "NULL", true);
        }
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
    }

    private static void student(Statement s, long id, String sourcedId, long school, boolean active) throws SQLException {
        s.execute("INSERT INTO student (id, sourced_id, district_id, given_name, family_name, school_id, grade, active, created_at, version)"
                + " VALUES (" + (ID + id) + ", '" + sourcedId + "', 'D" + id + "', 'Al', 'Bo', " + school + ", NULL, " + active
                + ", CURRENT_TIMESTAMP, 0)");
    }

    private static void schoolClass(Statement s, long id, String sourcedId, long school) throws SQLException {
        s.execute("INSERT INTO school_class (id, sourced_id, title, class_code, school_id, active, version) VALUES ("
                + (ID + id) + ", '" + sourcedId + "', 'Title', 'C" + id + "', " + school + ", TRUE, 0)");
    }

    private static void enrollment(Statement s, long id, String sourcedId, long classId, long studentId, String begin,
                                   boolean active) throws SQLException {
        s.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, end_date, active, deactivated_at, version)"
                + " VALUES (" + (ID + id) + ", '" + sourcedId + "', " + (ID + classId) + ", " + (ID + studentId) + ", " + begin + ", NULL, " + active
                + ", " + (active ? "NULL" : "TIMESTAMP WITH TIME ZONE '2026-06-30 12:00:00+00:00'") + ", 3)");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    /** The write's rows in the order the plan numbers them: a student and a class created, enrollments, a student deactivated. */
    private static List<RosterChange> rows() {
        List<RosterChange> rows = new ArrayList<>();
        BiConsumer<String[], String> add = (kindOpRef, payload) ->
                rows.add(new RosterChange(rows.size(), kindOpRef[0], kindOpRef[1], kindOpRef[2], payload));
        add.accept(row("STUDENT", "CREATE", "s9"), RosterChangeRows.student(new StudentData("D9", "Cy", "Do", "MS", "5")));
        add.accept(row("CLASS", "CREATE", "c9"), RosterChangeRows.join("Drama", "DR", "HS"));
        add.accept(row("ENROLLMENT", "UPDATE", "e1"), enrollment("c2", "s1", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 30)));
        add.accept(row("ENROLLMENT", "UPDATE", "e2"), enrollment("c1", "s1", null, null));
        // of a class and a student the same run creates
        add.accept(row("ENROLLMENT", "CREATE", "e6"), enrollment("c9", "s9", null, null));
        add.accept(row("ENROLLMENT", "CREATE", "e7"), enrollment("c1", "s2", LocalDate.of(2026, 9, 1), null));
        // more than one block of ids
        for (int i = 0; i < MANY; i++) {
            add.accept(row("ENROLLMENT", "CREATE", "n" + i), enrollment("c1", "s1", null, LocalDate.of(2027, 1, 1 + i % 28)));
        }
        add.accept(row("ENROLLMENT", "DEACTIVATE", "e3"), null);
        add.accept(row("ENROLLMENT", "DEACTIVATE", "e4"), null);
        add.accept(row("ENROLLMENT", "DEACTIVATE", "e-unknown"), null);
        add.accept(row("STUDENT", "DEACTIVATE", "s3"), null);
        return rows;
    }

    private static String[] row(String kind, String op, String ref) {
        return new String[]{kind, op, ref};
    }

    private static String enrollment(String classId, String studentId, LocalDate begin, LocalDate end) {
        return RosterChangeRows.enrollment(new EnrollmentData(classId, studentId, begin, end));
    }

    /** What a write left: the enrollments, the run's undo records and figures, the rows left, the schools told. */
    private record Outcome(List<String> enrollments, List<String> undo, int written, long rowsLeft, Set<Long> schools) {
    }

    private interface Write {
        void apply(StagedRosterBeans beans, RosterChangeLog log, Long runId, List<RosterChange> rows, Recorded events);
    }

    private static Outcome write(Write write) {
        return write(rows(), write);
    }

    private static Outcome write(List<RosterChange> changes, Write write) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        try {
            StagedRosterBeans beans = new StagedRosterBeans(em);
            Recorded events = new Recorded();
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
            ImportRun run = new ImportRun("sha", "roster.zip", "test", CLOCK.instant());
            em.persist(run);
            em.flush();
            em.createNativeQuery("UPDATE import_run SET status = 'RUNNING' WHERE id = ?").setParameter(1, run.getId())
                    .executeUpdate();
            List<RosterChange> rows = changes;
            RosterChangeLog log = beans.runs.changes;
            assertEquals(rows.size(), log.storeChunk(run.getId(), rows));
            write.apply(beans, log, run.getId(), rows, events);
            em.flush();
            em.clear();
            return outcome(em, run.getId(), events);
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    private static Outcome outcome(EntityManager em, Long runId, Recorded events) {
        List<String> enrollments = em.createQuery("SELECT e FROM Enrollment e ORDER BY e.sourcedId", Enrollment.class)
                .getResultList().stream().map(e -> String.join(" ", e.getSourcedId(), e.getSchoolClass().getSourcedId(),
                        e.getStudent().getSourcedId(), String.valueOf(e.getBeginDate()), String.valueOf(e.getEndDate()),
                        String.valueOf(e.isActive()), String.valueOf(e.getDeactivatedAt()), String.valueOf(e.getVersion())))
                .toList();
        List<String> undo = ((List<?>) em.createNativeQuery("SELECT kind, record_id FROM import_run_deactivation WHERE run_id = ?"
                + " ORDER BY kind, record_id").setParameter(1, runId).getResultList()).stream()
                .map(row -> Arrays.stream((Object[]) row).map(String::valueOf).collect(Collectors.joining(" "))).toList();
        int written = ((Number) em.createNativeQuery("SELECT changes_written FROM import_run WHERE id = ?").setParameter(1, runId)
                .getSingleResult()).intValue();
        long left = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM import_change WHERE run_id = ?").setParameter(1, runId)
                .getSingleResult()).longValue();
        Set<Long> schools = new TreeSet<>();
        events.fired.forEach(e -> schools.add(e.schoolId()));
        return new Outcome(enrollments, undo, written, left, schools);
    }

    @Test
    void theSetWiseWriteLeavesWhatTheEntitiesLeave() {
        Outcome reference = write((beans, log, runId, rows, events) -> beans.runs.applyChunk(runId, rows));
        List<Set<Long>> told = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        Outcome setWise = write((beans, log, runId, rows, events) -> {
            long after = -1;
            Page page;
            while ((page = log.next(runId, after)) != null) {
                pages.add(page);
                int before = events.fired.size();
                beans.runs.apply(runId, page);
                told.add(events.fired.subList(before, events.fired.size()).stream().map(RosterChanged::schoolId)
                        .collect(Collectors.toCollection(TreeSet::new)));
                after = page.lastSeq();
            }
        });

        assertEquals(reference, setWise);
        // checked here too, so that the test cannot pass with both sides doing nothing
        int total = rows().size();
        assertEquals(5 + 2 + MANY, reference.enrollments().size());
        assertTrue(reference.enrollments().contains("e1 c2 s1 2026-09-01 2027-06-30 true null 4"), reference.enrollments().toString());
        assertTrue(reference.enrollments().contains("e2 c1 s1 null null true null 4"), reference.enrollments().toString());
        assertTrue(reference.enrollments().contains("e3 c2 s2 null null false 2026-12-07T03:00:00Z 4"), reference.enrollments().toString());
        assertTrue(reference.enrollments().contains("e4 c3 s3 null null false 2026-06-30T12:00:00Z 3"), reference.enrollments().toString());
        assertTrue(reference.enrollments().contains("e6 c9 s9 null null true null 1"), reference.enrollments().toString());
        assertEquals(List.of("ENROLLMENT e-unknown", "ENROLLMENT e3", "ENROLLMENT e4", "STUDENT s3"), reference.undo());
        assertEquals(total, reference.written());
        assertEquals(0, reference.rowsLeft());
        assertEquals(Set.of(1L, 2L, 3L), reference.schools());

        // the student in a range, the class through entities, the enrollments in one range, the student's deactivation
        // in a range after it
        assertEquals(4, pages.size());
        assertEquals(new Range("STUDENT", 0, 0), assertInstanceOf(Range.class, pages.get(0)));
        assertEquals(List.of(1L), ((Rows) pages.get(1)).changes().stream().map(RosterChange::seq).toList());
        assertEquals(new Range("ENROLLMENT", 2, total - 2), assertInstanceOf(Range.class, pages.get(2)));
        // the last range runs to the most seq numbers a range covers: none of another kind comes after it
        assertEquals(new Range("STUDENT", total - 1, total - 2 + RosterChangeLog.RANGE), assertInstanceOf(Range.class, pages.get(3)));
        // each school once a chunk; the range's: e1's move (HS to MS), e3's and e4's, the new class's and student's
        assertEquals(List.of(Set.of(2L), Set.of(1L), Set.of(1L, 2L, 3L), Set.of(3L)), told);
    }

    @Test
    void theSetWiseWriteTakesNoIdTheEntitiesTake() {
        write((beans, log, runId, rows, events) -> {
            EntityManager em = beans.em;
            SchoolClass c1 = em.find(SchoolClass.class, ID + 1);
            Student s1 = em.find(Student.class, ID + 1);
            // EclipseLink holds a block of ids from before the set-wise write, and takes another after it
            em.persist(new Enrollment("before", c1, s1, null, null));
            em.flush();
            beans.runs.applyChunk(runId, rows.subList(0, 2));
            beans.runs.applyRange(runId, new Range("ENROLLMENT", 2, rows.size() - 2));
            for (int i = 0; i < 2 * EnrollmentWrites.ID_BLOCK; i++) {
                em.persist(new Enrollment("after" + i, c1, s1, null, null));
            }
            em.flush();
            long distinct = ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT id) FROM enrollment").getSingleResult()).longValue();
            assertEquals(5 + 1 + 2 + MANY + 2 * EnrollmentWrites.ID_BLOCK, distinct);
        });
    }

    @Test
    void anEnrollmentEndingBeforeItBeginsFailsBothWays() {
        LocalDate begin = LocalDate.of(2026, 9, 1);
        LocalDate end = LocalDate.of(2026, 8, 31);
        for (RosterChange bad : List.of(new RosterChange(0, "ENROLLMENT", "CREATE", "e8", enrollment("c1", "s1", begin, end)),
                new RosterChange(0, "ENROLLMENT", "UPDATE", "e5", enrollment("c1", "s1", begin, end)))) {
            List<RosterChange> rows = List.of(bad, new RosterChange(1, "ENROLLMENT", "CREATE", "e9", enrollment("c1", "s1", null, null)));
            String[] messages = new String[2];
            write(rows, (beans, log, runId, stored, events) -> messages[0] = assertThrows(IllegalArgumentException.class,
                    () -> beans.runs.applyChunk(runId, stored)).getMessage());
            write(rows, (beans, log, runId, stored, events) -> {
                messages[1] = assertThrows(IllegalArgumentException.class,
                        () -> beans.runs.applyRange(runId, new Range("ENROLLMENT", 0, 1))).getMessage();
                // refused before anything of the range is written
                assertEquals(0L, ((Number) beans.em.createNativeQuery("SELECT COUNT(*) FROM enrollment WHERE sourced_id = 'e9'")
                        .getSingleResult()).longValue());
            });
            assertEquals("An enrollment cannot end (2026-08-31) before it begins (2026-09-01)", messages[0]);
            assertEquals(messages[0], messages[1]);
        }
    }

    /** The events fired, in order. */
    static final class Recorded implements Event<RosterChanged> {
        final List<RosterChanged> fired = new ArrayList<>();

        @Override
        public void fire(RosterChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends RosterChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RosterChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<RosterChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RosterChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RosterChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
