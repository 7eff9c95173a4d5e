package org.district.socialmedia.acknowledgements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A personal acknowledgement link sent by email: a 256-bit random token, of which only the SHA-256 is stored
 * (a copy of the database gives no usable link). It is single-use and expires; using it still needs the
 * addressee signed in.
 */
@Entity
@Table(name = "ack_link")
public class AckLink implements Serializable {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "token_sha256", length = 64, nullable = false, updatable = false)
    private String tokenSha256;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "staff_id", nullable = false, updatable = false)
    private Long staffId;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AckLink() {
    }

    private AckLink(String tokenSha256, Long campaignId, Long staffId, Instant expiresAt) {
        this.tokenSha256 = tokenSha256;
        this.campaignId = campaignId;
        this.staffId = staffId;
        this.expiresAt = expiresAt;
    }

    /** A new token (to put in the email, never stored) and its link row. */
    public record Issued(String token, AckLink link) {
    }

    public static Issued issue(Long campaignId, Long staffId, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new AckLink(hash(token), campaignId, staffId, expiresAt));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the link cannot be used now, or null when it can. */
    public String refusal(Instant now) {
        if (usedAt != null) {
            return "This acknowledgement link was already used on " + usedAt + ". Links work once; acknowledge from the portal's banner.";
        }
        if (!now.isBefore(expiresAt)) {
            return "This acknowledgement link expired on " + expiresAt + ". Acknowledge from the portal's banner.";
        }
        return null;
    }

    public void use(Instant now) {
        String refusal = refusal(now);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        usedAt = now;
    }

    public String getTokenSha256() { return tokenSha256; }
    public Long getCampaignId() { return campaignId; }
    public Long getStaffId() { return staffId; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
}
