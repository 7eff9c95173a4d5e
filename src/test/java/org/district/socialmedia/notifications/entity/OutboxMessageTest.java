package org.district.socialmedia.notifications.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxMessageTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration BACKOFF = Duration.ofMinutes(1);

    private static OutboxMessage message() {
        return new OutboxMessage("<a@b>", "SUBMITTED", 1L, "x@district.example.org", "Subject", "text", "<p>html</p>", T0);
    }

    @Test
    void aClaimIsTakenOnceAndExpiresIfTheSenderDies() {
        OutboxMessage m = message();
        assertTrue(m.claim(T0));
        assertEquals(OutboxMessage.Status.SENDING, m.getStatus());
        assertFalse(m.claim(T0.plusSeconds(10)), "held by the first claim");
        assertTrue(m.claim(T0.plus(OutboxMessage.CLAIM_LEASE)), "abandoned after the lease");
        assertEquals(2, m.getAttempts());
    }

    @Test
    void failuresBackOffExponentiallyThenGiveUp() {
        OutboxMessage m = message();
        Instant now = T0;
        Duration expected = BACKOFF;
        for (int attempt = 1; attempt < OutboxMessage.MAX_ATTEMPTS; attempt++) {
            assertTrue(m.claim(now));
            m.attemptFailed("Connection refused", now, BACKOFF);
            assertEquals(OutboxMessage.Status.PENDING, m.getStatus());
            assertEquals(now.plus(expected), m.getNextAttemptAt());
            assertFalse(m.claim(now.plus(expected).minusSeconds(1)), "not before its time");
            now = now.plus(expected);
            expected = expected.multipliedBy(2);
        }
        assertTrue(m.claim(now));
        m.attemptFailed("Connection refused", now, BACKOFF);
        assertEquals(OutboxMessage.Status.FAILED, m.getStatus());
        assertEquals("Connection refused", m.getLastError());
        assertFalse(m.claim(now.plus(Duration.ofDays(1))), "a failed message waits for a person");
        m.resend(now);
        assertEquals(OutboxMessage.Status.PENDING, m.getStatus());
        assertEquals(0, m.getAttempts());
        assertEquals("<a@b>", m.getMessageId(), "the same Message-ID, so a receiver can drop a duplicate");
    }

    @Test
    void sentIsFinalAndOnlyFailedMessagesAreResent() {
        OutboxMessage m = message();
        m.claim(T0);
        m.sent(T0.plusSeconds(1));
        assertEquals(OutboxMessage.Status.SENT, m.getStatus());
        assertFalse(m.claim(T0.plus(Duration.ofHours(1))));
        assertThrows(IllegalStateException.class, () -> m.resend(T0));
        assertThrows(IllegalArgumentException.class, () -> new OutboxMessage("<c@d>", "X", 1L, " ", "s", "t", "h", T0));
    }
}
