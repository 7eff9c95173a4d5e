package org.district.socialmedia.people.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    // a low cost keeps the unit test fast; the format and the comparison are the same
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.verify("correct horse".toCharArray(), stored));
        assertFalse(hasher.verify("Correct horse".toCharArray(), stored));
        assertFalse(hasher.verify("".toCharArray(), stored));
    }

    @Test
    void eachHashHasItsOwnSaltAndNamesItsCost() {
        String a = hasher.hash("demo".toCharArray());
        String b = hasher.hash("demo".toCharArray());
        assertNotEquals(a, b, "salted");
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"), a);
        assertFalse(a.contains("demo"));
    }

    @Test
    void aHashOfAnotherCostStillVerifiesAndAsksForARehash() {
        String old = new PasswordHasher(500).hash("demo".toCharArray());
        assertTrue(hasher.verify("demo".toCharArray(), old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("demo".toCharArray())));
    }

    @Test
    void garbageAndMissingHashesNeverVerify() {
        assertFalse(hasher.verify("demo".toCharArray(), null));
        assertFalse(hasher.verify("demo".toCharArray(), "plain-text-password"));
        assertFalse(hasher.verify("demo".toCharArray(), "md5$1$abc$def"));
    }

    @Test
    void anUnknownUserIsVerifiedAtTheFullCost() {
        String dummy = PasswordHasher.dummyHash();
        assertTrue(dummy.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"), dummy);
        assertFalse(new PasswordHasher().needsRehash(dummy), "the same cost and format as a current hash");
        assertFalse(new PasswordHasher().verify("not-a-real-password".toCharArray(), dummy));
    }

    @Test
    void theProductionCostIsSlow() {
        assertTrue(PasswordHasher.ITERATIONS >= 200_000, "OWASP's PBKDF2-HMAC-SHA256 guidance");
    }
}
