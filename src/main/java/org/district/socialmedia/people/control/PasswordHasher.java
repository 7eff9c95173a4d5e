package org.district.socialmedia.people.control;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted, slow password hashes: PBKDF2-HMAC-SHA256. The stored form names the algorithm and the
 * iteration count ("pbkdf2-sha256$210000$salt$hash"), so the cost can be raised later without
 * invalidating existing passwords ({@link #needsRehash}).
 */
public final class PasswordHasher {

    public static final int ITERATIONS = 210_000;
    public static final int MIN_PASSWORD_LENGTH = 4;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Verified against when the username is unknown, so that both failures take the same time. Only
    // its cost and format matter, so its salt and key are random bytes rather than a derived hash: a
    // derivation here made the first request of every server start (often a health probe) pay a full
    // PBKDF2 run, about half a second, when this class was first loaded.
    private static final String DUMMY = randomHashOfCost(ITERATIONS);

    private final int iterations;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return stored(iterations, salt, derive(password, salt, iterations));
    }

    public boolean verify(char[] password, String stored) {
        if (stored == null) {
            verify(password, DUMMY);
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        int storedIterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
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
        return stored == null || !stored.startsWith(PREFIX + "$" + iterations + "$");
    }

    private static String randomHashOfCost(int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] key = new byte[KEY_BITS / 8];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(key);
        return stored(iterations, salt, key);
    }

    private static String stored(int iterations, byte[] salt, byte[] key) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
