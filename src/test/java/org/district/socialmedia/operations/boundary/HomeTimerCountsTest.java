package org.district.socialmedia.operations.boundary;

import org.district.socialmedia.platform.entity.SweepStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HomeTimerCountsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T16:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private static SweepStatus ran(String name, Duration ago, int failures) {
        SweepStatus s = new SweepStatus(name);
        s.record(NOW.minus(ago).minusSeconds(1), NOW.minus(ago), 4, failures, failures > 0 ? "boom" : null);
        return s;
    }

    @Test
    void aTimerNeedsAttentionWhenItsLastPassFailedOrItLags() {
        assertEquals(0, HomeTimerCounts.needingAttention(List.of(ran(SweepStatus.ESCALATION, Duration.ofMinutes(1), 0),
                ran(SweepStatus.CONSENT, Duration.ofMinutes(15), 0)), INTERVAL, NOW), "within three intervals: fine");
        assertEquals(1, HomeTimerCounts.needingAttention(List.of(ran(SweepStatus.ESCALATION, Duration.ofMinutes(1), 2)), INTERVAL, NOW),
                "failures in the last pass");
        assertEquals(1, HomeTimerCounts.needingAttention(List.of(ran(SweepStatus.CONSENT, Duration.ofMinutes(16), 0)), INTERVAL, NOW),
                "no pass for more than three intervals");
        assertEquals(2, HomeTimerCounts.needingAttention(List.of(ran(SweepStatus.ESCALATION, Duration.ofMinutes(16), 1),
                ran(SweepStatus.ACCOUNT_RIGHTS, Duration.ofMinutes(1), 1), ran(SweepStatus.CONSENT, Duration.ZERO, 0)), INTERVAL, NOW),
                "each timer counted once");
    }

    @Test
    void aTimerThatNeverRanIsNotYetATrouble() {
        assertEquals(0, HomeTimerCounts.needingAttention(List.of(new SweepStatus(SweepStatus.CONSENT)), INTERVAL, NOW));
    }
}
