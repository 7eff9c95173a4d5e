package org.district.socialmedia.requests.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionDaysTest {

    private static final List<Duration> BANDS = List.of(Duration.ofDays(3), Duration.ofDays(8), Duration.ofDays(15));

    @Test
    void aSubmissionsDayIsItsUtcEpochDayAsTheDatabaseStoresIt() {
        assertEquals(20_429, SubmissionDays.dayOf(Instant.parse("2025-12-07T00:00:00Z")));
        assertEquals(20_429, SubmissionDays.dayOf(Instant.parse("2025-12-07T23:59:59.999999Z")));
        assertEquals(Instant.parse("2025-12-07T00:00:00Z"), SubmissionDays.start(20_429));
        // the last half microsecond of a day is stored (rounded half up) as the next day's first microsecond
        assertEquals(20_429, SubmissionDays.dayOf(Instant.parse("2025-12-07T23:59:59.999999499Z")));
        assertEquals(20_430, SubmissionDays.dayOf(Instant.parse("2025-12-07T23:59:59.9999995Z")));
        assertEquals(-1, SubmissionDays.dayOf(Instant.parse("1969-12-31T23:59:59Z")));
    }

    @Test
    void anEdgeCountsTheShorterPartOfItsDayFromTheRows() {
        SubmissionDays.Edge morning = SubmissionDays.edge(Instant.parse("2026-12-04T09:30:00Z"));
        assertTrue(morning.less());
        assertEquals(SubmissionDays.dayOf(Instant.parse("2026-12-04T00:00:00Z")), morning.daysFrom());
        assertEquals(Instant.parse("2026-12-04T00:00:00Z"), morning.from());
        SubmissionDays.Edge evening = SubmissionDays.edge(Instant.parse("2026-12-04T18:00:00Z"));
        assertFalse(evening.less());
        assertEquals(SubmissionDays.dayOf(Instant.parse("2026-12-05T00:00:00Z")), evening.daysFrom());
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), evening.before());
        // a day's first instant: only the requests submitted at that very microsecond are taken off
        SubmissionDays.Edge midnight = SubmissionDays.edge(Instant.parse("2026-12-04T23:59:59.9999996Z"));
        assertTrue(midnight.less());
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), midnight.since());
        assertEquals(midnight.since(), midnight.from());
    }

    /**
     * The count from the tally (whole days summed, the edge's part counted from the rows) is the plain count of the
     * open requests submitted after each band's start, as the database compares them (both rounded to the microsecond).
     */
    @Test
    void theDaysAndEdgesCountExactlyTheRequestsSubmittedAfterEachBandsStart() {
        Random random = new Random(85);
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int round = 0; round < 2_000; round++) {
            int n = random.nextInt(400);
            List<Instant> stored = new ArrayList<>();
            TreeMap<Long, Long> days = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                Instant submitted = submission(random, base);
                stored.add(SubmissionDays.stored(submitted));
                days.merge(SubmissionDays.dayOf(submitted), 1L, Long::sum);
            }
            Instant now = submission(random, base.plus(Duration.ofDays(15)));
            for (Duration band : BANDS) {
                Instant since = SubmissionDays.stored(now.minus(band));
                long plain = stored.stream().filter(s -> s.isAfter(since)).count();
                SubmissionDays.Edge edge = SubmissionDays.edge(now.minus(band));
                long inRange = stored.stream().filter(edge::inRange).count();
                assertEquals(plain, edge.count(days, inRange), "round " + round + ", now " + now + ", band " + band);
                // the range read is at most half a day
                Duration range = edge.less() ? Duration.between(edge.from(), edge.since()) : Duration.between(edge.since(), edge.before());
                assertTrue(range.compareTo(Duration.ofHours(12)) <= 0, range.toString());
            }
        }
    }

    /** An instant within 30 days of {@code base}: often on or next to a UTC midnight, sometimes with nanoseconds. */
    private static Instant submission(Random random, Instant base) {
        Instant day = base.plus(Duration.ofDays(random.nextInt(30)));
        return switch (random.nextInt(6)) {
            case 0 -> day;
            case 1 -> day.minusNanos(1 + random.nextInt(1_000));
            case 2 -> day.plusNanos(random.nextInt(1_000));
            case 3 -> day.plus(Duration.ofHours(12)).plusNanos(random.nextInt(2_000) - 1_000);
            case 4 -> day.plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(1_000_000_000));
            default -> day.plusSeconds(random.nextInt(86_400)).plusNanos(1_000L * random.nextInt(1_000_000));
        };
    }
}
