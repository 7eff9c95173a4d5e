package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.students.control.RosterPreview.Plan;
import org.district.socialmedia.students.control.RosterChanges.Changes;
import org.district.socialmedia.students.control.RosterChanges.NewUnit;
import org.district.socialmedia.students.control.RosterSnapshot.ClassData;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.Stored;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.RosterChanged;
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
import java.util.LinkedHashMap;
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

    static final String STUDENTS_WITH_GUARDIANS = "SELECT DISTINCT s FROM Student s LEFT JOIN FETCH s.guardians"
            + " WHERE s.sourcedId IN :sourcedIds";

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    RosterPreview preview;
    @Inject
    DistrictSettingsService settings;
    @Inject
    RosterStaffWriter staff;
    @Inject
    Clock clock;
    @Inject
    Event<RosterChanged> rosterChanged;

    /** What a write deactivated, by kind (STUDENT, GUARDIAN, CLASS, ENROLLMENT by sourcedId; STAFF by user id). */
    public record Written(ImportReport report, Map<String, Set<String>> deactivated) {
        public int deactivations() {
            return deactivated.values().stream().mapToInt(Set::size).sum();
        }
    }

    /** The dev run's demo roster: previewed and written at once, in the caller's transaction. */
    public ImportReport write(ParsedRoster roster) {
        em.flush();
        return write(preview.plan(roster, settings.roster(), settings.current()::isDistrictEmail)).report();
    }

    /** Applies a plan made by {@link RosterPreview}, in the caller's transaction: all or nothing. */
    public Written write(Plan plan) {
        em.flush();
        Map<String, Long> units = preview.unitIds();
        Instant now = clock.instant();
        RosterChanges changes = plan.changes();
        TouchedSchools schools = new TouchedSchools();
        apply(changes, units, now, schools);
        Map<String, Set<String>> deactivated = deactivated(changes);
        deactivated.put("STAFF", staff.apply(plan.staff(), units, now));
        audit.record("ROSTER_IMPORTED", "Roster", null, plan.report().summary());
        schools.tell(rosterChanged);
        return new Written(plan.report(), deactivated);
    }

    /**
     * Applies a part of a run's changes (a chunk of its {@code import_change} rows, {@link RosterChangeRows}) in the
     * caller's transaction; the parts in seq order do what {@link #write(Plan)} does at once, but for the audit
     * record of the whole import, which the run's completion writes.
     *
     * @return what the part deactivated, by kind
     */
    public Map<String, Set<String>> apply(RosterChangeRows.Part part) {
        em.flush();
        Map<String, Long> units = new HashMap<>(preview.unitIds());
        Instant now = clock.instant();
        TouchedSchools schools = new TouchedSchools();
        apply(part.changes(), units, now, schools);
        Map<String, Set<String>> deactivated = deactivated(part.changes());
        deactivated.put("STAFF", staff.apply(part.staff(), units, now));
        // in the chunk's transaction: the consent coverage of the schools it touched is counted again
        schools.tell(rosterChanged);
        return deactivated;
    }

    private static Map<String, Set<String>> deactivated(RosterChanges changes) {
        Map<String, Set<String>> deactivated = new LinkedHashMap<>();
        deactivated.put("STUDENT", changes.students().deactivated());
        deactivated.put("GUARDIAN", changes.guardians().deactivated());
        deactivated.put("CLASS", changes.classes().deactivated());
        deactivated.put("ENROLLMENT", changes.enrollments().deactivated());
        return deactivated;
    }

    /** Brings back what a run deactivated (its undo); returns how many records. */
    public int reactivate(Map<String, Set<String>> deactivated) {
        int count = 0;
        TouchedSchools schools = new TouchedSchools();
        count += reactivate(deactivated.get("ENROLLMENT"), Enrollment.BY_SOURCED_ID, Enrollment.class, e -> {
            schools.of(e);
            e.reactivate();
        });
        count += reactivate(deactivated.get("CLASS"), SchoolClass.BY_SOURCED_ID, SchoolClass.class, c -> {
            schools.of(c);
            c.reactivate();
        });
        count += reactivate(deactivated.get("STUDENT"), Student.BY_SOURCED_ID, Student.class, st -> {
            schools.of(st);
            st.reactivate();
        });
        count += reactivate(deactivated.get("GUARDIAN"), Guardian.BY_SOURCED_ID, Guardian.class, Guardian::reactivate);
        count += staff.reactivate(deactivated.getOrDefault("STAFF", Set.of()));
        schools.tell(rosterChanged);
        return count;
    }

    private <E> int reactivate(Set<String> ids, String bySourcedId, Class<E> type, Consumer<E> reactivate) {
        int count = 0;
        for (List<String> chunk : Chunks.of(ids == null ? Set.of() : ids, CHUNK)) {
            List<E> found = bySourcedId(bySourcedId, type, chunk);
            found.forEach(reactivate);
            count += found.size();
            flushAndClear();
        }
        return count;
    }

    // ------------------------------------------------------------------ applying the changes

    private void apply(RosterChanges changes, Map<String, Long> units, Instant now, TouchedSchools schools) {
        for (NewUnit unit : changes.unitsToCreate()) {
            OrgUnit school = new OrgUnit(unit.code(), unit.name(), OrgUnit.Kind.SCHOOL);
            em.persist(school);
            em.flush();
            units.put(unit.code(), school.getId());
        }
        Function<String, OrgUnit> school = code -> {
            OrgUnit unit = em.find(OrgUnit.class, units.get(code));
            schools.of(unit);
            return unit;
        };

        // adults before students (links), students and classes before enrollments
        Changes<GuardianData> guardians = changes.guardians();
        update(guardians.updated(), Guardian.BY_SOURCED_ID, Guardian.class, Guardian::getSourcedId,
                (g, d) -> g.update(d.givenName(), d.familyName(), d.email(), d.phone(), d.role()));
        create(guardians.created(), (id, d) -> em.persist(new Guardian(id, d.givenName(), d.familyName(), d.email(),
                d.phone(), d.role(), now)));

        // updates first: a student may hand its District id on to a new one in the same file
        Changes<StudentData> students = changes.students();
        update(students.updated(), Student.BY_SOURCED_ID, Student.class, Student::getSourcedId,
                (s, d) -> {
                    schools.of(s);
                    s.update(d.districtId(), d.givenName(), d.familyName(), school.apply(d.schoolCode()), d.grade());
                });
        create(students.created(), (id, d) -> em.persist(new Student(id, d.districtId(), d.givenName(), d.familyName(),
                school.apply(d.schoolCode()), d.grade(), now)));

        Changes<ClassData> classes = changes.classes();
        update(classes.updated(), SchoolClass.BY_SOURCED_ID, SchoolClass.class, SchoolClass::getSourcedId,
                (c, d) -> {
                    schools.of(c);
                    c.update(d.title(), d.classCode(), school.apply(d.schoolCode()));
                });
        create(classes.created(), (id, d) -> em.persist(new SchoolClass(id, d.title(), d.classCode(), school.apply(d.schoolCode()))));

        writeEnrollments(changes.enrollments(), schools);
        writeLinks(changes.links());

        deactivate(changes.enrollments().deactivated(), Enrollment.BY_SOURCED_ID, Enrollment.class, e -> {
            schools.of(e);
            e.deactivate(now);
        });
        deactivate(classes.deactivated(), SchoolClass.BY_SOURCED_ID, SchoolClass.class, c -> {
            schools.of(c);
            c.deactivate(now);
        });
        deactivate(students.deactivated(), Student.BY_SOURCED_ID, Student.class, s -> {
            schools.of(s);
            s.deactivate(now);
        });
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

    private void writeEnrollments(Changes<EnrollmentData> enrollments, TouchedSchools schools) {
        for (List<Map.Entry<String, EnrollmentData>> chunk : Chunks.of(enrollments.updated().entrySet(), CHUNK)) {
            Map<String, EnrollmentData> data = new HashMap<>();
            chunk.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            Ends ends = ends(data.values());
            bySourcedId(Enrollment.BY_SOURCED_ID, Enrollment.class, data.keySet()).forEach(e -> {
                EnrollmentData d = data.get(e.getSourcedId());
                schools.of(e);
                e.update(ends.classes.get(d.classSourcedId()), ends.students.get(d.studentSourcedId()), d.beginDate(), d.endDate());
                schools.of(e);
            });
            flushAndClear();
        }
        for (List<Map.Entry<String, EnrollmentData>> chunk : Chunks.of(enrollments.created().entrySet(), CHUNK)) {
            Ends ends = ends(chunk.stream().map(Map.Entry::getValue).toList());
            chunk.forEach(entry -> {
                EnrollmentData d = entry.getValue();
                Enrollment created = new Enrollment(entry.getKey(), ends.classes.get(d.classSourcedId()),
                        ends.students.get(d.studentSourcedId()), d.beginDate(), d.endDate());
                schools.of(created);
                em.persist(created);
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

    private static <T> void forChunks(Collection<T> items, Consumer<List<T>> action) {
        Chunks.of(items, CHUNK).forEach(action);
    }

    private void flushAndClear() {
        em.flush();
        em.clear();
    }
}
