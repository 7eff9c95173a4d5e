package org.district.socialmedia.platform.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A streak of failures writes one WARNING with the reason and one INFO at its end, whatever its length. */
class FailureStreakTest {

    private final Logger log = Logger.getLogger("FailureStreakTest." + System.nanoTime());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
    }

    @Test
    void theFirstFailureIsAWarningWithTheReasonAndTheRecoveryAnInfoWithTheCount() {
        FailureStreak streak = new FailureStreak("Mail delivery", log);
        streak.succeeded();
        assertTrue(records.isEmpty(), "a success without failures before it says nothing");
        for (int i = 0; i < 50; i++) {
            streak.failed("AuthenticationFailedException: 535 credentials invalid", new RuntimeException("535"));
        }
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("Mail delivery failed: AuthenticationFailedException: 535"), records.get(0).getMessage());
        assertEquals(50, streak.failures());

        streak.succeeded();
        streak.succeeded();
        assertEquals(2, records.size());
        assertEquals(Level.INFO, records.get(1).getLevel());
        assertEquals("Mail delivery recovered after 50 failures", records.get(1).getMessage());

        streak.failed("again", null);
        assertEquals(3, records.size(), "a new streak is reported again");
        assertEquals(Level.WARNING, records.get(2).getLevel());
    }
}
