package org.district.socialmedia.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One published version of a policy document: immutable once published, so what a staff member
 * acknowledged can always be read again and its SHA-256 checked. The text is plain text: paragraphs, and
 * a short line without a final period is a heading.
 */
@Entity
@Table(name = "policy_version", uniqueConstraints = @UniqueConstraint(columnNames = {"document", "version_number"}))
public class PolicyVersion implements Serializable {

    public static final String AUDIT_TYPE = "POLICY_VERSION";
    public static final int LABEL_MAX = 60;
    public static final int SUMMARY_MAX = 2000;
    public static final int BODY_MAX = 100_000;

    /** Paragraphs of the text as shown; a heading is a short line without final punctuation. */
    public record Block(String text, boolean heading) implements Serializable {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_version_seq")
    @SequenceGenerator(name = "policy_version_seq", sequenceName = "policy_version_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "document", length = 40, nullable = false, updatable = false)
    private PolicyDocument document;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int number;

    @Column(name = "label", length = LABEL_MAX, nullable = false, updatable = false)
    private String label;

    @Column(name = "effective_on", nullable = false, updatable = false)
    private LocalDate effectiveOn;

    @Column(name = "summary", length = SUMMARY_MAX, nullable = false, updatable = false)
    private String summary;

    @Column(name = "body", length = BODY_MAX, nullable = false, updatable = false)
    private String body;

    @Column(name = "body_sha256", length = 64, nullable = false, updatable = false)
    private String bodySha256;

    @Column(name = "requires_ack", nullable = false, updatable = false)
    private boolean requiresAcknowledgement;

    @Column(name = "published_by", length = 64, nullable = false, updatable = false)
    private String publishedBy;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    protected PolicyVersion() {
    }

    /**
     * A new version, checked: label, summary and text required and within their lengths, effective on a day
     * not before today (an earlier version cannot be replaced in the past, since people acknowledged it).
     */
    public static PolicyVersion publish(PolicyDocument document, int number, String label, LocalDate effectiveOn, String summary,
                                        String body, boolean requiresAcknowledgement, String publishedBy, Instant at, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (document == null) {
            errors.put("document", "Choose the document: BOARD_POLICY or SUPERINTENDENT_GUIDELINES");
        }
        String l = label == null ? "" : label.strip();
        if (l.isEmpty() || l.length() > LABEL_MAX) {
            errors.put("label", "Give the version a label of at most " + LABEL_MAX + " characters, such as \"Revised August 1, 2027\"");
        }
        if (effectiveOn == null) {
            errors.put("effectiveOn", "Give the day the version takes effect");
        } else if (effectiveOn.isBefore(today)) {
            errors.put("effectiveOn", "A version takes effect today or later, not on " + effectiveOn);
        }
        String s = summary == null ? "" : summary.strip();
        if (s.isEmpty() || s.length() > SUMMARY_MAX) {
            errors.put("summary", "Summarize what changed in at most " + SUMMARY_MAX + " characters");
        }
        String b = body == null ? "" : body.strip().replace("\r\n", "\n");
        if (b.isEmpty() || b.length() > BODY_MAX) {
            errors.put("body", "Give the full text, at most " + BODY_MAX + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PolicyVersion v = new PolicyVersion();
        v.document = document;
        v.number = number;
        v.label = l;
        v.effectiveOn = effectiveOn;
        v.summary = s;
        v.body = b;
        v.bodySha256 = sha256(b);
        v.requiresAcknowledgement = requiresAcknowledgement;
        v.publishedBy = publishedBy;
        v.publishedAt = at;
        return v;
    }

    /** The version in force on a day: the latest effective on or before it (the higher number on the same day). */
    public static Optional<PolicyVersion> inForce(List<PolicyVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveOn.isAfter(day))
                .max(Comparator.comparing(PolicyVersion::getEffectiveOn).thenComparingInt(PolicyVersion::getNumber));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text as shown: one block per non-empty line. */
    public static List<Block> blocks(String text) {
        List<Block> result = new ArrayList<>();
        Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> result.add(new Block(line, isHeading(line))));
        return List.copyOf(result);
    }

    static boolean isHeading(String line) {
        return line.length() < 70 && !line.endsWith(".") && !line.endsWith(";") && !line.endsWith(":")
                && !line.startsWith("-") && !Character.isDigit(line.charAt(0)) && !line.startsWith("(");
    }

    public List<Block> getBlocks() {
        return blocks(body);
    }

    public boolean isInForceOn(LocalDate day, List<PolicyVersion> all) {
        return inForce(all, day).map(v -> v.getId().equals(id)).orElse(false);
    }

    public Long getId() { return id; }
    public PolicyDocument getDocument() { return document; }
    public int getNumber() { return number; }
    public String getLabel() { return label; }
    public LocalDate getEffectiveOn() { return effectiveOn; }
    public String getSummary() { return summary; }
    public String getBody() { return body; }
    public String getBodySha256() { return bodySha256; }
    public boolean isRequiresAcknowledgement() { return requiresAcknowledgement; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
}
