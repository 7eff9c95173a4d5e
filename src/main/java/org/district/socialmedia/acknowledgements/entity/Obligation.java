package org.district.socialmedia.acknowledgements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.district.socialmedia.people.entity.StaffUser;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What one staff member owes one campaign: acknowledge the campaign's version by the due date. Rows are
 * written in bulk when a campaign starts (and one by one for staff activated later, with their own full
 * period); the acknowledgement itself is recorded here, with the SHA-256 of the exact text shown.
 */
@Entity
@Table(name = "ack_obligation")
@IdClass(Obligation.Key.class)
public class Obligation implements Serializable {

    /** JPA's key class (a record cannot be one with field access in EclipseLink 4.0). */
    public static class Key implements Serializable {
        public Long campaignId;
        public Long staffId;

        public Key() {
        }

        public Key(Long campaignId, Long staffId) {
            this.campaignId = campaignId;
            this.staffId = staffId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(campaignId, k.campaignId) && Objects.equals(staffId, k.staffId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, staffId);
        }
    }

    @Id
    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Id
    @Column(name = "staff_id", nullable = false, updatable = false)
    private Long staffId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "staff_id", insertable = false, updatable = false)
    private StaffUser staff;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Column(name = "next_look_at")
    private Instant nextLookAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "text_sha256", length = 64)
    private String textSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 20)
    private AckChannel channel;

    protected Obligation() {
    }

    public Obligation(Long campaignId, Long staffId, AckPlan plan) {
        this.campaignId = campaignId;
        this.staffId = staffId;
        this.assignedAt = plan.assignedAt();
        this.dueAt = plan.dueAt();
        this.nextLookAt = plan.assignedAt();
    }

    /** Records the acknowledgement once; a second one is refused and changes nothing. */
    public void acknowledge(Instant at, String sha256OfTextShown, AckChannel how) {
        if (acknowledgedAt != null) {
            throw new IllegalStateException("Already acknowledged on " + acknowledgedAt);
        }
        if (sha256OfTextShown == null || !sha256OfTextShown.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The SHA-256 of the text shown is required");
        }
        acknowledgedAt = at;
        textSha256 = sha256OfTextShown;
        channel = how;
        nextLookAt = null;
    }

    public void scheduleLook(Instant at) {
        nextLookAt = acknowledgedAt == null ? at : null;
    }

    public boolean isOverdue(Instant now) {
        return acknowledgedAt == null && !now.isBefore(dueAt);
    }

    public Long getCampaignId() { return campaignId; }
    public Long getStaffId() { return staffId; }
    public StaffUser getStaff() { return staff; }
    public Instant getAssignedAt() { return assignedAt; }
    public Instant getDueAt() { return dueAt; }
    public Instant getNextLookAt() { return nextLookAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getTextSha256() { return textSha256; }
    public AckChannel getChannel() { return channel; }
}
