package org.district.socialmedia.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.district.socialmedia.platform.entity.ScanType;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The scan of a signed paper form: a name the server made (never the uploader's), what it is by
 * content, and its SHA-256 so that a later tampering shows. The bytes are in {@link EvidenceContent},
 * apart so that listing forms never loads them. Checked by ScanInspector before this is created.
 */
@Entity
@Table(name = "consent_evidence")
@NamedQuery(name = Evidence.FOR_FORM, query = "SELECT e FROM Evidence e WHERE e.form.id = :formId ORDER BY e.uploadedAt")
@NamedQuery(name = Evidence.BY_SHA256, query = "SELECT e FROM Evidence e WHERE e.sha256 = :sha256")
public class Evidence implements Serializable {

    public static final String FOR_FORM = "Evidence.forForm";
    /** The same scan uploaded twice (for another student by mistake?). */
    public static final String BY_SHA256 = "Evidence.bySha256";
    public static final int STORED_NAME_MAX = 80;
    public static final int ORIGINAL_NAME_MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_evidence_seq")
    @SequenceGenerator(name = "consent_evidence_seq", sequenceName = "consent_evidence_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "form_id", nullable = false, updatable = false)
    private ConsentForm form;

    @Column(name = "stored_name", length = STORED_NAME_MAX, nullable = false, unique = true, updatable = false)
    private String storedName;

    @Enumerated(EnumType.STRING)
    @Column(name = "scan_type", length = 10, nullable = false, updatable = false)
    private ScanType scanType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", length = 64, nullable = false, updatable = false)
    private String sha256;

    // Shown to people only, as text; never used to store or serve the file.
    @Column(name = "original_name", length = ORIGINAL_NAME_MAX, updatable = false)
    private String originalName;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", length = 64, nullable = false, updatable = false)
    private String uploadedBy;

    @Version
    private long version;

    protected Evidence() {
    }

    public Evidence(ConsentForm form, String storedName, ScanType scanType, long sizeBytes, String sha256,
                    String originalName, String uploadedBy, Instant now) {
        this.form = Objects.requireNonNull(form, "form");
        this.storedName = Objects.requireNonNull(storedName, "storedName");
        this.scanType = Objects.requireNonNull(scanType, "scanType");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("A scan has content");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.originalName = originalName == null || originalName.length() <= ORIGINAL_NAME_MAX
                ? originalName : originalName.substring(0, ORIGINAL_NAME_MAX);
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
        this.uploadedAt = Objects.requireNonNull(now, "now");
    }

    public Long getId() {
        return id;
    }

    public ConsentForm getForm() {
        return form;
    }

    public String getStoredName() {
        return storedName;
    }

    public ScanType getScanType() {
        return scanType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getOriginalName() {
        return originalName;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Evidence other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
