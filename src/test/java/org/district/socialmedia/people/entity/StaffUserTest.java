package org.district.socialmedia.people.entity;

import org.district.socialmedia.platform.entity.Role;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffUserTest {

    private static final Instant T0 = Instant.parse("2026-09-01T15:00:00Z");

    @Test
    void usernameAndEmailAreNormalized() {
        StaffUser user = new StaffUser("  MLopez ", " Maria Lopez ", " MLopez@District.Example.org ", T0);
        assertEquals("mlopez", user.getUsername());
        assertEquals("Maria Lopez", user.getFullName());
        assertEquals("mlopez@district.example.org", user.getEmail());
        assertTrue(user.isActive());
    }

    @Test
    void deactivationEndsAccessAndCannotBeRepeated() {
        StaffUser user = new StaffUser("a1", "A", "a1@district.example.org", T0);
        user.deactivate(T0.plusSeconds(60));
        assertFalse(user.isActive());
        assertEquals(T0.plusSeconds(60), user.getDeactivatedAt());
        assertThrows(IllegalStateException.class, () -> user.deactivate(T0));
        user.reactivate();
        assertTrue(user.isActive());
        assertNull(user.getDeactivatedAt());
        assertThrows(IllegalStateException.class, user::reactivate);
    }

    @Test
    void nobodySupervisesThemselves() throws Exception {
        StaffUser user = withId(new StaffUser("a1", "A", "a1@district.example.org", T0), 7L);
        assertThrows(IllegalArgumentException.class, () -> user.assignSupervisor(user));
        StaffUser boss = withId(new StaffUser("b1", "B", "b1@district.example.org", T0), 8L);
        user.assignSupervisor(boss);
        assertEquals(boss, user.getSupervisor());
    }

    @Test
    void rolesAreReplacedAsAWholeAndReadOnlyFromOutside() {
        StaffUser user = new StaffUser("a1", "A", "a1@district.example.org", T0);
        user.grantRoles(EnumSet.of(Role.EMPLOYEE, Role.REVIEWER));
        assertEquals(Set.of(Role.EMPLOYEE, Role.REVIEWER), user.getRoles());
        user.grantRoles(EnumSet.of(Role.AUDITOR));
        assertEquals(Set.of(Role.AUDITOR), user.getRoles());
        assertTrue(user.hasRole(Role.AUDITOR));
        assertThrows(UnsupportedOperationException.class, () -> user.getRoles().add(Role.SYSTEM_ADMIN));
    }

    @Test
    void roleNameConstantsMatchTheEnum() {
        assertEquals(Role.EMPLOYEE.name(), Role.EMPLOYEE_NAME);
        assertEquals(Role.REVIEWER.name(), Role.REVIEWER_NAME);
        assertEquals(Role.SUPERINTENDENT.name(), Role.SUPERINTENDENT_NAME);
        assertEquals(Role.SITE_ADMIN.name(), Role.SITE_ADMIN_NAME);
        assertEquals(Role.CONSENT_CLERK.name(), Role.CONSENT_CLERK_NAME);
        assertEquals(Role.AUDITOR.name(), Role.AUDITOR_NAME);
        assertEquals(Role.SYSTEM_ADMIN.name(), Role.SYSTEM_ADMIN_NAME);
    }

    static StaffUser withId(StaffUser user, long id) throws ReflectiveOperationException {
        Field field = StaffUser.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(user, id);
        return user;
    }
}
