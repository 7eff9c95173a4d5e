package org.district.socialmedia.students.control;

import org.district.socialmedia.people.entity.StaffOrigin;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.students.control.StaffReconciler.StaffChanges;
import org.district.socialmedia.students.control.StaffReconciler.StaffData;
import org.district.socialmedia.students.control.StaffReconciler.StaffSnapshot;
import org.district.socialmedia.students.control.StaffReconciler.StoredStaff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teachers, administrators and aides of the roster as staff users, and who an import may deactivate. */
class StaffReconcilerTest {

    private static final String ORGS = "sourcedId,name,type,identifier\norg-lhs,Lincoln High School,school,LHS\n";

    private static ParsedRoster roster(String mode, String users) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("manifest.csv", ("propertyName,value\nfile.orgs," + mode + "\nfile.users," + mode + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("orgs.csv", ORGS.getBytes(StandardCharsets.UTF_8));
        files.put("users.csv", ("sourcedId,role,givenName,familyName,email,orgSourcedIds\n" + users).getBytes(StandardCharsets.UTF_8));
        return OneRosterParser.parse(files);
    }

    private static StaffChanges reconcile(ParsedRoster roster, StaffSnapshot stored) {
        return StaffReconciler.reconcile(roster, stored, RosterReconciler.schoolCodes(roster, Set.of("LHS")),
                email -> email.endsWith("@district.example.org"),
                role -> role.equals("administrator") ? EnumSet.of(Role.EMPLOYEE, Role.SITE_ADMIN) : EnumSet.of(Role.EMPLOYEE));
    }

    @Test
    void newStaffGetEmployeeAndTheMappedRolesAndStaffWithoutADistrictEmailAreReported() {
        StaffChanges changes = reconcile(roster("bulk", "t1,teacher,Ana,River,ana@district.example.org,org-lhs\n"
                + "a1,administrator,Ben,Stone,ben@district.example.org,org-lhs\n"
                + "t2,teacher,Cy,Moss,,org-lhs\n"
                + "t3,teacher,Di,Park,di@gmail.com,org-lhs\n"), StaffSnapshot.empty());
        assertEquals(new StaffData("t1", "Ana River", "ana@district.example.org", "LHS", Set.of(Role.EMPLOYEE)), changes.created().get("t1"));
        assertEquals(Set.of(Role.EMPLOYEE, Role.SITE_ADMIN), changes.created().get("a1").roles());
        assertEquals(2, changes.created().size());
        assertEquals(2, changes.problems().size(), changes.problems().toString());
        assertEquals(4, changes.problems().get(0).line());
        assertTrue(changes.problems().get(1).reason().contains("not a District address"));
    }

    @Test
    void aRowMatchingStaffEnteredByHandLinksItWithoutDuplicatingOrRenaming() {
        StoredStaff hand = new StoredStaff(7L, null, "Maria Lopez", "employee1@district.example.org", "LHS",
                Set.of(Role.EMPLOYEE), true, StaffOrigin.HAND);
        StaffChanges changes = reconcile(roster("bulk", "tch-001,teacher,M.,Lopez-Diaz,employee1@district.example.org,org-lhs\n"),
                new StaffSnapshot(Map.of(), Map.of("employee1@district.example.org", hand), Set.of()));
        assertTrue(changes.created().isEmpty());
        assertEquals(new StaffData("tch-001", "Maria Lopez", "employee1@district.example.org", "LHS", Set.of(Role.EMPLOYEE)),
                changes.updated().get(7L), "linked to the roster row; the name typed by hand stays");

        StoredStaff linked = new StoredStaff(7L, "tch-001", "Maria Lopez", "employee1@district.example.org", "LHS",
                Set.of(Role.EMPLOYEE), true, StaffOrigin.HAND);
        StaffChanges again = reconcile(roster("bulk", "tch-001,teacher,M.,Lopez-Diaz,employee1@district.example.org,org-lhs\n"),
                new StaffSnapshot(Map.of("tch-001", linked), Map.of("employee1@district.example.org", linked), Set.of()));
        assertEquals(1, again.unchanged(), "the same file again changes nothing");
        assertTrue(again.updated().isEmpty());
    }

    @Test
    void aBulkFileDeactivatesAbsentRosterStaffOnlyNeverHandOrSingleSignOnUsers() {
        StoredStaff roster = new StoredStaff(1L, "t9", "Old Teacher", "old@district.example.org", "LHS", Set.of(Role.EMPLOYEE), true, StaffOrigin.ROSTER);
        StoredStaff sso = new StoredStaff(2L, "t8", "Sso User", "sso@district.example.org", "LHS", Set.of(Role.EMPLOYEE), true, StaffOrigin.SSO);
        StoredStaff hand = new StoredStaff(3L, "t7", "Hand User", "hand@district.example.org", "LHS", Set.of(Role.EMPLOYEE), true, StaffOrigin.HAND);
        StaffSnapshot stored = new StaffSnapshot(Map.of("t9", roster, "t8", sso, "t7", hand), Map.of(), Set.of("t9", "t8", "t7"));
        StaffChanges bulk = reconcile(roster("bulk", "t1,teacher,Ana,River,ana@district.example.org,org-lhs\n"), stored);
        assertEquals(Set.of(1L), bulk.deactivated());
        StaffChanges delta = reconcile(roster("delta", "t1,teacher,Ana,River,ana@district.example.org,org-lhs\n"), stored);
        assertTrue(delta.deactivated().isEmpty(), "a delta deactivates nobody for being absent");
    }

    @Test
    void aRejectedStaffRowDeactivatesNoOne() {
        StoredStaff roster = new StoredStaff(1L, "t9", "Old Teacher", "old@district.example.org", "LHS", Set.of(Role.EMPLOYEE), true, StaffOrigin.ROSTER);
        StaffSnapshot stored = new StaffSnapshot(Map.of("t9", roster), Map.of(), Set.of("t9"));
        StaffChanges changes = reconcile(roster("bulk", "t9,teacher,Old,Teacher,,org-lhs\n"), stored);
        assertTrue(changes.deactivated().isEmpty(), changes.toString());
        assertEquals(1, changes.problems().size());
    }
}
