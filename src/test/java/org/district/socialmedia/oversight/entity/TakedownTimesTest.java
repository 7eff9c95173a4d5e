package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The takedowns report's path (TakedownMonths.times, V83) against the one before it (every tenth of the months,
 * Durations.medianHoursOfClasses and p90HoursOfClasses) and the times themselves, over random tasks: the months' rows
 * are made here as the SQL makes them (tenths per month; hours per month as the tenths divided by ten; the hours read
 * summed over the months, an hour's tenths summed over the months by tenth), the partial months' days and today as
 * tenths at hand. The report reads the tenths of at most three hours (the median's one or two, the 90th percentile's),
 * in one read.
 */
class TakedownTimesTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Test
    void theFiguresByTheHoursAreThoseOfEveryTenthAndOfTheTimes() {
        SplittableRandom random = new SplittableRandom(83);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(round % 3 == 0 ? 6 : 500);
            // narrow spreads put the middle times on both sides of an hour's and a tenth's edge; a few times are
            // negative (a clock set back) and fall in the hour around zero (tenths -9 to 9)
            long spread = round % 2 == 0 ? 30_000 : 350_000;
            long shift = round % 5 == 0 ? -1_000 : 0;
            List<Duration> plain = new ArrayList<>();
            Map<YearMonth, TreeMap<Integer, TimeClass>> monthRows = new TreeMap<>();
            List<TimeClass> atHand = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long s = shift + random.nextLong(spread);
                plain.add(Duration.ofSeconds(s));
                TimeClass time = TimeClass.of(s);
                if (random.nextInt(5) == 0) {
                    atHand.add(time);
                } else {
                    monthRows.computeIfAbsent(JANUARY.plusMonths(random.nextInt(12)), m -> new TreeMap<>())
                            .merge(time.tenths(), time, TimeClass::plus);
                }
            }
            List<SortedSet<Integer>> asked = new ArrayList<>();
            AnswerTimes times = byTheHours(monthRows, asked).and(AnswerTimes.of(atHand.stream()
                    .map(t -> new AnswerTimes.Tenth(null, "", t)).toList()));
            times.readHoursOf(List.of(AnswerTimes.Scope.ALL), List.of(AnswerTimes.Scope.ALL));

            List<TimeClass> every = new ArrayList<>(atHand);
            monthRows.values().forEach(m -> every.addAll(m.values()));
            String what = "round " + round + ", " + n + " tasks";
            assertEquals(Durations.medianHoursOfClasses(every), times.medianHours(AnswerTimes.Scope.ALL), what);
            assertEquals(Durations.p90HoursOfClasses(every), times.p90Hours(AnswerTimes.Scope.ALL), what);
            assertEquals(Durations.medianHours(plain), times.medianHours(AnswerTimes.Scope.ALL), what);
            assertEquals(Durations.p90Hours(plain), times.p90Hours(AnswerTimes.Scope.ALL), what);
            assertEquals(n, times.count(AnswerTimes.Scope.ALL), what);
            if (!monthRows.isEmpty()) {
                assertEquals(1, asked.size(), what + ": the months' tenths in one read, " + asked);
                assertTrue(asked.get(0).size() <= 3, what + ": the tenths of the ranks' hours only, " + asked);
            } else {
                assertTrue(asked.size() <= 1, what + ": " + asked);
            }
        }
    }

    /** The months' rows as TakedownMonths reads them: the hours summed over the months, the tenths of the asked hours. */
    private static AnswerTimes byTheHours(Map<YearMonth, TreeMap<Integer, TimeClass>> monthRows, List<SortedSet<Integer>> asked) {
        Map<Integer, Long> hours = new TreeMap<>();
        monthRows.values().forEach(m -> m.values().forEach(t -> hours.merge(t.tenths() / 10, t.count(), Long::sum)));
        List<AnswerTimes.HourCount> counts = new ArrayList<>();
        hours.forEach((h, count) -> counts.add(new AnswerTimes.HourCount(null, "", h, count)));
        return new AnswerTimes(counts, wanted -> {
            asked.add(wanted);
            Map<Integer, TimeClass> byTenth = new TreeMap<>();
            for (int hour : wanted) {
                int[] range = AnswerTimes.tenthsOf(hour);
                monthRows.values().forEach(m -> m.subMap(range[0], true, range[1], true).values()
                        .forEach(t -> byTenth.merge(t.tenths(), t, TimeClass::plus)));
            }
            return byTenth.values().stream().map(t -> new AnswerTimes.Tenth(null, "", t)).toList();
        });
    }
}
