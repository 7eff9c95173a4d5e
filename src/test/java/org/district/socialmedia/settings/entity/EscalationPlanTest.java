package org.district.socialmedia.settings.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscalationPlanTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T17:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-11-10T07:59:59Z");
    private final EscalationPlan plan = new EscalationPlan(DEADLINE, EscalationPlan.parseReminders("P2D,P1D"), Duration.ofDays(1));

    @Test
    void remindersThenOverdueThenADailyRepeat() {
        List<EscalationPlan.Stage> stages = plan.stagesUntil(DEADLINE.plus(Duration.ofDays(2)));
        assertEquals(List.of("REMINDER_P2D", "REMINDER_P1D", "OVERDUE", "OVERDUE_REPEAT_1", "OVERDUE_REPEAT_2"),
                stages.stream().map(EscalationPlan.Stage::key).toList());
        assertEquals(DEADLINE.minus(Duration.ofDays(2)), stages.get(0).dueAt());
    }

    @Test
    void eachStageIsDueOnceInOrder() {
        assertTrue(plan.due(DEADLINE.minus(Duration.ofDays(3)), SUBMITTED, Set.of()).isEmpty());
        var first = plan.due(DEADLINE.minus(Duration.ofDays(2)), SUBMITTED, Set.of()).orElseThrow();
        assertEquals("REMINDER_P2D", first.stage().key());
        assertFalse(first.late(Duration.ofMinutes(5), DEADLINE.minus(Duration.ofDays(2))));
        assertTrue(plan.due(DEADLINE.minus(Duration.ofDays(2)).plusSeconds(30), SUBMITTED, Set.of("REMINDER_P2D")).isEmpty(),
                "done stays done");
        assertEquals("REMINDER_P1D", plan.due(DEADLINE.minus(Duration.ofDays(1)), SUBMITTED, Set.of("REMINDER_P2D"))
                .orElseThrow().stage().key());
        assertEquals("OVERDUE", plan.due(DEADLINE, SUBMITTED, Set.of("REMINDER_P2D", "REMINDER_P1D")).orElseThrow().stage().key());
        assertEquals("OVERDUE_REPEAT_1", plan.due(DEADLINE.plus(Duration.ofDays(1)), SUBMITTED,
                Set.of("REMINDER_P2D", "REMINDER_P1D", "OVERDUE")).orElseThrow().stage().key());
    }

    @Test
    void afterDowntimeOnlyTheLatestStageIsDueAndItIsLate() {
        var due = plan.due(DEADLINE.plus(Duration.ofHours(2)), SUBMITTED, Set.of()).orElseThrow();
        assertEquals("OVERDUE", due.stage().key());
        assertEquals(List.of("REMINDER_P2D", "REMINDER_P1D"), due.skipped().stream().map(EscalationPlan.Stage::key).toList());
        assertTrue(due.late(Duration.ofMinutes(5), DEADLINE.plus(Duration.ofHours(2))));
        assertTrue(plan.due(DEADLINE.plus(Duration.ofHours(3)), SUBMITTED, Set.of("OVERDUE")).isEmpty(),
                "the skipped reminders are not sent afterwards");
    }

    @Test
    void remindersThatFellBeforeTheSubmissionAreNeverSent() {
        Instant lateSubmission = DEADLINE.minus(Duration.ofHours(30));
        assertTrue(plan.due(lateSubmission.plusSeconds(1), lateSubmission, Set.of()).isEmpty());
        assertEquals("REMINDER_P1D", plan.due(DEADLINE.minus(Duration.ofDays(1)), lateSubmission, Set.of()).orElseThrow().stage().key());
    }

    @Test
    void theNextLookIsAtTheNextStage() {
        assertEquals(DEADLINE.minus(Duration.ofDays(2)), plan.nextAfter(SUBMITTED));
        assertEquals(DEADLINE, plan.nextAfter(DEADLINE.minus(Duration.ofHours(3))));
        assertEquals(DEADLINE.plus(Duration.ofDays(2)), plan.nextAfter(DEADLINE.plus(Duration.ofDays(1))));
    }

    @Test
    void reminderListsAreParsedAndPrintedCanonically() {
        assertEquals("P2D,P1D,PT12H", EscalationPlan.format(EscalationPlan.parseReminders(" pt12h, P1D,P2D ")));
        assertThrows(IllegalArgumentException.class, () -> EscalationPlan.parseReminders("P2D,soon"));
        assertThrows(IllegalArgumentException.class, () -> EscalationPlan.parseReminders("-P1D"));
        assertEquals(List.of(), EscalationPlan.parseReminders(""));
        assertThrows(IllegalArgumentException.class, () -> new EscalationPlan(DEADLINE, List.of(), Duration.ZERO));
    }
}
