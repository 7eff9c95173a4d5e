package org.district.socialmedia.security.control;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords this server checked a moment ago, so that a script calling the API with HTTP Basic pays
 * the 210,000 PBKDF2 rounds (about 0.15 s of a core) once per {@link #REUSE}, not on every call. An entry
 * holds a keyed SHA-256 of the password (the key is random per server start, so the entry is no use
 * outside this process) and stands only for the stored hash it was checked against: a password
 * changed on any server of the cluster changes that hash, and the entry no longer matches. Memory
 * only, per server; losing it costs one full check. The lock and the active flag are still read on
 * every call (StaffAuthentication).
 */
@ApplicationScoped
public class VerifiedPasswords {

    static final Duration REUSE = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] digest, String storedHash, Instant checkedAt) {
    }

    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedPasswords() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** True when this password was found right for this stored hash less than {@link #REUSE} ago. */
    public boolean matches(String username, char[] password, String storedHash, Instant now) {
        Entry entry = entries.get(username);
        return entry != null && entry.storedHash().equals(storedHash)
                && now.isBefore(entry.checkedAt().plus(REUSE)) && !now.isBefore(entry.checkedAt())
                && MessageDigest.isEqual(entry.digest(), digest(username, password));
    }

    /** A full check found this password right. */
    public void remember(String username, char[] password, String storedHash, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.checkedAt().plus(REUSE)));
            if (entries.size() >= MAX_ENTRIES) {
                // a flood of distinct users: start over rather than grow without bound
                entries.clear();
            }
        }
        entries.put(username, new Entry(digest(username, password), storedHash, now));
    }

    private byte[] digest(String username, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
