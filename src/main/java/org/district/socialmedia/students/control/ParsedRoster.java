package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.RosterRows.ClassRow;
import org.district.socialmedia.students.control.RosterRows.EnrollmentRow;
import org.district.socialmedia.students.control.RosterRows.GuardianRow;
import org.district.socialmedia.students.control.RosterRows.OrgRow;
import org.district.socialmedia.students.control.RosterRows.StudentRow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link OneRosterParser} read: the usable rows of each file, how the manifest says each file is
 * meant (bulk: the whole truth, absence deactivates; delta: only changes; absent: not sent), and
 * every row it could not use.
 *
 * @param skipped rows deliberately not imported (teachers, administrators, their enrollments), by file
 * @param named   every sourcedId of each file, usable rows or not: a bulk file deactivates only what it
 *                does not name at all, never a record whose row was refused
 */
public record ParsedRoster(Map<String, FileMode> modes, List<OrgRow> orgs, List<StudentRow> students,
                           List<GuardianRow> guardians, List<ClassRow> classes, List<EnrollmentRow> enrollments,
                           Map<String, Integer> skipped, Map<String, Set<String>> named, List<ImportProblem> problems) {

    /** The manifest's processing mode of a file. */
    public enum FileMode { BULK, DELTA, ABSENT }

    public ParsedRoster {
        modes = Map.copyOf(modes);
        orgs = List.copyOf(orgs);
        students = List.copyOf(students);
        guardians = List.copyOf(guardians);
        classes = List.copyOf(classes);
        enrollments = List.copyOf(enrollments);
        skipped = Map.copyOf(skipped);
        Map<String, Set<String>> copies = new java.util.HashMap<>();
        named.forEach((file, ids) -> copies.put(file, Set.copyOf(ids)));
        named = Map.copyOf(copies);
        problems = List.copyOf(problems);
    }

    public FileMode mode(String file) {
        return modes.getOrDefault(file, FileMode.ABSENT);
    }

    public Set<String> named(String file) {
        return named.getOrDefault(file, Set.of());
    }
}
