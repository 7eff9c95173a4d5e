package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.RosterRows.ClassRow;
import org.district.socialmedia.students.control.RosterRows.EnrollmentRow;
import org.district.socialmedia.students.control.RosterRows.GuardianRow;
import org.district.socialmedia.students.control.RosterRows.OrgRow;
import org.district.socialmedia.students.control.RosterRows.StaffRow;
import org.district.socialmedia.students.control.RosterRows.StudentRow;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;

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
 * @param staff     users.csv rows of teachers, administrators and aides
 * @param idSources how many student rows each possible source of the District id fills (identifier,
 *                  sourcedId, each userIds type)
 * @param rows      data rows read in all files (headers and the manifest excluded): the rejection limit's base
 * @param enrollmentsStaged enrollments.csv was read into the run's staging table ({@link EnrollmentStage}), not
 *                  into {@code enrollments}, {@code named} and {@code problems}: the enrollments are compared
 *                  set-wise there ({@link StagedEnrollments}), and the reconciler leaves them alone
 * @param usersStaged users.csv's students and guardians were read into the run's staging tables ({@link UserStage}),
 *                  not into {@code students}, {@code guardians}, {@code named} and {@code problems} (its staff rows
 *                  are held as ever): they are compared set-wise there ({@link StagedUsers})
 */
public record ParsedRoster(Map<String, FileMode> modes, List<OrgRow> orgs, List<StudentRow> students,
                           List<GuardianRow> guardians, List<ClassRow> classes, List<EnrollmentRow> enrollments,
                           Map<String, Integer> skipped, Map<String, Set<String>> named, List<ImportProblem> problems,
                           List<StaffRow> staff, Map<String, Integer> idSources, int rows, boolean enrollmentsStaged,
                           boolean usersStaged) {

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
        staff = List.copyOf(staff);
        idSources = Collections.unmodifiableMap(new LinkedHashMap<>(idSources));
    }

    public ParsedRoster(Map<String, FileMode> modes, List<OrgRow> orgs, List<StudentRow> students,
                        List<GuardianRow> guardians, List<ClassRow> classes, List<EnrollmentRow> enrollments,
                        Map<String, Integer> skipped, Map<String, Set<String>> named, List<ImportProblem> problems,
                        List<StaffRow> staff, Map<String, Integer> idSources, int rows) {
        this(modes, orgs, students, guardians, classes, enrollments, skipped, named, problems, staff, idSources, rows, false,
                false);
    }

    /** The same roster with a file's count of rows deliberately not imported (the staged enrollments' skipped rows). */
    public ParsedRoster withSkipped(String file, int count) {
        Map<String, Integer> all = new LinkedHashMap<>(skipped);
        if (count > 0) {
            all.put(file, count);
        }
        return new ParsedRoster(modes, orgs, students, guardians, classes, enrollments, all, named, problems, staff,
                idSources, rows, enrollmentsStaged, usersStaged);
    }

    /**
     * How the reconciler reads a file: staged enrollments, staged students and guardians are not its business, as if
     * they were not sent (the staff of a staged users.csv are: see {@link StaffReconciler}).
     */
    public FileMode reconciledMode(String file) {
        return enrollmentsStaged && OneRosterParser.ENROLLMENTS.equals(file)
                || usersStaged && OneRosterParser.USERS.equals(file) ? FileMode.ABSENT : mode(file);
    }

    /** The id source that fills the most student rows (identifier on a tie, then sourcedId), or null without students. */
    public String mostFilledIdSource() {
        return idSources.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }

    public FileMode mode(String file) {
        return modes.getOrDefault(file, FileMode.ABSENT);
    }

    public Set<String> named(String file) {
        return named.getOrDefault(file, Set.of());
    }
}
