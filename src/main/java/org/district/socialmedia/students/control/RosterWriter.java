package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterChanges.Changes;
import org.district.socialmedia.students.control.RosterChanges.NewUnit;
import org.district.socialmedia.students.control.RosterSnapshot.ClassData;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.Stored;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a parsed OneRoster export to the database: loads the part of the stored roster the files
 * concern, lets {@link RosterReconciler} decide, applies its changes and audits the import once.
 * Shared by the import API (which checks the caller's role) and the dev run's demo roster (which
 * has no caller).
 * <p>
 * Everything goes in chunks of {@link #CHUNK}: lookups by sourcedId, and writes, each chunk flushed
 * and the persistence context cleared, so a 100,000-row file never holds all its entities at once.
 * The clearing is the transaction's whole persistence context: what the caller had pending is
 * flushed first, and entities it holds are detached afterwards.
 */
@Stateless
public class RosterWriter {

    /** Rows per lookup and per flush: an IN list of 500 stays well inside every database's limits. */
    public static final int CHUNK = 500;

    // Projections: plain values for the snapshot, no entities (whose eager relations would load too), read into named rows.
    public record UnitRow(String code, Long id) {
    }

    public record StudentRow(String sourcedId, String districtId, String givenName, String familyName, String schoolCode,
                      String grade, Boolean active) {
        Stored<StudentData> stored() {
            return new Stored<>(new StudentData(districtId, givenName, familyName, schoolCode, grade), active);
        }
    }

    public record LinkRow(String studentId, String guardianId) {
    }

    public record GuardianRow(String sourcedId, String givenName, String familyName, String email, String phone,
                       GuardianRole relationship, Boolean active) {
    }

    public record ClassRow(String sourcedId, String title, String classCode, String schoolCode, Boolean active) {
    }

    public record EnrollmentRow(String sourcedId, String classId, String studentId, LocalDate beginDate, LocalDate endDate,
                         Boolean active) {
    }

    static final String UNITS = "SELECT NEW " + UnitRow.class.getName() + "(u.code, u.id) FROM OrgUnit u";
    private static final String STUDENT_ROW = "SELECT NEW " + StudentRow.class.getName()
            + "(s.sourcedId, s.districtId, s.givenName, s.familyName, u.code, s.grade, s.active) FROM Student s JOIN s.school u";
    static final String STUDENTS = STUDENT_ROW + " WHERE s.sourcedId IN :ids";
    // hand-entered students too (sourcedId null): their District ids cannot be taken
    static final String STUDENTS_BY_DISTRICT_ID = STUDENT_ROW + " WHERE s.districtId IN :ids";
    static final String STUDENTS_OF_GUARDIANS = "SELECT DISTINCT s.sourcedId FROM Student s JOIN s.guardians g"
            + " WHERE g.sourcedId IN :ids AND s.sourcedId IS NOT NULL";
    static final String LINKS = "SELECT NEW " + LinkRow.class.getName() + "(s.sourcedId, g.sourcedId) FROM Student s JOIN s.guardians g"
            + " WHERE s.sourcedId IN :ids AND g.sourcedId IS NOT NULL";
    static final String GUARDIANS = "SELECT NEW " + GuardianRow.class.getName() + "(g.sourcedId, g.givenName, g.familyName,"
            + " g.email, g.phone, g.relationship, g.active) FROM Guardian g WHERE g.sourcedId IN :ids";
    static final String CLASSES = "SELECT NEW " + ClassRow.class.getName() + "(c.sourcedId, c.title, c.classCode, u.code, c.active)"
            + " FROM SchoolClass c JOIN c.school u WHERE c.sourcedId IN :ids";
    static final String ENROLLMENTS = "SELECT NEW " + EnrollmentRow.class.getName() + "(e.sourcedId, c.sourcedId, s.sourcedId,"
            + " e.beginDate, e.endDate, e.active) FROM Enrollment e JOIN e.schoolClass c JOIN e.student s WHERE e.sourcedId IN :ids";
    // a bulk file's absence check: inactive records are not deactivated again, so active ids suffice
    static final String ACTIVE_STUDENT_IDS = "SELECT s.sourcedId FROM Student s WHERE s.sourcedId IS NOT NULL AND s.active = TRUE";
    static final String ACTIVE_GUARDIAN_IDS = "SELECT g.sourcedId FROM Guardian g WHERE g.sourcedId IS NOT NULL AND g.active = TRUE";
    static final String ACTIVE_CLASS_IDS = "SELECT c.sourcedId FROM SchoolClass c WHERE c.sourcedId IS NOT NULL AND c.active = TRUE";
    static final String ACTIVE_ENROLLMENT_IDS = "SELECT e.sourcedId FROM Enrollment e WHERE e.sourcedId IS NOT NULL AND e.active = TRUE";
    static final String STUDENTS_WITH_GUARDIANS = "SELECT DISTINCT s FROM Student s LEFT JOIN FETCH s.guardians"
            + " WHERE s.sourcedId IN :sourcedIds";

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** In the caller's transaction, or a new one; all or nothing (the report's problems are rows left out). */
    public ImportReport write(ParsedRoster roster) {
        em.flush();
        Map<String, Long> units = unitIds();
        RosterChanges changes = RosterReconciler.reconcile(roster, snapshot(roster, units.keySet()));
        apply(changes, units, clock.instant());
        ImportReport report = ImportReport.of(roster, changes);
        audit.record("ROSTER_IMPORTED", "Roster", null, report.summary());
        return report;
    }

    // ------------------------------------------------------------------ the stored roster, as far as it matters

    private RosterSnapshot snapshot(ParsedRoster roster, Set<String> unitCodes) {
        RosterMentions mentions = RosterMentions.of(roster);
        // A student linked to an adult of this file may lose that link: its links are compared, so all
        // of them are loaded, not only those to the file's adults.
        Set<String> studentIds = new HashSet<>(mentions.students());
        Set<String> adultsInFile = new HashSet<>();
        roster.guardians().forEach(row -> adultsInFile.add(row.sourcedId()));
        forChunks(adultsInFile, chunk -> studentIds.addAll(select(STUDENTS_OF_GUARDIANS, chunk, String.class)));

        Map<String, Stored<StudentData>> students = new HashMap<>();
        Set<String> handEntered = new HashSet<>();
        forChunks(studentIds, chunk -> select(STUDENTS, chunk, StudentRow.class)
                .forEach(r -> students.put(r.sourcedId(), r.stored())));
        forChunks(mentions.districtIds(), chunk -> select(STUDENTS_BY_DISTRICT_ID, chunk, StudentRow.class).forEach(r -> {
            if (r.sourcedId() == null) {
                handEntered.add(r.districtId());
            } else {
                students.putIfAbsent(r.sourcedId(), r.stored());
            }
        }));
        Map<String, Set<String>> links = new HashMap<>();
        forChunks(studentIds, chunk -> select(LINKS, chunk, LinkRow.class)
                .forEach(r -> links.computeIfAbsent(r.studentId(), k -> new HashSet<>()).add(r.guardianId())));

        Map<String, Stored<GuardianData>> guardians = new HashMap<>();
        forChunks(mentions.guardians(), chunk -> select(GUARDIANS, chunk, GuardianRow.class).forEach(r -> guardians.put(r.sourcedId(),
                new Stored<>(new GuardianData(r.givenName(), r.familyName(), r.email(), r.phone(), r.relationship()), r.active()))));
        Map<String, Stored<ClassData>> classes = new HashMap<>();
        forChunks(mentions.classes(), chunk -> select(CLASSES, chunk, ClassRow.class).forEach(r -> classes.put(r.sourcedId(),
                new Stored<>(new ClassData(r.title(), r.classCode(), r.schoolCode()), r.active()))));
        Map<String, Stored<EnrollmentData>> enrollments = new HashMap<>();
        forChunks(mentions.enrollments(), chunk -> select(ENROLLMENTS, chunk, EnrollmentRow.class).forEach(r -> enrollments.put(r.sourcedId(),
                new Stored<>(new EnrollmentData(r.classId(), r.studentId(), r.beginDate(), r.endDate()), r.active()))));

        if (roster.mode(OneRosterParser.USERS) == FileMode.BULK) {
            present(ACTIVE_STUDENT_IDS, students);
            present(ACTIVE_GUARDIAN_IDS, guardians);
        }
        if (roster.mode(OneRosterParser.CLASSES) == FileMode.BULK) {
            present(ACTIVE_CLASS_IDS, classes);
        }
        if (roster.mode(OneRosterParser.ENROLLMENTS) == FileMode.BULK) {
            present(ACTIVE_ENROLLMENT_IDS, enrollments);
        }
        return new RosterSnapshot(unitCodes, students, guardians, classes, enrollments, links, handEntered);
    }

    /** Adds the active records not loaded yet by their presence only (ids, no values). */
    private <T> void present(String activeIds, Map<String, Stored<T>> loaded) {
        em.createQuery(activeIds, String.class).getResultList().forEach(id -> loaded.putIfAbsent(id, new Stored<>(null, true)));
    }

    private Map<String, Long> unitIds() {
        Map<String, Long> ids = new HashMap<>();
        em.createQuery(UNITS, UnitRow.class).getResultList().forEach(r -> ids.put(r.code(), r.id()));
        return ids;
    }

    private <T> List<T> select(String jpql, Collection<String> ids, Class<T> type) {
        return em.createQuery(jpql, type).setParameter("ids", ids).getResultList();
    }

    private static <T> void forChunks(Collection<T> items, Consumer<List<T>> action) {
        Chunks.of(items, CHUNK).forEach(action);
    }

    // ------------------------------------------------------------------ applying the changes

    private void apply(RosterChanges changes, Map<String, Long> units, Instant now) {
        for (NewUnit unit : changes.unitsToCreate()) {
            OrgUnit school = new OrgUnit(unit.code(), unit.name(), OrgUnit.Kind.SCHOOL);
            em.persist(school);
            em.flush();
            units.put(unit.code(), school.getId());
        }
        Function<String, OrgUnit> school = code -> em.find(OrgUnit.class, units.get(code));

        // adults before students (links), students and classes before enrollments
        Changes<GuardianData> guardians = changes.guardians();
        update(guardians.updated(), Guardian.BY_SOURCED_ID, Guardian.class, Guardian::getSourcedId,
                (g, d) -> g.update(d.givenName(), d.familyName(), d.email(), d.phone(), d.role()));
        create(guardians.created(), (id, d) -> em.persist(new Guardian(id, d.givenName(), d.familyName(), d.email(),
                d.phone(), d.role(), now)));

        // updates first: a student may hand its District id on to a new one in the same file
        Changes<StudentData> students = changes.students();
        update(students.updated(), Student.BY_SOURCED_ID, Student.class, Student::getSourcedId,
                (s, d) -> s.update(d.districtId(), d.givenName(), d.familyName(), school.apply(d.schoolCode()), d.grade()));
        create(students.created(), (id, d) -> em.persist(new Student(id, d.districtId(), d.givenName(), d.familyName(),
                school.apply(d.schoolCode()), d.grade(), now)));

        Changes<ClassData> classes = changes.classes();
        update(classes.updated(), SchoolClass.BY_SOURCED_ID, SchoolClass.class, SchoolClass::getSourcedId,
                (c, d) -> c.update(d.title(), d.classCode(), school.apply(d.schoolCode())));
        create(classes.created(), (id, d) -> em.persist(new SchoolClass(id, d.title(), d.classCode(), school.apply(d.schoolCode()))));

        writeEnrollments(changes.enrollments());
        writeLinks(changes.links());

        deactivate(changes.enrollments().deactivated(), Enrollment.BY_SOURCED_ID, Enrollment.class, e -> e.deactivate(now));
        deactivate(classes.deactivated(), SchoolClass.BY_SOURCED_ID, SchoolClass.class, c -> c.deactivate(now));
        deactivate(students.deactivated(), Student.BY_SOURCED_ID, Student.class, s -> s.deactivate(now));
        deactivate(guardians.deactivated(), Guardian.BY_SOURCED_ID, Guardian.class, g -> g.deactivate(now));
    }

    private <T> void create(Map<String, T> created, BiConsumer<String, T> persist) {
        for (List<Map.Entry<String, T>> chunk : Chunks.of(created.entrySet(), CHUNK)) {
            chunk.forEach(entry -> persist.accept(entry.getKey(), entry.getValue()));
            flushAndClear();
        }
    }

    private <E, T> void update(Map<String, T> updated, String bySourcedId, Class<E> type, Function<E, String> sourcedId,
                               BiConsumer<E, T> change) {
        for (List<String> chunk : Chunks.of(updated.keySet(), CHUNK)) {
            bySourcedId(bySourcedId, type, chunk).forEach(entity -> change.accept(entity, updated.get(sourcedId.apply(entity))));
            flushAndClear();
        }
    }

    private <E> void deactivate(Set<String> ids, String bySourcedId, Class<E> type, Consumer<E> deactivate) {
        for (List<String> chunk : Chunks.of(ids, CHUNK)) {
            bySourcedId(bySourcedId, type, chunk).forEach(deactivate);
            flushAndClear();
        }
    }

    private void writeEnrollments(Changes<EnrollmentData> enrollments) {
        for (List<Map.Entry<String, EnrollmentData>> chunk : Chunks.of(enrollments.updated().entrySet(), CHUNK)) {
            Map<String, EnrollmentData> data = new HashMap<>();
            chunk.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            Ends ends = ends(data.values());
            bySourcedId(Enrollment.BY_SOURCED_ID, Enrollment.class, data.keySet()).forEach(e -> {
                EnrollmentData d = data.get(e.getSourcedId());
                e.update(ends.classes.get(d.classSourcedId()), ends.students.get(d.studentSourcedId()), d.beginDate(), d.endDate());
            });
            flushAndClear();
        }
        for (List<Map.Entry<String, EnrollmentData>> chunk : Chunks.of(enrollments.created().entrySet(), CHUNK)) {
            Ends ends = ends(chunk.stream().map(Map.Entry::getValue).toList());
            chunk.forEach(entry -> {
                EnrollmentData d = entry.getValue();
                em.persist(new Enrollment(entry.getKey(), ends.classes.get(d.classSourcedId()),
                        ends.students.get(d.studentSourcedId()), d.beginDate(), d.endDate()));
            });
            flushAndClear();
        }
    }

    /** The classes and students of a chunk of enrollments, by sourcedId. */
    private record Ends(Map<String, SchoolClass> classes, Map<String, Student> students) {
    }

    private Ends ends(Collection<EnrollmentData> enrollments) {
        Set<String> classIds = new HashSet<>();
        Set<String> studentIds = new HashSet<>();
        enrollments.forEach(d -> {
            classIds.add(d.classSourcedId());
            studentIds.add(d.studentSourcedId());
        });
        Map<String, SchoolClass> classes = new HashMap<>();
        bySourcedId(SchoolClass.BY_SOURCED_ID, SchoolClass.class, classIds).forEach(c -> classes.put(c.getSourcedId(), c));
        Map<String, Student> students = new HashMap<>();
        bySourcedId(Student.BY_SOURCED_ID, Student.class, studentIds).forEach(s -> students.put(s.getSourcedId(), s));
        return new Ends(classes, students);
    }

    /** Each student's imported adults become exactly the new set; adults entered by hand stay linked. */
    private void writeLinks(Map<String, Set<String>> links) {
        for (List<String> chunk : Chunks.of(links.keySet(), CHUNK)) {
            Set<String> adultIds = new HashSet<>();
            chunk.forEach(student -> adultIds.addAll(links.get(student)));
            Map<String, Guardian> adults = new HashMap<>();
            forChunks(adultIds, ids -> bySourcedId(Guardian.BY_SOURCED_ID, Guardian.class, ids)
                    .forEach(g -> adults.put(g.getSourcedId(), g)));
            for (Student student : em.createQuery(STUDENTS_WITH_GUARDIANS, Student.class)
                    .setParameter("sourcedIds", chunk).getResultList()) {
                Set<String> wanted = links.get(student.getSourcedId());
                List.copyOf(student.getGuardians()).stream()
                        .filter(g -> g.getSourcedId() != null && !wanted.contains(g.getSourcedId()))
                        .forEach(student::unlink);
                wanted.forEach(id -> student.link(adults.get(id)));
            }
            flushAndClear();
        }
    }

    private <E> List<E> bySourcedId(String namedQuery, Class<E> type, Collection<String> sourcedIds) {
        TypedQuery<E> query = em.createNamedQuery(namedQuery, type).setParameter("sourcedIds", sourcedIds);
        if (type == Enrollment.class) {
            // without weaving an enrollment's class and student load eagerly: one query each per chunk, not per row
            query.setHint("eclipselink.batch", "e.schoolClass");
            query.setHint("eclipselink.batch", "e.student");
        }
        return query.getResultList();
    }

    private void flushAndClear() {
        em.flush();
        em.clear();
    }
}
