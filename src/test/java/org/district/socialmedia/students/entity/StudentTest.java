package org.district.socialmedia.students.entity;

import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudentTest {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private static final OrgUnit LHS = new OrgUnit("LHS", "Lincoln High School", OrgUnit.Kind.SCHOOL);

    @Test
    void theSameValuesAreNoChangeAndADeactivatedStudentComesBack() {
        Student s = new Student("s1", " 1001 ", "Ann", "Lee", LHS, "09", NOW);
        assertEquals("1001", s.getDistrictId());
        assertFalse(s.update("1001", "Ann", "Lee", LHS, "09"));
        assertTrue(s.update("1001", "Ann", "Lee", LHS, "10"));
        assertTrue(s.deactivate(NOW));
        assertFalse(s.deactivate(NOW));
        assertTrue(s.update("1001", "Ann", "Lee", LHS, "10"));
        assertTrue(s.isActive());
    }

    @Test
    void refusedValuesNameTheirFieldsAndLeaveTheStudentAlone() {
        Student s = new Student(null, "1001", "Ann", "Lee", LHS, null, NOW);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.update(" ", "Ann", "", null, null));
        assertEquals(Set.of("districtId", "familyName", "school"), e.getFieldErrors().keySet());
        assertEquals("Lee", s.getFamilyName());
    }

    @Test
    void guardiansAreLinkedOnce() {
        Student s = new Student("s1", "1001", "Ann", "Lee", LHS, "09", NOW);
        Guardian g = new Guardian("p1", "Kim", "Lee", "Kim@Example.org", null, GuardianRole.PARENT, NOW);
        assertEquals("kim@example.org", g.getEmail());
        assertTrue(s.link(g));
        assertFalse(s.link(g));
        assertTrue(s.hasGuardian(g));
        assertTrue(s.unlink(g));
        assertFalse(s.hasGuardian(g));
    }
}
