package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two grains (hours counted, an hour's tenths fetched on demand) give exactly the median and 90th percentile of
 * the times themselves, for the whole report, a month and a reviewer, however the times are split between sources,
 * and fetch only the hours the ranks fall in.
 */
class AnswerTimesTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final List<String> REVIEWERS = List.of("superintendent", "designee", "");

    @Test
    void theFiguresAreThoseOfTheTimesForEveryScope() {
        SplittableRandom random = new SplittableRandom(70);
        for (int round = 0; round < 1500; round++) {
            RandomTimes sample = RandomTimes.of(random, round);
            AnswerTimes times = AnswerTimes.of(sample.first()).and(AnswerTimes.of(sample.second()));
            sample.plain().forEach((scope, list) -> {
                assertEquals(Durations.medianHours(list), times.medianHours(scope), "median of " + scope + " " + list);
                assertEquals(Durations.p90Hours(list), times.p90Hours(scope), "p90 of " + scope + " " + list);
                assertEquals(list.size(), times.count(scope));
            });
        }
    }

    /** Random times split between two sources, as the months' rows and the days read live, and the same times by scope. */
    private record RandomTimes(Map<AnswerTimes.Scope, List<Duration>> plain, List<AnswerTimes.Tenth> first, List<AnswerTimes.Tenth> second) {

        static RandomTimes of(SplittableRandom random, int round) {
            int n = 1 + random.nextInt(round % 3 == 0 ? 5 : 300);
            // narrow spreads put the middle times on both sides of an hour's and a tenth's edge; a few times are
            // negative (a clock set back) and fall in the hours below zero
            long spread = round % 2 == 0 ? 40_000 : 900_000;
            long shift = round % 5 == 0 ? -1_000 : 0;
            RandomTimes sample = new RandomTimes(new HashMap<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < n; i++) {
                long s = shift + random.nextLong(spread);
                YearMonth month = OCTOBER.plusMonths(random.nextInt(4));
                String reviewer = REVIEWERS.get(random.nextInt(REVIEWERS.size()));
                for (AnswerTimes.Scope scope : List.of(AnswerTimes.Scope.ALL, AnswerTimes.Scope.month(month), AnswerTimes.Scope.reviewer(reviewer))) {
                    sample.plain().computeIfAbsent(scope, k -> new ArrayList<>()).add(Duration.ofSeconds(s));
                }
                (random.nextBoolean() ? sample.first() : sample.second()).add(new AnswerTimes.Tenth(month, reviewer, TimeClass.of(s)));
            }
            return sample;
        }
    }

    @Test
    void onlyTheHoursTheRanksFallInAreFetchedEachOnce() {
        List<AnswerTimes.Tenth> tenths = tenthsOfHours(200);
        List<Set<Integer>> asked = new ArrayList<>();
        AnswerTimes counted = counted(tenths, asked);

        assertEquals(99.5, counted.medianHours(AnswerTimes.Scope.ALL));
        assertEquals(179.0, counted.p90Hours(AnswerTimes.Scope.ALL));
        assertEquals(99.5, counted.medianHours(AnswerTimes.Scope.month(OCTOBER)));
        assertEquals(List.of(Set.of(99), Set.of(100), Set.of(179)), asked);
    }

    @Test
    void aReportsHoursAreReadAtOnce() {
        List<AnswerTimes.Tenth> tenths = tenthsOfHours(200);
        List<Set<Integer>> asked = new ArrayList<>();
        AnswerTimes counted = counted(tenths, asked);

        counted.readHoursOf(List.of(AnswerTimes.Scope.ALL, AnswerTimes.Scope.reviewer("designee"), AnswerTimes.Scope.reviewer("nobody")),
                List.of(AnswerTimes.Scope.ALL));
        assertEquals(99.5, counted.medianHours(AnswerTimes.Scope.ALL));
        assertEquals(179.0, counted.p90Hours(AnswerTimes.Scope.ALL));
        assertEquals(99.5, counted.medianHours(AnswerTimes.Scope.reviewer("designee")));
        assertNull(counted.medianHours(AnswerTimes.Scope.reviewer("nobody")));
        assertEquals(List.of(Set.of(99, 100, 179)), asked);
    }

    /**
     * Sources that give an hour's tenths only of the months it is asked for (as the months' rows are read) give the
     * same figures, whichever scopes the report announced before asking (an hour read for one month is read again
     * when a scope needs it for more).
     */
    @Test
    void tenthsReadOnlyForTheMonthsWantedGiveTheSameFigures() {
        SplittableRandom random = new SplittableRandom(91);
        for (int round = 0; round < 1500; round++) {
            RandomTimes sample = RandomTimes.of(random, round);
            Map<AnswerTimes.Scope, List<Duration>> plain = sample.plain();
            AnswerTimes times = inMonths(sample.first(), new ArrayList<>()).and(inMonths(sample.second(), new ArrayList<>()));
            List<AnswerTimes.Scope> announced = new ArrayList<>(plain.keySet());
            announced.removeIf(scope -> random.nextInt(3) == 0);
            times.readHoursOf(announced, random.nextBoolean() ? List.of(AnswerTimes.Scope.ALL) : List.of());
            plain.forEach((scope, list) -> {
                assertEquals(Durations.medianHours(list), times.medianHours(scope), "median of " + scope + " " + list);
                assertEquals(Durations.p90Hours(list), times.p90Hours(scope), "p90 of " + scope + " " + list);
            });
        }
    }

    @Test
    void aMonthsMedianReadsItsHourForThatMonthOnly() {
        List<AnswerTimes.Tenth> tenths = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            for (int hour = 0; hour < 10; hour++) {
                tenths.add(new AnswerTimes.Tenth(OCTOBER.plusMonths(m), "designee", TimeClass.of((hour + 10L * m) * 3600 + 1)));
            }
        }
        tenths.add(new AnswerTimes.Tenth(NOVEMBER, "superintendent", TimeClass.of(4 * 3600 + 1)));
        List<SortedMap<Integer, AnswerTimes.MonthSpan>> asked = new ArrayList<>();
        AnswerTimes times = inMonths(tenths, asked);

        times.readHoursOf(List.of(AnswerTimes.Scope.month(OCTOBER), AnswerTimes.Scope.month(DECEMBER), AnswerTimes.Scope.ALL), List.of());
        AnswerTimes.MonthSpan october = new AnswerTimes.MonthSpan(OCTOBER, OCTOBER);
        AnswerTimes.MonthSpan december = new AnswerTimes.MonthSpan(DECEMBER, DECEMBER);
        assertEquals(List.of(Map.of(4, october, 5, october, 14, AnswerTimes.MonthSpan.EVERY, 24, december, 25, december)), asked);
        assertEquals(4.5, times.medianHours(AnswerTimes.Scope.month(OCTOBER)));
        assertEquals(24.5, times.medianHours(AnswerTimes.Scope.month(DECEMBER)));
        assertEquals(14.0, times.medianHours(AnswerTimes.Scope.ALL));
        assertEquals(1, asked.size(), "every figure announced was read at once");

        // the superintendent's only time is in hour 4, read for October alone: read again, for every month
        assertEquals(4.0, times.medianHours(AnswerTimes.Scope.reviewer("superintendent")));
        assertEquals(Map.of(4, AnswerTimes.MonthSpan.EVERY), asked.get(1));
        // the designee's middle times are in hours 14 (read for every month) and 15 (not read)
        assertEquals(14.5, times.medianHours(AnswerTimes.Scope.reviewer("designee")));
        assertEquals(Map.of(15, AnswerTimes.MonthSpan.EVERY), asked.get(2));
        // November's middle time is in hour 14, read for every month: nothing more is read
        assertEquals(14.0, times.medianHours(AnswerTimes.Scope.month(NOVEMBER)));
        assertEquals(3, asked.size());
    }

    /** A source that gives each hour's tenths of the months asked only, recording what was asked. */
    private static AnswerTimes inMonths(List<AnswerTimes.Tenth> tenths, List<SortedMap<Integer, AnswerTimes.MonthSpan>> asked) {
        return AnswerTimes.inMonths(hours(tenths), wanted -> {
            asked.add(new TreeMap<>(wanted));
            return tenths.stream().filter(t -> {
                AnswerTimes.MonthSpan months = wanted.get(AnswerTimes.hourOf(t.time().tenths()));
                return months != null && (months.every() || !t.month().isBefore(months.first()) && !t.month().isAfter(months.last()));
            }).toList();
        });
    }

    private static List<AnswerTimes.Tenth> tenthsOfHours(int n) {
        List<AnswerTimes.Tenth> tenths = new ArrayList<>();
        for (int hour = 0; hour < n; hour++) {
            tenths.add(new AnswerTimes.Tenth(OCTOBER, "designee", TimeClass.of(hour * 3600L + 1)));
        }
        return tenths;
    }

    /** The tenths from two sources, one empty, as the months' rows and the days read live; the hours asked recorded. */
    private static AnswerTimes counted(List<AnswerTimes.Tenth> tenths, List<Set<Integer>> asked) {
        return new AnswerTimes(List.of(new AnswerTimes.HourCount(OCTOBER, "designee", 0, 0)), wanted -> List.of())
                .and(new AnswerTimes(hours(tenths), wanted -> {
                    asked.add(Set.copyOf(wanted));
                    return tenths.stream().filter(t -> wanted.contains(AnswerTimes.hourOf(t.time().tenths()))).toList();
                }));
    }

    @Test
    void noResponsesNoFigures() {
        AnswerTimes none = AnswerTimes.of(List.of());
        assertNull(none.medianHours(AnswerTimes.Scope.ALL));
        assertNull(none.p90Hours(AnswerTimes.Scope.month(OCTOBER)));
        assertEquals(0, none.count(AnswerTimes.Scope.reviewer("designee")));
    }

    @Test
    void anHourIsTenTenthsTruncatedTowardsZeroAsSqlDivides() {
        assertEquals(0, AnswerTimes.hourOf(9));
        assertEquals(0, AnswerTimes.hourOf(-9));
        assertEquals(1, AnswerTimes.hourOf(10));
        assertEquals(-1, AnswerTimes.hourOf(-10));
        for (int t = -500; t <= 500; t++) {
            int[] range = AnswerTimes.tenthsOf(AnswerTimes.hourOf(t));
            assertTrue(range[0] <= t && t <= range[1], t + " in " + range[0] + ".." + range[1]);
        }
    }

    private static List<AnswerTimes.HourCount> hours(List<AnswerTimes.Tenth> tenths) {
        List<AnswerTimes.HourCount> hours = new ArrayList<>();
        for (AnswerTimes.Tenth t : tenths) {
            hours.add(new AnswerTimes.HourCount(t.month(), t.reviewer(), AnswerTimes.hourOf(t.time().tenths()), t.time().count()));
        }
        return hours;
    }
}
