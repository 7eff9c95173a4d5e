package org.district.socialmedia.consent.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.entity.Names;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * After a revocation, one account's operators must take down what shows the student: one task per
 * (revocation, account), unique in the schema so that creating them twice is harmless. Operators
 * are resolved later (the account registry knows them); reminders go out until it is done.
 */
@Entity
@Table(name = "takedown_task")
@NamedQuery(name = TakedownTask.REMINDERS_DUE, query = "SELECT t FROM TakedownTask t"
        + " WHERE t.nextReminderAt <= :now AND t.status = :status ORDER BY t.nextReminderAt")
@NamedQuery(name = TakedownTask.OPEN_FOR_ACCOUNT, query = "SELECT t FROM TakedownTask t"
        + " WHERE t.accountId = :accountId AND t.status = :status ORDER BY t.createdAt")
public class TakedownTask implements Serializable {

    public enum Status { OPEN, DONE }

    /** Parameters {@code now} and {@code status} (OPEN). */
    public static final String REMINDERS_DUE = "TakedownTask.remindersDue";
    public static final String OPEN_FOR_ACCOUNT = "TakedownTask.openForAccount";
    public static final int NOTE_MAX = 2000;
    /** {@link #getPostId()}'s value in the schema for a task not about one recorded post. */
    public static final long NO_POST = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "takedown_task_seq")
    @SequenceGenerator(name = "takedown_task_seq", sequenceName = "takedown_task_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "form_id", nullable = false, updatable = false)
    private ConsentForm form;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "revocation_id", nullable = false, updatable = false)
    private ConsentRevocation revocation;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false, updatable = false)
    private Student student;

    /**
     * The recorded post (component posts) to take down, or {@link #NO_POST} for the account's posts cleared by
     * consent checks. Part of the unique key (revocation, account, post): 0 rather than null, because a
     * unique key treats nulls as distinct and would let a retried revocation make a second check task.
     */
    @Column(name = "post_ref", nullable = false, updatable = false)
    private long postRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private Status status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "takedown_task_assignee", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "username", length = 64, nullable = false)
    private Set<String> assignees = new HashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 64, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by", length = 64)
    private String doneBy;

    @Column(name = "note", length = NOTE_MAX)
    private String note;

    @Column(name = "next_reminder_at")
    private Instant nextReminderAt;

    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;

    @Version
    private long version;

    protected TakedownTask() {
    }

    /** @param firstReminderAt when to remind the operators first; null for no reminders */
    public TakedownTask(ConsentRevocation revocation, long accountId, String createdBy, Instant now,
                        Instant firstReminderAt) {
        this(revocation, accountId, null, createdBy, now, firstReminderAt);
    }

    /**
     * @param postId the recorded post to take down; null for the account's posts that consent checks cleared
     * @param firstReminderAt when to remind the operators first; null for no reminders
     */
    public TakedownTask(ConsentRevocation revocation, long accountId, Long postId, String createdBy, Instant now,
                        Instant firstReminderAt) {
        if (postId != null && postId <= NO_POST) {
            throw new IllegalArgumentException("A recorded post has a positive id");
        }
        this.postRef = postId == null ? NO_POST : postId;
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.form = revocation.getForm();
        this.student = form.getStudent();
        this.accountId = accountId;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.status = Status.OPEN;
        this.nextReminderAt = firstReminderAt;
    }

    /** The operators to remind, once the account registry has named them. */
    public void assign(Set<String> usernames) {
        assignees.clear();
        if (usernames != null) {
            usernames.stream().map(Names::clean).filter(Objects::nonNull).forEach(assignees::add);
        }
    }

    /**
     * Books a sent reminder and schedules the next one.
     *
     * @param interval null for no further reminder
     */
    public void reminderSent(Instant now, Duration interval) {
        if (status != Status.OPEN) {
            throw new ConsentStateException("This takedown is already done");
        }
        remindersSent++;
        nextReminderAt = interval == null ? null : now.plus(interval);
    }

    /** @throws ConsentStateException when it is already done */
    public void markDone(String byUsername, String doneNote, Instant now) {
        if (status == Status.DONE) {
            throw new ConsentStateException("This takedown was already marked done by " + doneBy);
        }
        String cleaned = Names.clean(doneNote);
        if (cleaned != null && cleaned.length() > NOTE_MAX) {
            throw new InvalidInputException("note",
                    "At most " + NOTE_MAX + " characters");
        }
        status = Status.DONE;
        doneBy = Objects.requireNonNull(byUsername, "byUsername");
        doneAt = now;
        note = cleaned;
        nextReminderAt = null;
    }

    public Long getId() {
        return id;
    }

    /** The recorded post to take down, or null when the task is about the posts consent checks cleared. */
    public Long getPostId() {
        return postRef == NO_POST ? null : postRef;
    }

    public ConsentForm getForm() {
        return form;
    }

    public ConsentRevocation getRevocation() {
        return revocation;
    }

    public long getAccountId() {
        return accountId;
    }

    public Student getStudent() {
        return student;
    }

    public Status getStatus() {
        return status;
    }

    public Set<String> getAssignees() {
        return Collections.unmodifiableSet(assignees);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public String getNote() {
        return note;
    }

    public Instant getNextReminderAt() {
        return nextReminderAt;
    }

    public int getRemindersSent() {
        return remindersSent;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TakedownTask other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
