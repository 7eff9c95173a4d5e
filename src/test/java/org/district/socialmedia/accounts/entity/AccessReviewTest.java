package org.district.socialmedia.accounts.entity;

import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.district.socialmedia.accounts.entity.AccountFixtures.ZONE;
import static org.district.socialmedia.accounts.entity.AccountFixtures.account;
import static org.district.socialmedia.accounts.entity.AccountFixtures.siteAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessReviewTest {

    private static final LocalDate OPENS = LocalDate.of(2025, 9, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2025, 9, 30);
    /** 08:00 Pacific Daylight Time on the opening day. */
    private static final Instant OPENED_AT = Instant.parse("2025-09-01T15:00:00Z");
    /** Midnight PDT after the deadline day. */
    private static final Instant CLOSES_AT = Instant.parse("2025-10-01T07:00:00Z");
    private static final Instant P7D_AT = Instant.parse("2025-09-24T07:00:00Z");
    private static final Instant P1D_AT = Instant.parse("2025-09-30T07:00:00Z");
    private static final List<Duration> P7D_P1D = List.of(Duration.ofDays(1), Duration.ofDays(7));
    private static final String P7D = "REMINDER_P7D";
    private static final String P1D = "REMINDER_P1D";

    private static AccessReview review(Instant openedAt) {
        return new AccessReview(OPENS, DEADLINE, true, P7D_P1D, "Superintendent", openedAt);
    }

    private static AccessReview review() {
        return review(OPENED_AT);
    }

    @Test
    void aReviewCopiesTheRulesInForceWhenItOpened() {
        AccessReview r = review();
        assertEquals(OPENS, r.getOpensOn());
        assertEquals(DEADLINE, r.getDeadline());
        assertTrue(r.isLapseUnreviewed());
        assertEquals("P7D,P1D", r.getRemindersBefore(), "canonical, longest first");
        assertEquals(List.of(Duration.ofDays(7), Duration.ofDays(1)), r.reminders());
        assertEquals(AccessReview.Status.OPEN, r.getStatus());
        assertEquals(OPENED_AT, r.getOpenedAt());
        assertEquals("Superintendent", r.getOpenedBy());
    }

    @Test
    void theDeadlineCannotComeBeforeTheOpening() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AccessReview(DEADLINE, OPENS, false, P7D_P1D, "superintendent", OPENED_AT));
        assertEquals("An access review's deadline cannot come before it opens", e.getMessage());
        assertEquals(Instant.parse("2025-09-02T07:00:00Z"),
                new AccessReview(OPENS, OPENS, false, List.of(), "superintendent", OPENED_AT).closesAt(ZONE),
                "a review due the day it opens is allowed");
    }

    @Test
    void itClosesAtTheEndOfTheDeadlineDayInTheDistrictsZone() {
        assertEquals(CLOSES_AT, review().closesAt(ZONE));
        assertEquals(Instant.parse("2025-10-01T00:00:00Z"), review().closesAt(java.time.ZoneOffset.UTC));
    }

    @Test
    void theEndOfTheDeadlineDayFollowsDaylightSavingTime() {
        AccessReview beforeFallBack = new AccessReview(LocalDate.of(2025, 10, 15), LocalDate.of(2025, 11, 1), false, P7D_P1D,
                "superintendent", OPENED_AT);
        assertEquals(Instant.parse("2025-11-02T07:00:00Z"), beforeFallBack.closesAt(ZONE), "midnight PDT");
        AccessReview onFallBack = new AccessReview(LocalDate.of(2025, 10, 15), LocalDate.of(2025, 11, 2), false, P7D_P1D,
                "superintendent", OPENED_AT);
        assertEquals(Instant.parse("2025-11-03T08:00:00Z"), onFallBack.closesAt(ZONE), "midnight PST");
    }

    @Test
    void remindersComeInTurnLongestFirst() {
        AccessReview r = review();
        assertEquals(Optional.empty(), r.reminderDue(OPENED_AT, ZONE, Set.of()));
        assertEquals(Optional.empty(), r.reminderDue(P7D_AT.minusSeconds(1), ZONE, Set.of()));
        assertEquals(Optional.of(P7D), r.reminderDue(P7D_AT, ZONE, Set.of()));
        assertEquals(Optional.empty(), r.reminderDue(P7D_AT.plusSeconds(60), ZONE, Set.of(P7D)), "sent already");
        assertEquals(Optional.empty(), r.reminderDue(P1D_AT.minusSeconds(1), ZONE, Set.of(P7D)));
        assertEquals(Optional.of(P1D), r.reminderDue(P1D_AT, ZONE, Set.of(P7D)));
        assertEquals(Optional.empty(), r.reminderDue(P1D_AT.plusSeconds(60), ZONE, Set.of(P7D, P1D)));
        assertEquals(Optional.empty(), r.reminderDue(CLOSES_AT, ZONE, Set.of()), "nothing once the deadline has passed");
    }

    @Test
    void aMissedEarlierReminderIsNotSentLateOnTopOfTheLaterOne() {
        AccessReview r = review();
        assertEquals(Optional.of(P1D), r.reminderDue(P1D_AT.plusSeconds(3600), ZONE, Set.of()));
        assertEquals(Optional.empty(), r.reminderDue(P1D_AT.plusSeconds(3600), ZONE, Set.of(P1D)),
                "after the latest reminder, the missed one stays missed");
    }

    @Test
    void remindersWhoseTimeCameBeforeTheReviewOpenedAreNeverDue() {
        // Opened on September 28: the seven-day reminder (September 24) was never owed.
        AccessReview late = review(Instant.parse("2025-09-28T16:00:00Z"));
        assertEquals(Optional.empty(), late.reminderDue(Instant.parse("2025-09-28T17:00:00Z"), ZONE, Set.of()));
        assertEquals(Optional.of(P1D), late.reminderDue(P1D_AT, ZONE, Set.of()));

        // Opened exactly when the seven-day reminder falls: not owed either.
        AccessReview atP7D = review(P7D_AT);
        assertEquals(Optional.empty(), atP7D.reminderDue(P7D_AT, ZONE, Set.of()));
        assertEquals(Optional.empty(), atP7D.reminderDue(P7D_AT.plusSeconds(60), ZONE, Set.of()));
    }

    @Test
    void theTimerLooksAtEachReminderThenTheClose() {
        AccessReview r = review();
        assertEquals(P7D_AT, r.nextCheck(OPENED_AT, ZONE));
        assertEquals(P1D_AT, r.nextCheck(P7D_AT, ZONE), "a reminder's own moment is not next");
        assertEquals(CLOSES_AT, r.nextCheck(P1D_AT, ZONE));
        assertEquals(CLOSES_AT, r.nextCheck(CLOSES_AT.plusSeconds(60), ZONE), "overdue close: look now");
    }

    @Test
    void theTimerSkipsRemindersThatWereNeverOwed() {
        AccessReview late = review(Instant.parse("2025-09-28T16:00:00Z"));
        assertEquals(P1D_AT, late.nextCheck(Instant.parse("2025-09-28T16:00:00Z"), ZONE));
        AccessReview silent = new AccessReview(OPENS, DEADLINE, false, List.of(), "superintendent", OPENED_AT);
        assertEquals(CLOSES_AT, silent.nextCheck(OPENED_AT, ZONE));
        assertEquals(Optional.empty(), silent.reminderDue(P1D_AT, ZONE, Set.of()));
    }

    @Test
    void aReviewClosesOnce() {
        AccessReview r = review();
        r.scheduleCheck(CLOSES_AT);
        r.countFlagged(3, 1);
        r.countFlagged(2, 2);
        r.close(CLOSES_AT.plusSeconds(5));

        assertEquals(AccessReview.Status.CLOSED, r.getStatus());
        assertEquals(CLOSES_AT.plusSeconds(5), r.getClosedAt());
        assertNull(r.getNextCheckAt());
        assertNull(r.nextCheck(CLOSES_AT, ZONE));
        assertEquals(Optional.empty(), r.reminderDue(P1D_AT, ZONE, Set.of()), "a closed review reminds nobody");
        assertEquals(5, r.getGrantsFlagged());
        assertEquals(3, r.getGrantsLapsed());

        IllegalRequestStateException e = assertThrows(IllegalRequestStateException.class, () -> r.close(CLOSES_AT.plusSeconds(60)));
        assertEquals("This access review is already closed", e.getMessage());
        assertEquals(CLOSES_AT.plusSeconds(5), r.getClosedAt());
    }

    @Test
    void rightsConfirmedSinceTheReviewOpenedCount() {
        AccessReview r = review();
        DistrictAccount account = account();
        AccountGrant march = AccountFixtures.grant(account, siteAdmin("principal"));
        assertFalse(r.confirms(march), "granted in March, not confirmed in this review");

        march.confirmReview("superintendent", OPENED_AT);
        assertTrue(r.confirms(march), "confirmed at the very moment the review opened");
        march.confirmReview("superintendent", OPENED_AT.plusSeconds(86_400));
        assertTrue(r.confirms(march));

        AccountGrant newDuringReview = account.grant(siteAdmin("vprincipal"), AccountFixtures.SUPERINTENDENT,
                "Covers for the principal", null, null, null, LocalDate.of(2025, 9, 10), LocalDate.of(2026, 6, 30),
                Instant.parse("2025-09-10T16:00:00Z"));
        assertTrue(r.confirms(newDuringReview), "granting during a review is a decision in it");
    }

    @Test
    void reminderStagesAreNamedByTheirDuration() {
        assertEquals("REMINDER_P7D", AccessReview.reminderStage(Duration.ofDays(7)));
        assertEquals("REMINDER_PT12H", AccessReview.reminderStage(Duration.ofHours(12)));
    }
}
