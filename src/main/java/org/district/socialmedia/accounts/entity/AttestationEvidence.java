package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** The screenshot of a signed-off checklist, kept apart so the history never loads it. Written once. */
@Entity
@Table(name = "account_attestation_evidence")
public class AttestationEvidence implements Serializable {

    @Id
    @Column(name = "attestation_id")
    private Long attestationId;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    protected AttestationEvidence() {
    }

    public AttestationEvidence(AccountAttestation attestation, byte[] content) {
        this.attestationId = Objects.requireNonNull(attestation.getId(), "persist the checklist first");
        this.content = content.clone();
    }

    public Long getAttestationId() {
        return attestationId;
    }

    public byte[] getContent() {
        return content.clone();
    }
}
