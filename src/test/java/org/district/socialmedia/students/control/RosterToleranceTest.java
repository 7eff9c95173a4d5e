package org.district.socialmedia.students.control;

import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterRows.StaffRow;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What OneRoster 1.1 and real SIS exports allow is read; the student id comes from where the District says. */
class RosterToleranceTest {

    private static final Set<String> UNITS = Set.of("LHS");

    private static Map<String, byte[]> files(String manifest, String orgs, String users) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("manifest.csv", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("orgs.csv", orgs.getBytes(StandardCharsets.UTF_8));
        files.put("users.csv", users.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static final String MANIFEST = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
            + "file.orgs,bulk\r\nfile.users,bulk\r\nfile.classes,absent\r\nfile.enrollments,absent\r\nfile.courses,absent\r\n";
    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
            + "org-lhs,,,Lincoln High School,school,LHS,\n";

    @Test
    void bomCrlfNoFinalNewlineQuotedEmptiesMetadataColumnsAnyOrderAndUpperCaseTrue() {
        String users = "\uFEFFmetadata.sis.grade,role,\"sourcedId\",givenName,familyName,identifier,orgSourcedIds,enabledUser,"
                + "status,agentSourcedIds,grades,email,metadata.extra\r\n"
                + "x,student,s1,Ana,River,1001,org-lhs,TRUE,\"\",\"\",09,,\"\"\r\n"
                + ",student,s2,Ben,Stone,1002,org-lhs,true,,p1,10,,\r\n"
                + "\"\",parent,p1,Cy,Stone,\"\",org-lhs,True,active,s2,,cy@example.org,";
        ParsedRoster parsed = OneRosterParser.parse(files(MANIFEST, ORGS, users));
        assertEquals(List.of(), parsed.problems());
        assertEquals(2, parsed.students().size());
        assertEquals("1001", parsed.students().get(0).districtId());
        assertEquals(1, parsed.guardians().size());
        assertEquals(4, parsed.rows(), "one org row and three user rows, the manifest not counted");
        assertEquals(FileMode.ABSENT, parsed.mode(OneRosterParser.CLASSES), "absent in the manifest, and not sent: no problem");
    }

    @Test
    void extraFilesAreIgnored() {
        Map<String, byte[]> files = files(MANIFEST, ORGS, "sourcedId,role,givenName,familyName,identifier,orgSourcedIds\n"
                + "s1,student,Ana,River,1001,org-lhs\n");
        files.put("courses.csv", "anything at all\n\"unclosed".getBytes(StandardCharsets.UTF_8));
        files.put("demographics.csv", "sourcedId\ns1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), OneRosterParser.parse(files).problems());
    }

    private static final String USERS_WITHOUT_IDENTIFIER = "sourcedId,role,givenName,familyName,identifier,userIds,orgSourcedIds\n"
            + "863,student,Ana,River,,\"{Local:L863},{FED:F1}\",org-lhs\n"
            + "864,student,Ben,Stone,,{Local:L864},org-lhs\n"
            + "865,student,Cy,Moss,,,org-lhs\n";

    @Test
    void theStudentIdComesFromTheSourceTheDistrictChose() {
        ParsedRoster byIdentifier = OneRosterParser.parse(files(MANIFEST, ORGS, USERS_WITHOUT_IDENTIFIER));
        assertEquals(0, byIdentifier.students().size());
        assertEquals(3, byIdentifier.problems().size(), byIdentifier.problems().toString());
        assertTrue(byIdentifier.problems().get(0).reason().contains("identifier"));
        assertEquals("sourcedId", byIdentifier.mostFilledIdSource(), "the preview tells which source fills most rows");
        assertEquals(Map.of("sourcedId", 3, "Local", 2, "FED", 1), byIdentifier.idSources());

        ParsedRoster byLocal = OneRosterParser.parse(files(MANIFEST, ORGS, USERS_WITHOUT_IDENTIFIER), "local");
        assertEquals(List.of("L863", "L864"), byLocal.students().stream().map(RosterRows.StudentRow::districtId).toList());
        assertEquals(1, byLocal.problems().size());
        assertEquals(4, byLocal.problems().get(0).line());
        assertTrue(byLocal.problems().get(0).reason().contains("userIds {local:...}"), byLocal.problems().toString());

        ParsedRoster bySourcedId = OneRosterParser.parse(files(MANIFEST, ORGS, USERS_WITHOUT_IDENTIFIER), "sourcedId");
        assertEquals(List.of("863", "864", "865"), bySourcedId.students().stream().map(RosterRows.StudentRow::districtId).toList());
    }

    @Test
    void aBulkFileWhoseStudentRowsAreAllRejectedDeactivatesNoOne() {
        ParsedRoster first = OneRosterParser.parse(files(MANIFEST, ORGS, USERS_WITHOUT_IDENTIFIER), "sourcedId");
        RosterSnapshot stored = RosterSnapshot.empty(UNITS).after(RosterReconciler.reconcile(first, RosterSnapshot.empty(UNITS)));
        ParsedRoster rejected = OneRosterParser.parse(files(MANIFEST, ORGS, USERS_WITHOUT_IDENTIFIER));
        RosterChanges changes = RosterReconciler.reconcile(rejected, stored);
        assertEquals(Set.of(), changes.students().deactivated(), "a rejected row's sourcedId counts as present");
        assertEquals(3, ImportLimits.rejectedRows(changes.problems()));
    }

    @Test
    void staffRowsAreReadWithTheirRoleAndEmail() {
        String users = "sourcedId,role,givenName,familyName,email,orgSourcedIds\n"
                + "t1,Teacher,Maria,Lopez,MLopez@District.Example.org,org-lhs\n"
                + "a1,aide,Ali,Khan,,org-lhs\n"
                + "x1,proctor,Pat,Doe,pat@district.example.org,org-lhs\n";
        ParsedRoster parsed = OneRosterParser.parse(files(MANIFEST, ORGS, users));
        assertEquals(2, parsed.staff().size());
        assertEquals("mlopez@district.example.org", parsed.staff().get(0).email());
        assertEquals("teacher", parsed.staff().get(0).role());
        assertEquals(null, parsed.staff().get(1).email(), "reported by the reconciler, not the parser");
        assertEquals(Map.of("users.csv", 1), parsed.skipped(), "a proctor is no District staff");
    }

    @Test
    void aStaffRowWhoseSourcedIdIsLongerThanTheColumnIsRefusedOnItsRowAndTheRestLoads() {
        String users = "sourcedId,role,givenName,familyName,email,orgSourcedIds\n"
                + "t".repeat(StaffUser.ROSTER_SOURCED_ID_MAX + 1) + ",teacher,Maria,Lopez,mlopez@district.example.org,org-lhs\n"
                + "t2,teacher,Sam,Reed,sreed@district.example.org,org-lhs\n";
        ParsedRoster parsed = OneRosterParser.parse(files(MANIFEST, ORGS, users));
        assertEquals(List.of("t2"), parsed.staff().stream().map(StaffRow::sourcedId).toList());
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        assertEquals(2, parsed.problems().get(0).line());
        assertEquals("sourcedId is longer than " + StaffUser.ROSTER_SOURCED_ID_MAX + " characters", parsed.problems().get(0).reason());
    }
}
