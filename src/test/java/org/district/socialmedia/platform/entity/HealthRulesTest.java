package org.district.socialmedia.platform.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which overall health, and which sweep reasons, when. */
class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void downWinsAndTakesTheNodeOutDegradedKeepsItIn() {
        assertEquals(HealthStatus.UP, HealthStatus.of("UP", "UP", List.of()));
        assertEquals(HealthStatus.DEGRADED, HealthStatus.of("UP", "UP", List.of("mail")));
        assertEquals(HealthStatus.DOWN, HealthStatus.of("DOWN", "UP", List.of("mail")));
        assertEquals(HealthStatus.DOWN, HealthStatus.of("UP", "DOWN", List.of()));
        assertEquals(200, HealthStatus.UP.httpStatus());
        assertEquals(200, HealthStatus.DEGRADED.httpStatus(), "a load balancer keeps a node whose mail fails");
        assertEquals(503, HealthStatus.DOWN.httpStatus());
    }

    @Test
    void aSweepIsLateOnlyAfterThreeIntervalsWithoutACompletedPass() {
        assertTrue(SweepLag.reason(finished(NOW.minus(MINUTE.multipliedBy(3))), MINUTE, NOW).isEmpty(), "three intervals: not yet");
        String reason = SweepLag.reason(finished(NOW.minus(MINUTE.multipliedBy(3)).minusSeconds(1)), MINUTE, NOW).orElseThrow();
        assertTrue(reason.contains("escalation") && reason.contains("PT3M1S") && reason.contains("PT1M"), reason);
        assertEquals(181L, SweepLag.seconds(finished(NOW.minusSeconds(181)), NOW));
    }

    @Test
    void aPassThatStartedAndNeverEndedCountsFromItsStartAndANeverRunSweepIsNoAlarm() {
        SweepStatus hanging = new SweepStatus(SweepStatus.CONSENT);
        hanging.record(NOW.minus(Duration.ofHours(1)), null, 0, 0, null);
        assertTrue(SweepLag.reason(hanging, MINUTE, NOW).isPresent());
        SweepStatus fresh = new SweepStatus(SweepStatus.CONSENT);
        assertNull(SweepLag.seconds(fresh, NOW));
        assertTrue(SweepLag.reason(fresh, MINUTE, NOW).isEmpty());
    }

    @Test
    void aFailedPassStillCompletesAndAClockMovedBackIsNoLag() {
        SweepStatus failed = new SweepStatus(SweepStatus.ACCOUNT_RIGHTS);
        failed.record(NOW.minusSeconds(10), NOW.minusSeconds(5), 0, 3, "boom");
        assertTrue(SweepLag.reason(failed, MINUTE, NOW).isEmpty(), "failures are a metric, not a stopped timer");
        assertEquals(0L, SweepLag.seconds(finished(NOW.plus(Duration.ofDays(2))), NOW));
    }

    private static SweepStatus finished(Instant at) {
        SweepStatus s = new SweepStatus(SweepStatus.ESCALATION);
        s.record(at.minusSeconds(1), at, 1, 0, null);
        return s;
    }
}
