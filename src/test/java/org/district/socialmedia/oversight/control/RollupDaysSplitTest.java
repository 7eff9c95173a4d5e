package org.district.socialmedia.oversight.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the requests and takedowns reports split a period: whole months from the month rows, the partial months' rolled-up
 * days from the day rows, the days not rolled up live; every day of the period in exactly one of them.
 */
class RollupDaysSplitTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    private static TreeSet<LocalDate> days(String first, String last) {
        TreeSet<LocalDate> days = new TreeSet<>();
        LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).forEach(days::add);
        return days;
    }

    private static List<String> runs(List<LocalDate[]> runs) {
        return runs.stream().map(Arrays::toString).toList();
    }

    private static Set<YearMonth> months(String first, String last) {
        TreeSet<YearMonth> months = new TreeSet<>();
        for (YearMonth m = YearMonth.parse(first); !m.isAfter(YearMonth.parse(last)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The District's today at an instant (the reports' clock in District time, not UTC's). */
    private static LocalDate today(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), DISTRICT));
    }

    @Test
    void aYearFromMidMonthReadsItsFirstMonthFromDayRowsAndTheCurrentMonthsDaysOverFromItsMonthRows() {
        LocalDate today = today("2026-12-07T18:00:00Z");
        TreeSet<LocalDate> rolled = days("2026-01-15", "2026-12-06");

        RollupDays.Split split = RollupDays.split(LocalDate.parse("2026-01-15"), today, rolled, LocalDate.parse("2026-12-06"), today);

        // December's rows hold exactly its days over (1st to 6th), every one of them in the period
        assertEquals(months("2026-02", "2026-12"), split.months());
        assertEquals(List.of("[2026-01-15, 2026-01-31]"), runs(split.dayRuns()));
        assertEquals(List.of("[2026-12-07, 2026-12-07]"), runs(split.liveRuns()));
    }

    @Test
    void aPeriodOnMonthBoundariesIsMonthRowsOnly() {
        TreeSet<LocalDate> rolled = days("2026-02-01", "2026-11-30");

        RollupDays.Split split = RollupDays.split(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-11-30"), rolled,
                LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-07"));

        assertEquals(months("2026-02", "2026-11"), split.months());
        assertEquals(List.of(), split.dayRuns());
        assertEquals(List.of(), split.liveRuns());
    }

    @Test
    void aPeriodEndingTheDayBeforeTheMonthsLastOrStartingTheDayAfterItsFirstReadsThatMonthFromDayRows() {
        RollupDays.Split endsEarly = RollupDays.split(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-30"),
                days("2026-02-01", "2026-03-30"), LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-07"));
        assertEquals(Set.of(YearMonth.of(2026, 2)), endsEarly.months());
        assertEquals(List.of("[2026-03-01, 2026-03-30]"), runs(endsEarly.dayRuns()));

        // February 2028 has 29 days: the 29th is its last, the 28th is not
        RollupDays.Split leap = RollupDays.split(LocalDate.parse("2028-02-02"), LocalDate.parse("2028-02-29"),
                days("2028-02-02", "2028-02-29"), LocalDate.parse("2028-03-10"), LocalDate.parse("2028-03-11"));
        assertEquals(Set.of(), leap.months());
        assertEquals(List.of("[2028-02-02, 2028-02-29]"), runs(leap.dayRuns()));
    }

    @Test
    void aMonthWhoseRolledUpDaysAllLieInThePeriodIsWholeEvenWhenTheTimerIsBehindOrSkippedADay() {
        // the timer rolled up to the 20th of November: November's rows hold those 20 days, the rest is read live
        TreeSet<LocalDate> behind = days("2026-11-01", "2026-11-20");
        RollupDays.Split split = RollupDays.split(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-07"), behind,
                LocalDate.parse("2026-11-20"), LocalDate.parse("2026-12-07"));
        assertEquals(Set.of(YearMonth.of(2026, 11)), split.months());
        assertEquals(List.of(), split.dayRuns());
        assertEquals(List.of("[2026-11-21, 2026-12-07]"), runs(split.liveRuns()));

        // a day of June not rolled up (no rows for it in June's month rows) is read live, June's others from its month rows
        TreeSet<LocalDate> gap = days("2026-06-01", "2026-06-30");
        gap.remove(LocalDate.parse("2026-06-10"));
        RollupDays.Split withGap = RollupDays.split(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"), gap,
                LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-07"));
        assertEquals(Set.of(YearMonth.of(2026, 6)), withGap.months());
        assertEquals(List.of("[2026-06-10, 2026-06-10]"), runs(withGap.liveRuns()));

        // a gap in a partial month splits its day rows into two runs
        TreeSet<LocalDate> partial = days("2026-06-05", "2026-06-30");
        partial.remove(LocalDate.parse("2026-06-10"));
        RollupDays.Split partialGap = RollupDays.split(LocalDate.parse("2026-06-05"), LocalDate.parse("2026-06-30"), partial,
                LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-07"));
        assertEquals(Set.of(), partialGap.months());
        assertEquals(List.of("[2026-06-05, 2026-06-09]", "[2026-06-11, 2026-06-30]"), runs(partialGap.dayRuns()));
        assertEquals(List.of("[2026-06-10, 2026-06-10]"), runs(partialGap.liveRuns()));
    }

    @Test
    void atMidnightUtcTheDistrictIsStillOnTheMonthsLastDayWhichIsReadLive() {
        // 07:30 UTC on December 1st is 23:30 on November 30th in the District: the 30th is today, not over
        LocalDate today = today("2026-12-01T07:30:00Z");
        assertEquals(LocalDate.parse("2026-11-30"), today);
        RollupDays.Split split = RollupDays.split(LocalDate.parse("2026-11-01"), today, days("2026-11-01", "2026-11-29"),
                LocalDate.parse("2026-11-29"), today);
        assertEquals(Set.of(YearMonth.of(2026, 11)), split.months(), "November's rows hold its 29 days over");
        assertEquals(List.of("[2026-11-30, 2026-11-30]"), runs(split.liveRuns()));

        // half an hour later the 30th is over and rolled up: the month rows hold all of November
        LocalDate next = today("2026-12-01T08:30:00Z");
        RollupDays.Split after = RollupDays.split(LocalDate.parse("2026-11-01"), next, days("2026-11-01", "2026-11-30"),
                LocalDate.parse("2026-11-30"), next);
        assertEquals(Set.of(YearMonth.of(2026, 11)), after.months());
        assertEquals(List.of(), after.dayRuns());
        assertEquals(List.of("[2026-12-01, 2026-12-01]"), runs(after.liveRuns()));
    }

    @Test
    void aMonthWithADayRolledUpThatIsNotOverIsReadFromItsDaysNotItsMonthRows() {
        // the clock was set back (a test server): the 30th was rolled up under the later clock and is today again; the
        // month rows hold its rows too, so November is read from the 29 days over and the 30th live
        LocalDate today = today("2026-12-01T07:30:00Z");
        RollupDays.Split split = RollupDays.split(LocalDate.parse("2026-11-01"), today, days("2026-11-01", "2026-11-29"),
                LocalDate.parse("2026-11-30"), today);
        assertEquals(Set.of(), split.months());
        assertEquals(List.of("[2026-11-01, 2026-11-29]"), runs(split.dayRuns()));
        assertEquals(List.of("[2026-11-30, 2026-11-30]"), runs(split.liveRuns()));
    }

    @Test
    void nothingRolledUpIsAllLive() {
        RollupDays.Split split = RollupDays.split(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-07"), new TreeSet<>(), null,
                LocalDate.parse("2026-12-07"));
        assertEquals(Set.of(), split.months());
        assertEquals(List.of(), split.dayRuns());
        assertEquals(List.of("[2026-11-01, 2026-12-07]"), runs(split.liveRuns()));
    }
}
