package org.district.socialmedia.settings.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationTermTest {

    private static final MonthDay JUNE_30 = MonthDay.of(6, 30);

    private static LocalDate end(String setting, String grantedOn) {
        return AuthorizationTerm.parse(setting).endFor(LocalDate.parse(grantedOn), JUNE_30);
    }

    @Test
    void byDefaultAnAuthorizationLastsUntilTheEndOfTheSchoolYear() {
        assertEquals(LocalDate.parse("2026-06-30"), end("school-year", "2025-09-15"));
        assertEquals(LocalDate.parse("2026-06-30"), end("school-year", "2026-01-02"));
        assertEquals(LocalDate.parse("2026-06-30"), end(" SCHOOL-YEAR ", "2026-05-15"));
    }

    @Test
    void anEndWithinTheReminderWindowMovesToTheNextYear() {
        // granted on June 1: June 30 is 29 days away, inside the 30-day reminder: it would be due for renewal at once
        assertEquals(LocalDate.parse("2027-06-30"), end("school-year", "2026-06-01"));
        assertEquals(LocalDate.parse("2027-06-30"), end("school-year", "2026-06-30"));
        assertEquals(LocalDate.parse("2027-06-30"), end("school-year", "2026-07-01"));
        // 31 days away: this year's end still counts
        assertEquals(LocalDate.parse("2026-06-30"), end("school-year", "2026-05-30"));
    }

    @Test
    void theSchoolYearFollowsSchoolYearEnd() {
        assertEquals(LocalDate.parse("2026-07-15"),
                AuthorizationTerm.DEFAULT.endFor(LocalDate.parse("2025-10-01"), MonthDay.of(7, 15)));
    }

    @Test
    void aDayEachYear() {
        assertEquals(LocalDate.parse("2026-08-31"), end("--08-31", "2025-09-15"));
        assertEquals(LocalDate.parse("2026-08-31"), end("--08-31", "2026-01-10"));
        assertEquals(LocalDate.parse("2027-08-31"), end("--08-31", "2026-08-15"));
    }

    @Test
    void aFixedDateAndItsFallbackOnceItHasPassed() {
        assertEquals(LocalDate.parse("2027-06-30"), end("2027-06-30", "2025-09-15"));
        // a stale date never ends an authorization on the day it is granted: the school year end applies
        assertEquals(LocalDate.parse("2028-06-30"), end("2027-06-30", "2027-07-01"));
        assertEquals(LocalDate.parse("2028-06-30"), end("2027-06-30", "2027-06-30"));
    }

    @Test
    void aPeriodFromTheDayOfTheDecision() {
        assertEquals(LocalDate.parse("2026-09-15"), end("P1Y", "2025-09-15"));
        assertEquals(LocalDate.parse("2025-12-15"), end("p3m", "2025-09-15"));
        assertEquals(LocalDate.parse("2028-02-29"), end("P1Y", "2027-02-28").plusDays(1));
    }

    @Test
    void badTermsAreRefusedWithAReadableMessage() {
        for (String bad : new String[]{"", "soon", "06-30", "2027-13-01", "--02-30x", "P", "P-1Y"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthorizationTerm.parse(bad), bad);
            assertTrue(e.getMessage().contains("authorization term"), e.getMessage());
        }
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> AuthorizationTerm.parse("P30D"));
        assertTrue(tooShort.getMessage().contains("longer than 30 days"), tooShort.getMessage());
        assertEquals("P31D", AuthorizationTerm.canonical("p31d"));
    }

    @Test
    void theSettingIsCanonicalAndReachesTheRightsSettings() {
        assertEquals("school-year", SettingKey.AUTHORIZATION_TERM.canonical("School-Year"));
        assertEquals("P1Y", SettingKey.AUTHORIZATION_TERM.canonical("p1y"));
        assertEquals("--06-30", SettingKey.AUTHORIZATION_TERM.canonical("--06-30"));
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, key.canonical(key.builtInDefault()));
        }
        values.put(SettingKey.AUTHORIZATION_TERM, "P1Y");
        assertEquals("P1Y", DistrictSettings.of(values).rights().authorizationTerm().setting());
    }

    @Test
    void remindedThirtyDaysBeforeAndEndedAfterTheLastDayInTheDistrictsZone() {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        LocalDate lastDay = LocalDate.parse("2026-06-30");
        assertEquals(ZonedDateTime.parse("2026-07-01T00:00-07:00[America/Los_Angeles]"), AuthorizationTerm.endsAt(lastDay, zone));
        assertEquals(ZonedDateTime.parse("2026-05-31T00:00-07:00[America/Los_Angeles]"), AuthorizationTerm.remindAt(lastDay, zone));
    }

    @Test
    void anAuthorizationFromBeforeTermsGetsTheRulesEndFromItsGrantWhileItsReminderIsStillAhead() {
        LocalDate today = LocalDate.parse("2026-01-10");
        // granted in the autumn: this school year's end, as if decided under AUTHORIZATION_TERM then
        assertEquals(LocalDate.parse("2026-06-30"), AuthorizationTerm.DEFAULT.endForExisting(LocalDate.parse("2025-09-15"), today, JUNE_30));
        assertEquals(LocalDate.parse("2026-09-15"), AuthorizationTerm.parse("P1Y").endForExisting(LocalDate.parse("2025-09-15"), today, JUNE_30));
    }

    @Test
    void anAuthorizationFromBeforeTermsWhoseEndIsGoneOrTooNearIsGivenTheTermFromToday() {
        // granted two school years ago: its end is past; it would end at the next sweep without a reminder
        LocalDate today = LocalDate.parse("2026-01-10");
        assertEquals(LocalDate.parse("2026-06-30"), AuthorizationTerm.DEFAULT.endForExisting(LocalDate.parse("2024-03-01"), today, JUNE_30));
        assertEquals(LocalDate.parse("2027-01-10"), AuthorizationTerm.parse("P1Y").endForExisting(LocalDate.parse("2024-03-01"), today, JUNE_30));
        // a year's term from the grant ends in 20 days: fewer than the reminder's 30, so a year from today instead
        assertEquals(LocalDate.parse("2027-01-10"), AuthorizationTerm.parse("P1Y").endForExisting(LocalDate.parse("2025-01-30"), today, JUNE_30));
        // a June migration: this school year's end is too near, the next one is given
        assertEquals(LocalDate.parse("2027-06-30"),
                AuthorizationTerm.DEFAULT.endForExisting(LocalDate.parse("2025-10-01"), LocalDate.parse("2026-06-10"), JUNE_30));
    }
}
