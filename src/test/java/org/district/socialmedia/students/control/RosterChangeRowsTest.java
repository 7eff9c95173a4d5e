package org.district.socialmedia.students.control;

import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.students.control.RosterChangeRows.Part;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;
import org.district.socialmedia.students.control.RosterChanges.Changes;
import org.district.socialmedia.students.control.RosterChanges.NewUnit;
import org.district.socialmedia.students.control.RosterSnapshot.ClassData;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.control.StaffReconciler.StaffChanges;
import org.district.socialmedia.students.control.StaffReconciler.StaffData;
import org.district.socialmedia.students.entity.GuardianRole;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class RosterChangeRowsTest {

    private static RosterChanges changes() {
        Map<String, StudentData> students = new LinkedHashMap<>();
        students.put("s1", new StudentData("1001", "Ada", "Lovelace", "HS", "09"));
        students.put("s2", new StudentData("1002", "Bo", null, "HS", null));
        Map<String, GuardianData> guardians = Map.of("g1", new GuardianData("Gia", "Lovelace", "gia@example.org", null, GuardianRole.PARENT));
        Map<String, ClassData> classes = Map.of("c1", new ClassData("Math", "M1", "HS"));
        Map<String, EnrollmentData> enrollments = Map.of("e1", new EnrollmentData("c1", "s1", LocalDate.of(2026, 9, 1), null));
        Map<String, Set<String>> links = new HashMap<>();
        links.put("s1", Set.of("g1", "g2"));
        links.put("s2", Set.of());
        return new RosterChanges(List.of(new NewUnit("HS", "High School")),
                new Changes<>(students, Map.of("s3", new StudentData("1003", "Cy", "X", "HS", "10")), Set.of("s9"), 4),
                new Changes<>(guardians, Map.of(), Set.of("g9"), 0),
                new Changes<>(classes, Map.of(), Set.of("c9"), 0),
                new Changes<>(enrollments, Map.of(), Set.of("e8", "e9"), 0),
                links, List.of());
    }

    private static StaffChanges staff() {
        return new StaffChanges(Map.of("t1", new StaffData("t1", "Tess Teacher", "tess@district.org", "HS", Set.of(Role.EMPLOYEE))),
                Map.of(7L, new StaffData("t2", "Ulf", "ulf@district.org", null, Set.of(Role.EMPLOYEE, Role.REVIEWER))),
                Set.of(8L), 0, List.of());
    }

    private static List<RosterChange> rows() {
        List<RosterChange> rows = new ArrayList<>();
        RosterChangeRows.forEach(changes(), staff(), rows::add);
        return rows;
    }

    @Test
    void numbersTheChangesInTheOrderTheWriterAppliesThem() {
        List<RosterChange> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).seq());
        }
        List<String> order = rows.stream().map(r -> r.kind() + " " + r.op()).distinct().toList();
        assertEquals(List.of("UNIT CREATE", "GUARDIAN CREATE", "STUDENT UPDATE", "STUDENT CREATE", "CLASS CREATE",
                "ENROLLMENT CREATE", "LINK SET", "ENROLLMENT DEACTIVATE", "CLASS DEACTIVATE", "STUDENT DEACTIVATE",
                "GUARDIAN DEACTIVATE", "STAFF CREATE", "STAFF UPDATE", "STAFF DEACTIVATE"), order);
    }

    @Test
    void anySplitIntoChunksDecodesToTheWholeChanges() {
        List<RosterChange> rows = rows();
        for (int size = 1; size <= rows.size(); size++) {
            Map<String, StudentData> created = new LinkedHashMap<>();
            Map<String, StudentData> updated = new LinkedHashMap<>();
            Set<String> deactivated = new LinkedHashSet<>();
            Map<String, Set<String>> links = new TreeMap<>();
            Map<String, StaffData> staffCreated = new LinkedHashMap<>();
            Map<Long, StaffData> staffUpdated = new LinkedHashMap<>();
            Set<Long> staffDeactivated = new LinkedHashSet<>();
            List<NewUnit> units = new ArrayList<>();
            Set<String> enrollmentsDeactivated = new LinkedHashSet<>();
            Map<String, EnrollmentData> enrollments = new LinkedHashMap<>();
            Map<String, GuardianData> guardians = new LinkedHashMap<>();
            for (List<RosterChange> chunk : Chunks.of(rows, size)) {
                Part part = RosterChangeRows.part(chunk);
                created.putAll(part.changes().students().created());
                updated.putAll(part.changes().students().updated());
                deactivated.addAll(part.changes().students().deactivated());
                links.putAll(part.changes().links());
                units.addAll(part.changes().unitsToCreate());
                enrollments.putAll(part.changes().enrollments().created());
                enrollmentsDeactivated.addAll(part.changes().enrollments().deactivated());
                guardians.putAll(part.changes().guardians().created());
                staffCreated.putAll(part.staff().created());
                staffUpdated.putAll(part.staff().updated());
                staffDeactivated.addAll(part.staff().deactivated());
            }
            RosterChanges whole = changes();
            assertEquals(whole.students().created(), created, "chunks of " + size);
            assertEquals(whole.students().updated(), updated);
            assertEquals(whole.students().deactivated(), deactivated);
            assertEquals(whole.links(), links);
            assertEquals(whole.unitsToCreate(), units);
            assertEquals(whole.enrollments().created(), enrollments);
            assertEquals(whole.enrollments().deactivated(), enrollmentsDeactivated);
            assertEquals(whole.guardians().created(), guardians);
            assertEquals(staff().created(), staffCreated);
            assertEquals(staff().updated(), staffUpdated);
            assertEquals(staff().deactivated(), staffDeactivated);
        }
    }

    @Test
    void keepsNullsAndEmptyValuesApart() {
        String payload = RosterChangeRows.join("a", null, "", "d");
        assertFalse(payload.contains("\u0000"), "no NUL: PostgreSQL refuses it in text");
        String[] fields = RosterChangeRows.split(payload);
        assertEquals("a", fields[0]);
        assertNull(fields[1]);
        assertEquals("", fields[2]);
        assertEquals("d", fields[3]);
    }
}
