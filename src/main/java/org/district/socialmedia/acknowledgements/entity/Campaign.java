package org.district.socialmedia.acknowledgements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * An acknowledgement campaign for one policy version: started when a version that requires acknowledgement
 * takes effect (auto_version_id, unique: one such campaign per version however many servers look) or by hand.
 * The period and reminders in force at the start are kept, so a later settings change does not move deadlines.
 */
@Entity
@Table(name = "ack_campaign")
public class Campaign implements Serializable {

    public static final String AUDIT_TYPE = "ACK_CAMPAIGN";
    public static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ack_campaign_seq")
    @SequenceGenerator(name = "ack_campaign_seq", sequenceName = "ack_campaign_seq", allocationSize = 50)
    private Long id;

    @Column(name = "version_id", nullable = false, updatable = false)
    private Long versionId;

    @Column(name = "auto_version_id", updatable = false)
    private Long autoVersionId;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "started_by", length = 64, nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "reason", length = REASON_MAX, nullable = false, updatable = false)
    private String reason;

    @Column(name = "ack_period", length = 40, nullable = false, updatable = false)
    private String period;

    @Column(name = "reminders", length = 200, nullable = false, updatable = false)
    private String reminders;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Campaign() {
    }

    private Campaign(Long versionId, Long autoVersionId, Instant at, String by, String reason, Duration period, String reminders) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The acknowledgement period must be positive");
        }
        AckPlan.parseReminders(reminders);
        this.versionId = versionId;
        this.autoVersionId = autoVersionId;
        this.startedAt = at;
        this.startedBy = by;
        this.reason = reason;
        this.period = period.toString();
        this.reminders = reminders == null || reminders.isBlank() ? "none" : reminders;
    }

    /** The version took effect and requires acknowledgement. */
    public static Campaign whenInForce(Long versionId, Instant at, Duration period, String reminders) {
        return new Campaign(versionId, versionId, at, "system", "The version took effect and requires acknowledgement", period, reminders);
    }

    /** Started by hand, for example at the start of a school year; the reason is required. */
    public static Campaign byHand(Long versionId, Instant at, String by, String reason, Duration period, String reminders) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > REASON_MAX) {
            throw new IllegalArgumentException("Give the reason for the campaign (at most " + REASON_MAX + " characters)");
        }
        return new Campaign(versionId, null, at, by, r, period, reminders);
    }

    /** A newer campaign replaces this one: nobody is enrolled or reminded any more. */
    public void close(Instant at) {
        if (closedAt == null) {
            closedAt = at;
        }
    }

    public AckPlan planFor(Instant assignedAt) {
        return AckPlan.of(assignedAt, getPeriod(), AckPlan.parseReminders(reminders));
    }

    public boolean isOpen() { return closedAt == null; }
    public Long getId() { return id; }
    public Long getVersionId() { return versionId; }
    public Long getAutoVersionId() { return autoVersionId; }
    public Instant getStartedAt() { return startedAt; }
    public String getStartedBy() { return startedBy; }
    public String getReason() { return reason; }
    public Duration getPeriod() { return Duration.parse(period); }
    public String getReminders() { return reminders; }
    public Instant getClosedAt() { return closedAt; }
}
