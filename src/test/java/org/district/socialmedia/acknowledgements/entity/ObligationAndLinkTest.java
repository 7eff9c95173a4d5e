package org.district.socialmedia.acknowledgements.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObligationAndLinkTest {

    private static final Instant START = Instant.parse("2026-09-01T15:00:00Z");
    private static final String SHA = "a".repeat(64);

    @Test
    void anAcknowledgementIsRecordedOnceWithTheTextsHash() {
        Obligation o = new Obligation(1L, 2L, AckPlan.of(START, Duration.ofDays(14), List.of()));
        Instant at = START.plus(Duration.ofDays(3));
        o.acknowledge(at, SHA, AckChannel.PORTAL);
        assertEquals(at, o.getAcknowledgedAt());
        assertEquals(SHA, o.getTextSha256());
        assertNull(o.getNextLookAt(), "no more reminders");
        assertThrows(IllegalStateException.class, () -> o.acknowledge(at.plusSeconds(1), SHA, AckChannel.API));
        assertEquals(AckChannel.PORTAL, o.getChannel(), "the first one stays");
        o.scheduleLook(at.plusSeconds(60));
        assertNull(o.getNextLookAt(), "an acknowledged obligation is never looked at again");
    }

    @Test
    void anAcknowledgementWithoutTheTextsHashIsRefused() {
        Obligation o = new Obligation(1L, 2L, AckPlan.of(START, Duration.ofDays(14), List.of()));
        assertThrows(IllegalArgumentException.class, () -> o.acknowledge(START, "not-a-hash", AckChannel.API));
        assertNull(o.getAcknowledgedAt());
    }

    @Test
    void aLinkKeepsOnlyTheTokensHashWorksOnceAndExpires() {
        Instant expires = START.plus(Duration.ofDays(14));
        AckLink.Issued issued = AckLink.issue(1L, 2L, expires);
        assertTrue(issued.token().length() >= 43, "256 random bits");
        assertEquals(AckLink.hash(issued.token()), issued.link().getTokenSha256());
        assertNotEquals(issued.token(), issued.link().getTokenSha256());
        assertNotEquals(issued.token(), AckLink.issue(1L, 2L, expires).token());
        assertNull(issued.link().refusal(START));
        issued.link().use(START);
        assertTrue(issued.link().refusal(START.plusSeconds(1)).contains("already used"));
        assertThrows(IllegalStateException.class, () -> issued.link().use(START.plusSeconds(1)));
        AckLink late = AckLink.issue(1L, 2L, expires).link();
        assertTrue(late.refusal(expires).contains("expired"));
        assertThrows(IllegalStateException.class, () -> late.use(expires));
        assertNull(late.getUsedAt(), "nothing changed");
    }
}
