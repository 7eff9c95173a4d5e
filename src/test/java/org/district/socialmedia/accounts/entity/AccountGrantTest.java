package org.district.socialmedia.accounts.entity;

import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.district.socialmedia.accounts.entity.AccountFixtures.NOW;
import static org.district.socialmedia.accounts.entity.AccountFixtures.SCHOOL_YEAR_END;
import static org.district.socialmedia.accounts.entity.AccountFixtures.SUPERINTENDENT;
import static org.district.socialmedia.accounts.entity.AccountFixtures.TODAY;
import static org.district.socialmedia.accounts.entity.AccountFixtures.ZONE;
import static org.district.socialmedia.accounts.entity.AccountFixtures.account;
import static org.district.socialmedia.accounts.entity.AccountFixtures.siteAdmin;
import static org.district.socialmedia.accounts.entity.AccountFixtures.staff;
import static org.district.socialmedia.accounts.entity.AccountFixtures.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountGrantTest {

    private static final String REASON = "Runs the account with the principal";
    private static final Instant LATER = NOW.plus(Duration.ofDays(10));

    private final DistrictAccount account = account();
    private final StaffUser holder = siteAdmin("vprincipal");

    private AccountGrant grant(StaffUser who, String reason, LocalDate startsOn, LocalDate endsOn, String openEndedReason) {
        return account.grant(who, SUPERINTENDENT, reason, startsOn, endsOn, openEndedReason, TODAY, SCHOOL_YEAR_END, NOW);
    }

    private Map<String, String> refusal(StaffUser who, String reason, LocalDate startsOn, LocalDate endsOn,
                                        String openEndedReason) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> grant(who, reason, startsOn, endsOn, openEndedReason));
        assertEquals(0, account.getActiveAdmins(), "a refused grant is not counted");
        return e.getFieldErrors();
    }

    // --- who may hold rights ---

    @Test
    void aValidGrantRecordsWhoDecidedAndStartsTodayUntilTheSchoolYearEnd() {
        AccountGrant g = grant(holder, "  " + REASON + "\n", null, null, null);

        assertEquals(GrantStatus.ACTIVE, g.getStatus());
        assertSame(account, g.getAccount());
        assertSame(holder, g.getHolder());
        assertEquals(REASON, g.getReason());
        assertEquals(TODAY, g.getStartsOn());
        assertEquals(SCHOOL_YEAR_END, g.getEndsOn(), "no end date and no open-ended reason: the school year's end");
        assertNull(g.getOpenEndedReason());
        assertEquals("superintendent", g.getGrantedBy());
        assertEquals("Dana Reyes", g.getGrantedByName());
        assertEquals("Superintendent", g.getGrantedAs());
        assertEquals(NOW, g.getCreatedAt());
        assertEquals(NOW, g.getLastReviewedAt(), "granting counts as reviewing");
        assertEquals("superintendent", g.getLastReviewedBy());
        assertNull(g.getEndedAt());
        assertEquals(1, account.getActiveAdmins());
    }

    @Test
    void theHolderIsRequired() {
        assertEquals(Map.of("holderId", "Choose the District administrator or supervisor who receives the rights"),
                refusal(null, REASON, null, null, null));
    }

    @Test
    void anInactiveHolderIsRefused() {
        holder.deactivate(NOW.minus(Duration.ofDays(1)));
        Map<String, String> errors = refusal(holder, REASON, null, null, null);
        assertEquals(Set.of("holderId"), errors.keySet());
        assertEquals("Pat Vprincipal is not an active staff member", errors.get("holderId"));
    }

    @Test
    void nobodyGrantsRightsToThemselvesWhateverTheCaseOfTheirUsername() {
        StaffUser superintendent = staff("superintendent", Role.SUPERINTENDENT, Role.SITE_ADMIN);
        Granter shouting = new Granter(" SuperIntendent ", "Dana Reyes", "Superintendent");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> account.grant(superintendent, shouting,
                REASON, null, null, null, TODAY, SCHOOL_YEAR_END, NOW));
        assertEquals(Map.of("holderId", "Nobody grants administrative rights to themselves"), e.getFieldErrors());
        assertEquals(0, account.getActiveAdmins());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"EMPLOYEE", "REVIEWER", "SUPERINTENDENT", "SYSTEM_ADMIN"})
    void onlySiteAdministratorsMayHoldRights(Role role) {
        Map<String, String> errors = refusal(staff("teacher", role), REASON, null, null, null);
        assertEquals(Set.of("holderId"), errors.keySet());
        String message = errors.get("holderId");
        assertTrue(message.startsWith("Pat Teacher is not a District administrator or supervisor"), message);
        assertTrue(message.contains("(the Site administrator role)"), message);
    }

    // --- reason and dates ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void aReasonIsRequired(String reason) {
        assertEquals(Map.of("reason", "Give the reason for granting these rights"), refusal(holder, reason, null, null, null));
    }

    @Test
    void theReasonIsLimitedTo2000Characters() {
        assertEquals(Map.of("reason", "A reason has at most 2000 characters"),
                refusal(holder, "x".repeat(2001), null, null, null));
        assertEquals(2000, grant(holder, "x".repeat(2000), null, null, null).getReason().length());
    }

    @Test
    void rightsCannotStartInThePast() {
        Map<String, String> errors = refusal(holder, REASON, TODAY.minusDays(1), null, null);
        assertEquals(Set.of("startsOn"), errors.keySet());
        assertEquals("Rights cannot start in the past (today is 2025-03-03)", errors.get("startsOn"));
    }

    @Test
    void rightsMayStartTodayOrLater() {
        assertEquals(TODAY, grant(holder, REASON, TODAY, null, null).getStartsOn());
        LocalDate april = LocalDate.of(2025, 4, 1);
        AccountGrant later = grant(siteAdmin("principal"), REASON, april, null, null);
        assertEquals(april, later.getStartsOn());
        assertEquals(SCHOOL_YEAR_END, later.getEndsOn());
    }

    @Test
    void theLastDayCannotBeBeforeTheFirst() {
        LocalDate april = LocalDate.of(2025, 4, 1);
        assertEquals(Map.of("endsOn", "The last day cannot be before the first day (2025-04-01)"),
                refusal(holder, REASON, april, april.minusDays(1), null));
    }

    @Test
    void aOneDayGrantEndsAtTheStartOfTheNextDay() {
        AccountGrant g = grant(holder, REASON, TODAY, TODAY, null);
        assertEquals(TODAY, g.getEndsOn());
        assertEquals(Instant.parse("2025-03-04T08:00:00Z"), g.expiresAt(ZONE));
    }

    @Test
    void aLastDayInThePastIsRefusedTogetherWithAStartInThePast() {
        Map<String, String> errors = refusal(holder, " ", TODAY.minusDays(3), TODAY.minusDays(1), null);
        assertEquals(Map.of(
                "reason", "Give the reason for granting these rights",
                "startsOn", "Rights cannot start in the past (today is 2025-03-03)",
                "endsOn", "The last day cannot be in the past"), errors);
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        Map<String, String> errors = refusal(null, null, TODAY.plusDays(5), TODAY.plusDays(4), null);
        assertEquals(Set.of("holderId", "reason", "endsOn"), errors.keySet());
    }

    @Test
    void openEndedRightsNeedAReasonAndKeepNoEndDate() {
        AccountGrant g = grant(holder, REASON, null, null, "  Communications director, permanent role ");
        assertNull(g.getEndsOn());
        assertEquals("Communications director, permanent role", g.getOpenEndedReason());
        assertNull(g.expiresAt(ZONE));
        assertNull(g.noticeAt(ZONE, 14));
        assertFalse(g.noticeOwed(ZONE, 14));
        assertNull(g.nextCheck(ZONE, 14, false), "nothing to watch on open-ended rights");
        assertTrue(g.isInForceOn(LocalDate.of(2040, 1, 1)));
    }

    @Test
    void aBlankOpenEndedReasonMeansTheDefaultEnd() {
        AccountGrant g = grant(holder, REASON, null, null, "   ");
        assertEquals(SCHOOL_YEAR_END, g.getEndsOn());
        assertNull(g.getOpenEndedReason());
    }

    @Test
    void theOpenEndedReasonIsLimitedTo2000Characters() {
        assertEquals(Map.of("openEndedReason", "A reason has at most 2000 characters"),
                refusal(holder, REASON, null, null, "x".repeat(2001)));
    }

    @Test
    void anEndDateWinsOverAnOpenEndedReasonWhichIsDropped() {
        LocalDate end = LocalDate.of(2025, 5, 31);
        AccountGrant g = grant(holder, REASON, null, end, "Permanent role");
        assertEquals(end, g.getEndsOn());
        assertNull(g.getOpenEndedReason());
    }

    @Test
    void rightsCannotBeGrantedOnAnArchivedAccount() {
        account.changeStatus(AccountStatus.ARCHIVED);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> grant(holder, REASON, null, null, null));
        assertEquals(Map.of("account", "This account is archived: reinstate it before granting rights on it"), e.getFieldErrors());
        assertEquals(0, account.getActiveAdmins());
    }

    @Test
    void rightsMayBeGrantedOnASuspendedAccount() {
        account.changeStatus(AccountStatus.SUSPENDED);
        grant(holder, REASON, null, null, null);
        assertEquals(1, account.getActiveAdmins());
    }

    // --- ending, and the count of administrators ---

    @Test
    void theAccountCountsItsAdministratorsUpOnGrantAndDownOnEnd() {
        AccountGrant first = grant(holder, REASON, null, null, null);
        AccountGrant second = grant(siteAdmin("principal"), REASON, null, null, null);
        assertEquals(2, account.getActiveAdmins());

        account.endGrant(first, GrantStatus.REVOKED, "  Left the communications team ", "Superintendent", LATER);

        assertEquals(1, account.getActiveAdmins());
        assertEquals(GrantStatus.REVOKED, first.getStatus());
        assertEquals("Left the communications team", first.getEndReason());
        assertEquals("superintendent", first.getEndedBy());
        assertEquals(LATER, first.getEndedAt());
        assertEquals(GrantStatus.ACTIVE, second.getStatus());

        account.endGrant(second, GrantStatus.EXPIRED, "Reached its last day", "system", LATER);
        assertEquals(0, account.getActiveAdmins());
    }

    @Test
    void endingTwiceIsRefusedAndNotCountedTwice() {
        AccountGrant first = grant(holder, REASON, null, null, null);
        grant(siteAdmin("principal"), REASON, null, null, null);
        account.endGrant(first, GrantStatus.REVOKED, "Changed jobs", "superintendent", LATER);

        IllegalRequestStateException e = assertThrows(IllegalRequestStateException.class,
                () -> account.endGrant(first, GrantStatus.EXPIRED, "Reached its last day", "system", LATER.plusSeconds(60)));
        assertEquals("These rights already ended (revoked)", e.getMessage());
        assertEquals(1, account.getActiveAdmins());
        assertEquals(GrantStatus.REVOKED, first.getStatus());
        assertEquals(LATER, first.getEndedAt());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void endingNeedsAReason(String why) {
        AccountGrant g = grant(holder, REASON, null, null, null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> account.endGrant(g, GrantStatus.REVOKED, why, "superintendent", LATER));
        assertEquals(Map.of("reason", "Give the reason for ending these rights"), e.getFieldErrors());
        assertEquals(GrantStatus.ACTIVE, g.getStatus());
        assertEquals(1, account.getActiveAdmins());
    }

    @Test
    void theEndReasonIsLimitedTo2000Characters() {
        AccountGrant g = grant(holder, REASON, null, null, null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> account.endGrant(g, GrantStatus.REVOKED, "x".repeat(2001), "superintendent", LATER));
        assertEquals(Map.of("reason", "A reason has at most 2000 characters"), e.getFieldErrors());
        assertEquals(1, account.getActiveAdmins());
    }

    @Test
    void aGrantCannotBeEndedAsActiveOrWithoutAStatus() {
        AccountGrant g = grant(holder, REASON, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> account.endGrant(g, GrantStatus.ACTIVE, "x", "superintendent", LATER));
        assertThrows(IllegalArgumentException.class, () -> account.endGrant(g, null, "x", "superintendent", LATER));
        assertEquals(GrantStatus.ACTIVE, g.getStatus());
        assertEquals(1, account.getActiveAdmins());
    }

    @Test
    void aGrantOfAnotherAccountIsRefused() {
        DistrictAccount other = account();
        AccountGrant onOther = grant(other, holder);
        assertThrows(IllegalArgumentException.class,
                () -> account.endGrant(onOther, GrantStatus.REVOKED, "x", "superintendent", LATER),
                "accounts not saved yet: two null ids are not the same account");
        assertEquals(GrantStatus.ACTIVE, onOther.getStatus());
        assertEquals(0, account.getActiveAdmins());

        withId(account, 1L);
        withId(other, 2L);
        assertThrows(IllegalArgumentException.class,
                () -> account.endGrant(onOther, GrantStatus.REVOKED, "x", "superintendent", LATER), "saved accounts");
        assertEquals(GrantStatus.ACTIVE, onOther.getStatus());
        assertEquals(1, other.getActiveAdmins());
    }

    private static AccountGrant grant(DistrictAccount on, StaffUser who) {
        return AccountFixtures.grant(on, who);
    }

    // --- time arithmetic in the District's zone ---

    @Test
    void rightsEndAtTheStartOfTheDayAfterTheLastDayInTheDistrictsZone() {
        AccountGrant g = grant(holder, REASON, null, null, null);
        // June 30 is the last day with rights; they end at midnight Pacific Daylight Time (UTC-7).
        assertEquals(Instant.parse("2025-07-01T07:00:00Z"), g.expiresAt(ZONE));
        // 14 days before: the start of June 17, still PDT.
        assertEquals(Instant.parse("2025-06-17T07:00:00Z"), g.noticeAt(ZONE, 14));
        assertEquals(g.expiresAt(ZONE), g.noticeAt(ZONE, 0));
    }

    @Test
    void noticeAndExpiryAcrossTheSpringDaylightSavingChange() {
        // Clocks go forward on Sunday 2025-03-09 in Los Angeles.
        AccountGrant g = grant(holder, REASON, null, LocalDate.of(2025, 3, 10), null);
        Instant notice = g.noticeAt(ZONE, 3);
        Instant expiry = g.expiresAt(ZONE);
        assertEquals(Instant.parse("2025-03-08T08:00:00Z"), notice, "midnight PST");
        assertEquals(Instant.parse("2025-03-11T07:00:00Z"), expiry, "midnight PDT");
        assertEquals(Duration.ofHours(71), Duration.between(notice, expiry), "three calendar days, one of 23 hours");
    }

    @Test
    void noticeAndExpiryAcrossTheAutumnDaylightSavingChange() {
        // Clocks go back on Sunday 2025-11-02 in Los Angeles.
        AccountGrant g = grant(holder, REASON, null, LocalDate.of(2025, 11, 2), null);
        assertEquals(Instant.parse("2025-11-02T07:00:00Z"), g.noticeAt(ZONE, 1), "midnight PDT");
        assertEquals(Instant.parse("2025-11-03T08:00:00Z"), g.expiresAt(ZONE), "midnight PST");
        assertEquals(Duration.ofHours(25), Duration.between(g.noticeAt(ZONE, 1), g.expiresAt(ZONE)));
    }

    @Test
    void theNoticeIsOwedOnlyWhenTheGrantWasMadeBeforeTheNoticeDay() {
        assertTrue(grant(holder, REASON, null, null, null).noticeOwed(ZONE, 14));

        // Granted on June 20 for rights ending June 30: the notice day (June 17) has passed.
        LocalDate june20 = LocalDate.of(2025, 6, 20);
        Instant june20Morning = Instant.parse("2025-06-20T16:00:00Z");
        AccountGrant late = account.grant(siteAdmin("principal"), SUPERINTENDENT, REASON, null, null, null, june20,
                SCHOOL_YEAR_END, june20Morning);
        assertFalse(late.noticeOwed(ZONE, 14));
        assertEquals(late.expiresAt(ZONE), late.nextCheck(ZONE, 14, false), "straight to expiry");

        // Granted exactly at the notice instant: the grant itself says when it ends.
        Instant noticeInstant = Instant.parse("2025-06-17T07:00:00Z");
        AccountGrant atNotice = account.grant(siteAdmin("counselor"), SUPERINTENDENT, REASON, null, null, null,
                LocalDate.of(2025, 6, 17), SCHOOL_YEAR_END, noticeInstant);
        assertFalse(atNotice.noticeOwed(ZONE, 14));
        AccountGrant justBefore = account.grant(siteAdmin("librarian"), SUPERINTENDENT, REASON, null, null, null,
                LocalDate.of(2025, 6, 16), SCHOOL_YEAR_END, noticeInstant.minusSeconds(1));
        assertTrue(justBefore.noticeOwed(ZONE, 14));
    }

    @Test
    void noNoticeIsOwedWhenTheDistrictAsksForNone() {
        AccountGrant g = grant(holder, REASON, null, null, null);
        assertFalse(g.noticeOwed(ZONE, 0));
        assertEquals(g.expiresAt(ZONE), g.nextCheck(ZONE, 0, false));
    }

    @Test
    void theTimerLooksAtTheNoticeFirstThenTheExpiryThenNoMore() {
        AccountGrant g = grant(holder, REASON, null, null, null);
        assertEquals(Instant.parse("2025-06-17T07:00:00Z"), g.nextCheck(ZONE, 14, false));
        assertEquals(Instant.parse("2025-07-01T07:00:00Z"), g.nextCheck(ZONE, 14, true));

        g.scheduleCheck(g.nextCheck(ZONE, 14, true));
        account.endGrant(g, GrantStatus.EXPIRED, "Reached its last day", "system", Instant.parse("2025-07-01T07:00:05Z"));
        assertNull(g.nextCheck(ZONE, 14, false));
        assertNull(g.nextCheck(ZONE, 14, true));
        assertNull(g.getNextCheckAt(), "ending clears the scheduled check");
    }

    // --- access reviews ---

    @Test
    void confirmingClearsTheFlagAndRecordsWhoReviewed() {
        AccountGrant g = grant(holder, REASON, null, null, null);
        g.flagUnreviewed(42L);
        assertEquals(42L, g.getFlaggedReviewId());

        g.confirmReview(" Superintendent ", LATER);

        assertNull(g.getFlaggedReviewId());
        assertEquals(LATER, g.getLastReviewedAt());
        assertEquals("superintendent", g.getLastReviewedBy());
        assertEquals(GrantStatus.ACTIVE, g.getStatus());
    }

    @Test
    void onlyRightsInForceCanBeConfirmed() {
        AccountGrant g = grant(holder, REASON, null, null, null);
        account.endGrant(g, GrantStatus.LAPSED, "Not confirmed by the access review", "system", LATER);
        IllegalRequestStateException e = assertThrows(IllegalRequestStateException.class,
                () -> g.confirmReview("superintendent", LATER.plusSeconds(60)));
        assertEquals("Only rights in force can be confirmed; these are lapsed", e.getMessage());
        assertEquals(NOW, g.getLastReviewedAt());
    }

    @Test
    void rightsAreInForceFromTheFirstToTheLastDayUntilEnded() {
        LocalDate first = LocalDate.of(2025, 4, 1);
        LocalDate last = LocalDate.of(2025, 4, 30);
        AccountGrant g = grant(holder, REASON, first, last, null);
        assertFalse(g.isInForceOn(first.minusDays(1)));
        assertTrue(g.isInForceOn(first));
        assertTrue(g.isInForceOn(last));
        assertFalse(g.isInForceOn(last.plusDays(1)));

        account.endGrant(g, GrantStatus.REVOKED, "No longer needed", "superintendent", LATER);
        assertFalse(g.isInForceOn(LocalDate.of(2025, 4, 15)));
    }
}
