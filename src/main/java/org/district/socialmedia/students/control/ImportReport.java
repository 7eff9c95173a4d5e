package org.district.socialmedia.students.control;

import java.util.List;
import java.util.Map;

/**
 * What a roster import did, for the API, the log and the audit trail: counts per kind, every row that
 * was not used (file, line, reason) and a one-line summary. Records, lists and maps of plain values,
 * so it is its own JSON.
 *
 * @param schoolsCreated       org units created for schools in orgs.csv that had none
 * @param guardianLinksChanged students whose list of parents, guardians and relatives changed
 * @param skipped              rows deliberately not imported (teachers, administrators...), by file
 * @param problems             in file and line order; line 0 is about the whole file
 */
public record ImportReport(int schoolsCreated, Counts students, Counts guardians, Counts classes, Counts enrollments,
                           int guardianLinksChanged, Map<String, Integer> skipped, List<ImportProblem> problems,
                           String summary, Counts staff) {

    public record Counts(int created, int updated, int deactivated, int unchanged) {

        String figures() {
            return created + "/" + updated + "/" + deactivated + "/" + unchanged;
        }

        /** As {@link RosterChanges#summary()} says it: "students: 3 new, 1 changed, 2 deactivated, 37 unchanged". */
        String line(String what) {
            return what + ": " + created + " new, " + updated + " changed, " + deactivated + " deactivated, "
                    + unchanged + " unchanged";
        }

        static Counts of(RosterChanges.Changes<?> changes) {
            return new Counts(changes.created().size(), changes.updated().size(), changes.deactivated().size(),
                    changes.unchanged());
        }
    }

    public ImportReport {
        skipped = Map.copyOf(skipped);
        problems = List.copyOf(problems);
    }

    /** The report of changes that were applied in full (no staff). */
    public static ImportReport of(ParsedRoster roster, RosterChanges changes) {
        return of(roster, changes, StaffReconciler.StaffChanges.none(), changes.problems());
    }

    /** The report of a preview, or of what was written: the same figures. */
    public static ImportReport of(ParsedRoster roster, RosterChanges changes, StaffReconciler.StaffChanges staff,
                                  List<ImportProblem> problems) {
        return of(roster, changes, staff, problems, Counts.of(changes.enrollments()), 0);
    }

    /**
     * The report of a preview whose enrollments were compared set-wise ({@link StagedEnrollments}).
     *
     * @param enrollments   their counts
     * @param otherProblems problems not in {@code problems} (the staged enrollments' refused rows), counted in the summary
     */
    public static ImportReport of(ParsedRoster roster, RosterChanges changes, StaffReconciler.StaffChanges staff,
                                  List<ImportProblem> problems, Counts enrollments, int otherProblems) {
        return of(roster, changes, staff, problems, Counts.of(changes.students()), Counts.of(changes.guardians()),
                changes.links().size(), enrollments, otherProblems);
    }

    /**
     * The report of a preview whose students, guardians and links were compared set-wise too ({@link StagedUsers}).
     *
     * @param links         students whose guardians change
     * @param otherProblems problems not in {@code problems} (the staged rows' problems), counted in the summary
     */
    public static ImportReport of(ParsedRoster roster, RosterChanges changes, StaffReconciler.StaffChanges staff,
                                  List<ImportProblem> problems, Counts students, Counts guardians, int links,
                                  Counts enrollments, int otherProblems) {
        int skippedRows = roster.skipped().values().stream().mapToInt(Integer::intValue).sum();
        Counts staffCounts = staff.counts();
        Counts classes = Counts.of(changes.classes());
        String summary = "schools: " + changes.unitsToCreate().size() + " new; " + students.line("students") + "; "
                + guardians.line("guardians") + "; " + classes.line("classes") + "; " + enrollments.line("enrollments") + "; "
                + links + " students' guardians changed; " + (problems.size() + otherProblems) + " problems"
                + "; staff: " + staffCounts.created() + " new, " + staffCounts.updated() + " changed, "
                + staffCounts.deactivated() + " deactivated, " + staffCounts.unchanged() + " unchanged"
                + (skippedRows == 0 ? "" : "; " + skippedRows + " rows of proctors and staff enrollments not imported");
        return new ImportReport(changes.unitsToCreate().size(), students, guardians, classes, enrollments,
                links, roster.skipped(), problems, summary, staffCounts);
    }

    /** "students 3/1/2/37; guardians ...": created/updated/deactivated/unchanged, as an import run keeps them. */
    public String figures() {
        return "students " + students.figures() + "; guardians " + guardians.figures() + "; staff " + staff.figures()
                + "; classes " + classes.figures() + "; enrollments " + enrollments.figures();
    }
}
