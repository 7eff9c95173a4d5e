package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.ImportReport.Counts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportReportTest {

    private static final Set<String> UNITS = Set.of("LHS", "WES");

    private static ParsedRoster demo() throws Exception {
        return OneRosterParser.parseFolder(
                Path.of(ImportReportTest.class.getResource("/demo/oneroster/manifest.csv").toURI()).getParent());
    }

    @Test
    void aFirstImportCountsWhatItCreates() throws Exception {
        ParsedRoster roster = demo();
        ImportReport report = ImportReport.of(roster, RosterReconciler.reconcile(roster, RosterSnapshot.empty(UNITS)));
        assertEquals(new Counts(40, 0, 0, 0), report.students());
        assertEquals(new Counts(4, 0, 0, 0), report.classes());
        assertEquals(new Counts(51, 0, 0, 0), report.enrollments());
        assertEquals(0, report.schoolsCreated());
        assertEquals(39, report.guardianLinksChanged(), "every student but stu-040");
        assertEquals(Map.of("enrollments.csv", 2), report.skipped(), "teachers are staff; their enrollments are skipped");
        assertEquals(List.of(), report.problems());
        assertTrue(report.summary().startsWith("schools: 0 new; students: 40 new"), report.summary());
        assertTrue(report.summary().endsWith("2 rows of proctors and staff enrollments not imported"), report.summary());
    }

    @Test
    void theSameFilesAgainReportNoChange() throws Exception {
        ParsedRoster roster = demo();
        RosterSnapshot stored = RosterSnapshot.empty(UNITS).after(RosterReconciler.reconcile(roster, RosterSnapshot.empty(UNITS)));
        ImportReport report = ImportReport.of(roster, RosterReconciler.reconcile(roster, stored));
        assertEquals(new Counts(0, 0, 0, 40), report.students());
        assertEquals(0, report.guardians().created() + report.guardians().updated() + report.guardians().deactivated());
        assertEquals(new Counts(0, 0, 0, 51), report.enrollments());
        assertEquals(0, report.guardianLinksChanged());
    }
}
