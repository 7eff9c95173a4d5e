package org.district.socialmedia.consent.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * The bytes of a scan, kept apart from {@link Evidence} so that listing forms never loads them.
 * Written once with the evidence, never changed.
 */
@Entity
@Table(name = "consent_evidence_content")
public class EvidenceContent implements Serializable {

    @Id
    @Column(name = "evidence_id")
    private Long evidenceId;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    protected EvidenceContent() {
    }

    public EvidenceContent(Evidence evidence, byte[] content) {
        this.evidenceId = Objects.requireNonNull(evidence.getId(), "persist the evidence first");
        this.content = content.clone();
    }

    public Long getEvidenceId() {
        return evidenceId;
    }

    public byte[] getContent() {
        return content.clone();
    }
}
