package org.district.socialmedia.requests.entity;

import static org.district.socialmedia.requests.entity.RequestFixtures.DECIDED_AT;
import static org.district.socialmedia.requests.entity.RequestFixtures.SUPERINTENDENT;
import static org.district.socialmedia.requests.entity.RequestFixtures.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

    private static final Instant REVOKED_AT = Instant.parse("2025-06-01T12:00:00Z");

    private static Authorization granted() {
        SocialMediaRequest request = RequestFixtures.submitted(1);
        return request.decide(RequestFixtures.authorizeAll(request), SUPERINTENDENT, DECIDED_AT).get(0);
    }

    @Test
    void revokingRecordsWhoWhenAndWhy() {
        Authorization a = granted();
        assertTrue(a.isActive());

        a.revoke("  Posted student photos without consent ", "Superintendent", REVOKED_AT);

        assertFalse(a.isActive());
        assertEquals(AuthorizationStatus.REVOKED, a.getStatus());
        assertEquals("Posted student photos without consent", a.getRevocationReason());
        assertEquals("superintendent", a.getRevokedBy());
        assertEquals(REVOKED_AT, a.getRevokedAt());
    }

    @Test
    void aReasonIsRequired() {
        Authorization a = granted();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> a.revoke(" ", "superintendent", REVOKED_AT));
        assertEquals(Map.of("reason", "Give the reason for revoking this authorization"), e.getFieldErrors());
        assertTrue(a.isActive());
        assertNull(a.getRevokedAt());
    }

    @Test
    void theReasonIsLimited() {
        Authorization a = granted();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> a.revoke(repeat(2001), "superintendent", REVOKED_AT));
        assertEquals(Map.of("reason", "A reason has at most 2000 characters"), e.getFieldErrors());
        a.revoke(repeat(2000), "superintendent", REVOKED_AT);
        assertFalse(a.isActive());
    }

    @Test
    void onlyAnActiveAuthorizationCanBeRevoked() {
        Authorization a = granted();
        a.revoke("Changed jobs", "superintendent", REVOKED_AT);
        IllegalRequestStateException e = assertThrows(IllegalRequestStateException.class,
                () -> a.revoke("Again", "superintendent", REVOKED_AT.plusSeconds(1)));
        assertEquals("Cannot revoke an authorization that is REVOKED", e.getMessage());
        assertEquals("Changed jobs", a.getRevocationReason());
        assertEquals(REVOKED_AT, a.getRevokedAt());
    }

    @Test
    void whoRevokesMustBeKnown() {
        Authorization a = granted();
        assertThrows(IllegalArgumentException.class, () -> a.revoke("Reason", " ", REVOKED_AT));
        assertTrue(a.isActive());
    }

    @Test
    void aRejectedLineGrantsNothing() {
        SocialMediaRequest request = RequestFixtures.submitted(1);
        request.decide(RequestFixtures.decisions(request, new LineDecision(LineOutcome.REJECT, null, "Use the school's existing account")),
                SUPERINTENDENT, DECIDED_AT);
        RequestLine line = request.getLines().get(0);
        assertThrows(IllegalArgumentException.class, () -> new Authorization(request, line, "superintendent", DECIDED_AT));
    }

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate GRANTED_ON = LocalDate.parse("2025-09-15");
    private static final LocalDate LAST_DAY = LocalDate.parse("2026-06-30");

    @Test
    void aTermIsAfterTheDayOfTheDecisionAndSchedulesTheReminder() {
        Authorization a = granted();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> a.setTerm(GRANTED_ON, GRANTED_ON, ZONE));
        assertTrue(e.getFieldErrors().containsKey("endsOn"));
        assertNull(a.getEndsOn());

        a.setTerm(LAST_DAY, GRANTED_ON, ZONE);
        assertEquals(LAST_DAY, a.getEndsOn());
        assertEquals(Instant.parse("2026-05-31T07:00:00Z"), a.getNextTermAt());
    }

    @Test
    void theStagesComeInOrderAndEachOnce() {
        Authorization a = granted();
        a.setTerm(LAST_DAY, GRANTED_ON, ZONE);
        Set<Authorization.TermStage> done = EnumSet.noneOf(Authorization.TermStage.class);
        assertNull(a.termStageDue(Instant.parse("2026-05-31T06:59:59Z"), ZONE, done));
        assertEquals(Authorization.TermStage.REMINDER, a.termStageDue(Instant.parse("2026-05-31T07:00:00Z"), ZONE, done));
        done.add(Authorization.TermStage.REMINDER);
        a.termStageDone(Authorization.TermStage.REMINDER, ZONE);
        assertEquals(Instant.parse("2026-07-01T07:00:00Z"), a.getNextTermAt());
        assertNull(a.termStageDue(Instant.parse("2026-06-30T23:00:00Z"), ZONE, done), "the last day still allows use");
        assertEquals(Authorization.TermStage.ENDED, a.termStageDue(Instant.parse("2026-07-01T07:00:00Z"), ZONE, done));

        a.expire();
        a.termStageDone(Authorization.TermStage.ENDED, ZONE);
        assertEquals(AuthorizationStatus.EXPIRED, a.getStatus());
        assertFalse(a.isActive());
        assertNull(a.getNextTermAt());
        assertNull(a.termStageDue(Instant.parse("2026-08-01T00:00:00Z"), ZONE, done));
    }

    @Test
    void aMissedReminderIsNotSentOnceTheEndCame() {
        Authorization a = granted();
        a.setTerm(LAST_DAY, GRANTED_ON, ZONE);
        assertEquals(Authorization.TermStage.ENDED,
                a.termStageDue(Instant.parse("2026-07-02T00:00:00Z"), ZONE, EnumSet.noneOf(Authorization.TermStage.class)));
    }

    @Test
    void aRevokedAuthorizationHasNoTermLeftAndCannotBeRenewed() {
        Authorization a = granted();
        a.setTerm(LAST_DAY, GRANTED_ON, ZONE);
        a.revoke("Moved to another school", "superintendent", REVOKED_AT);
        assertNull(a.getNextTermAt());
        assertNull(a.termStageDue(Instant.parse("2026-07-02T00:00:00Z"), ZONE, EnumSet.noneOf(Authorization.TermStage.class)));
        assertThrows(IllegalRequestStateException.class, () -> a.renewedBy(99L));
        assertThrows(IllegalRequestStateException.class, a::expire);
    }

    @Test
    void aRenewalIsRecordedOnce() {
        Authorization a = granted();
        a.renewedBy(41L);
        assertEquals(41L, a.getRenewalRequestId());
        IllegalRequestStateException e = assertThrows(IllegalRequestStateException.class, () -> a.renewedBy(42L));
        assertTrue(e.getMessage().contains("request 41"), e.getMessage());
        assertEquals(41L, a.getRenewalRequestId());
    }
}
