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
                           String summary) {

    public record Counts(int created, int updated, int deactivated, int unchanged) {

        static Counts of(RosterChanges.Changes<?> changes) {
            return new Counts(changes.created().size(), changes.updated().size(), changes.deactivated().size(),
                    changes.unchanged());
        }
    }

    public ImportReport {
        skipped = Map.copyOf(skipped);
        problems = List.copyOf(problems);
    }

    /** The report of changes that were applied in full. */
    public static ImportReport of(ParsedRoster roster, RosterChanges changes) {
        int skippedRows = roster.skipped().values().stream().mapToInt(Integer::intValue).sum();
        String summary = changes.summary()
                + (skippedRows == 0 ? "" : "; " + skippedRows + " rows of teachers and other staff not imported");
        return new ImportReport(changes.unitsToCreate().size(), Counts.of(changes.students()),
                Counts.of(changes.guardians()), Counts.of(changes.classes()), Counts.of(changes.enrollments()),
                changes.links().size(), roster.skipped(), changes.problems(), summary);
    }
}
