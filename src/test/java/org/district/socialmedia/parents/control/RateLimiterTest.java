package org.district.socialmedia.parents.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-09-01T16:00:00Z");

    @Test
    void allowsTheLimitPerWindowThenRefusesUntilTheNextWindow() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), 100);
        assertTrue(limiter.allow("10.0.0.1", T0));
        assertTrue(limiter.allow("10.0.0.1", T0.plusSeconds(10)));
        assertTrue(limiter.allow("10.0.0.1", T0.plusSeconds(20)));
        assertFalse(limiter.allow("10.0.0.1", T0.plusSeconds(30)));
        assertTrue(limiter.allow("10.0.0.2", T0.plusSeconds(30)), "each key counts alone");
        assertTrue(limiter.allow("10.0.0.1", T0.plusSeconds(60)), "a new window");
    }

    @Test
    void aFloodOfNewKeysIsRefusedRatherThanRemembered() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), 2);
        assertTrue(limiter.allow("a", T0));
        assertTrue(limiter.allow("b", T0));
        assertFalse(limiter.allow("c", T0));
        assertTrue(limiter.allow("a", T0), "known keys go on");
        assertTrue(limiter.allow("c", T0.plusSeconds(61)), "ended windows are dropped to make room");
    }
}
