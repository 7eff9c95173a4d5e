package org.district.socialmedia.acknowledgements.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckPlanTest {

    private static final Instant START = Instant.parse("2026-09-01T15:00:00Z");
    private static final AckPlan PLAN = AckPlan.of(START, Duration.ofDays(14), AckPlan.parseReminders("P7D,P2D"));

    @Test
    void theDefaultPlanIsANoticeTwoRemindersAndTheOverdueNotice() {
        assertEquals(START.plus(Duration.ofDays(14)), PLAN.dueAt());
        assertEquals(List.of("notice", "reminder-PT168H", "reminder-PT48H", "overdue"),
                PLAN.stages().stream().map(AckPlan.Stage::key).toList());
        assertEquals(START.plus(Duration.ofDays(7)), PLAN.stages().get(1).dueAt());
        assertEquals(START.plus(Duration.ofDays(12)), PLAN.stages().get(2).dueAt());
    }

    @Test
    void remindersBeforeTheStartAreLeftOut() {
        AckPlan shortPeriod = AckPlan.of(START, Duration.ofDays(5), AckPlan.parseReminders("P7D,P2D"));
        assertEquals(List.of("notice", "reminder-PT48H", "overdue"), shortPeriod.stages().stream().map(AckPlan.Stage::key).toList());
        assertEquals(List.of("notice", "overdue"),
                AckPlan.of(START, Duration.ofDays(5), AckPlan.parseReminders("none")).stages().stream().map(AckPlan.Stage::key).toList());
    }

    @Test
    void eachStageIsDueOnceAndALateSweepSendsOnlyTheLatest() {
        assertEquals("notice", PLAN.due(START, Set.of()).orElseThrow().key());
        assertTrue(PLAN.due(START.plusSeconds(60), Set.of("notice")).isEmpty(), "once");
        assertEquals("reminder-PT168H", PLAN.due(START.plus(Duration.ofDays(7)), Set.of("notice")).orElseThrow().key());
        // the timer did not run for days: the overdue notice alone, the missed reminders not
        assertEquals("overdue", PLAN.due(START.plus(Duration.ofDays(20)), Set.of("notice")).orElseThrow().key());
        assertTrue(PLAN.due(START.plus(Duration.ofDays(20)), Set.of("notice", "overdue")).isEmpty());
        assertTrue(PLAN.due(START.minusSeconds(1), Set.of()).isEmpty(), "nothing before the start");
    }

    @Test
    void theNextLookIsTheNextStageAndNoneAfterTheEnd() {
        assertEquals(START.plus(Duration.ofDays(7)), PLAN.nextAfter(START));
        assertEquals(START.plus(Duration.ofDays(14)), PLAN.nextAfter(START.plus(Duration.ofDays(13))));
        assertNull(PLAN.nextAfter(START.plus(Duration.ofDays(14))));
        assertTrue(PLAN.isOverdue(START.plus(Duration.ofDays(14))));
        assertFalse(PLAN.isOverdue(START.plus(Duration.ofDays(14)).minusSeconds(1)));
    }

    @Test
    void badPeriodsAndRemindersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AckPlan.of(START, Duration.ZERO, List.of()));
        assertThrows(IllegalArgumentException.class, () -> AckPlan.parseReminders("P7D,soon"));
        assertThrows(IllegalArgumentException.class, () -> Campaign.byHand(1L, START, "superintendent", " ", Duration.ofDays(14), "P7D"));
        assertThrows(IllegalArgumentException.class, () -> Campaign.whenInForce(1L, START, Duration.ofDays(-1), "P7D"));
    }

    @Test
    void aNewHireGetsTheirOwnFullPeriod() {
        Campaign campaign = Campaign.whenInForce(1L, START, Duration.ofDays(14), "P7D,P2D");
        Instant hired = START.plus(Duration.ofDays(10));
        AckPlan own = campaign.planFor(hired);
        assertEquals(hired.plus(Duration.ofDays(14)), own.dueAt());
        Obligation o = new Obligation(1L, 2L, own);
        assertEquals(hired, o.getNextLookAt(), "the notice at once");
        assertFalse(o.isOverdue(START.plus(Duration.ofDays(15))), "not overdue at the campaign's first end");
    }
}
