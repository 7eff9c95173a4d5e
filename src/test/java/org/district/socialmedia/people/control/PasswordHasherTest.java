package org.district.socialmedia.people.control;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    // a low cost keeps the unit test fast; the format and the comparison are the same.
    // Soteria's implementation is the one WildFly provides to the application.
    private final PasswordHasher hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl(), 1_024);

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.verify("correct horse".toCharArray(), stored));
        assertFalse(hasher.verify("Correct horse".toCharArray(), stored));
        assertFalse(hasher.verify("".toCharArray(), stored));
    }

    @Test
    void eachHashHasItsOwnSaltAndIsInJakartaSecuritysFormatNamingItsCost() {
        String a = hasher.hash("demo".toCharArray());
        String b = hasher.hash("demo".toCharArray());
        assertNotEquals(a, b, "salted");
        assertTrue(a.startsWith("PBKDF2WithHmacSHA256:1024:"), a);
        String[] parts = a.split(":");
        assertEquals(4, parts.length);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key bytes");
        assertFalse(a.contains("demo"));
    }

    @Test
    void theProductionHashHasTheFullCost() {
        String stored = new PasswordHasher(new Pbkdf2PasswordHashImpl()).hash("correct horse battery".toCharArray());
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:" + PasswordHasher.ITERATIONS + ":"), stored);
    }

    @Test
    void aHashOfAnotherCostStillVerifiesAndAsksForARehash() {
        String old = new PasswordHasher(new Pbkdf2PasswordHashImpl(), 2_000).hash("demo".toCharArray());
        assertTrue(hasher.verify("demo".toCharArray(), old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("demo".toCharArray())));
    }

    @Test
    void aHashInTheFormerOwnFormatStillVerifiesAndAsksForARehash() throws Exception {
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("demo".toCharArray(), salt, 500, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String legacy = "pbkdf2-sha256$500$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
        assertTrue(hasher.verify("demo".toCharArray(), legacy));
        assertFalse(hasher.verify("demo2".toCharArray(), legacy));
        assertTrue(hasher.needsRehash(legacy));
    }

    @Test
    void garbageAndMissingHashesNeverVerify() {
        assertFalse(hasher.verify("demo".toCharArray(), null));
        assertFalse(hasher.verify("demo".toCharArray(), "plain-text-password"));
        assertFalse(hasher.verify("demo".toCharArray(), "md5$1$abc$def"));
        assertFalse(hasher.verify("demo".toCharArray(), "pbkdf2-sha256$x$abc$def"));
        assertFalse(hasher.verify("demo".toCharArray(), "pbkdf2-sha256$1000$$"));
        assertFalse(hasher.verify("demo".toCharArray(), "PBKDF2WithHmacSHA256:1024:not base64!:x"));
        assertFalse(hasher.verify("demo".toCharArray(), "PBKDF2WithHmacMD5:1024:AAAA:AAAA"));
        assertTrue(hasher.needsRehash(null));
    }

    @Test
    void anUnknownUserIsVerifiedAtTheFullCost() {
        String dummy = PasswordHasher.dummyHash();
        assertTrue(dummy.startsWith("PBKDF2WithHmacSHA256:" + PasswordHasher.ITERATIONS + ":"), dummy);
        PasswordHasher production = new PasswordHasher(new Pbkdf2PasswordHashImpl());
        assertFalse(production.needsRehash(dummy), "the same cost and format as a current hash");
        assertFalse(production.verify("not-a-real-password".toCharArray(), dummy));
    }

    @Test
    void theProductionCostIsSlow() {
        assertTrue(PasswordHasher.ITERATIONS >= 200_000, "OWASP's PBKDF2-HMAC-SHA256 guidance");
    }
}
