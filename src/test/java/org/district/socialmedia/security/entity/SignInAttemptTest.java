package org.district.socialmedia.security.entity;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInAttemptTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void theChallengeIsRfc7636sS256OfTheVerifier() {
        SignInAttempt attempt = new SignInAttempt("s", "n", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", NOW);
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", attempt.codeChallenge());
    }

    @Test
    void everyValueIsFreshAnd256BitsOfRandom() {
        SecureRandom random = new SecureRandom();
        SignInAttempt one = SignInAttempt.start(random, NOW);
        SignInAttempt two = SignInAttempt.start(random, NOW);
        assertNotEquals(one.state(), two.state());
        assertNotEquals(one.state(), one.nonce());
        assertNotEquals(one.nonce(), one.codeVerifier());
        // 32 bytes in unpadded base64url; PKCE wants 43 to 128 characters
        assertEquals(43, one.codeVerifier().length());
        assertEquals(43, one.state().length());
    }

    @Test
    void onlyItsOwnStateAnswersItAndOnlyInTime() {
        SignInAttempt attempt = SignInAttempt.start(new SecureRandom(), NOW);
        assertTrue(attempt.answeredBy(attempt.state(), NOW.plusSeconds(30)));
        assertFalse(attempt.answeredBy(attempt.state() + "x", NOW.plusSeconds(30)));
        assertFalse(attempt.answeredBy(null, NOW));
        assertFalse(attempt.answeredBy(SignInAttempt.start(new SecureRandom(), NOW).state(), NOW));
        assertTrue(attempt.answeredBy(attempt.state(), NOW.plus(SignInAttempt.LIFETIME).minusSeconds(1)));
        assertFalse(attempt.answeredBy(attempt.state(), NOW.plus(SignInAttempt.LIFETIME)));
    }
}
