package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The roll-ups keep times by tenth of an hour with their shortest and longest: the median and 90th percentile of
 * the classes must be exactly those of the times themselves, whatever the times and however the classes are split
 * into cells (days, reviewers).
 */
class TimeClassTest {

    @Test
    void aTimeFallsInTheTenthItRoundsTo() {
        assertEquals(0, TimeClass.tenthsOf(0));
        assertEquals(0, TimeClass.tenthsOf(179));
        assertEquals(1, TimeClass.tenthsOf(180));
        assertEquals(1, TimeClass.tenthsOf(539));
        assertEquals(2, TimeClass.tenthsOf(540));
        for (long s = 0; s < 20_000; s += 7) {
            assertEquals(Durations.medianHours(List.of(Duration.ofSeconds(s))), TimeClass.tenthsOf(s) / 10.0, "at " + s + " s");
        }
    }

    @Test
    void theClassesGiveExactlyTheMedianAndP90OfTheTimes() {
        SplittableRandom random = new SplittableRandom(22);
        for (int round = 0; round < 3000; round++) {
            int n = 1 + random.nextInt(round % 3 == 0 ? 4 : 60);
            // narrow ranges put the middle times on both sides of a tenth's edge (180 s apart from its centre)
            long spread = round % 2 == 0 ? 1_500 : 700_000;
            List<Duration> times = new ArrayList<>();
            List<TimeClass> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long s = random.nextLong(spread);
                times.add(Duration.ofSeconds(s));
                cells.add(TimeClass.of(s));
            }
            // merge some cells of one tenth, as a day's roll-up does
            List<TimeClass> merged = new ArrayList<>();
            for (TimeClass c : cells) {
                int last = merged.size() - 1;
                if (last >= 0 && merged.get(last).tenths() == c.tenths() && random.nextBoolean()) {
                    merged.set(last, merged.get(last).plus(c));
                } else {
                    merged.add(c);
                }
            }
            assertEquals(Durations.medianHours(times), Durations.medianHoursOfClasses(merged), "median of " + times);
            assertEquals(Durations.p90Hours(times), Durations.p90HoursOfClasses(merged), "p90 of " + times);
        }
        assertEquals(null, Durations.medianHoursOfClasses(List.of()));
        assertEquals(null, Durations.p90HoursOfClasses(List.of()));
    }

    @Test
    void twoMiddleTimesInTwoTenthsGiveTheirMean() {
        // 0.0 h (100 s) and 0.2 h (700 s): the mean, 400 s, is 0.1 h; neither class alone says so
        List<TimeClass> classes = List.of(TimeClass.of(100), TimeClass.of(700));
        assertEquals(0.1, Durations.medianHoursOfClasses(classes));
        assertEquals(Durations.medianHours(List.of(Duration.ofSeconds(100), Duration.ofSeconds(700))), Durations.medianHoursOfClasses(classes));
    }
}
