package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.ScanType;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A signed-off yearly checklist of an account: who confirmed it and when, the due date it answered and the next
 * one it set, the platform's privacy items as they read then, the District administrators counted from the rights
 * in force, and the screenshot's description (its bytes are {@link AttestationEvidence}). Made only by
 * {@link DistrictAccount#signOffChecklist}; written once, never changed. One per account and due date (unique key).
 */
@Entity
@Table(name = "account_attestation")
public class AccountAttestation implements Serializable {

    public static final int EVIDENCE_NAME_MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_attestation_seq")
    @SequenceGenerator(name = "account_attestation_seq", sequenceName = "account_attestation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Column(name = "next_due_on", nullable = false, updatable = false)
    private LocalDate nextDueOn;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Column(name = "signed_by", length = StaffUser.USERNAME_MAX, nullable = false, updatable = false)
    private String signedBy;

    @Column(name = "privacy_items", length = 4000, nullable = false, updatable = false)
    private String privacyItems;

    @Column(name = "admins_at_sign_off", nullable = false, updatable = false)
    private int adminsAtSignOff;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_type", length = 10, nullable = false, updatable = false)
    private ScanType evidenceType;

    @Column(name = "evidence_name", length = EVIDENCE_NAME_MAX, updatable = false)
    private String evidenceName;

    @Column(name = "evidence_size", nullable = false, updatable = false)
    private long evidenceSize;

    @Column(name = "evidence_sha256", length = 64, nullable = false, updatable = false)
    private String evidenceSha256;

    protected AccountAttestation() {
    }

    /** The screenshot as checked by content before the sign-off: its type, the uploader's name for it, size and SHA-256. */
    public record EvidenceFacts(ScanType type, String originalName, long size, String sha256) implements Serializable {

        public EvidenceFacts {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    AccountAttestation(Long accountId, LocalDate dueOn, LocalDate nextDueOn, Instant signedAt, String signedBy,
                       List<String> privacyItems, int adminsAtSignOff, EvidenceFacts evidence) {
        this.accountId = Objects.requireNonNull(accountId, "persist the account first");
        this.dueOn = dueOn;
        this.nextDueOn = nextDueOn;
        this.signedAt = signedAt;
        this.signedBy = signedBy;
        this.privacyItems = String.join("\n", privacyItems);
        this.adminsAtSignOff = adminsAtSignOff;
        this.evidenceType = evidence.type();
        String name = evidence.originalName() == null ? null : evidence.originalName().strip();
        this.evidenceName = name == null || name.isEmpty() ? null
                : name.length() > EVIDENCE_NAME_MAX ? name.substring(0, EVIDENCE_NAME_MAX) : name;
        this.evidenceSize = evidence.size();
        this.evidenceSha256 = evidence.sha256();
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getNextDueOn() { return nextDueOn; }
    public Instant getSignedAt() { return signedAt; }
    public String getSignedBy() { return signedBy; }
    public List<String> getPrivacyItems() { return privacyItems.lines().toList(); }
    public int getAdminsAtSignOff() { return adminsAtSignOff; }
    public ScanType getEvidenceType() { return evidenceType; }
    public String getEvidenceName() { return evidenceName; }
    public long getEvidenceSize() { return evidenceSize; }
    public String getEvidenceSha256() { return evidenceSha256; }

    /** The name a download is stored under: made by the server, never the uploader's. */
    public String storedName() {
        return "account-" + accountId + "-checklist-" + dueOn + "." + evidenceType.extension();
    }
}
