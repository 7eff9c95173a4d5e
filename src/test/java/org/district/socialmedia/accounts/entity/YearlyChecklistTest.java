package org.district.socialmedia.accounts.entity;

import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yearly checklist's and the operator exception's own rules, apart from the account that embeds them. */
class YearlyChecklistTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** 2026-09-01, late evening in the District: already the 2nd in UTC. */
    private static final Instant NOW = Instant.parse("2026-09-02T05:30:00Z");

    @Test
    void aNewAccountsChecklistIsDueThirtyDaysAfterTheDistrictsDayOfRegistrationAndOverdueTheDayAfter() {
        YearlyChecklist first = YearlyChecklist.first(NOW, ZONE);
        assertEquals(LocalDate.of(2026, 10, 1), first.getDueOn());
        assertEquals(LocalDate.of(2026, 10, 2).atStartOfDay(ZONE).toInstant(), first.getOverdueAt());
        assertEquals(NOW, first.getNextCheckAt(), "the timer looks at once");
        assertFalse(first.isOverdue(first.getOverdueAt().minusSeconds(1)));
        assertTrue(first.isOverdue(first.getOverdueAt()));
    }

    @Test
    void aSignOffMovesTheDueDateAYearOnFromTheDayItWasSigned() {
        YearlyChecklist checklist = YearlyChecklist.first(NOW, ZONE);
        Instant signed = NOW.plusSeconds(86_400 * 3);
        LocalDate next = YearlyChecklist.nextDueAfter(signed, ZONE);
        assertEquals(LocalDate.of(2027, 9, 4), next);
        checklist.signedOff(next, ZONE, signed);
        assertEquals(next, checklist.getDueOn());
        assertEquals(signed, checklist.getNextCheckAt());
        checklist.scheduleCheck(null, ZoneId.of("America/New_York"));
        assertNull(checklist.getNextCheckAt(), "nothing to send before the next sign-off");
        assertEquals(next.plusDays(1).atStartOfDay(ZoneId.of("America/New_York")).toInstant(), checklist.getOverdueAt(),
                "the overdue instant follows a changed time zone");
    }

    @Test
    void aSignOffLacksEachItemNotConfirmedTooFewAdministratorsAndTheScreenshot() {
        List<String> items = List.of("DMs screened", "Location off");
        Map<String, String> all = YearlyChecklist.problems(null, items, 1, 2, false);
        assertEquals(List.of("identifiesDistrict", "privacyItems", "recoveryIsDistrict", "admins", "evidence"), List.copyOf(all.keySet()));
        assertTrue(all.get("privacyItems").contains("DMs screened; Location off"), all.get("privacyItems"));
        Map<String, String> one = YearlyChecklist.problems(new DistrictAccount.Checklist(true, List.of("DMs screened"), true), items, 2, 2, true);
        assertEquals(Map.of("privacyItems", "Confirm every privacy setting of the platform's checklist; not confirmed: Location off"), one);
        assertTrue(YearlyChecklist.problems(new DistrictAccount.Checklist(true, items, true), items, 2, 2, true).isEmpty());
    }

    @Test
    void anAccountHasAnAuthorizedOperatorOrAnExceptionWithAReasonOfTwentyToAThousandCharacters() {
        assertNull(OperatorException.operatorOrException(5L, "  "));
        assertThrows(InvalidInputException.class, () -> OperatorException.operatorOrException(5L, "a reason as well as an operator"));
        assertThrows(InvalidInputException.class, () -> OperatorException.operatorOrException(null, null));
        assertThrows(InvalidInputException.class, () -> OperatorException.operatorOrException(null, "too short"));
        assertThrows(InvalidInputException.class, () -> OperatorException.operatorOrException(null, "x".repeat(OperatorException.MAX + 1)));
        assertEquals("The new teacher starts on Monday", OperatorException.operatorOrException(null, "  The new teacher starts on Monday "));
        OperatorException recorded = new OperatorException("The new teacher starts on Monday", "SysAdmin", NOW);
        assertEquals("sysadmin", recorded.getBy(), "usernames are kept normalized");
        assertEquals(NOW, recorded.getAt());
    }
}
