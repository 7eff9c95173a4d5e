package org.district.socialmedia.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeadlineCalculatorTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ReviewPeriod SEVEN_DAYS = ReviewPeriod.parse("P7D");

    // Thanksgiving 2026 (Thu/Fri) and winter break 2026-12-21 .. 2027-01-01.
    private static final Set<LocalDate> HOLIDAYS = Stream.concat(
            Stream.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27)),
            LocalDate.of(2026, 12, 21).datesUntil(LocalDate.of(2027, 1, 2)))
            .collect(Collectors.toSet());

    private static DeadlineCalculator calendar(ZoneId zone) {
        return new DeadlineCalculator(zone, DayCounting.CALENDAR, HOLIDAYS);
    }

    private static DeadlineCalculator school(ZoneId zone) {
        return new DeadlineCalculator(zone, DayCounting.SCHOOL, HOLIDAYS);
    }

    @Nested
    class CalendarDays {

        private final DeadlineCalculator calculator = calendar(LOS_ANGELES);

        @Test
        void deadlineIsTheEndOfTheLocalDueDate() {
            // Wednesday 2026-01-14 10:00 PST
            Instant submitted = Instant.parse("2026-01-14T18:00:00Z");
            assertEquals(LocalDate.of(2026, 1, 21), calculator.dueDate(submitted, SEVEN_DAYS));
            assertEquals(Instant.parse("2026-01-22T07:59:59Z"), calculator.deadline(submitted, SEVEN_DAYS));
        }

        @Test
        void weekendsAndHolidaysCountAsOrdinaryDays() {
            // Monday before Thanksgiving 2026, 10:00 PST
            Instant submitted = Instant.parse("2026-11-23T18:00:00Z");
            assertEquals(LocalDate.of(2026, 11, 30), calculator.dueDate(submitted, SEVEN_DAYS));
            assertEquals(Instant.parse("2026-12-01T07:59:59Z"), calculator.deadline(submitted, SEVEN_DAYS));
        }

        @Test
        void onlyTheDateMattersNotTheHourOfSubmission() {
            Instant earlyMorning = Instant.parse("2026-01-14T08:00:01Z"); // 00:00:01 PST
            Instant lateEvening = Instant.parse("2026-01-15T07:59:59Z"); // 23:59:59 PST
            assertEquals(calculator.deadline(earlyMorning, SEVEN_DAYS), calculator.deadline(lateEvening, SEVEN_DAYS));
        }

        @Test
        void oneDayAndWeeks() {
            Instant submitted = Instant.parse("2026-01-14T18:00:00Z");
            assertEquals(LocalDate.of(2026, 1, 15), calculator.dueDate(submitted, ReviewPeriod.parse("P1D")));
            assertEquals(LocalDate.of(2026, 1, 28), calculator.dueDate(submitted, ReviewPeriod.parse("P2W")));
        }

        @Test
        void crossesYearEnd() {
            Instant submitted = Instant.parse("2026-12-28T18:00:00Z");
            assertEquals(LocalDate.of(2027, 1, 4), calculator.dueDate(submitted, SEVEN_DAYS));
        }
    }

    @Nested
    class SchoolDays {

        private final DeadlineCalculator calculator = school(LOS_ANGELES);

        @Test
        void skipsWeekends() {
            // Thursday 2026-03-05 10:00 PST: Fri 6, Mon 9 .. Fri 13, Mon 16.
            Instant submitted = Instant.parse("2026-03-05T18:00:00Z");
            assertEquals(LocalDate.of(2026, 3, 16), calculator.dueDate(submitted, SEVEN_DAYS));
            assertEquals(Instant.parse("2026-03-17T06:59:59Z"), calculator.deadline(submitted, SEVEN_DAYS));
        }

        @Test
        void theDayOfSubmissionNeverCounts() {
            Instant mondayMorning = Instant.parse("2026-03-09T08:00:01Z"); // 00:00:01 PST Monday
            assertEquals(LocalDate.of(2026, 3, 10), calculator.dueDate(mondayMorning, ReviewPeriod.parse("P1D")));
        }

        @Test
        void skipsTheThanksgivingHolidays() {
            // Monday 2026-11-23: Tue 24, Wed 25, (Thu 26, Fri 27 holidays), Mon 30, Tue 1 .. Fri 4.
            Instant submitted = Instant.parse("2026-11-23T18:00:00Z");
            assertEquals(LocalDate.of(2026, 12, 4), calculator.dueDate(submitted, SEVEN_DAYS));
            assertEquals(Instant.parse("2026-12-05T07:59:59Z"), calculator.deadline(submitted, SEVEN_DAYS));
        }

        @Test
        void submissionOnTheEveOfThanksgivingWaitsForMonday() {
            Instant wednesday = Instant.parse("2026-11-25T18:00:00Z");
            assertEquals(LocalDate.of(2026, 11, 30), calculator.dueDate(wednesday, ReviewPeriod.parse("P1D")));
        }

        @Test
        void skipsTheWholeWinterBreak() {
            // Friday 2026-12-18: the break and its weekends run until Sunday 2027-01-03.
            Instant submitted = Instant.parse("2026-12-18T18:00:00Z");
            assertEquals(LocalDate.of(2027, 1, 4), calculator.dueDate(submitted, ReviewPeriod.parse("P1D")));
            assertEquals(LocalDate.of(2027, 1, 6), calculator.dueDate(submitted, ReviewPeriod.parse("P3D")));
            assertEquals(LocalDate.of(2027, 1, 12), calculator.dueDate(submitted, SEVEN_DAYS));
            assertEquals(Instant.parse("2027-01-13T07:59:59Z"), calculator.deadline(submitted, SEVEN_DAYS));
        }

        @Test
        void submissionDuringTheBreakStartsCountingWhenSchoolResumes() {
            Instant christmas = Instant.parse("2026-12-25T18:00:00Z");
            assertEquals(LocalDate.of(2027, 1, 4), calculator.dueDate(christmas, ReviewPeriod.parse("P1D")));
        }

        @Test
        void submissionOnASaturdayStartsCountingOnMonday() {
            Instant saturday = Instant.parse("2026-03-14T19:00:00Z"); // Saturday 12:00 PDT
            assertEquals(LocalDate.of(2026, 3, 16), calculator.dueDate(saturday, ReviewPeriod.parse("P1D")));
            assertEquals(LocalDate.of(2026, 3, 20), calculator.dueDate(saturday, ReviewPeriod.parse("P5D")));
            assertEquals(LocalDate.of(2026, 3, 24), calculator.dueDate(saturday, SEVEN_DAYS));
            assertEquals(Instant.parse("2026-03-25T06:59:59Z"), calculator.deadline(saturday, SEVEN_DAYS));
        }

        @Test
        void submissionOnASundayStartsCountingOnMonday() {
            Instant sunday = Instant.parse("2026-03-15T19:00:00Z");
            assertEquals(LocalDate.of(2026, 3, 16), calculator.dueDate(sunday, ReviewPeriod.parse("P1D")));
        }

        @Test
        void withoutHolidaysOnlyWeekendsAreSkipped() {
            DeadlineCalculator noHolidays = new DeadlineCalculator(LOS_ANGELES, DayCounting.SCHOOL, Set.of());
            Instant submitted = Instant.parse("2026-11-23T18:00:00Z");
            assertEquals(LocalDate.of(2026, 12, 2), noHolidays.dueDate(submitted, SEVEN_DAYS));
        }

        @Test
        void aLongRealisticBreakIsStillCounted() {
            // Two years off is far beyond any real calendar but under the guard.
            Set<LocalDate> twoYears = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2028, 1, 1))
                    .collect(Collectors.toSet());
            DeadlineCalculator calculator = new DeadlineCalculator(LOS_ANGELES, DayCounting.SCHOOL, twoYears);
            Instant submitted = Instant.parse("2025-12-31T18:00:00Z");
            assertEquals(LocalDate.of(2028, 1, 3), calculator.dueDate(submitted, ReviewPeriod.parse("P1D")));
        }

        @Test
        void aBrokenHolidayCalendarFailsInsteadOfLoopingForever() {
            Set<LocalDate> everyDay = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2036, 1, 1))
                    .collect(Collectors.toSet());
            DeadlineCalculator calculator = new DeadlineCalculator(LOS_ANGELES, DayCounting.SCHOOL, everyDay);
            Instant submitted = Instant.parse("2026-03-05T18:00:00Z");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> calculator.deadline(submitted, SEVEN_DAYS));
            assertTrue(e.getMessage().contains("holiday calendar"), e.getMessage());
            assertTrue(e.getMessage().contains("2026-03-05"), e.getMessage());
        }

        @Test
        void theGuardAlsoCoversRunsAfterSomeDaysWereCounted() {
            Set<LocalDate> fromApril = LocalDate.of(2026, 4, 1).datesUntil(LocalDate.of(2036, 1, 1))
                    .collect(Collectors.toSet());
            DeadlineCalculator calculator = new DeadlineCalculator(LOS_ANGELES, DayCounting.SCHOOL, fromApril);
            Instant submitted = Instant.parse("2026-03-26T18:00:00Z"); // Thursday; Fri 27, Mon 30, Tue 31 count
            assertEquals(LocalDate.of(2026, 3, 31), calculator.dueDate(submitted, ReviewPeriod.parse("P3D")));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> calculator.dueDate(submitted, ReviewPeriod.parse("P4D")));
            assertTrue(e.getMessage().contains("2026-03-31"), e.getMessage());
        }
    }

    @Nested
    class DaylightSavingTime {

        @Test
        void calendarWeekAcrossSpringForwardEndsAtLocalMidnightInPdt() {
            // Thursday 2026-03-05 10:00 PST; clocks spring forward on Sunday 2026-03-08.
            Instant submitted = Instant.parse("2026-03-05T18:00:00Z");
            Instant deadline = calendar(LOS_ANGELES).deadline(submitted, SEVEN_DAYS);
            assertEquals(Instant.parse("2026-03-13T06:59:59Z"), deadline); // 2026-03-12 23:59:59 PDT
            // 10:00 to 23:59:59 a week later, minus the hour lost to the clock change.
            assertEquals(Duration.ofDays(7).plusHours(12).plusMinutes(59).plusSeconds(59),
                    Duration.between(submitted, deadline));
        }

        @Test
        void calendarWeekAcrossFallBackEndsAtLocalMidnightInPst() {
            // Thursday 2026-10-29 10:00 PDT; clocks fall back on Sunday 2026-11-01.
            Instant submitted = Instant.parse("2026-10-29T17:00:00Z");
            Instant deadline = calendar(LOS_ANGELES).deadline(submitted, SEVEN_DAYS);
            assertEquals(Instant.parse("2026-11-06T07:59:59Z"), deadline); // 2026-11-05 23:59:59 PST
            // 10:00 to 23:59:59 a week later, plus the hour gained at the clock change.
            assertEquals(Duration.ofDays(7).plusHours(14).plusMinutes(59).plusSeconds(59),
                    Duration.between(submitted, deadline));
        }

        @Test
        void theShortDayItselfEndsAt235959Pdt() {
            Instant saturday = Instant.parse("2026-03-07T20:00:00Z"); // 12:00 PST
            assertEquals(Instant.parse("2026-03-09T06:59:59Z"),
                    calendar(LOS_ANGELES).deadline(saturday, ReviewPeriod.parse("P1D")));
        }

        @Test
        void theLongDayItselfEndsAt235959Pst() {
            Instant saturday = Instant.parse("2026-10-31T19:00:00Z"); // 12:00 PDT
            assertEquals(Instant.parse("2026-11-02T07:59:59Z"),
                    calendar(LOS_ANGELES).deadline(saturday, ReviewPeriod.parse("P1D")));
        }

        @Test
        void schoolDaysAcrossSpringForward() {
            // Friday 2026-03-06 10:00 PST: Mon 9 .. Fri 13, Mon 16, Tue 17.
            Instant submitted = Instant.parse("2026-03-06T18:00:00Z");
            assertEquals(Instant.parse("2026-03-18T06:59:59Z"), school(LOS_ANGELES).deadline(submitted, SEVEN_DAYS));
        }

        @Test
        void schoolDaysAcrossFallBack() {
            // Friday 2026-10-30 10:00 PDT: Mon 2 .. Fri 6, Mon 9, Tue 10.
            Instant submitted = Instant.parse("2026-10-30T17:00:00Z");
            assertEquals(Instant.parse("2026-11-11T07:59:59Z"), school(LOS_ANGELES).deadline(submitted, SEVEN_DAYS));
        }

        @Test
        void exactDurationsIgnoreTheClockChange() {
            Instant saturday = Instant.parse("2026-03-07T20:00:00Z"); // 12:00 PST
            Instant deadline = calendar(LOS_ANGELES).deadline(saturday, ReviewPeriod.parse("PT36H"));
            // 36 real hours later is 01:00 PDT on Monday, not midnight.
            assertEquals(Instant.parse("2026-03-09T08:00:00Z"), deadline);
        }
    }

    @Nested
    class TimeZoneDecidesTheLocalDate {

        // Thursday 2026-01-15 23:30 PST is already Friday 07:30 in UTC.
        private final Instant lateThursdayInCalifornia = Instant.parse("2026-01-16T07:30:00Z");

        @Test
        void lateEveningSubmissionBelongsToTheLocalDay() {
            assertEquals(LocalDate.of(2026, 1, 22),
                    calendar(LOS_ANGELES).dueDate(lateThursdayInCalifornia, SEVEN_DAYS));
            assertEquals(Instant.parse("2026-01-23T07:59:59Z"),
                    calendar(LOS_ANGELES).deadline(lateThursdayInCalifornia, SEVEN_DAYS));
        }

        @Test
        void theSameInstantInUtcIsADayLater() {
            assertEquals(LocalDate.of(2026, 1, 23),
                    calendar(ZoneOffset.UTC).dueDate(lateThursdayInCalifornia, SEVEN_DAYS));
            assertEquals(Instant.parse("2026-01-23T23:59:59Z"),
                    calendar(ZoneOffset.UTC).deadline(lateThursdayInCalifornia, SEVEN_DAYS));
        }

        @Test
        void schoolDaysMakeTheDifferenceAWeekend() {
            ReviewPeriod oneDay = ReviewPeriod.parse("P1D");
            // Thursday in California: due Friday. Friday in UTC: due Monday.
            assertEquals(Instant.parse("2026-01-17T07:59:59Z"),
                    school(LOS_ANGELES).deadline(lateThursdayInCalifornia, oneDay));
            assertEquals(Instant.parse("2026-01-19T23:59:59Z"),
                    school(ZoneOffset.UTC).deadline(lateThursdayInCalifornia, oneDay));
        }

        @Test
        void halfPastMidnightUtcIsStillTheAfternoonBeforeInCalifornia() {
            Instant utcNextDay = Instant.parse("2026-01-16T00:30:00Z"); // Thursday 16:30 PST
            assertEquals(LocalDate.of(2026, 1, 22), calendar(LOS_ANGELES).dueDate(utcNextDay, SEVEN_DAYS));
            assertEquals(LocalDate.of(2026, 1, 23), calendar(ZoneOffset.UTC).dueDate(utcNextDay, SEVEN_DAYS));
        }

        @Test
        void lateEveningInSummerTime() {
            Instant lateThursdayPdt = Instant.parse("2026-06-12T06:30:00Z"); // Thursday 2026-06-11 23:30 PDT
            assertEquals(LocalDate.of(2026, 6, 18), calendar(LOS_ANGELES).dueDate(lateThursdayPdt, SEVEN_DAYS));
        }
    }

    @Nested
    class ExactDurations {

        @ParameterizedTest
        @EnumSource(DayCounting.class)
        void fiveMinutesIsFiveMinutesWhateverTheCounting(DayCounting counting) {
            DeadlineCalculator calculator = new DeadlineCalculator(LOS_ANGELES, counting, HOLIDAYS);
            Instant submitted = Instant.parse("2026-03-05T18:00:00Z");
            assertEquals(Instant.parse("2026-03-05T18:05:00Z"), calculator.deadline(submitted, ReviewPeriod.parse("PT5M")));
        }

        @Test
        void schoolCountingAddsExactlyEvenOnAHolidayWeekend() {
            Instant thanksgiving = Instant.parse("2026-11-26T18:00:00Z");
            assertEquals(Instant.parse("2026-11-28T18:00:00Z"),
                    school(LOS_ANGELES).deadline(thanksgiving, ReviewPeriod.parse("PT48H")));
            assertEquals(Instant.parse("2026-11-26T18:00:10Z"),
                    school(LOS_ANGELES).deadline(thanksgiving, ReviewPeriod.parse("PT10S")));
        }

        @Test
        void anExactDurationHasNoDueDate() {
            Instant submitted = Instant.parse("2026-03-05T18:00:00Z");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> calendar(LOS_ANGELES).dueDate(submitted, ReviewPeriod.parse("PT5M")));
            assertTrue(e.getMessage().contains("PT5M"), e.getMessage());
        }
    }

    @Nested
    class SchoolDayDefinition {

        private final DeadlineCalculator calculator = school(LOS_ANGELES);

        @Test
        void weekdaysAreSchoolDays() {
            LocalDate.of(2026, 3, 9).datesUntil(LocalDate.of(2026, 3, 14))
                    .forEach(day -> assertTrue(calculator.isSchoolDay(day), day.toString()));
        }

        @Test
        void weekendsAreNot() {
            assertFalse(calculator.isSchoolDay(LocalDate.of(2026, 3, 14)));
            assertFalse(calculator.isSchoolDay(LocalDate.of(2026, 3, 15)));
        }

        @Test
        void holidaysAreNot() {
            assertFalse(calculator.isSchoolDay(LocalDate.of(2026, 11, 26)));
            assertFalse(calculator.isSchoolDay(LocalDate.of(2027, 1, 1)));
            assertTrue(calculator.isSchoolDay(LocalDate.of(2026, 11, 25)));
        }

        @Test
        void laterChangesToTheCallersHolidaySetHaveNoEffect() {
            Set<LocalDate> holidays = new HashSet<>();
            DeadlineCalculator calculator = new DeadlineCalculator(LOS_ANGELES, DayCounting.SCHOOL, holidays);
            holidays.add(LocalDate.of(2026, 3, 9));
            assertTrue(calculator.isSchoolDay(LocalDate.of(2026, 3, 9)));
        }
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> new DeadlineCalculator(null, DayCounting.CALENDAR, Set.of()));
        assertThrows(NullPointerException.class, () -> new DeadlineCalculator(LOS_ANGELES, null, Set.of()));
        assertThrows(NullPointerException.class, () -> new DeadlineCalculator(LOS_ANGELES, DayCounting.CALENDAR, null));
        DeadlineCalculator calculator = calendar(LOS_ANGELES);
        assertThrows(NullPointerException.class, () -> calculator.deadline(null, SEVEN_DAYS));
        assertThrows(NullPointerException.class, () -> calculator.deadline(Instant.now(), null));
    }
}
