package org.district.socialmedia.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An audit row waiting for its link in the chain: written in the row's own transaction, removed when sealed. */
@Entity
@Table(name = "audit_pending")
public class AuditPending {

    @Id
    @Column(name = "entry_id")
    private Long entryId;

    protected AuditPending() {
    }

    public AuditPending(Long entryId) {
        this.entryId = entryId;
    }

    public Long getEntryId() {
        return entryId;
    }
}
