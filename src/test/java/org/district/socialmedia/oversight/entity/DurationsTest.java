package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DurationsTest {

    private static List<Duration> hours(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofHours).toList();
    }

    @Test
    void theMedianIsTheMiddleTimeOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(48.0, Durations.medianHours(hours(120, 2, 48)));
        assertEquals(85.0, Durations.medianHours(hours(2, 48, 122, 200)));
        assertEquals(0.5, Durations.medianHours(List.of(Duration.ofMinutes(30))));
        assertNull(Durations.medianHours(List.of()));
    }

    @Test
    void theNinetiethPercentileIsTheNearestRankNeverAnInterpolation() {
        // ten times: the 9th smallest
        assertEquals(9.0, Durations.p90Hours(hours(10, 9, 8, 7, 6, 5, 4, 3, 2, 1)));
        // eleven times: rank ceil(9.9) = 10
        assertEquals(10.0, Durations.p90Hours(hours(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)));
        assertEquals(5.0, Durations.p90Hours(hours(5)));
        assertEquals(6.0, Durations.p90Hours(hours(5, 6)));
        assertNull(Durations.p90Hours(List.of()));
    }

    @Test
    void sharesHaveFourDecimalsAndNoneForNothing() {
        assertEquals(0.9412, Durations.share(16, 17));
        assertEquals(1.0, Durations.share(3, 3));
        assertNull(Durations.share(0, 0));
    }
}
