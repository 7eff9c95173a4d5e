package org.district.socialmedia.security.entity;

import org.district.socialmedia.settings.entity.SecuritySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 5 failures within 15 minutes lock for 15 minutes after the last (the defaults); fewer, or spread out, do not. */
class LoginLockTest {

    private static final SecuritySettings RULES = SecuritySettings.DEFAULTS;
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static List<Instant> minutesAgo(long... minutes) {
        return java.util.Arrays.stream(minutes).mapToObj(m -> NOW.minus(Duration.ofMinutes(m))).toList();
    }

    @Test
    void fiveFailuresWithinTheWindowLockUntilTheDurationAfterTheLast() {
        Optional<Instant> until = LoginLock.lockedUntil(minutesAgo(1, 2, 3, 4, 5), RULES, NOW);
        assertEquals(Optional.of(NOW.minus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(15))), until);
    }

    @Test
    void fourFailuresOrFiveSpreadBeyondTheWindowDoNotLock() {
        assertTrue(LoginLock.lockedUntil(minutesAgo(1, 2, 3, 4), RULES, NOW).isEmpty());
        assertTrue(LoginLock.lockedUntil(minutesAgo(1, 2, 3, 4, 17), RULES, NOW).isEmpty(), "the fifth is 16 minutes before the last");
    }

    @Test
    void theLockEndsOnTimeAndZeroNeverLocks() {
        assertTrue(LoginLock.lockedUntil(minutesAgo(15, 16, 17, 18, 19), RULES, NOW).isEmpty(), "15 minutes after the last failure");
        assertTrue(LoginLock.lockedUntil(minutesAgo(14, 16, 17, 18, 19), RULES, NOW).isPresent());
        SecuritySettings never = new SecuritySettings(0, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(30));
        assertTrue(LoginLock.lockedUntil(minutesAgo(1, 1, 1, 1, 1, 1), never, NOW).isEmpty());
    }
}
