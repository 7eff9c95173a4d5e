package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterChanges.Changes;
import org.district.socialmedia.students.control.RosterChanges.NewUnit;
import org.district.socialmedia.students.control.RosterRows.ClassRow;
import org.district.socialmedia.students.control.RosterRows.EnrollmentRow;
import org.district.socialmedia.students.control.RosterRows.GuardianRow;
import org.district.socialmedia.students.control.RosterRows.OrgRow;
import org.district.socialmedia.students.control.RosterRows.Row;
import org.district.socialmedia.students.control.RosterRows.StudentRow;
import org.district.socialmedia.students.control.RosterSnapshot.ClassData;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.Stored;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a parsed OneRoster export with the stored roster and says what to create, update,
 * deactivate and link. Pure: plain values in, plain values out, so it is tested without a database.
 * <p>
 * Rules, each a choice the District can read here:
 * <ul>
 * <li>Schools: an org maps to the org unit whose code is the org's identifier, else its sourcedId.
 *     A school (type school) without such a unit is created. An org referenced by a student or class
 *     but not in orgs.csv is looked up by its sourcedId as a code. Org units are never deactivated:
 *     staff belong to them too.</li>
 * <li>A student's school is the first of its orgSourcedIds that is a school (or a known unit).</li>
 * <li>Deactivation: a row with status=tobedeleted, or, in a file the manifest calls bulk, a stored
 *     record the file no longer names (a row that is there but refused deactivates nothing). A
 *     deactivated record named again is brought back.</li>
 * <li>Links: a student and an adult are linked when either row of this users.csv lists the other in
 *     agentSourcedIds (OneRoster 1.1 lists them on both sides, SIS exports often on one). A stored
 *     link whose student and adult are both missing from the file stays (a delta); once either is in
 *     the file and neither lists the other, it goes.</li>
 * <li>A row naming a school, class, student or adult that is neither in the files nor stored is
 *     reported and skipped; the rest loads.</li>
 * <li>No guardian is stored without a student: a new parent, guardian or relative linked to no student
 *     of the file or the District (all of theirs rejected, or none listed) is reported, not stored.</li>
 * <li>A student whose District id belongs to another student, imported or entered by hand, is
 *     reported and skipped, not merged: which record is that student is a person's decision.</li>
 * </ul>
 */
public final class RosterReconciler {

    private RosterReconciler() {
    }

    public static RosterChanges reconcile(ParsedRoster roster, RosterSnapshot stored) {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(stored, "stored");
        List<ImportProblem> problems = new ArrayList<>(roster.problems());

        Map<String, OrgRow> orgs = new HashMap<>();
        roster.orgs().forEach(org -> orgs.put(org.sourcedId(), org));
        Map<String, String> newUnits = new LinkedHashMap<>();
        for (OrgRow org : roster.orgs()) {
            if (org.isSchool() && !org.toBeDeleted() && !stored.unitCodes().contains(org.code())) {
                newUnits.putIfAbsent(org.code(), org.name());
            }
        }
        Function<String, String> schoolCode = schoolCodes(roster, stored.unitCodes());

        // students
        Map<String, StudentData> students = new LinkedHashMap<>();
        Set<String> studentsDeleted = new HashSet<>();
        for (StudentRow row : roster.students()) {
            if (row.toBeDeleted()) {
                studentsDeleted.add(row.sourcedId());
                continue;
            }
            String school = row.orgSourcedIds().stream().map(schoolCode).filter(Objects::nonNull).findFirst().orElse(null);
            if (school == null) {
                problems.add(problem(OneRosterParser.USERS, row, "orgSourcedIds " + String.join(",", row.orgSourcedIds())
                        + " names no school in orgs.csv or among the District's schools"));
                continue;
            }
            students.put(row.sourcedId(), new StudentData(row.districtId(), row.givenName(), row.familyName(), school, row.grade()));
        }
        problems.addAll(duplicateDistrictIds(roster, students, stored));

        // guardians
        Map<String, GuardianData> guardians = new LinkedHashMap<>();
        Set<String> guardiansDeleted = new HashSet<>();
        for (GuardianRow row : roster.guardians()) {
            if (row.toBeDeleted()) {
                guardiansDeleted.add(row.sourcedId());
            } else {
                guardians.put(row.sourcedId(), new GuardianData(row.givenName(), row.familyName(), row.email(), row.phone(), row.role()));
            }
        }

        Changes<StudentData> studentChanges = changes(students, studentsDeleted, stored.students(),
                roster.reconciledMode(OneRosterParser.USERS), roster.named(OneRosterParser.USERS));
        Changes<GuardianData> guardianChanges = changes(guardians, guardiansDeleted, stored.guardians(),
                roster.reconciledMode(OneRosterParser.USERS), roster.named(OneRosterParser.USERS));
        Map<String, Set<String>> links = links(roster, students, guardians, stored, problems);
        guardianChanges = withoutUnlinkedNewGuardians(roster, guardianChanges, links, problems);

        // classes
        Map<String, ClassData> classes = new LinkedHashMap<>();
        Set<String> classesDeleted = new HashSet<>();
        for (ClassRow row : roster.classes()) {
            if (row.toBeDeleted()) {
                classesDeleted.add(row.sourcedId());
                continue;
            }
            String school = schoolCode.apply(row.schoolSourcedId());
            if (school == null) {
                problems.add(problem(OneRosterParser.CLASSES, row, "schoolSourcedId '" + row.schoolSourcedId()
                        + "' is no school in orgs.csv or among the District's schools"));
                continue;
            }
            classes.put(row.sourcedId(), new ClassData(row.title(), row.classCode(), school));
        }
        Changes<ClassData> classChanges = changes(classes, classesDeleted, stored.classes(),
                roster.mode(OneRosterParser.CLASSES), roster.named(OneRosterParser.CLASSES));

        // enrollments: of students and classes that exist after this import
        Map<String, EnrollmentData> enrollments = new LinkedHashMap<>();
        Set<String> enrollmentsDeleted = new HashSet<>();
        for (EnrollmentRow row : roster.enrollments()) {
            if (row.toBeDeleted()) {
                enrollmentsDeleted.add(row.sourcedId());
                continue;
            }
            if (!classes.containsKey(row.classSourcedId()) && !stored.classes().containsKey(row.classSourcedId())) {
                problems.add(problem(OneRosterParser.ENROLLMENTS, row, "classSourcedId '" + row.classSourcedId()
                        + "' is not in classes.csv nor among the stored classes"));
                continue;
            }
            if (!students.containsKey(row.userSourcedId()) && !stored.students().containsKey(row.userSourcedId())) {
                problems.add(problem(OneRosterParser.ENROLLMENTS, row, "userSourcedId '" + row.userSourcedId()
                        + "' is not a student in users.csv nor among the stored students"));
                continue;
            }
            enrollments.put(row.sourcedId(), new EnrollmentData(row.classSourcedId(), row.userSourcedId(),
                    row.beginDate(), row.endDate()));
        }
        Changes<EnrollmentData> enrollmentChanges = changes(enrollments, enrollmentsDeleted, stored.enrollments(),
                roster.reconciledMode(OneRosterParser.ENROLLMENTS), roster.named(OneRosterParser.ENROLLMENTS));

        problems.sort(Comparator.comparing(ImportProblem::file).thenComparingInt(ImportProblem::line));
        List<NewUnit> units = newUnits.entrySet().stream().map(e -> new NewUnit(e.getKey(), e.getValue())).toList();
        return new RosterChanges(units, studentChanges, guardianChanges, classChanges, enrollmentChanges, links, problems);
    }

    /** An org sourcedId to the code of its org unit (a school of orgs.csv, or a unit that exists), else null. */
    public static Function<String, String> schoolCodes(ParsedRoster roster, Set<String> unitCodes) {
        return schoolCodes(roster.orgs(), unitCodes);
    }

    /** An org sourcedId to the code of its org unit (a school of these orgs, or a unit that exists), else null. */
    public static Function<String, String> schoolCodes(List<OrgRow> orgRows, Set<String> unitCodes) {
        Map<String, OrgRow> orgs = new HashMap<>();
        orgRows.forEach(org -> orgs.put(org.sourcedId(), org));
        return orgId -> {
            OrgRow org = orgs.get(orgId);
            if (org != null) {
                return org.isSchool() || unitCodes.contains(org.code()) ? org.code() : null;
            }
            return unitCodes.contains(orgId) ? orgId : null;
        };
    }

    private static <T> Changes<T> changes(Map<String, T> incoming, Set<String> deleted, Map<String, Stored<T>> stored,
                                          FileMode mode, Set<String> named) {
        Map<String, T> created = new LinkedHashMap<>();
        Map<String, T> updated = new LinkedHashMap<>();
        Set<String> deactivated = new TreeSet<>();
        int unchanged = 0;
        for (Map.Entry<String, T> entry : incoming.entrySet()) {
            Stored<T> before = stored.get(entry.getKey());
            if (before == null) {
                created.put(entry.getKey(), entry.getValue());
            } else if (before.active() && before.data().equals(entry.getValue())) {
                unchanged++;
            } else {
                updated.put(entry.getKey(), entry.getValue());
            }
        }
        for (String id : deleted) {
            Stored<T> before = stored.get(id);
            if (before != null && before.active()) {
                deactivated.add(id);
            }
        }
        if (mode == FileMode.BULK) {
            stored.forEach((id, before) -> {
                if (before.active() && !named.contains(id)) {
                    deactivated.add(id);
                }
            });
        }
        return new Changes<>(created, updated, deactivated, unchanged);
    }

    private static Map<String, Set<String>> links(ParsedRoster roster, Map<String, StudentData> students,
                                                  Map<String, GuardianData> guardians, RosterSnapshot stored,
                                                  List<ImportProblem> problems) {
        Set<String> studentsInFile = new HashSet<>();
        roster.students().forEach(row -> studentsInFile.add(row.sourcedId()));
        Set<String> guardiansInFile = new HashSet<>();
        roster.guardians().forEach(row -> guardiansInFile.add(row.sourcedId()));

        Map<String, Set<String>> listed = new HashMap<>();
        for (StudentRow row : roster.students()) {
            if (!students.containsKey(row.sourcedId())) {
                continue;
            }
            for (String agent : row.agentSourcedIds()) {
                if (guardians.containsKey(agent) || stored.guardians().containsKey(agent)) {
                    listed.computeIfAbsent(row.sourcedId(), k -> new HashSet<>()).add(agent);
                } else if (!studentsInFile.contains(agent) && !stored.students().containsKey(agent)) {
                    problems.add(problem(OneRosterParser.USERS, row, "agentSourcedIds names '" + agent
                            + "', who is not a parent, guardian or relative in users.csv nor stored; that link was skipped"));
                }
            }
        }
        for (GuardianRow row : roster.guardians()) {
            if (!guardians.containsKey(row.sourcedId())) {
                continue;
            }
            for (String agent : row.agentSourcedIds()) {
                if (students.containsKey(agent) || stored.students().containsKey(agent)) {
                    listed.computeIfAbsent(agent, k -> new HashSet<>()).add(row.sourcedId());
                } else {
                    problems.add(problem(OneRosterParser.USERS, row, "agentSourcedIds names '" + agent
                            + "', who is not a student in users.csv nor stored; that link was skipped"));
                }
            }
        }

        Set<String> concerned = new HashSet<>(listed.keySet());
        concerned.addAll(students.keySet());
        stored.guardiansOfStudent().forEach((student, set) -> {
            if (set.stream().anyMatch(guardiansInFile::contains)) {
                concerned.add(student);
            }
        });
        Map<String, Set<String>> changed = new HashMap<>();
        for (String student : concerned) {
            Set<String> before = stored.guardiansOfStudent().getOrDefault(student, Set.of());
            Set<String> after = new HashSet<>(listed.getOrDefault(student, Set.of()));
            if (!studentsInFile.contains(student)) {
                // links to adults not in this file are not the file's business
                before.stream().filter(g -> !guardiansInFile.contains(g)).forEach(after::add);
            }
            if (!after.equals(before)) {
                changed.put(student, after);
            }
        }
        return changed;
    }

    private static Changes<GuardianData> withoutUnlinkedNewGuardians(ParsedRoster roster, Changes<GuardianData> changes,
                                                                     Map<String, Set<String>> links,
                                                                     List<ImportProblem> problems) {
        Set<String> linked = new HashSet<>();
        links.values().forEach(linked::addAll);
        Map<String, GuardianData> created = new LinkedHashMap<>(changes.created());
        for (GuardianRow row : roster.guardians()) {
            if (created.containsKey(row.sourcedId()) && !linked.contains(row.sourcedId())) {
                created.remove(row.sourcedId());
                problems.add(problem(OneRosterParser.USERS, row, "linked to no student of the file or the District"
                        + " (agentSourcedIds); a parent, guardian or relative is not stored without a student"));
            }
        }
        return new Changes<>(created, changes.updated(), changes.deactivated(), changes.unchanged());
    }

    private static List<ImportProblem> duplicateDistrictIds(ParsedRoster roster, Map<String, StudentData> students,
                                                            RosterSnapshot stored) {
        // district_id is unique: two students with one id would make the second insert fail the whole import
        Map<String, String> owner = new HashMap<>();
        stored.students().forEach((id, s) -> {
            // a record known by its presence only holds none of the file's District ids (the snapshot says)
            if (!students.containsKey(id) && s.data() != null) {
                owner.put(s.data().districtId(), id);
            }
        });
        List<ImportProblem> problems = new ArrayList<>();
        for (StudentRow row : roster.students()) {
            StudentData data = students.get(row.sourcedId());
            if (data == null) {
                continue;
            }
            if (stored.handEnteredDistrictIds().contains(data.districtId())) {
                problems.add(problem(OneRosterParser.USERS, row, "identifier '" + data.districtId()
                        + "' is the District id of a student entered by hand; this row was skipped"));
                students.remove(row.sourcedId());
                continue;
            }
            String other = owner.putIfAbsent(data.districtId(), row.sourcedId());
            if (other != null && !other.equals(row.sourcedId())) {
                problems.add(problem(OneRosterParser.USERS, row, "identifier '" + data.districtId()
                        + "' is already the District id of student '" + other + "'; this row was skipped"));
                students.remove(row.sourcedId());
            }
        }
        return problems;
    }

    private static ImportProblem problem(String file, Row row, String reason) {
        return new ImportProblem(file, row.line(), reason);
    }
}
