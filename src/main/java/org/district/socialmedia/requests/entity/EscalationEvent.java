package org.district.socialmedia.requests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.io.Serializable;
import java.time.Instant;

/**
 * A stage of escalation that happened: at most one per (request, review period, stage), which the
 * database's unique key guarantees whatever the timers do (restarts, retries, two sweeps, two servers).
 */
@Entity
@Table(name = "escalation_event", uniqueConstraints = @UniqueConstraint(columnNames = {"request_id", "review_cycle", "stage"}))
public class EscalationEvent implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_event_seq")
    @SequenceGenerator(name = "escalation_event_seq", sequenceName = "escalation_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(name = "review_cycle", nullable = false, updatable = false)
    private int reviewCycle;

    @Column(name = "stage", length = 40, nullable = false, updatable = false)
    private String stage;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Column(name = "fired_at", nullable = false, updatable = false)
    private Instant firedAt;

    @Column(name = "late", nullable = false, updatable = false)
    private boolean late;

    @Column(name = "recipients", length = 2000, updatable = false)
    private String recipients;

    @Column(name = "note", length = 1000, updatable = false)
    private String note;

    protected EscalationEvent() {
    }

    public EscalationEvent(Long requestId, int reviewCycle, String stage, Instant dueAt, Instant firedAt, boolean late,
                           String recipients, String note) {
        this.requestId = requestId;
        this.reviewCycle = reviewCycle;
        this.stage = stage;
        this.dueAt = dueAt;
        this.firedAt = firedAt;
        this.late = late;
        this.recipients = recipients == null || recipients.length() <= 2000 ? recipients : recipients.substring(0, 1999);
        this.note = note == null || note.length() <= 1000 ? note : note.substring(0, 999);
    }

    public Long getId() { return id; }
    public Long getRequestId() { return requestId; }
    public int getReviewCycle() { return reviewCycle; }
    public String getStage() { return stage; }
    public Instant getDueAt() { return dueAt; }
    public Instant getFiredAt() { return firedAt; }
    public boolean isLate() { return late; }
    public String getRecipients() { return recipients; }
    public String getNote() { return note; }
}
