package org.district.socialmedia.students.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A zip taken from the roster drop folder (ROSTER_DROP_DIR), keyed by the unique name it was claimed under:
 * the run it started, or why it was refused; and whether the system administrators were told it stopped.
 */
@Entity
@Table(name = "roster_drop")
public class RosterDrop implements Serializable {

    public static final int REASON_MAX = 1000;

    @Id
    @Column(name = "claimed_name", length = 400)
    private String claimedName;

    @Column(name = "original_name", length = 255, nullable = false, updatable = false)
    private String originalName;

    @Column(name = "claimed_at", nullable = false, updatable = false)
    private Instant claimedAt;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "refused_reason", length = REASON_MAX)
    private String refusedReason;

    @Column(name = "told_at")
    private Instant toldAt;

    protected RosterDrop() {
    }

    public RosterDrop(String claimedName, String originalName, Instant claimedAt) {
        this.claimedName = Objects.requireNonNull(claimedName, "claimedName");
        this.originalName = originalName.length() > 255 ? originalName.substring(0, 255) : originalName;
        this.claimedAt = Objects.requireNonNull(claimedAt, "claimedAt");
    }

    /** The run the zip started; a drop starts one run at most. */
    public void started(Long run) {
        if (runId != null || refusedReason != null) {
            throw new IllegalStateException("drop " + claimedName + " already has its outcome");
        }
        runId = Objects.requireNonNull(run, "run");
    }

    /** Why no run was started (a harmful or unreadable zip, no users.csv, a crash before the run was made). */
    public void refused(String reason) {
        if (runId != null || refusedReason != null) {
            throw new IllegalStateException("drop " + claimedName + " already has its outcome");
        }
        String text = reason == null || reason.isBlank() ? "refused" : reason;
        refusedReason = text.length() > REASON_MAX ? text.substring(0, REASON_MAX - 1) + "…" : text;
    }

    /** Neither a run nor a refusal long after the claim: the server that took it stopped on the way. */
    public boolean interrupted(Instant now, Duration grace) {
        return runId == null && refusedReason == null && claimedAt.plus(grace).isBefore(now);
    }

    /**
     * Whether the system administrators must be told about it: refused, or its run stopped short of being
     * written (held for a confirmation, failed or stopped). A run still at work or completed needs nobody.
     */
    public boolean stopped(ImportStatus runStatus) {
        if (refusedReason != null) {
            return true;
        }
        return runStatus == ImportStatus.AWAITING_CONFIRMATION || runStatus == ImportStatus.FAILED || runStatus == ImportStatus.STOPPED;
    }

    public String getClaimedName() {
        return claimedName;
    }

    public String getOriginalName() {
        return originalName;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public Long getRunId() {
        return runId;
    }

    public String getRefusedReason() {
        return refusedReason;
    }

    public Instant getToldAt() {
        return toldAt;
    }
}
