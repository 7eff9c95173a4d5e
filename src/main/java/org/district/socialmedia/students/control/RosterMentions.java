package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.RosterRows.Row;

import java.util.HashSet;
import java.util.Set;

/**
 * The records an export mentions, by kind: the rows themselves and every record a row points at.
 * Only these (and, for a bulk file, the ids of the active imported records) are loaded to compare
 * an import with, however large the stored roster is.
 *
 * @param students    users.csv students, anybody's agentSourcedIds, enrollments' userSourcedId
 * @param guardians   users.csv parents/guardians/relatives and anybody's agentSourcedIds
 * @param classes     classes.csv and enrollments' classSourcedId
 * @param districtIds the students' identifier column: each may already belong to another student
 */
public record RosterMentions(Set<String> students, Set<String> guardians, Set<String> classes,
                             Set<String> enrollments, Set<String> districtIds) {

    public static RosterMentions of(ParsedRoster roster) {
        Set<String> agents = new HashSet<>();
        roster.students().forEach(row -> agents.addAll(row.agentSourcedIds()));
        roster.guardians().forEach(row -> agents.addAll(row.agentSourcedIds()));

        Set<String> students = ids(roster.students());
        students.addAll(agents);
        roster.enrollments().stream().filter(row -> !row.toBeDeleted()).forEach(row -> students.add(row.userSourcedId()));
        Set<String> guardians = ids(roster.guardians());
        guardians.addAll(agents);
        Set<String> classes = ids(roster.classes());
        roster.enrollments().stream().filter(row -> !row.toBeDeleted()).forEach(row -> classes.add(row.classSourcedId()));
        Set<String> districtIds = new HashSet<>();
        roster.students().stream().filter(row -> row.districtId() != null).forEach(row -> districtIds.add(row.districtId()));
        return new RosterMentions(students, guardians, classes, ids(roster.enrollments()), districtIds);
    }

    private static Set<String> ids(java.util.List<? extends Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.sourcedId()));
        return ids;
    }
}
