package org.district.socialmedia.students.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterDropTest {

    private static final Instant CLAIMED = Instant.parse("2026-12-06T03:00:00Z");

    private static RosterDrop drop() {
        return new RosterDrop("1-abc-sis.zip", "sis.zip", CLAIMED);
    }

    @Test
    void aDropHasOneOutcome() {
        RosterDrop started = drop();
        started.started(7L);
        assertEquals(7L, started.getRunId());
        assertThrows(IllegalStateException.class, () -> started.started(8L));
        assertThrows(IllegalStateException.class, () -> started.refused("late"));

        RosterDrop refused = drop();
        refused.refused(" ");
        assertEquals("refused", refused.getRefusedReason());
        assertThrows(IllegalStateException.class, () -> refused.started(1L));
        RosterDrop longReason = drop();
        longReason.refused("x".repeat(2000));
        assertEquals(RosterDrop.REASON_MAX, longReason.getRefusedReason().length());
    }

    @Test
    void theAdministratorsAreToldOfARefusalAndOfARunThatStoppedShortOfWriting() {
        RosterDrop refused = drop();
        refused.refused("no users.csv");
        assertTrue(refused.stopped(null));

        RosterDrop started = drop();
        started.started(1L);
        assertTrue(started.stopped(ImportStatus.AWAITING_CONFIRMATION));
        assertTrue(started.stopped(ImportStatus.FAILED));
        assertTrue(started.stopped(ImportStatus.STOPPED));
        assertFalse(started.stopped(ImportStatus.PREVIEWING));
        assertFalse(started.stopped(ImportStatus.RUNNING));
        assertFalse(started.stopped(ImportStatus.COMPLETED));
    }

    @Test
    void aDropWithoutOutcomeLongAfterItsClaimWasInterrupted() {
        Duration grace = Duration.ofMinutes(30);
        assertFalse(drop().interrupted(CLAIMED.plus(grace), grace));
        assertTrue(drop().interrupted(CLAIMED.plus(grace).plusSeconds(1), grace));
        RosterDrop started = drop();
        started.started(1L);
        assertFalse(started.interrupted(CLAIMED.plus(Duration.ofDays(1)), grace));
    }
}
