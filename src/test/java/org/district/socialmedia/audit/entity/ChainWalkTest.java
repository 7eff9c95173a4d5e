package org.district.socialmedia.audit.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain's rules without a database: what each kind of tampering looks like to a walk. */
class ChainWalkTest {

    private record Link(long seq, long entryId, String prev, String hash, String content) {
    }

    private static String content(long id, String details) {
        return AuditHash.content(id, Instant.parse("2026-11-28T10:15:30.123456789Z"), "clerk", "CONSENT_CLERK", "10.0.0.7",
                "STUDENT_VIEWED", "Student", "42", "DONE", details);
    }

    private static List<Link> chain(int n) {
        List<Link> links = new ArrayList<>();
        String prev = AuditHash.GENESIS;
        for (int i = 1; i <= n; i++) {
            String c = content(100 + i, "row " + i);
            String hash = AuditHash.link(prev, i, c);
            links.add(new Link(i, 100 + i, prev, hash, c));
            prev = hash;
        }
        return links;
    }

    private static ChainWalk walk(List<Link> links, long headSeq, String headHash) {
        ChainWalk walk = new ChainWalk();
        for (Link l : links) {
            if (!walk.next(l.seq(), l.entryId(), l.prev(), l.hash(), l.content())) {
                break;
            }
        }
        walk.finish(headSeq, headHash);
        return walk;
    }

    @Test
    void anIntactChainHoldsToItsHead() {
        List<Link> links = chain(5);
        ChainWalk walk = walk(links, 5, links.get(4).hash());
        assertNull(walk.broken());
        assertEquals(5, walk.checked());
        assertTrue(walk(List.of(), 0, AuditHash.GENESIS).broken() == null, "an empty chain holds");
    }

    @Test
    void aChangedRowBreaksItsOwnLink() {
        List<Link> links = chain(5);
        Link third = links.get(2);
        links.set(2, new Link(3, third.entryId(), third.prev(), third.hash(), content(third.entryId(), "row 3, edited")));
        ChainWalk.Broken broken = walk(links, 5, links.get(4).hash()).broken();
        assertEquals(3, broken.seq());
        assertEquals(103L, broken.entryId());
        assertEquals("the audit row was changed", broken.reason());
    }

    @Test
    void aDeletedRowLeavesItsLinkWithoutContent() {
        List<Link> links = chain(5);
        Link second = links.get(1);
        links.set(1, new Link(2, second.entryId(), second.prev(), second.hash(), null));
        ChainWalk.Broken broken = walk(links, 5, links.get(4).hash()).broken();
        assertEquals(2, broken.seq());
        assertEquals("the audit row was deleted", broken.reason());
    }

    @Test
    void aRemovedLinkIsAGapAndCuttingTheEndNoLongerMatchesTheHead() {
        List<Link> links = chain(5);
        String head = links.get(4).hash();
        List<Link> gap = new ArrayList<>(links);
        gap.remove(3);
        assertEquals(4, walk(gap, 5, head).broken().seq());

        List<Link> cut = links.subList(0, 3);
        ChainWalk.Broken broken = walk(cut, 5, head).broken();
        assertEquals(4, broken.seq(), broken.toString());
    }

    @Test
    void aLinkRewrittenWithANewHashStillBreaksTheNextOne() {
        List<Link> links = chain(4);
        Link second = links.get(1);
        String forged = content(second.entryId(), "forged");
        links.set(1, new Link(2, second.entryId(), second.prev(), AuditHash.link(second.prev(), 2, forged), forged));
        ChainWalk.Broken broken = walk(links, 4, links.get(3).hash()).broken();
        assertEquals(3, broken.seq(), "the third link still names the old hash before it");
    }

    @Test
    void theContentCoversEveryFieldAndTellsNullFromEmptyAndSeparators() {
        assertNotEquals(AuditHash.content(1, null, "a|b", null, null, "X", null, null, "DONE", null),
                AuditHash.content(1, null, "a", "b", null, "X", null, null, "DONE", null));
        assertNotEquals(AuditHash.content(1, null, "", null, null, "X", null, null, "DONE", null),
                AuditHash.content(1, null, null, null, null, "X", null, null, "DONE", null));
        assertEquals(AuditHash.content(1, Instant.parse("2026-01-01T00:00:00.123456789Z"), null, null, null, "X", null, null, "DONE", null),
                AuditHash.content(1, Instant.parse("2026-01-01T00:00:00.123456Z"), null, null, null, "X", null, null, "DONE", null),
                "to the microsecond, as the databases keep it");
        assertFalse(AuditHash.link(AuditHash.GENESIS, 1, "x").equals(AuditHash.link(AuditHash.GENESIS, 2, "x")), "the place counts");
    }
}
