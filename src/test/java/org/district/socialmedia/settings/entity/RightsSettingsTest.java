package org.district.socialmedia.settings.entity;

import org.district.socialmedia.settings.entity.RightsSettings.ReviewTerm;
import org.district.socialmedia.settings.entity.RightsSettings.TermDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RightsSettingsTest {

    private static final RightsSettings DEFAULTS = RightsSettings.DEFAULTS;

    private static Map<SettingKey, String> builtInDefaults() {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, key.builtInDefault());
        }
        return values;
    }

    private static String refusal(SettingKey key, String value) {
        return assertThrows(IllegalArgumentException.class, () -> key.canonical(value)).getMessage();
    }

    private static RightsSettings withTerms(String terms) {
        return new RightsSettings(MonthDay.of(6, 30), 14, RightsSettings.parseTerms(terms), List.of(Duration.ofDays(1)), false, AuthorizationTerm.DEFAULT);
    }

    private static RightsSettings withSchoolYearEnd(MonthDay end) {
        return new RightsSettings(end, 14, List.of(), List.of(), false, AuthorizationTerm.DEFAULT);
    }

    // --- the built-in defaults ---

    @Test
    void theBuiltInDefaultsAreTheDefaults() {
        assertEquals(DEFAULTS, RightsSettings.of(builtInDefaults()));
        assertEquals(DEFAULTS, DistrictSettings.of(builtInDefaults()).rights());
        assertEquals(MonthDay.of(6, 30), DEFAULTS.schoolYearEnd());
        assertEquals(14, DEFAULTS.noticeDaysBefore());
        assertEquals("[09-01/09-30, 02-01/02-28]", DEFAULTS.reviewTerms().toString());
        assertEquals(List.of(Duration.ofDays(7), Duration.ofDays(1)), DEFAULTS.reviewReminders());
        assertFalse(DEFAULTS.lapseUnreviewed());
    }

    @Test
    void typedValuesAreParsedIntoTheRecord() {
        Map<SettingKey, String> values = builtInDefaults();
        values.put(SettingKey.SCHOOL_YEAR_END, SettingKey.SCHOOL_YEAR_END.canonical("07-15"));
        values.put(SettingKey.GRANT_NOTICE_BEFORE, SettingKey.GRANT_NOTICE_BEFORE.canonical("p3w"));
        values.put(SettingKey.ACCESS_REVIEW_TERMS, SettingKey.ACCESS_REVIEW_TERMS.canonical("NONE"));
        values.put(SettingKey.ACCESS_REVIEW_REMINDERS, SettingKey.ACCESS_REVIEW_REMINDERS.canonical("pt12h, p3d"));
        values.put(SettingKey.ACCESS_REVIEW_LAPSE, SettingKey.ACCESS_REVIEW_LAPSE.canonical("TRUE"));

        RightsSettings rights = RightsSettings.of(values);

        assertEquals(MonthDay.of(7, 15), rights.schoolYearEnd());
        assertEquals(21, rights.noticeDaysBefore());
        assertEquals(List.of(), rights.reviewTerms());
        assertEquals(List.of(Duration.ofDays(3), Duration.ofHours(12)), rights.reviewReminders());
        assertTrue(rights.lapseUnreviewed());
    }

    @Test
    void aNegativeNoticeIsRefusedAndTheListsCannotBeChanged() {
        assertThrows(IllegalArgumentException.class, () -> new RightsSettings(MonthDay.of(6, 30), -1, List.of(), List.of(), false, AuthorizationTerm.DEFAULT));
        assertThrows(UnsupportedOperationException.class, () -> DEFAULTS.reviewTerms().clear());
        assertThrows(UnsupportedOperationException.class, () -> DEFAULTS.reviewReminders().clear());
    }

    // --- canonical forms ---

    @Test
    void canonicalForms() {
        assertEquals("06-30", SettingKey.SCHOOL_YEAR_END.canonical(" 06-30 "));
        assertEquals("02-29", SettingKey.SCHOOL_YEAR_END.canonical("02-29"));
        assertEquals("P14D", SettingKey.GRANT_NOTICE_BEFORE.canonical("p14d"));
        assertEquals("P14D", SettingKey.GRANT_NOTICE_BEFORE.canonical("P2W"));
        assertEquals("P0D", SettingKey.GRANT_NOTICE_BEFORE.canonical("P0D"));
        assertEquals("P366D", SettingKey.GRANT_NOTICE_BEFORE.canonical("P366D"));
        assertEquals("09-01/09-30,02-01/02-28", SettingKey.ACCESS_REVIEW_TERMS.canonical(" 09-01 / 09-30 ,02-01/02-28 "));
        assertEquals("01-10/01-31", SettingKey.ACCESS_REVIEW_TERMS.canonical("01-10/01-31,"));
        assertEquals("none", SettingKey.ACCESS_REVIEW_TERMS.canonical(" None "));
        assertEquals("P7D,P1D", SettingKey.ACCESS_REVIEW_REMINDERS.canonical("p1d,P7D,P1D"));
        assertEquals("P1D,PT6H", SettingKey.ACCESS_REVIEW_REMINDERS.canonical("PT6H, PT24H"));
        assertEquals("true", SettingKey.ACCESS_REVIEW_LAPSE.canonical(" True "));
        assertEquals("false", SettingKey.ACCESS_REVIEW_LAPSE.canonical("FALSE"));
    }

    // --- refusals, in words a system administrator can act on ---

    @ParameterizedTest
    @ValueSource(strings = {"13-40", "02-30", "6-30", "06/30", "June 30", "none"})
    void aSchoolYearEndMustBeAMonthAndDay(String value) {
        assertEquals("'" + value + "' is not a month and day such as 06-30", refusal(SettingKey.SCHOOL_YEAR_END, value));
    }

    @Test
    void aNoticeIsWholeDaysWithinAYear() {
        assertEquals("'none' is not a number of days such as P14D", refusal(SettingKey.GRANT_NOTICE_BEFORE, "none"));
        assertEquals("'14' is not a number of days such as P14D", refusal(SettingKey.GRANT_NOTICE_BEFORE, "14"));
        assertEquals("'PT12H' is not a number of days such as P14D", refusal(SettingKey.GRANT_NOTICE_BEFORE, "PT12H"));
        assertEquals("Give whole days between P0D and P366D, not 'P1M'", refusal(SettingKey.GRANT_NOTICE_BEFORE, "P1M"));
        assertEquals("Give whole days between P0D and P366D, not 'P367D'", refusal(SettingKey.GRANT_NOTICE_BEFORE, "P367D"));
        assertEquals("Give whole days between P0D and P366D, not '-P1D'", refusal(SettingKey.GRANT_NOTICE_BEFORE, "-P1D"));
        assertEquals("Tell holders before rights end is required", refusal(SettingKey.GRANT_NOTICE_BEFORE, "  "));
    }

    @Test
    void termsAreRefusedNamingThePartAtFault() {
        assertEquals("'13-40' is not a month and day such as 06-30", refusal(SettingKey.ACCESS_REVIEW_TERMS, "13-40/09-30"));
        assertEquals("'09-31' is not a month and day such as 06-30",
                refusal(SettingKey.ACCESS_REVIEW_TERMS, "02-01/02-28,09-01/09-31"));
        assertEquals("An access review's deadline (09-01) cannot come before the day it opens (09-30) in the same year",
                refusal(SettingKey.ACCESS_REVIEW_TERMS, "09-30/09-01"));
        assertEquals("'09-01' is not a term such as 09-01/09-30 (opens/deadline)", refusal(SettingKey.ACCESS_REVIEW_TERMS, "09-01"));
        assertEquals("'09-01/09-15/09-30' is not a term such as 09-01/09-30 (opens/deadline)",
                refusal(SettingKey.ACCESS_REVIEW_TERMS, "09-01/09-15/09-30"));
        assertEquals("'' is not a term such as 09-01/09-30 (opens/deadline)",
                refusal(SettingKey.ACCESS_REVIEW_TERMS, "09-01/09-30,,02-01/02-28"));
        assertEquals("'none' is not a term such as 09-01/09-30 (opens/deadline)",
                refusal(SettingKey.ACCESS_REVIEW_TERMS, "none,09-01/09-30"));
        assertEquals("Give at least one term such as 09-01/09-30, or none", refusal(SettingKey.ACCESS_REVIEW_TERMS, ","));
        assertEquals("Access review terms is required", refusal(SettingKey.ACCESS_REVIEW_TERMS, ""));
    }

    @Test
    void aTermCannotEndBeforeItOpens() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReviewTerm(MonthDay.of(12, 1), MonthDay.of(1, 15)));
        assertTrue(e.getMessage().contains("(01-15) cannot come before the day it opens (12-01)"), e.getMessage());
        assertEquals("09-01/09-01", new ReviewTerm(MonthDay.of(9, 1), MonthDay.of(9, 1)).toString());
    }

    @Test
    void remindersAndLapseAreRefusedReadably() {
        assertEquals("'none' is not an ISO-8601 duration such as P2D or PT12H", refusal(SettingKey.ACCESS_REVIEW_REMINDERS, "none"));
        assertEquals("A reminder comes a positive time before the deadline: 'PT0S'",
                refusal(SettingKey.ACCESS_REVIEW_REMINDERS, "P7D,PT0S"));
        assertEquals("'yes' is neither true nor false", refusal(SettingKey.ACCESS_REVIEW_LAPSE, "yes"));
    }

    // --- the default end of a grant ---

    @ParameterizedTest(name = "a grant starting {0} ends by default on {1}")
    @CsvSource({
            "2025-03-03, 2025-06-30",
            "2025-06-29, 2025-06-30",
            "2025-06-30, 2025-06-30",
            "2025-07-01, 2026-06-30",
            "2025-12-31, 2026-06-30",
            "2024-02-29, 2024-06-30"})
    void theDefaultEndIsTheFirstSchoolYearEndOnOrAfterTheStart(LocalDate start, LocalDate end) {
        assertEquals(end, DEFAULTS.schoolYearEndOnOrAfter(start));
    }

    @ParameterizedTest(name = "school year ending 02-29: a grant starting {0} ends by default on {1}")
    @CsvSource({
            "2025-01-10, 2025-02-28",
            "2025-02-28, 2025-02-28",
            "2025-03-01, 2026-02-28",
            "2024-02-29, 2024-02-29",
            "2024-03-01, 2025-02-28",
            "2027-03-01, 2028-02-29"})
    void aLeapDaySchoolYearEndFallsOnFebruary28InOtherYears(LocalDate start, LocalDate end) {
        assertEquals(end, withSchoolYearEnd(MonthDay.of(2, 29)).schoolYearEndOnOrAfter(start));
    }

    // --- terms in a year ---

    @Test
    void aTermIsOpenFromItsOpeningToItsDeadlineInclusive() {
        TermDates fall = new TermDates(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30));
        assertEquals(Optional.empty(), DEFAULTS.termOpenOn(LocalDate.of(2025, 8, 31)));
        assertEquals(Optional.of(fall), DEFAULTS.termOpenOn(LocalDate.of(2025, 9, 1)));
        assertEquals(Optional.of(fall), DEFAULTS.termOpenOn(LocalDate.of(2025, 9, 17)));
        assertEquals(Optional.of(fall), DEFAULTS.termOpenOn(LocalDate.of(2025, 9, 30)));
        assertEquals(Optional.empty(), DEFAULTS.termOpenOn(LocalDate.of(2025, 10, 1)));
        assertEquals(Optional.of(new TermDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))),
                DEFAULTS.termOpenOn(LocalDate.of(2026, 2, 14)), "the second term, placed in the day's year");
        assertEquals(Optional.empty(), DEFAULTS.termOpenOn(LocalDate.of(2024, 2, 29)), "02-28 is the deadline even in a leap year");
    }

    @Test
    void whenTwoTermsAreOpenTheLatestOpenedOneCounts() {
        RightsSettings overlapping = withTerms("01-05/12-20,03-01/03-31");
        assertEquals(Optional.of(new TermDates(LocalDate.of(2025, 1, 5), LocalDate.of(2025, 12, 20))),
                overlapping.termOpenOn(LocalDate.of(2025, 2, 27)));
        assertEquals(Optional.of(new TermDates(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))),
                overlapping.termOpenOn(LocalDate.of(2025, 3, 15)));
        assertEquals(Optional.of(new TermDates(LocalDate.of(2025, 1, 5), LocalDate.of(2025, 12, 20))),
                overlapping.termOpenOn(LocalDate.of(2025, 4, 1)));
        assertEquals(Optional.empty(), overlapping.termOpenOn(LocalDate.of(2025, 12, 21)));
    }

    @Test
    void noTermsMeansNoReviews() {
        RightsSettings none = withTerms("none");
        assertEquals(Optional.empty(), none.termOpenOn(LocalDate.of(2025, 9, 15)));
        assertEquals(Optional.empty(), none.termOpeningOn(LocalDate.of(2025, 9, 1)));
    }

    @Test
    void aTermOpensOnlyOnItsOpeningDay() {
        assertEquals(Optional.of(new TermDates(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30))),
                DEFAULTS.termOpeningOn(LocalDate.of(2025, 9, 1)));
        assertEquals(Optional.empty(), DEFAULTS.termOpeningOn(LocalDate.of(2025, 9, 2)));
        assertEquals(Optional.empty(), DEFAULTS.termOpeningOn(LocalDate.of(2025, 8, 31)));
        assertEquals(Optional.of(new TermDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))),
                DEFAULTS.termOpeningOn(LocalDate.of(2026, 2, 1)));
    }

    @Test
    void aLeapDayTermStillOpensInOtherYears() {
        RightsSettings leap = withTerms("02-29/03-15");
        assertEquals(Optional.of(new TermDates(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 15))),
                leap.termOpeningOn(LocalDate.of(2024, 2, 29)));
        assertEquals(Optional.empty(), leap.termOpeningOn(LocalDate.of(2024, 2, 28)));
        assertEquals(Optional.of(new TermDates(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 15))),
                leap.termOpeningOn(LocalDate.of(2025, 2, 28)));
    }
}
