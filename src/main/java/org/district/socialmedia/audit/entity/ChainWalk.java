package org.district.socialmedia.audit.entity;

/**
 * One walk along the audit chain, link by link from the first: the rules a verification applies,
 * whoever reads the rows (the application through JPA, the command-line check through JDBC).
 */
public final class ChainWalk {

    /** Where and why the chain does not hold: {@code seq} is the link's place, {@code entryId} its audit row. */
    public record Broken(long seq, Long entryId, String reason) {
    }

    private String expectedPrev = AuditHash.GENESIS;
    private long expectedSeq = 1;
    private long checked;
    private Broken broken;

    /**
     * The next link in order of place, with its row's content as it is now (null when the row is gone);
     * false once the chain is broken (the walk then stops).
     */
    public boolean next(long seq, Long entryId, String prevHash, String rowHash, String content) {
        if (broken != null) {
            return false;
        }
        if (seq != expectedSeq) {
            broken = new Broken(expectedSeq, null, "link " + expectedSeq + " is missing");
        } else if (!expectedPrev.equals(prevHash)) {
            broken = new Broken(seq, entryId, "the link before it was changed or removed");
        } else if (content == null) {
            broken = new Broken(seq, entryId, "the audit row was deleted");
        } else if (!AuditHash.link(expectedPrev, seq, content).equals(rowHash)) {
            broken = new Broken(seq, entryId, "the audit row was changed");
        } else {
            expectedPrev = rowHash;
            expectedSeq++;
            checked++;
            return true;
        }
        return false;
    }

    /** After the last link read: the chain must end where its head says. */
    public boolean finish(long headSeq, String headHash) {
        if (broken == null && expectedSeq <= headSeq) {
            broken = new Broken(expectedSeq, null, "links " + expectedSeq + " to " + headSeq + " are missing");
        } else if (broken == null && (expectedSeq - 1 != headSeq || !expectedPrev.equals(headHash))) {
            broken = new Broken(headSeq, null, "the chain does not end where its head says");
        }
        return broken == null;
    }

    public long checked() {
        return checked;
    }

    /** The place of the next link the walk expects. */
    public long expectedSeq() {
        return expectedSeq;
    }

    public Broken broken() {
        return broken;
    }
}
