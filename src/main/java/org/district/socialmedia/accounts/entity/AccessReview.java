package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.district.socialmedia.settings.entity.EscalationPlan;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A term's access review: the Superintendent confirms or revokes every administrative right in force.
 * Rights not confirmed since the review opened are "not reviewed"; at the end of the deadline day
 * they are flagged, and lapse if the District said so when the review opened (the rule is copied,
 * so changing the setting mid-term does not change a review under way).
 */
@Entity
@Table(name = "access_review")
public class AccessReview implements Serializable {

    public enum Status { OPEN, CLOSED }

    public static final String STAGE_OPENED = "OPENED";
    public static final String STAGE_CLOSED = "CLOSED";
    private static final String REMINDER_PREFIX = "REMINDER_";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_review_seq")
    @SequenceGenerator(name = "access_review_seq", sequenceName = "access_review_seq", allocationSize = 50)
    private Long id;

    @Column(name = "opens_on", nullable = false, updatable = false, unique = true)
    private LocalDate opensOn;

    @Column(name = "deadline", nullable = false, updatable = false)
    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "opened_by", length = 64, nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "lapse_unreviewed", nullable = false, updatable = false)
    private boolean lapseUnreviewed;

    @Column(name = "reminders_before", length = 200, nullable = false, updatable = false)
    private String remindersBefore;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "grants_flagged", nullable = false)
    private int grantsFlagged;

    @Column(name = "grants_lapsed", nullable = false)
    private int grantsLapsed;

    @Version
    private long version;

    protected AccessReview() {
    }

    public AccessReview(LocalDate opensOn, LocalDate deadline, boolean lapseUnreviewed, List<Duration> reminders,
                        String openedBy, Instant now) {
        if (deadline.isBefore(opensOn)) {
            throw new IllegalArgumentException("An access review's deadline cannot come before it opens");
        }
        this.opensOn = opensOn;
        this.deadline = deadline;
        this.lapseUnreviewed = lapseUnreviewed;
        this.remindersBefore = EscalationPlan.format(reminders);
        this.openedBy = Objects.requireNonNull(openedBy);
        this.openedAt = Objects.requireNonNull(now);
    }

    /** The end of the deadline day in the District's time zone: unconfirmed rights are dealt with then. */
    public Instant closesAt(ZoneId zone) {
        return deadline.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The reminder due now, if any: the latest one whose time has come and that was not sent (an earlier
     * one missed while the server was down is not sent late on top of it). Reminders whose time came
     * before the review opened are never owed.
     */
    public Optional<String> reminderDue(Instant now, ZoneId zone, Set<String> done) {
        if (status != Status.OPEN || !now.isBefore(closesAt(zone))) {
            return Optional.empty();
        }
        return reminders().stream()
                .filter(d -> {
                    Instant at = closesAt(zone).minus(d);
                    return !at.isAfter(now) && at.isAfter(openedAt);
                })
                .min(Comparator.naturalOrder())
                .map(AccessReview::reminderStage)
                .filter(stage -> !done.contains(stage));
    }

    /** The next moment the rights timer must look at this review. */
    public Instant nextCheck(Instant now, ZoneId zone) {
        if (status != Status.OPEN) {
            return null;
        }
        Instant close = closesAt(zone);
        return reminders().stream().map(close::minus).filter(at -> at.isAfter(now) && at.isAfter(openedAt))
                .min(Comparator.naturalOrder()).orElse(close);
    }

    public static String reminderStage(Duration before) {
        return REMINDER_PREFIX + EscalationPlan.iso(before);
    }

    public List<Duration> reminders() {
        return EscalationPlan.parseReminders(remindersBefore);
    }

    /** Whether a right in force was confirmed during this review. */
    public boolean confirms(AccountGrant grant) {
        return !grant.getLastReviewedAt().isBefore(openedAt);
    }

    public void countFlagged(int flagged, int lapsed) {
        this.grantsFlagged += flagged;
        this.grantsLapsed += lapsed;
    }

    public void close(Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalRequestStateException("This access review is already closed");
        }
        status = Status.CLOSED;
        closedAt = now;
        nextCheckAt = null;
    }

    public void scheduleCheck(Instant at) {
        this.nextCheckAt = at;
    }

    public Long getId() { return id; }
    public LocalDate getOpensOn() { return opensOn; }
    public LocalDate getDeadline() { return deadline; }
    public Status getStatus() { return status; }
    public Instant getOpenedAt() { return openedAt; }
    public String getOpenedBy() { return openedBy; }
    public boolean isLapseUnreviewed() { return lapseUnreviewed; }
    public String getRemindersBefore() { return remindersBefore; }
    public Instant getNextCheckAt() { return nextCheckAt; }
    public Instant getClosedAt() { return closedAt; }
    public int getGrantsFlagged() { return grantsFlagged; }
    public int getGrantsLapsed() { return grantsLapsed; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AccessReview other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
