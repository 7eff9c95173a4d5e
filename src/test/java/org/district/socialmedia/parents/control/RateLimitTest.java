package org.district.socialmedia.parents.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimitTest {

    private static final Instant T0 = Instant.parse("2026-09-01T16:00:00Z");

    @Test
    void everyInstantOfAWindowHasTheSameStartOnEveryServer() {
        RateLimit minute = new RateLimit("parent-ip", 60, Duration.ofMinutes(1));
        long start = minute.windowStart(T0);
        assertEquals(T0.toEpochMilli(), start);
        assertEquals(start, minute.windowStart(T0.plusSeconds(59).plusMillis(999)));
        assertEquals(start + 60_000, minute.windowStart(T0.plusSeconds(60)), "a new window");
        assertEquals(start - 60_000, minute.windowStart(T0.minusMillis(1)));
    }

    @Test
    void longerWindowsStartAtTheirOwnMultiples() {
        RateLimit tenMinutes = new RateLimit("parent-new-link", 5, Duration.ofMinutes(10));
        assertEquals(Instant.parse("2026-09-01T16:10:00Z").toEpochMilli(), tenMinutes.windowStart(Instant.parse("2026-09-01T16:19:30Z")));
    }

    @Test
    void refusesWhatCannotBeCounted() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit("x", 0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit("x", 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit("a bucket name too long", 1, Duration.ofMinutes(1)));
    }
}
