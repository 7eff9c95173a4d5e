package org.district.socialmedia.acknowledgements.entity;

import org.district.socialmedia.acknowledgements.entity.CoverageDeltas.Delta;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas.Key;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas.Owed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageDeltasTest {

    private static final Instant DUE = Instant.parse("2026-09-15T07:00:00Z");
    private static final Instant LATER = DUE.plusSeconds(86_400);

    @Test
    void aStaffMemberWhoLeavesTakesEveryObligationOutOfTheirUnitAndTheAcknowledgedOnesOutOfDone() {
        List<Owed> owed = List.of(new Owed(7L, DUE, true), new Owed(3L, LATER, false));
        Map<Long, List<Delta>> changes = CoverageDeltas.leaving(owed, 40L).byCampaign();
        assertEquals(List.of(3L, 7L), List.copyOf(changes.keySet()), "campaigns in order");
        assertEquals(List.of(new Delta(new Key(3, 40, LATER), -1, 0)), changes.get(3L));
        assertEquals(List.of(new Delta(new Key(7, 40, DUE), -1, -1)), changes.get(7L));
    }

    @Test
    void oneWhoComesBackPutsThemBackAndStaffWithoutAUnitCountUnderKeyZero() {
        Map<Long, List<Delta>> changes = CoverageDeltas.joining(List.of(new Owed(7L, DUE, false)), null).byCampaign();
        assertEquals(List.of(new Delta(new Key(7, 0, DUE), 1, 0)), changes.get(7L));
    }

    @Test
    void aMoveTakesFromOneUnitAndAddsToTheOtherInKeyOrder() {
        List<Owed> owed = List.of(new Owed(7L, LATER, true), new Owed(7L, DUE, false));
        List<Delta> changes = CoverageDeltas.moving(owed, 90L, 12L).byCampaign().get(7L);
        assertEquals(List.of(new Delta(new Key(7, 12, DUE), 1, 0), new Delta(new Key(7, 12, LATER), 1, 1),
                new Delta(new Key(7, 90, DUE), -1, 0), new Delta(new Key(7, 90, LATER), -1, -1)), changes,
                "by unit, then due date: every writer locks rows in this order");
    }

    @Test
    void aMoveWithinTheSameUnitChangesNothing() {
        assertTrue(CoverageDeltas.moving(List.of(new Owed(7L, DUE, true)), 12L, 12L).isEmpty());
        assertTrue(CoverageDeltas.moving(List.of(new Owed(7L, DUE, true)), null, null).isEmpty());
        assertTrue(CoverageDeltas.leaving(List.of(), 12L).isEmpty(), "someone who owes nothing");
    }

    @Test
    void anAcknowledgementAddsOneDoneToItsRow() {
        assertEquals(Map.of(7L, List.of(new Delta(new Key(7, 12, DUE), 0, 1))), CoverageDeltas.acknowledged(7L, 12L, DUE).byCampaign());
    }

    @Test
    void keysOrderByCampaignUnitAndDueDateAndNeedADueDate() {
        assertTrue(new Key(1, 99, LATER).compareTo(new Key(2, 0, DUE)) < 0);
        assertTrue(new Key(2, 1, LATER).compareTo(new Key(2, 2, DUE)) < 0);
        assertTrue(new Key(2, 2, DUE).compareTo(new Key(2, 2, LATER)) < 0);
        assertThrows(IllegalArgumentException.class, () -> new Key(1, 1, null));
    }
}
