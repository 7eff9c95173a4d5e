package org.district.socialmedia.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One link of the audit chain: the row at this place, the previous link's hash, and this link's hash. Insert-only. */
@Entity
@Table(name = "audit_seal")
public class AuditSeal {

    @Id
    @Column(name = "seq", updatable = false)
    private Long seq;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private Long entryId;

    @Column(name = "prev_hash", length = 64, nullable = false, updatable = false)
    private String prevHash;

    @Column(name = "row_hash", length = 64, nullable = false, updatable = false)
    private String rowHash;

    @Column(name = "sealed_at", nullable = false, updatable = false)
    private Instant sealedAt;

    protected AuditSeal() {
    }

    public AuditSeal(long seq, Long entryId, String prevHash, String rowHash, Instant sealedAt) {
        this.seq = seq;
        this.entryId = entryId;
        this.prevHash = prevHash;
        this.rowHash = rowHash;
        this.sealedAt = sealedAt;
    }

    public Long getSeq() { return seq; }

    public Long getEntryId() { return entryId; }

    public String getPrevHash() { return prevHash; }

    public String getRowHash() { return rowHash; }

    public Instant getSealedAt() { return sealedAt; }
}
