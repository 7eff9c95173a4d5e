package org.district.socialmedia.accounts.entity;

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
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Administrative rights on one District account for one District administrator or supervisor,
 * granted by the Superintendent (or a designee given that power) "at the discretion of the
 * Superintendent", for a period. {@code endsOn} is the LAST day with rights: they end at the start
 * of the next day in the District's time zone. Open-ended rights need an explicit reason.
 * Created and ended only through {@link DistrictAccount}, which counts its administrators.
 */
@Entity
@Table(name = "account_grant")
public class AccountGrant implements Serializable {

    public static final int REASON_MAX = 2000;
    public static final String STAGE_NOTICE = "EXPIRY_NOTICE";
    public static final String STAGE_EXPIRED = "EXPIRED";
    /** {@link #endsKey} of open-ended rights: after every real last day. */
    public static final LocalDate OPEN_ENDED_KEY = LocalDate.of(9999, 12, 31);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_grant_seq")
    @SequenceGenerator(name = "account_grant_seq", sequenceName = "account_grant_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private DistrictAccount account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "holder_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private StaffUser holder;

    /*
     * The same foreign keys, read-only, for queries: "g.account.id" makes EclipseLink join the account
     * (and "g.holder.id" the staff user) for every grant; these compare the grant's own column.
     */
    @Column(name = "account_id", insertable = false, updatable = false)
    private Long accountId;

    @Column(name = "holder_id", insertable = false, updatable = false)
    private Long holderId;

    /**
     * The holder's name, lower-cased ({@link #holderKey}): the console's order "by holder" walks an index on it
     * (V14) instead of joining and sorting a million grants. A rename updates it (accounts/control/HolderKeys).
     */
    @Column(name = "holder_key", length = StaffUser.NAME_MAX, nullable = false)
    private String holderKey;

    @Column(name = "granted_by", length = StaffUser.USERNAME_MAX, nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_by_name", length = StaffUser.NAME_MAX, nullable = false, updatable = false)
    private String grantedByName;

    @Column(name = "granted_as", length = 100, nullable = false, updatable = false)
    private String grantedAs;

    @Size(max = REASON_MAX)
    @Column(name = "reason", length = REASON_MAX, nullable = false, updatable = false)
    private String reason;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", updatable = false)
    private LocalDate endsOn;

    /**
     * The last day, or {@link #OPEN_ENDED_KEY} for open-ended rights: a key that is never null, so that the
     * console's order "by last day, open-ended last" walks an index instead of sorting a million rows (V8).
     */
    @Column(name = "ends_key", nullable = false, updatable = false)
    private LocalDate endsKey;

    @Size(max = REASON_MAX)
    @Column(name = "open_ended_reason", length = REASON_MAX, updatable = false)
    private String openEndedReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private GrantStatus status = GrantStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by", length = StaffUser.USERNAME_MAX)
    private String endedBy;

    @Size(max = REASON_MAX)
    @Column(name = "end_reason", length = REASON_MAX)
    private String endReason;

    @Column(name = "last_reviewed_at", nullable = false)
    private Instant lastReviewedAt;

    @Column(name = "last_reviewed_by", length = StaffUser.USERNAME_MAX, nullable = false)
    private String lastReviewedBy;

    @Column(name = "flagged_review_id")
    private Long flaggedReviewId;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Version
    private long version;

    protected AccountGrant() {
    }

    AccountGrant(DistrictAccount account, StaffUser holder, Granter granter, String reason, LocalDate startsOn,
                 LocalDate endsOn, String openEndedReason, LocalDate today, LocalDate defaultEnd, Instant now) {
        Objects.requireNonNull(granter, "granter");
        Objects.requireNonNull(today, "today");
        Map<String, String> errors = new LinkedHashMap<>();
        if (holder == null) {
            errors.put("holderId", "Choose the District administrator or supervisor who receives the rights");
        } else if (!holder.isActive()) {
            errors.put("holderId", holder.getFullName() + " is not an active staff member");
        } else if (StaffUser.normalizeUsername(granter.username()).equals(holder.getUsername())) {
            errors.put("holderId", "Nobody grants administrative rights to themselves");
        } else if (!holder.hasRole(Role.SITE_ADMIN)) {
            errors.put("holderId", holder.getFullName() + " is not a District administrator or supervisor (the "
                    + Role.SITE_ADMIN.label() + " role): only they may hold administrative rights on District accounts");
        }
        String cleanReason = clean(reason);
        if (cleanReason == null) {
            errors.put("reason", "Give the reason for granting these rights");
        } else if (cleanReason.length() > REASON_MAX) {
            errors.put("reason", "A reason has at most " + REASON_MAX + " characters");
        }
        LocalDate start = startsOn == null ? today : startsOn;
        if (start.isBefore(today)) {
            errors.put("startsOn", "Rights cannot start in the past (today is " + today + ")");
        }
        String cleanOpenEnded = clean(openEndedReason);
        LocalDate end = endsOn;
        if (end == null && cleanOpenEnded == null) {
            end = defaultEnd;
        }
        if (end != null) {
            cleanOpenEnded = null;
            if (end.isBefore(start)) {
                errors.put("endsOn", "The last day cannot be before the first day (" + start + ")");
            } else if (end.isBefore(today)) {
                errors.put("endsOn", "The last day cannot be in the past");
            }
        } else if (cleanOpenEnded.length() > REASON_MAX) {
            errors.put("openEndedReason", "A reason has at most " + REASON_MAX + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.account = account;
        this.holder = holder;
        this.grantedBy = StaffUser.normalizeUsername(granter.username());
        this.grantedByName = granter.fullName();
        this.grantedAs = granter.capacity();
        this.reason = cleanReason;
        this.startsOn = start;
        this.endsOn = end;
        this.endsKey = end == null ? OPEN_ENDED_KEY : end;
        this.holderKey = holderKey(holder.getFullName());
        this.openEndedReason = cleanOpenEnded;
        this.createdAt = now;
        this.lastReviewedAt = now;
        this.lastReviewedBy = this.grantedBy;
    }

    /** The sort key of a holder's name: the order "by holder" ignores case. */
    public static String holderKey(String fullName) {
        return fullName.toLowerCase(Locale.ROOT);
    }

    void end(GrantStatus how, String why, String byUsername, Instant now) {
        if (how == null || how == GrantStatus.ACTIVE) {
            throw new IllegalArgumentException("End a grant as EXPIRED, REVOKED, LAPSED or ENDED, not " + how);
        }
        if (status != GrantStatus.ACTIVE) {
            throw new IllegalRequestStateException("These rights already ended (" + status.label().toLowerCase() + ")");
        }
        String cleanWhy = clean(why);
        if (cleanWhy == null) {
            throw new InvalidInputException("reason", "Give the reason for ending these rights");
        }
        if (cleanWhy.length() > REASON_MAX) {
            throw new InvalidInputException("reason", "A reason has at most " + REASON_MAX + " characters");
        }
        this.status = how;
        this.endReason = cleanWhy;
        this.endedBy = StaffUser.normalizeUsername(Objects.requireNonNull(byUsername));
        this.endedAt = Objects.requireNonNull(now);
        this.nextCheckAt = null;
    }

    /** An access review confirmed the rights: they are no longer flagged. */
    public void confirmReview(String byUsername, Instant now) {
        if (status != GrantStatus.ACTIVE) {
            throw new IllegalRequestStateException("Only rights in force can be confirmed; these are " + status.label().toLowerCase());
        }
        this.lastReviewedAt = now;
        this.lastReviewedBy = StaffUser.normalizeUsername(byUsername);
        this.flaggedReviewId = null;
    }

    /** Not confirmed by the access review's deadline. */
    public void flagUnreviewed(Long reviewId) {
        this.flaggedReviewId = reviewId;
    }

    /** When rights end: the start of the day after the last day, in the District's time zone; null when open-ended. */
    public Instant expiresAt(ZoneId zone) {
        return endsOn == null ? null : endsOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** When the holder is told the end is near: {@code days} before the end, at the start of that day. */
    public Instant noticeAt(ZoneId zone, int days) {
        return endsOn == null ? null : endsOn.plusDays(1).minusDays(days).atStartOfDay(zone).toInstant();
    }

    /**
     * Whether the early notice is owed at all: rights granted after the notice day already say when they end.
     */
    public boolean noticeOwed(ZoneId zone, int days) {
        Instant notice = noticeAt(zone, days);
        return notice != null && days > 0 && createdAt.isBefore(notice);
    }

    /** The next moment the rights timer must look at this grant, given the stages already done. */
    public Instant nextCheck(ZoneId zone, int noticeDays, boolean noticeDone) {
        if (status != GrantStatus.ACTIVE || endsOn == null) {
            return null;
        }
        if (!noticeDone && noticeOwed(zone, noticeDays)) {
            return noticeAt(zone, noticeDays);
        }
        return expiresAt(zone);
    }

    public void scheduleCheck(Instant at) {
        this.nextCheckAt = at;
    }

    /** In force on the given District day (started and not ended). */
    public boolean isInForceOn(LocalDate day) {
        return status == GrantStatus.ACTIVE && !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public Long getId() { return id; }
    public DistrictAccount getAccount() { return account; }
    public StaffUser getHolder() { return holder; }
    public String getGrantedBy() { return grantedBy; }
    public String getGrantedByName() { return grantedByName; }
    public String getGrantedAs() { return grantedAs; }
    public String getReason() { return reason; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public String getHolderKey() { return holderKey; }
    public String getOpenEndedReason() { return openEndedReason; }
    public GrantStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndedBy() { return endedBy; }
    public String getEndReason() { return endReason; }
    public Instant getLastReviewedAt() { return lastReviewedAt; }
    public String getLastReviewedBy() { return lastReviewedBy; }
    public Long getFlaggedReviewId() { return flaggedReviewId; }
    public Instant getNextCheckAt() { return nextCheckAt; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AccountGrant other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "grant " + id + " (" + status + ")";
    }
}
