package org.district.socialmedia.parents.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One parent's personal link for one student: the token's SHA-256 (never the token), when it ends, and
 * what the parent did with it. Signing is once: an answered link views and revokes, never signs again.
 * Reminders are spread evenly over the link's life ({@link #reminderAt}); the row's version makes a second
 * server's attempt at the same reminder fail.
 */
@Entity
@Table(name = "parent_link")
@NamedQuery(name = ParentLink.REMINDERS_DUE, query = "SELECT l.id FROM ParentLink l WHERE l.nextReminderAt <= :now ORDER BY l.nextReminderAt, l.id")
@NamedQuery(name = ParentLink.FOR_REQUEST, query = "SELECT l FROM ParentLink l WHERE l.request.id = :requestId")
public class ParentLink implements Serializable {

    public static final String REMINDERS_DUE = "ParentLink.remindersDue";
    public static final String FOR_REQUEST = "ParentLink.forRequest";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parent_link_seq")
    @SequenceGenerator(name = "parent_link_seq", sequenceName = "parent_link_seq", allocationSize = 50)
    private Long id;

    /** Null for a link the parent asked for again on the public page. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id", updatable = false)
    private ParentRequest request;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false, updatable = false)
    private Student student;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "guardian_id", nullable = false, updatable = false)
    private Guardian guardian;

    /** The class the progress counts this link in (the request's class, or the student's class then). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "class_id", updatable = false)
    private SchoolClass schoolClass;

    @Column(name = "email", length = 254, nullable = false, updatable = false)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    /** The form signed through this link, or (for a link asked for again) the form it lets the parent see. */
    @Column(name = "form_id")
    private Long formId;

    /** The parent answered no to every item. */
    @Column(name = "declined", nullable = false)
    private boolean declined;

    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;

    @Column(name = "next_reminder_at")
    private Instant nextReminderAt;

    @Version
    private long version;

    protected ParentLink() {
    }

    /**
     * @param formId    for a link asked for again after signing: the form it shows; null for a link to sign
     * @param reminders how many reminders the parent gets if they do not answer (CONSENT_REMINDERS)
     */
    public ParentLink(ParentRequest request, Student student, Guardian guardian, SchoolClass schoolClass, String email, Instant now, Duration ttl, Long formId, int reminders) {
        this.request = request;
        this.student = Objects.requireNonNull(student, "student");
        this.guardian = Objects.requireNonNull(guardian, "guardian");
        this.schoolClass = schoolClass;
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A link lives for a positive time");
        }
        if (reminders < 0) {
            throw new IllegalArgumentException("reminders >= 0");
        }
        this.email = Objects.requireNonNull(email, "email");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.expiresAt = now.plus(ttl);
        this.formId = formId;
        if (formId != null) {
            this.answeredAt = now;
        }
        this.nextReminderAt = formId == null ? reminderAt(createdAt, expiresAt, 0, reminders) : null;
    }

    /**
     * When reminder number {@code sent + 1} of {@code max} is due: the link's life cut into max + 1 equal parts,
     * so with P14D and 2 reminders they come after about 4.7 and 9.3 days. Null when all were sent.
     */
    public static Instant reminderAt(Instant created, Instant expires, int sent, int max) {
        if (sent >= max) {
            return null;
        }
        Duration life = Duration.between(created, expires);
        return created.plus(life.multipliedBy(sent + 1L).dividedBy(max + 1L));
    }

    public LinkState state(Instant now) {
        if (formId != null) {
            return now.isBefore(expiresAt) ? LinkState.ANSWERED : LinkState.EXPIRED;
        }
        return now.isBefore(expiresAt) ? LinkState.OPEN : LinkState.EXPIRED;
    }

    /** The first visit is what the progress counts as opened. */
    public boolean opened(Instant now) {
        if (openedAt != null) {
            return false;
        }
        openedAt = now;
        return true;
    }

    /** The parent signed (or said no to everything: {@code declinedAll}). Once only, and only before the end. */
    public void answered(Long form, boolean declinedAll, Instant now) {
        LinkState state = state(now);
        if (state != LinkState.OPEN) {
            throw new LinkStateException(state);
        }
        this.formId = Objects.requireNonNull(form, "form");
        this.declined = declinedAll;
        this.answeredAt = now;
        if (openedAt == null) {
            openedAt = now;
        }
        this.nextReminderAt = null;
    }

    /** Whether a reminder is due now: not answered, not expired, and its time has come. */
    public boolean reminderDue(Instant now) {
        return formId == null && nextReminderAt != null && !nextReminderAt.isAfter(now) && now.isBefore(expiresAt);
    }

    /** Counts the reminder just sent and schedules the next one; returns its number (1 for the first). */
    public int reminderSent(int max) {
        remindersSent++;
        nextReminderAt = reminderAt(createdAt, expiresAt, remindersSent, max);
        return remindersSent;
    }

    /** No more reminders (expired, or the setting was lowered). */
    public void stopReminders() {
        nextReminderAt = null;
    }

    public Long getId() { return id; }
    public ParentRequest getRequest() { return request; }
    public Student getStudent() { return student; }
    public Guardian getGuardian() { return guardian; }
    public SchoolClass getSchoolClass() { return schoolClass; }
    public String getEmail() { return email; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public Long getFormId() { return formId; }
    public boolean isDeclined() { return declined; }
    public int getRemindersSent() { return remindersSent; }
    public Instant getNextReminderAt() { return nextReminderAt; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ParentLink other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
