package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

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
    private static final List<String> REVIEWERS = List.of("superintendent", "designee", "");

    @Test
    void theFiguresAreThoseOfTheTimesForEveryScope() {
        SplittableRandom random = new SplittableRandom(70);
        for (int round = 0; round < 1500; round++) {
            int n = 1 + random.nextInt(round % 3 == 0 ? 5 : 300);
            // narrow spreads put the middle times on both sides of an hour's and a tenth's edge; a few times are
            // negative (a clock set back) and fall in the hours below zero
            long spread = round % 2 == 0 ? 40_000 : 900_000;
            long shift = round % 5 == 0 ? -1_000 : 0;
            Map<AnswerTimes.Scope, List<Duration>> plain = new HashMap<>();
            List<AnswerTimes.Tenth> first = new ArrayList<>();
            List<AnswerTimes.Tenth> second = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long s = shift + random.nextLong(spread);
                YearMonth month = OCTOBER.plusMonths(random.nextInt(3));
                String reviewer = REVIEWERS.get(random.nextInt(REVIEWERS.size()));
                for (AnswerTimes.Scope scope : List.of(AnswerTimes.Scope.ALL, AnswerTimes.Scope.month(month), AnswerTimes.Scope.reviewer(reviewer))) {
                    plain.computeIfAbsent(scope, k -> new ArrayList<>()).add(Duration.ofSeconds(s));
                }
                // two sources, as the months' rows and the days read live
                (random.nextBoolean() ? first : second).add(new AnswerTimes.Tenth(month, reviewer, TimeClass.of(s)));
            }
            AnswerTimes times = AnswerTimes.of(first).and(AnswerTimes.of(second));
            plain.forEach((scope, list) -> {
                assertEquals(Durations.medianHours(list), times.medianHours(scope), "median of " + scope + " " + list);
                assertEquals(Durations.p90Hours(list), times.p90Hours(scope), "p90 of " + scope + " " + list);
                assertEquals(list.size(), times.count(scope));
            });
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
