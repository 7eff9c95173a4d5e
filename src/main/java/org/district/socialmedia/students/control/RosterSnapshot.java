package org.district.socialmedia.students.control;

import org.district.socialmedia.students.entity.GuardianRole;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The stored roster as plain values keyed by sourcedId: what {@link RosterReconciler} compares an
 * import with. Records entered by hand (no sourcedId) are not part of it, so no import touches them.
 * The values hold exactly what an import may set, so equal values mean "no change".
 *
 * @param unitCodes              codes of the existing org units (schools are matched by code)
 * @param guardiansOfStudent     student sourcedId to the sourcedIds of all its linked imported guardians
 * @param handEnteredDistrictIds District ids of students entered by hand (no sourcedId): district_id is
 *                               unique, so no imported student can take one of them
 */
public record RosterSnapshot(Set<String> unitCodes,
                             Map<String, Stored<StudentData>> students,
                             Map<String, Stored<GuardianData>> guardians,
                             Map<String, Stored<ClassData>> classes,
                             Map<String, Stored<EnrollmentData>> enrollments,
                             Map<String, Set<String>> guardiansOfStudent,
                             Set<String> handEnteredDistrictIds) {

    /**
     * @param data null when only the record's presence was loaded: a bulk file's absence check needs
     *             the ids of every active imported record, not their values
     */
    public record Stored<T>(T data, boolean active) {
    }

    public record StudentData(String districtId, String givenName, String familyName, String schoolCode, String grade) {
    }

    public record GuardianData(String givenName, String familyName, String email, String phone, GuardianRole role) {
    }

    public record ClassData(String title, String classCode, String schoolCode) {
    }

    public record EnrollmentData(String classSourcedId, String studentSourcedId, LocalDate beginDate, LocalDate endDate) {
    }

    public RosterSnapshot {
        unitCodes = Set.copyOf(unitCodes);
        students = Map.copyOf(students);
        guardians = Map.copyOf(guardians);
        classes = Map.copyOf(classes);
        enrollments = Map.copyOf(enrollments);
        Map<String, Set<String>> links = new HashMap<>();
        guardiansOfStudent.forEach((student, set) -> links.put(student, Set.copyOf(set)));
        guardiansOfStudent = Map.copyOf(links);
        handEnteredDistrictIds = Set.copyOf(handEnteredDistrictIds);
    }

    public static RosterSnapshot empty(Set<String> unitCodes) {
        return new RosterSnapshot(unitCodes, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of());
    }

    /** The roster as it is once the changes are applied: what the JPA service does, in plain values. */
    public RosterSnapshot after(RosterChanges changes) {
        Set<String> units = new HashSet<>(unitCodes);
        changes.unitsToCreate().forEach(unit -> units.add(unit.code()));
        Map<String, Set<String>> links = new HashMap<>(guardiansOfStudent);
        links.putAll(changes.links());
        return new RosterSnapshot(units, apply(students, changes.students()), apply(guardians, changes.guardians()),
                apply(classes, changes.classes()), apply(enrollments, changes.enrollments()), links, handEnteredDistrictIds);
    }

    private static <T> Map<String, Stored<T>> apply(Map<String, Stored<T>> before, RosterChanges.Changes<T> changes) {
        Map<String, Stored<T>> after = new HashMap<>(before);
        changes.created().forEach((id, data) -> after.put(id, new Stored<>(data, true)));
        changes.updated().forEach((id, data) -> after.put(id, new Stored<>(data, true)));
        changes.deactivated().forEach(id -> after.put(id, new Stored<>(after.get(id).data(), false)));
        return after;
    }
}
