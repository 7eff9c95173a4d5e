package org.district.socialmedia.people.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Salted, slow password hashes: PBKDF2-HMAC-SHA256 through Jakarta Security's {@link Pbkdf2PasswordHash}
 * (the server's implementation), stored in its format "PBKDF2WithHmacSHA256:210000:salt:hash". The
 * stored form names the algorithm and the iteration count, so the cost can be raised later without
 * invalidating existing passwords ({@link #needsRehash}).
 * <p>
 * Hashes written before (this class's own format "pbkdf2-sha256$210000$salt$hash") still verify, and
 * {@link #needsRehash} asks for them to be replaced at the next successful sign-in.
 */
public final class PasswordHasher {

    public static final int ITERATIONS = 210_000;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String LEGACY_PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Verified against when the username is unknown, so that both failures take the same time. Only
    // its cost and format matter, so its salt and key are random bytes rather than a derived hash: a
    // derivation here made the first request of every server start (often a health probe) pay a full
    // PBKDF2 run, about half a second, when this class was first loaded.
    private static final String DUMMY = randomHashOfCost(ITERATIONS);

    private final Pbkdf2PasswordHash pbkdf2;
    private final int iterations;

    /** In the server: its Jakarta Security implementation. */
    public PasswordHasher() {
        this(CDI.current().select(Pbkdf2PasswordHash.class).get());
    }

    /** Outside the server (tools, tests): an implementation created by the caller. */
    public PasswordHasher(Pbkdf2PasswordHash pbkdf2) {
        this(pbkdf2, ITERATIONS);
    }

    PasswordHasher(Pbkdf2PasswordHash pbkdf2, int iterations) {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", String.valueOf(SALT_BYTES),
                "Pbkdf2PasswordHash.KeySizeBytes", String.valueOf(KEY_BYTES)));
        this.pbkdf2 = pbkdf2;
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean verify(char[] password, String stored) {
        if (stored == null) {
            verify(password, DUMMY);
            return false;
        }
        if (stored.startsWith(LEGACY_PREFIX + "$")) {
            return verifyLegacy(password, stored);
        }
        if (!stored.startsWith("PBKDF2WithHmac")) {
            return false;
        }
        try {
            return pbkdf2.verify(password, stored);
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            return false;
        }
    }

    /** Spends the same time as a real verification, for unknown users. */
    public void verifyDummy(char[] password) {
        verify(password, DUMMY);
    }

    /** The stored form that unknown users are verified against; for tests. */
    static String dummyHash() {
        return DUMMY;
    }

    public boolean needsRehash(String stored) {
        return stored == null || !stored.startsWith(ALGORITHM + ":" + iterations + ":");
    }

    private static String randomHashOfCost(int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(key);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
    }

    // The format this class wrote before it used Jakarta Security: still read so nobody is locked out.
    private static boolean verifyLegacy(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            PBEKeySpec spec = new PBEKeySpec(password, salt, storedIterations, expected.length * 8);
            try {
                return MessageDigest.isEqual(expected,
                        SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded());
            } finally {
                spec.clearPassword();
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
