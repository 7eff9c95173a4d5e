package org.district.socialmedia.requests.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The Superintendent's written response as sent: the PDF generated at the decision, kept unchanged
 * for ever (no setter; its SHA-256 is stored beside it so a changed file would show).
 */
@Entity
@Table(name = "decision_letter")
@NamedQuery(name = DecisionLetter.FOR_REQUEST, query = "SELECT l FROM DecisionLetter l WHERE l.request.id = :requestId")
public class DecisionLetter {

    public static final String FOR_REQUEST = "DecisionLetter.forRequest";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "decision_letter_seq")
    @SequenceGenerator(name = "decision_letter_seq", sequenceName = "decision_letter_seq", allocationSize = 50)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "request_id", nullable = false, unique = true, updatable = false)
    private SocialMediaRequest request;

    @Column(name = "reference", length = 40, nullable = false, unique = true, updatable = false)
    private String reference;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "pdf", nullable = false, updatable = false)
    private byte[] pdf;

    @Column(name = "sha256", length = 64, nullable = false, updatable = false)
    private String sha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected DecisionLetter() {
    }

    public DecisionLetter(SocialMediaRequest request, String reference, byte[] pdf, Instant createdAt) {
        this.request = request;
        this.reference = reference;
        this.pdf = pdf.clone();
        this.sha256 = sha256(pdf);
        this.createdAt = createdAt;
    }

    public static String referenceFor(SocialMediaRequest request) {
        return "SMR-" + request.getSubmittedAt().toString().substring(0, 4) + "-" + String.format("%06d", request.getId());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the stored bytes still match the digest taken when the letter was written. */
    public boolean isIntact() {
        return sha256.equals(sha256(pdf));
    }

    public Long getId() {
        return id;
    }

    public SocialMediaRequest getRequest() {
        return request;
    }

    public String getReference() {
        return reference;
    }

    public byte[] getPdf() {
        return pdf.clone();
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
