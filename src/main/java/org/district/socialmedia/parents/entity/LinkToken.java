package org.district.socialmedia.parents.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A parent's personal link token: 256 random bits from SecureRandom, written in the link as 43 URL-safe
 * characters. Only its SHA-256 is stored: whoever reads the database cannot open a link.
 */
public final class LinkToken {

    public static final int BYTES = 32;
    /** Base64url without padding of 32 bytes. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkToken() {
    }

    /** A new token for a link (sent once, by email; never stored). */
    public static String create() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text can be a token at all: anything else is refused before the database is asked. */
    public static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** What is stored and looked up: the token's SHA-256 in lowercase hex. */
    public static String hash(String token) {
        return sha256(token);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
