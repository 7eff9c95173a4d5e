package org.district.socialmedia.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;

/** The last run of a sweep timer, one row each (in the database, so every server reports the same). */
@Entity
@Table(name = "sweep_status")
public class SweepStatus implements Serializable {

    public static final String ESCALATION = "escalation";
    public static final String ACCOUNT_RIGHTS = "account-rights";
    public static final String CONSENT = "consent";
    public static final String PARENT_REMINDERS = "parent-reminders";
    public static final String ACKNOWLEDGEMENTS = "acknowledgements";
    public static final String BOARD_REPORT = "board-report";
    public static final String ROSTER_DROP = "roster-drop";
    public static final String ROSTER_RESUME = "roster-resume";

    @Id
    @Column(name = "name", length = 40)
    private String name;

    @Column(name = "last_started_at")
    private Instant lastStartedAt;

    @Column(name = "last_finished_at")
    private Instant lastFinishedAt;

    @Column(name = "last_processed", nullable = false)
    private int lastProcessed;

    @Column(name = "last_failures", nullable = false)
    private int lastFailures;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Version
    private long version;

    protected SweepStatus() {
    }

    /** A sweep's row; the migrations insert one per sweep. */
    public SweepStatus(String name) {
        this.name = name;
    }

    public void record(Instant started, Instant finished, int processed, int failures, String error) {
        lastStartedAt = started;
        lastFinishedAt = finished;
        lastProcessed = processed;
        lastFailures = failures;
        lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 999);
    }

    public String getName() { return name; }
    public Instant getLastStartedAt() { return lastStartedAt; }
    public Instant getLastFinishedAt() { return lastFinishedAt; }
    public int getLastProcessed() { return lastProcessed; }
    public int getLastFailures() { return lastFailures; }
    public String getLastError() { return lastError; }
}
