package org.district.socialmedia.security.entity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * One single sign-on in progress, kept in the browser's session between the redirect to the provider
 * and its answer. The state ties the answer to this browser (no login CSRF), the nonce ties the ID token
 * to this sign-in (no replayed token), the PKCE verifier ties the code to this portal (a stolen code is
 * useless). Each is 256 random bits; the attempt is good once and for {@link #LIFETIME}.
 */
public record SignInAttempt(String state, String nonce, String codeVerifier, Instant startedAt) implements Serializable {

    /** Long enough to type a password and a second factor at the provider. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    public static SignInAttempt start(SecureRandom random, Instant now) {
        return new SignInAttempt(token(random), token(random), token(random), now);
    }

    /** The PKCE S256 challenge (RFC 7636) sent with the authorization request. */
    public String codeChallenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** True when the provider's answer carries this attempt's state and arrives in time. */
    public boolean answeredBy(String returnedState, Instant now) {
        return returnedState != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII), returnedState.getBytes(StandardCharsets.UTF_8))
                && now.isBefore(startedAt.plus(LIFETIME));
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
