package org.district.socialmedia.parents.entity;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkTokenTest {

    @Test
    void aTokenCarriesAtLeast128RandomBitsAndIsUrlSafe() {
        String token = LinkToken.create();
        assertTrue(Base64.getUrlDecoder().decode(token).length * 8 >= 128);
        assertTrue(LinkToken.isWellFormed(token), token);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(LinkToken.create()), "tokens repeat");
        }
    }

    @Test
    void onlyTheHashIsStoredAndItIsTheSha256() {
        String token = LinkToken.create();
        String hash = LinkToken.hash(token);
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertNotEquals(token, hash);
        assertEquals(hash, LinkToken.hash(token));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LinkToken.sha256("abc"));
    }

    @Test
    void textsThatCannotBeATokenAreRefusedBeforeAnyLookUp() {
        assertFalse(LinkToken.isWellFormed(null));
        assertFalse(LinkToken.isWellFormed(""));
        assertFalse(LinkToken.isWellFormed("short"));
        assertFalse(LinkToken.isWellFormed(LinkToken.create() + "x"));
        assertFalse(LinkToken.isWellFormed("' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    }
}
