package org.district.socialmedia.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The evidence of a form received electronically: the name the parent typed, their statement of intent and
 * of their relationship to the child, when and from where they signed, and the exact text they were shown
 * with its SHA-256 (so a later change of the text shows). Written once with the form, never changed.
 */
@Entity
@Table(name = "consent_signature")
public class ElectronicSignature implements Serializable {

    public static final int TEXT_MAX = 20000;
    public static final int USER_AGENT_MAX = 500;

    @Id
    @Column(name = "form_id")
    private Long formId;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Column(name = "ip_address", length = 45, nullable = false, updatable = false)
    private String ipAddress;

    @Column(name = "user_agent", length = USER_AGENT_MAX, updatable = false)
    private String userAgent;

    @Column(name = "typed_name", length = 200, nullable = false, updatable = false)
    private String typedName;

    @Column(name = "statement", length = 1000, nullable = false, updatable = false)
    private String statement;

    @Column(name = "relationship", length = 200, nullable = false, updatable = false)
    private String relationship;

    @Column(name = "language", length = 20, nullable = false, updatable = false)
    private String language;

    @Column(name = "text_sha256", length = 64, nullable = false, updatable = false)
    private String textSha256;

    @Column(name = "text_shown", length = TEXT_MAX, nullable = false, updatable = false)
    private String textShown;

    protected ElectronicSignature() {
    }

    public ElectronicSignature(ConsentForm form, Instant signedAt, String ipAddress, String userAgent, String typedName,
                               String statement, String relationship, String language, String textSha256, String textShown) {
        this.formId = Objects.requireNonNull(Objects.requireNonNull(form, "form").getId(), "persist the form first");
        this.signedAt = Objects.requireNonNull(signedAt, "signedAt");
        this.ipAddress = Objects.requireNonNull(ipAddress, "ipAddress");
        this.userAgent = userAgent == null || userAgent.length() <= USER_AGENT_MAX ? userAgent : userAgent.substring(0, USER_AGENT_MAX);
        this.typedName = Objects.requireNonNull(typedName, "typedName");
        this.statement = Objects.requireNonNull(statement, "statement");
        this.relationship = Objects.requireNonNull(relationship, "relationship");
        this.language = Objects.requireNonNull(language, "language");
        if (textSha256 == null || !textSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("textSha256 must be 64 lowercase hex digits");
        }
        if (textShown == null || textShown.isEmpty() || textShown.length() > TEXT_MAX) {
            throw new IllegalArgumentException("The text shown has 1 to " + TEXT_MAX + " characters");
        }
        this.textSha256 = textSha256;
        this.textShown = textShown;
    }

    public Long getFormId() { return formId; }
    public Instant getSignedAt() { return signedAt; }
    public String getIpAddress() { return ipAddress; }
    public String getUserAgent() { return userAgent; }
    public String getTypedName() { return typedName; }
    public String getStatement() { return statement; }
    public String getRelationship() { return relationship; }
    public String getLanguage() { return language; }
    public String getTextSha256() { return textSha256; }
    public String getTextShown() { return textShown; }
}
