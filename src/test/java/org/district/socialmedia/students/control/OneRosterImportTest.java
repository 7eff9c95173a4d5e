package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.Stored;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.entity.GuardianRole;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser and the reconciler together, on the demo roster and on small hand-made files. */
class OneRosterImportTest {

    private static final Set<String> UNITS = Set.of("LHS", "WES", "RMS", "DO", "IT");
    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
            + "userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\r\n";
    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
            + "org-lhs,,,Lincoln High School,school,LHS,\r\n";

    private static Path demo() throws URISyntaxException {
        return Path.of(OneRosterImportTest.class.getResource("/demo/oneroster/manifest.csv").toURI()).getParent();
    }

    private static Map<String, byte[]> files(String mode, String orgs, String users) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("manifest.csv", ("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
                + "file.orgs," + mode + "\r\nfile.users," + mode + "\r\n").getBytes(StandardCharsets.UTF_8));
        files.put("orgs.csv", orgs.getBytes(StandardCharsets.UTF_8));
        files.put("users.csv", users.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void theDemoRosterLoadsCompletely() throws Exception {
        ParsedRoster parsed = OneRosterParser.parseFolder(demo());
        assertEquals(List.of(), parsed.problems());
        assertEquals(FileMode.BULK, parsed.mode(OneRosterParser.USERS));
        assertEquals(40, parsed.students().size());
        assertEquals(null, parsed.skipped().get(OneRosterParser.USERS), "teachers are staff now, not skipped");
        assertEquals(2, parsed.staff().size());
        RosterChanges changes = RosterReconciler.reconcile(parsed, RosterSnapshot.empty(UNITS));
        assertEquals(List.of(), changes.problems());
        assertEquals(40, changes.students().created().size());
        assertEquals(4, changes.classes().created().size());
        assertTrue(changes.unitsToCreate().isEmpty(), "LHS and WES exist already");
        assertEquals("LHS", changes.students().created().get("stu-001").schoolCode());
        assertEquals(Set.of("par-001", "par-021"), changes.links().get("stu-021"));
        assertFalse(changes.links().containsKey("stu-040"), "the student without a guardian has no links");
        assertTrue(changes.students().created().containsKey("stu-040"));
        assertEquals("Grade 4 \"Room 12\"", changes.classes().created().get("cls-wes-4a").title());
        assertEquals("Biology, Period 2", changes.classes().created().get("cls-lhs-bio").title());
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() throws Exception {
        ParsedRoster parsed = OneRosterParser.parseFolder(demo());
        RosterSnapshot afterFirst = RosterSnapshot.empty(UNITS).after(RosterReconciler.reconcile(parsed, RosterSnapshot.empty(UNITS)));
        RosterChanges second = RosterReconciler.reconcile(OneRosterParser.parseFolder(demo()), afterFirst);
        assertTrue(second.isEmpty(), second.summary());
        assertEquals(40, second.students().unchanged());
    }

    @Test
    void aZipReadsLikeTheFolder() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            try (var listing = Files.list(demo())) {
                for (Path file : listing.toList()) {
                    zip.putNextEntry(new ZipEntry("export/" + file.getFileName()));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        }
        ParsedRoster parsed = OneRosterParser.parseZip(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(OneRosterParser.parseFolder(demo()), parsed);
    }

    @Test
    void aLaterBulkFileUpdatesDeactivatesAndBringsBack() throws IOException {
        String first = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,p1,09,\r\n"
                + "s2,,,true,org-lhs,student,,,Bob,Ray,,1002,,,,,10,\r\n"
                + "p1,,,true,org-lhs,parent,,,Kim,Lee,,,kim@example.org,,555,s1,,\r\n";
        RosterSnapshot stored = RosterSnapshot.empty(UNITS)
                .after(RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, first)), RosterSnapshot.empty(UNITS)));
        String later = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,Ann,Lee-Park,,1001,,,,p1,10,\r\n"
                + "p1,,,true,org-lhs,parent,,,Kim,Lee,,,kim@example.org,,555,s1,,\r\n";
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, later)), stored);
        assertEquals(new StudentData("1001", "Ann", "Lee-Park", "LHS", "10"), changes.students().updated().get("s1"));
        assertEquals(Set.of("s2"), changes.students().deactivated(), "absent from a bulk file");
        assertEquals(1, changes.guardians().unchanged());

        RosterSnapshot afterLater = stored.after(changes);
        RosterChanges back = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, first)), afterLater);
        assertTrue(back.students().updated().containsKey("s2"), "a deactivated student named again comes back");
    }

    @Test
    void aDeltaDeactivatesOnlyWhatItSaysToBeDeleted() {
        String first = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,p1,09,\r\n"
                + "s2,,,true,org-lhs,student,,,Bob,Ray,,1002,,,,,10,\r\n"
                + "p1,,,true,org-lhs,parent,,,Kim,Lee,,,kim@example.org,,555,s1,,\r\n";
        RosterSnapshot stored = RosterSnapshot.empty(UNITS)
                .after(RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, first)), RosterSnapshot.empty(UNITS)));
        String delta = USERS_HEADER + "s2,tobedeleted,2026-09-01,,,student,,,,,,,,,,,,\r\n";
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("delta", ORGS, delta)), stored);
        assertEquals(Set.of("s2"), changes.students().deactivated());
        assertTrue(changes.guardians().deactivated().isEmpty());
        assertTrue(changes.links().isEmpty(), "links of students not in the delta stay");
    }

    @Test
    void badRowsAreReportedWithFileAndLineAndGoodRowsStillLoad() {
        String users = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,,09,\r\n"
                + "s2,,,true,org-lhs,student,,,Bob,Ray,,,,,,,10,\r\n"                 // line 3: no identifier
                + "s3,,,true,org-nowhere,student,,,Cy,Day,,1003,,,,,10,\r\n"          // line 4: unknown school
                + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,,09,\r\n"             // line 5: duplicate
                + "s4,maybe,,true,org-lhs,student,,,Di,Eve,,1004,,,,,10,\r\n"          // line 6: bad status
                + "p1,,,true,org-lhs,parent,,,Kim,Lee,,,not-an-email,,,s1,,\r\n"       // line 7: bad email
                + "p2,,,true,org-lhs,wizard,,,Kim,Lee,,,,,,s1,,\r\n"                   // line 8: bad role
                + "p3,,,true,org-lhs,guardian,,,Jo,Lee,,,,,,s1;s9,,\r\n"               // line 9: unknown agent
                + "s5,,,true,org-lhs,student,,,Ed,Fox,,1001,,,,,10,\r\n";              // line 10: District id taken
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, users)),
                RosterSnapshot.empty(UNITS));
        Map<Integer, String> byLine = new HashMap<>();
        changes.problems().forEach(p -> {
            assertEquals("users.csv", p.file());
            byLine.merge(p.line(), p.reason(), (a, b) -> a + " | " + b);
        });
        assertEquals(Set.of(3, 4, 5, 6, 7, 8, 9, 10), byLine.keySet(), changes.problems().toString());
        assertTrue(byLine.get(3).contains("identifier"));
        assertTrue(byLine.get(4).contains("org-nowhere"));
        assertTrue(byLine.get(5).contains("line 2"));
        assertTrue(byLine.get(6).contains("maybe"));
        assertTrue(byLine.get(7).contains("not-an-email"));
        assertTrue(byLine.get(8).contains("wizard"));
        assertTrue(byLine.get(9).contains("s1;s9"));
        assertTrue(byLine.get(10).contains("1001"));
        assertEquals(Set.of("s1"), changes.students().created().keySet());
        assertEquals(Set.of(), changes.guardians().created().keySet(), "p3 links to no known student: not stored");
        assertTrue(byLine.get(9).contains("not stored without a student"), byLine.get(9));
    }

    @Test
    void csvQuotingBomCrlfAndLineBreaksInsideQuotes() {
        String users = "\uFEFF" + USERS_HEADER
                + "s1,,,true,org-lhs,student,,,\"Mary, Jr.\",\"O\"\"Neil\",,1001,,,,\"p1,p2\",09,\r\n"
                + "p1,,,true,org-lhs,parent,,,\"Ann\r\nMarie\",O'Neil,,,ann@example.org,,,s1,,\r\n"
                + "p2,,,true,org-lhs,guardian,,,Bo,O'Neil,,,,555-0101,,s1,,\n";
        ParsedRoster parsed = OneRosterParser.parse(files("bulk", ORGS, users));
        assertEquals(List.of(), parsed.problems());
        RosterRows.StudentRow student = parsed.students().get(0);
        assertEquals("Mary, Jr.", student.givenName());
        assertEquals("O\"Neil", student.familyName());
        assertEquals(List.of("p1", "p2"), student.agentSourcedIds());
        assertEquals("Ann\r\nMarie", parsed.guardians().get(0).givenName());
        assertEquals(3, parsed.guardians().get(0).line());
        assertEquals(5, parsed.guardians().get(1).line(), "the quoted line break moves the next row down");
        assertEquals("555-0101", parsed.guardians().get(1).phone(), "sms when there is no phone");
    }

    @Test
    void aRaggedRowIsReportedByItsLineAndTheRestStillLoads() {
        String users = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,\"Ann\r\nMarie\",Lee,,1001,,,,,09,\r\n"   // lines 2-3
                + "s2,,,true,org-lhs,student,,,Bob,Ray,,1002,,,,,10,,extra,values\r\n"   // line 4: too many values
                + "s3,,,true,org-lhs,student,,,Cy,Day,,1003,,,,,11,";                   // line 5, no final line end
        ParsedRoster parsed = OneRosterParser.parse(files("bulk", ORGS, users));
        assertEquals(List.of("s1", "s3"), parsed.students().stream().map(RosterRows.StudentRow::sourcedId).toList());
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        ImportProblem problem = parsed.problems().get(0);
        assertEquals("users.csv", problem.file());
        assertEquals(4, problem.line());
        assertTrue(problem.reason().contains("values but the header has"), problem.reason());
    }

    @Test
    void anUnclosedQuoteIsReportedAndTheRowsBeforeItLoad() {
        String users = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,,09,\r\n"
                + "s2,,,true,org-lhs,student,,,\"Bob,Ray,,1002,,,,,10,\r\n";
        ParsedRoster parsed = OneRosterParser.parse(files("bulk", ORGS, users));
        assertEquals(1, parsed.students().size());
        assertEquals(List.of(new ImportProblem("users.csv", 3,
                        "a quoted value is not closed (a \" is missing); this row and the rest of the file were not read"),
                new ImportProblem("users.csv", 0, "not read completely, so applied as a delta: nothing was deactivated for being absent")),
                parsed.problems());
    }

    @Test
    void withoutManifestNothingIsDeactivatedForBeingAbsent() {
        Map<String, byte[]> files = files("bulk", ORGS, USERS_HEADER);
        files.remove("manifest.csv");
        ParsedRoster parsed = OneRosterParser.parse(files);
        assertEquals(FileMode.DELTA, parsed.mode("users.csv"));
        assertEquals("manifest.csv", parsed.problems().get(0).file());
    }

    @Test
    void aMissingRequiredColumnRefusesTheFile() {
        ParsedRoster parsed = OneRosterParser.parse(files("bulk", ORGS, "sourcedId,role,givenName\r\ns1,student,Ann\r\n"));
        assertTrue(parsed.students().isEmpty());
        assertTrue(parsed.problems().get(0).reason().contains("familyName"));
    }

    @Test
    void aNewSchoolInOrgsIsCreatedByItsIdentifier() {
        String orgs = ORGS + "org-x,,,Jefferson Middle School,school,JMS,\r\n";
        String users = USERS_HEADER + "s1,,,true,org-x,student,,,Ann,Lee,,1001,,,,,07,\r\n";
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", orgs, users)),
                RosterSnapshot.empty(UNITS));
        assertEquals(List.of(new RosterChanges.NewUnit("JMS", "Jefferson Middle School")), changes.unitsToCreate());
        assertEquals("JMS", changes.students().created().get("s1").schoolCode());
    }

    @Test
    void anEmailIsComparedAsStoredLowerCase() {
        String users = USERS_HEADER + "p1,,,true,org-lhs,parent,,,Kim,Lee,,,Kim.Lee@Example.org,,555,,,\r\n";
        RosterSnapshot stored = new RosterSnapshot(UNITS, Map.of(),
                Map.of("p1", new Stored<>(new GuardianData("Kim", "Lee", "kim.lee@example.org", "555", GuardianRole.PARENT), true)),
                Map.of(), Map.of(), Map.of(), Set.of());
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("delta", ORGS, users)), stored);
        assertEquals(1, changes.guardians().unchanged(), changes.summary());
    }

    @Test
    void aBulkFileDeactivatesRecordsKnownOnlyByTheirPresence() {
        // what the import loads for records the files do not mention: ids and active flags, no values
        String users = USERS_HEADER + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,,09,\r\n";
        RosterSnapshot stored = new RosterSnapshot(UNITS,
                Map.of("s1", new Stored<>(new StudentData("1001", "Ann", "Lee", "LHS", "09"), true),
                        "s2", new Stored<>(null, true), "s3", new Stored<>(null, false)),
                Map.of(), Map.of(), Map.of(), Map.of(), Set.of());
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, users)), stored);
        assertEquals(Set.of("s2"), changes.students().deactivated(), "s3 is inactive already");
        assertEquals(1, changes.students().unchanged());
        assertEquals(List.of(), changes.problems());
    }

    @Test
    void theDistrictIdOfAStudentEnteredByHandIsNotTaken() {
        String users = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,p1,09,\r\n"
                + "s2,,,true,org-lhs,student,,,Bob,Ray,,1002,,,,,10,\r\n"
                + "p1,,,true,org-lhs,parent,,,Kim,Lee,,,,,,s1,,\r\n";
        RosterSnapshot stored = new RosterSnapshot(UNITS, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of("1001"));
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, users)), stored);
        assertEquals(Set.of("s2"), changes.students().created().keySet());
        assertTrue(changes.links().isEmpty(), "no link to the skipped student: " + changes.links());
        ImportProblem skipped = changes.problems().stream().filter(p -> p.line() == 2).findFirst().orElseThrow();
        assertTrue(skipped.reason().contains("1001") && skipped.reason().contains("by hand"), skipped.reason());
    }

    private static RosterSnapshot twoStoredStudents() {
        String users = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,Ann,Lee,,1001,,,,,09,\r\n"
                + "s2,,,true,org-lhs,student,,,Bob,Ray,,1002,,,,,10,\r\n";
        return RosterSnapshot.empty(UNITS)
                .after(RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, users)), RosterSnapshot.empty(UNITS)));
    }

    @Test
    void aBulkFileMissingAColumnDeactivatesNobody() {
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS,
                "sourcedId,role,givenName\r\ns1,student,Ann\r\n")), twoStoredStudents());
        assertTrue(changes.students().deactivated().isEmpty(), changes.summary());
        assertTrue(changes.problems().stream().anyMatch(p -> p.file().equals("users.csv") && p.reason().contains("delta")),
                changes.problems().toString());
    }

    @Test
    void aBulkFileCutShortByAnUnclosedQuoteDeactivatesNobody() {
        String users = USERS_HEADER
                + "s1,,,true,org-lhs,student,,,\"Ann,Lee,,1001,,,,,09,\r\n"
                + "s2,,,true,org-lhs,student,,,Bob,Ray,,1002,,,,,10,\r\n";
        ParsedRoster parsed = OneRosterParser.parse(files("bulk", ORGS, users));
        assertEquals(FileMode.DELTA, parsed.mode("users.csv"));
        assertTrue(RosterReconciler.reconcile(parsed, twoStoredStudents()).students().deactivated().isEmpty());
    }

    @Test
    void aRefusedRowInABulkFileDoesNotDeactivateItsRecord() {
        String users = USERS_HEADER
                + "s1,maybe,,true,org-lhs,student,,,Ann,Lee,,1001,,,,,09,\r\n"        // refused: bad status
                + "s2,,,true,org-nowhere,student,,,Bob,Ray,,1002,,,,,10,\r\n";         // refused: unknown school
        RosterChanges changes = RosterReconciler.reconcile(OneRosterParser.parse(files("bulk", ORGS, users)),
                twoStoredStudents());
        assertTrue(changes.students().deactivated().isEmpty(), changes.summary());
        assertEquals(2, changes.problems().size(), changes.problems().toString());
    }
}
