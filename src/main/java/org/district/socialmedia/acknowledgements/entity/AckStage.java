package org.district.socialmedia.acknowledgements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A stage that fired: its primary key (campaign, staff member, stage) makes each notice happen at most once. */
@Entity
@Table(name = "ack_stage")
@IdClass(AckStage.Key.class)
public class AckStage implements Serializable {

    public static class Key implements Serializable {
        public Long campaignId;
        public Long staffId;
        public String stage;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(campaignId, k.campaignId) && Objects.equals(staffId, k.staffId)
                    && Objects.equals(stage, k.stage);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, staffId, stage);
        }
    }

    @Id
    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Id
    @Column(name = "staff_id", nullable = false, updatable = false)
    private Long staffId;

    @Id
    @Column(name = "stage", length = 40, nullable = false, updatable = false)
    private String stage;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Column(name = "fired_at", nullable = false, updatable = false)
    private Instant firedAt;

    @Column(name = "recipients", length = 2000, updatable = false)
    private String recipients;

    protected AckStage() {
    }

    public AckStage(Long campaignId, Long staffId, AckPlan.Stage stage, Instant firedAt, String recipients) {
        this.campaignId = campaignId;
        this.staffId = staffId;
        this.stage = stage.key();
        this.dueAt = stage.dueAt();
        this.firedAt = firedAt;
        this.recipients = recipients == null || recipients.length() <= 2000 ? recipients : recipients.substring(0, 2000);
    }

    public String getStage() { return stage; }
    public Instant getFiredAt() { return firedAt; }
    public String getRecipients() { return recipients; }
}
