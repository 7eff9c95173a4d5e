package org.district.socialmedia.requests.entity;

import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T18:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate TO = LocalDate.of(2027, 6, 30);

    private static StaffUser staff(String username, Role... roles) {
        StaffUser user = new StaffUser(username, username + " Name", username + "@district.example.org", NOW);
        user.grantRoles(roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles));
        return user;
    }

    @Test
    void aDesignationHoldsFromItsFirstToItsLastDayUntilEnded() {
        Designation d = new Designation(staff("designee", Role.REVIEWER), staff("superintendent", Role.SUPERINTENDENT), FROM, TO, NOW);
        assertFalse(d.isActiveOn(FROM.minusDays(1)));
        assertTrue(d.isActiveOn(FROM));
        assertTrue(d.isActiveOn(TO));
        assertFalse(d.isActiveOn(TO.plusDays(1)));
        d.revoke(NOW);
        assertFalse(d.isActiveOn(FROM));
        assertThrows(IllegalStateException.class, () -> d.revoke(NOW));
    }

    @Test
    void theDesigneeNeedsTheReviewerRoleAndAnActiveAccount() {
        InvalidInputException noRole = assertThrows(InvalidInputException.class,
                () -> new Designation(staff("teacher", Role.EMPLOYEE), staff("superintendent", Role.SUPERINTENDENT), FROM, TO, NOW));
        assertTrue(noRole.getFieldErrors().get("designee").contains("Reviewer role"));
        StaffUser gone = staff("gone", Role.REVIEWER);
        gone.deactivate(NOW);
        assertTrue(assertThrows(InvalidInputException.class,
                () -> new Designation(gone, staff("superintendent", Role.SUPERINTENDENT), FROM, TO, NOW))
                .getFieldErrors().get("designee").contains("not an active"));
    }

    @Test
    void datesAreRequiredAndInOrderAndNobodyDesignatesThemselves() {
        StaffUser boss = staff("superintendent", Role.SUPERINTENDENT, Role.REVIEWER);
        InvalidInputException backwards = assertThrows(InvalidInputException.class,
                () -> new Designation(staff("designee", Role.REVIEWER), boss, TO, FROM, NOW));
        assertEquals("The last day cannot be before the first day", backwards.getFieldErrors().get("endsOn"));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> new Designation(staff("designee", Role.REVIEWER), boss, null, null, NOW));
        assertTrue(missing.getFieldErrors().containsKey("startsOn") && missing.getFieldErrors().containsKey("endsOn"));
        assertThrows(InvalidInputException.class, () -> new Designation(boss, boss, FROM, TO, NOW));
    }
}
