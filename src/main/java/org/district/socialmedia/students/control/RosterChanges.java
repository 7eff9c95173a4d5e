package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.RosterSnapshot.ClassData;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an import changes, computed by {@link RosterReconciler} and applied by the JPA service.
 * Re-importing the same files gives {@link #isEmpty()} changes.
 *
 * @param unitsToCreate schools in orgs.csv that have no org unit yet
 * @param links         for each student whose guardians change, the complete new set of guardian sourcedIds
 * @param problems      the parser's problems and those found when comparing, in file and line order
 */
public record RosterChanges(List<NewUnit> unitsToCreate,
                            Changes<StudentData> students,
                            Changes<GuardianData> guardians,
                            Changes<ClassData> classes,
                            Changes<EnrollmentData> enrollments,
                            Map<String, Set<String>> links,
                            List<ImportProblem> problems) {

    public record NewUnit(String code, String name) {
    }

    /**
     * @param created     by sourcedId, in file order
     * @param updated     values changed or deactivated record brought back, by sourcedId
     * @param deactivated status=tobedeleted, or absent from a bulk file
     * @param unchanged   how many rows matched the stored record exactly
     */
    public record Changes<T>(Map<String, T> created, Map<String, T> updated, Set<String> deactivated, int unchanged) {

        public Changes {
            created = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(created));
            updated = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(updated));
            deactivated = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(deactivated));
        }

        public boolean isEmpty() {
            return created.isEmpty() && updated.isEmpty() && deactivated.isEmpty();
        }
    }

    public RosterChanges {
        unitsToCreate = List.copyOf(unitsToCreate);
        SortedMap<String, Set<String>> sorted = new TreeMap<>();
        links.forEach((student, adults) -> sorted.put(student, Set.copyOf(adults)));
        links = java.util.Collections.unmodifiableSortedMap(sorted);
        problems = List.copyOf(problems);
    }

    public boolean isEmpty() {
        return unitsToCreate.isEmpty() && students.isEmpty() && guardians.isEmpty() && classes.isEmpty()
                && enrollments.isEmpty() && links.isEmpty();
    }

    /** For the import page and the audit log, e.g. "students: 3 new, 1 changed, 2 deactivated, 37 unchanged; ...". */
    public String summary() {
        return "schools: " + unitsToCreate.size() + " new; "
                + line("students", students) + "; " + line("guardians", guardians) + "; "
                + line("classes", classes) + "; " + line("enrollments", enrollments) + "; "
                + links.size() + " students' guardians changed; " + problems.size() + " problems";
    }

    private static String line(String what, Changes<?> changes) {
        return what + ": " + changes.created().size() + " new, " + changes.updated().size() + " changed, "
                + changes.deactivated().size() + " deactivated, " + changes.unchanged() + " unchanged";
    }
}
