package org.district.socialmedia.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The end of the audit chain (one row): the last link's place and hash. The sealer locks it, so links
 * are added by one server at a time; verification compares the chain's last link with it, which
 * catches links cut off at the end.
 */
@Entity
@Table(name = "audit_chain")
public class AuditChainHead {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", length = 64, nullable = false)
    private String lastHash;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    @Version
    private long version;

    protected AuditChainHead() {
    }

    /** Appends the next link for this content; the new seal to persist. */
    public AuditSeal append(Long entryId, String content, Instant now) {
        long seq = lastSeq + 1;
        String hash = AuditHash.link(lastHash, seq, content);
        AuditSeal seal = new AuditSeal(seq, entryId, lastHash, hash, now);
        lastSeq = seq;
        lastHash = hash;
        sealedAt = now;
        return seal;
    }

    public long getLastSeq() { return lastSeq; }

    public String getLastHash() { return lastHash; }

    public Instant getSealedAt() { return sealedAt; }
}
