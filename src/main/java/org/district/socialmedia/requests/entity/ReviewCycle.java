package org.district.socialmedia.requests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.people.entity.StaffUser;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of the review clock: from submission (or from the employee's answer) until the reviewer
 * asks for information, decides, or the employee withdraws. Every cycle gets a full review period,
 * and the cycles are kept so that the history shows each question, answer and deadline.
 */
@Entity
@Table(name = "sm_review_cycle",
        uniqueConstraints = @UniqueConstraint(name = "uq_review_cycle", columnNames = {"request_id", "number"}))
public class ReviewCycle implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sm_review_cycle_seq")
    @SequenceGenerator(name = "sm_review_cycle_seq", sequenceName = "sm_review_cycle_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", nullable = false, updatable = false)
    private SocialMediaRequest request;

    /** 1 for the first submission, then one more for each answered information request. */
    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "deadline", nullable = false, updatable = false)
    private Instant deadline;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 20)
    private CycleEnd endReason;

    /** When this cycle's deadline passed without a response (escalation), if it did. */
    @Column(name = "overdue_at")
    private Instant overdueAt;

    @Size(max = SocialMediaRequest.QUESTION_MAX)
    @Column(name = "question", length = SocialMediaRequest.QUESTION_MAX)
    private String question;

    @Column(name = "asked_by", length = StaffUser.USERNAME_MAX)
    private String askedBy;

    @Size(max = SocialMediaRequest.ANSWER_MAX)
    @Column(name = "answer", length = SocialMediaRequest.ANSWER_MAX)
    private String answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected ReviewCycle() {
    }

    ReviewCycle(SocialMediaRequest request, int number, Instant startedAt, Instant deadline) {
        this.request = request;
        this.number = number;
        this.startedAt = startedAt;
        this.deadline = deadline;
    }

    void end(CycleEnd reason, Instant at) {
        this.endReason = reason;
        this.endedAt = at;
    }

    void ask(String question, String byUsername, Instant at) {
        this.question = question;
        this.askedBy = byUsername;
        end(CycleEnd.INFO_REQUESTED, at);
    }

    void answer(String answer, Instant at) {
        this.answer = answer;
        this.answeredAt = at;
    }

    void markOverdue(Instant at) {
        this.overdueAt = at;
    }

    /** Whether the clock of this cycle is still running (or ran out without a response). */
    public boolean isRunning() {
        return endedAt == null;
    }

    public Long getId() {
        return id;
    }

    public SocialMediaRequest getRequest() {
        return request;
    }

    public int getNumber() {
        return number;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public CycleEnd getEndReason() {
        return endReason;
    }

    public Instant getOverdueAt() {
        return overdueAt;
    }

    public String getQuestion() {
        return question;
    }

    public String getAskedBy() {
        return askedBy;
    }

    public String getAnswer() {
        return answer;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ReviewCycle other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "review cycle " + number + " (" + startedAt + " to " + deadline + ")";
    }
}
