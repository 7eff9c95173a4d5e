package org.district.socialmedia.security.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedPasswordsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final String STORED = "pbkdf2$210000$salt$hash";

    @Test
    void theSamePasswordForTheSameStoredHashIsReusedForAWhile() {
        VerifiedPasswords verified = new VerifiedPasswords();
        verified.remember("employee1", "demo".toCharArray(), STORED, NOW);
        assertTrue(verified.matches("employee1", "demo".toCharArray(), STORED, NOW.plusSeconds(60)));
        assertTrue(verified.matches("employee1", "demo".toCharArray(), STORED, NOW.plus(VerifiedPasswords.REUSE).minusSeconds(1)));
        assertFalse(verified.matches("employee1", "demo".toCharArray(), STORED, NOW.plus(VerifiedPasswords.REUSE)), "then checked in full again");
        assertFalse(verified.matches("employee1", "demo".toCharArray(), STORED, NOW.minusSeconds(1)), "a clock moved back");
    }

    @Test
    void anotherPasswordUserOrStoredHashIsNeverAMatch() {
        VerifiedPasswords verified = new VerifiedPasswords();
        verified.remember("employee1", "demo".toCharArray(), STORED, NOW);
        assertFalse(verified.matches("employee1", "demo ".toCharArray(), STORED, NOW));
        assertFalse(verified.matches("employee1", "".toCharArray(), STORED, NOW));
        assertFalse(verified.matches("employee2", "demo".toCharArray(), STORED, NOW));
        assertFalse(verified.matches("employee1", "demo".toCharArray(), "pbkdf2$210000$salt$changed", NOW),
                "the password was changed (on any server): the stored hash differs");
        assertFalse(new VerifiedPasswords().matches("employee1", "demo".toCharArray(), STORED, NOW), "another server start knows nothing");
    }

    @Test
    void aFloodOfUsersDoesNotGrowItWithoutBound() {
        VerifiedPasswords verified = new VerifiedPasswords();
        for (int i = 0; i <= VerifiedPasswords.MAX_ENTRIES; i++) {
            verified.remember("user" + i, "pw".toCharArray(), STORED, NOW);
        }
        String last = "user" + VerifiedPasswords.MAX_ENTRIES;
        assertTrue(verified.matches(last, "pw".toCharArray(), STORED, NOW), "the newest is kept");
        assertFalse(verified.matches("user0", "pw".toCharArray(), STORED, NOW), "the table started over");
    }
}
