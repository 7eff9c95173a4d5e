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
import java.util.Map;
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
}
