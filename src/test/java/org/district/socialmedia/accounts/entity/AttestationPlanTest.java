package org.district.socialmedia.accounts.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AttestationPlanTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate DUE = LocalDate.of(2027, 9, 1);
    private static final AttestationPlan PLAN = new AttestationPlan(DUE, ZONE, List.of(Duration.ofDays(30), Duration.ofDays(7)));
    private static final Instant P30 = LocalDate.of(2027, 8, 2).atStartOfDay(ZONE).toInstant();
    private static final Instant P7 = LocalDate.of(2027, 8, 25).atStartOfDay(ZONE).toInstant();
    private static final Instant OVERDUE = LocalDate.of(2027, 9, 2).atStartOfDay(ZONE).toInstant();

    @Test
    void remindersBeforeTheDueDayThenOverdueTheDayAfterEachKeyedByTheDueDate() {
        assertEquals(List.of(new AttestationPlan.Stage("P30D 2027-09-01", false, P30), new AttestationPlan.Stage("P7D 2027-09-01", false, P7),
                new AttestationPlan.Stage("OVERDUE 2027-09-01", true, OVERDUE)), PLAN.stages());
        assertEquals(OVERDUE, AttestationPlan.overdueAt(DUE, ZONE));
    }

    @Test
    void eachStageOnceAndALateSweepSendsOnlyTheLatest() {
        assertEquals(Optional.empty(), PLAN.due(P30.minusSeconds(1), Set.of()));
        assertEquals(P30, PLAN.nextCheck(P30.minusSeconds(1), Set.of()));
        assertEquals("P30D 2027-09-01", PLAN.due(P30, Set.of()).orElseThrow().key());
        assertEquals(Optional.empty(), PLAN.due(P30.plusSeconds(5), Set.of("P30D 2027-09-01")));
        assertEquals(P7, PLAN.nextCheck(P30.plusSeconds(5), Set.of("P30D 2027-09-01")));
        // the server was down through both reminders: only the overdue notice goes
        assertEquals("OVERDUE 2027-09-01", PLAN.due(OVERDUE.plusSeconds(60), Set.of()).orElseThrow().key());
        assertEquals(OVERDUE.plusSeconds(60), PLAN.nextCheck(OVERDUE.plusSeconds(60), Set.of()), "a stage owed: look now");
        assertNull(PLAN.nextCheck(OVERDUE.plusSeconds(60), Set.of("OVERDUE 2027-09-01")), "nothing more before a sign-off");
    }

    @Test
    void noRemindersMeansOnlyTheOverdueNotice() {
        AttestationPlan none = new AttestationPlan(DUE, ZONE, List.of());
        assertEquals(List.of(new AttestationPlan.Stage("OVERDUE 2027-09-01", true, OVERDUE)), none.stages());
    }
}
