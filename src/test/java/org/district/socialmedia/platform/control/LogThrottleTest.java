package org.district.socialmedia.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogThrottleTest {

    private final List<LogRecord> lines = new ArrayList<>();
    private final Logger log = Logger.getAnonymousLogger();
    private Instant now = Instant.parse("2026-12-05T08:00:00Z");
    private final LogThrottle throttle;

    LogThrottleTest() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    lines.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        throttle = new LogThrottle(log, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        }, Duration.ofMinutes(1));
    }

    @Test
    void aThousandFailuresInAMinuteAreOneWarningThenOneWithTheCountThenOneRecovery() {
        for (int i = 0; i < 1000; i++) {
            throttle.failed("Database", "connection refused", new IllegalStateException("refused"));
            now = now.plusMillis(50);
        }
        assertEquals(1, lines.size(), "the first failure only, within the minute");
        assertEquals(Level.WARNING, lines.get(0).getLevel());
        assertEquals("Database failing: connection refused", lines.get(0).getMessage());
        assertTrue(throttle.isFailing("Database"));

        now = now.plusSeconds(20);
        throttle.failed("Database", "connection refused", null);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).getMessage().startsWith("Database still failing: 1000 more failures since"), lines.get(1).getMessage());

        throttle.recovered("Database");
        throttle.recovered("Database");
        assertEquals(3, lines.size(), "the recovery once");
        assertEquals(Level.INFO, lines.get(2).getLevel());
        assertTrue(lines.get(2).getMessage().startsWith("Database works again after 1001 failures"), lines.get(2).getMessage());
        assertFalse(throttle.isFailing("Database"));
    }

    @Test
    void eachKindIsCountedOnItsOwnAndAKindThatNeverFailedLogsNoRecovery() {
        throttle.recovered("Mail relay");
        throttle.failed("Database", "down", null);
        throttle.failed("Mail relay", "down", null);
        assertEquals(2, lines.size());
        assertEquals("Mail relay failing: down", lines.get(1).getMessage());
    }
}
