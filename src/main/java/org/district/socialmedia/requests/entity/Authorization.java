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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.settings.entity.AuthorizationTerm;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * What an employee may do after a decision: one platform and account, as proposed or within the
 * reviewer's limits. The policy limits District-related use "to those areas specifically authorized",
 * so this record, not the request, is what others check. Labels and limits are copies, so that the
 * authorization keeps saying what was granted even if a platform is renamed later.
 * Created only by {@link SocialMediaRequest#decide}.
 */
@Entity
@Table(name = "sm_authorization")
@NamedQuery(name = Authorization.FOR_EMPLOYEE,
        query = "SELECT a FROM Authorization a WHERE a.employee.username = :username AND a.status = :status ORDER BY a.grantedAt, a.id")
@NamedQuery(name = Authorization.FOR_REQUEST,
        query = "SELECT a FROM Authorization a WHERE a.request.id = :requestId ORDER BY a.id")
public class Authorization implements Serializable {

    /** Parameters {@code username} and {@code status} ({@link AuthorizationStatus}). */
    public static final String FOR_EMPLOYEE = "Authorization.forEmployee";
    /** Parameter {@code requestId}. */
    public static final String FOR_REQUEST = "Authorization.forRequest";
    // A label is either a platform name or the name typed for "Other": room for the longer of the two.
    public static final int PLATFORM_LABEL_MAX = Platform.NAME_MAX > SocialMediaRequest.OTHER_PLATFORM_MAX
            ? Platform.NAME_MAX : SocialMediaRequest.OTHER_PLATFORM_MAX;
    public static final int ACCOUNT_LABEL_MAX = SocialMediaRequest.ACCOUNT_NAME_MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sm_authorization_seq")
    @SequenceGenerator(name = "sm_authorization_seq", sequenceName = "sm_authorization_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private StaffUser employee;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private SocialMediaRequest request;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "line_id", nullable = false, updatable = false, unique = true)
    @BatchFetch(BatchFetchType.IN)
    private RequestLine line;

    @Column(name = "platform_label", length = PLATFORM_LABEL_MAX, nullable = false, updatable = false)
    private String platformLabel;

    @Column(name = "account_label", length = ACCOUNT_LABEL_MAX, nullable = false, updatable = false)
    private String accountLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 10, nullable = false, updatable = false)
    private LineOutcome outcome;

    @Column(name = "limits", length = SocialMediaRequest.LIMITS_MAX, updatable = false)
    private String limits;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", length = StaffUser.USERNAME_MAX, nullable = false, updatable = false)
    private String grantedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private AuthorizationStatus status;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = StaffUser.USERNAME_MAX)
    private String revokedBy;

    @Size(max = SocialMediaRequest.EXPLANATION_MAX)
    @Column(name = "revocation_reason", length = SocialMediaRequest.EXPLANATION_MAX)
    private String revocationReason;

    /** The last day it allows use; null only for authorizations granted before terms existed. */
    @Column(name = "ends_on")
    private LocalDate endsOn;

    /** When the deadline timer looks at it next (renewal reminder, end); null when nothing is left to do. */
    @Column(name = "next_term_at")
    private Instant nextTermAt;

    /** The request filed to renew it, if any. */
    @Column(name = "renewal_request_id")
    private Long renewalRequestId;

    @Version
    private long version;

    protected Authorization() {
    }

    Authorization(SocialMediaRequest request, RequestLine line, String grantedBy, Instant grantedAt) {
        if (line.getOutcome() == null || !line.getOutcome().grantsUse()) {
            throw new IllegalArgumentException("Only an authorized or amended line grants use, not " + line.getOutcome());
        }
        this.employee = request.getRequester();
        this.request = request;
        this.line = line;
        this.platformLabel = line.platformLabel();
        this.accountLabel = line.accountLabel();
        this.outcome = line.getOutcome();
        // Limits typed for a plain authorization would suggest restrictions that were never granted.
        this.limits = outcome == LineOutcome.AMEND ? line.getLimits() : null;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
        this.status = AuthorizationStatus.ACTIVE;
    }

    /**
     * Ends the authorization, for instance when the employee misuses it or changes jobs.
     *
     * @throws IllegalRequestStateException when it is already revoked
     * @throws InvalidInputException        under "reason" when the reason is missing or too long
     */
    public void revoke(String reason, String byUsername, Instant now) {
        Objects.requireNonNull(now, "now");
        if (status != AuthorizationStatus.ACTIVE) {
            throw new IllegalRequestStateException("Cannot revoke an authorization that is " + status);
        }
        if (Texts.clean(byUsername) == null) {
            throw new IllegalArgumentException("Who revokes must be known");
        }
        String cleaned = Texts.clean(reason);
        if (cleaned == null) {
            throw new InvalidInputException("reason", "Give the reason for revoking this authorization");
        }
        if (cleaned.length() > SocialMediaRequest.EXPLANATION_MAX) {
            throw new InvalidInputException("reason",
                    "A reason has at most " + SocialMediaRequest.EXPLANATION_MAX + " characters");
        }
        this.status = AuthorizationStatus.REVOKED;
        this.nextTermAt = null;
        this.revocationReason = cleaned;
        this.revokedBy = StaffUser.normalizeUsername(byUsername);
        this.revokedAt = now;
    }

    /** The stages of a term, each recorded once ({@link AuthorizationTermEvent}). */
    public enum TermStage { REMINDER, ENDED }

    /**
     * Sets the last day of use, and schedules the renewal reminder (or the end, when the reminder's day
     * has already come).
     *
     * @throws InvalidInputException under "endsOn" when the last day is not after the day of the decision
     */
    public void setTerm(LocalDate lastDay, LocalDate grantedOn, ZoneId zone) {
        Objects.requireNonNull(lastDay, "lastDay");
        if (!lastDay.isAfter(grantedOn)) {
            throw new InvalidInputException("endsOn", "The last day of an authorization comes after the day of the decision ("
                    + grantedOn + "), not " + lastDay);
        }
        this.endsOn = lastDay;
        this.nextTermAt = AuthorizationTerm.remindAt(lastDay, zone).toInstant();
    }

    /** The stage due now, given the stages already recorded; null when none. A missed reminder is not sent once the end came. */
    public TermStage termStageDue(Instant now, ZoneId zone, Set<TermStage> done) {
        if (status != AuthorizationStatus.ACTIVE || endsOn == null) {
            return null;
        }
        if (!now.isBefore(AuthorizationTerm.endsAt(endsOn, zone).toInstant())) {
            return done.contains(TermStage.ENDED) ? null : TermStage.ENDED;
        }
        if (!now.isBefore(AuthorizationTerm.remindAt(endsOn, zone).toInstant()) && !done.contains(TermStage.REMINDER)) {
            return TermStage.REMINDER;
        }
        return null;
    }

    /** After a stage: the next time the timer looks (the end), or never. */
    public void termStageDone(TermStage stage, ZoneId zone) {
        nextTermAt = stage == TermStage.ENDED || endsOn == null ? null : AuthorizationTerm.endsAt(endsOn, zone).toInstant();
    }

    /** Its last day passed: use ends. */
    public void expire() {
        if (status != AuthorizationStatus.ACTIVE) {
            throw new IllegalRequestStateException("Cannot end the term of an authorization that is " + status);
        }
        status = AuthorizationStatus.EXPIRED;
        nextTermAt = null;
    }

    /**
     * Records the request filed to renew it.
     *
     * @throws IllegalRequestStateException when it no longer allows use, or a renewal was filed already
     */
    public void renewedBy(Long requestId) {
        if (status != AuthorizationStatus.ACTIVE) {
            throw new IllegalRequestStateException("Only an active authorization can be renewed; this one is " + status);
        }
        if (renewalRequestId != null) {
            throw new IllegalRequestStateException("A renewal was already requested (request " + renewalRequestId + ")");
        }
        this.renewalRequestId = Objects.requireNonNull(requestId);
    }

    public boolean isActive() {
        return status == AuthorizationStatus.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public StaffUser getEmployee() {
        return employee;
    }

    public SocialMediaRequest getRequest() {
        return request;
    }

    public RequestLine getLine() {
        return line;
    }

    public String getPlatformLabel() {
        return platformLabel;
    }

    public String getAccountLabel() {
        return accountLabel;
    }

    public LineOutcome getOutcome() {
        return outcome;
    }

    public String getLimits() {
        return limits;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public AuthorizationStatus getStatus() {
        return status;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public String getRevocationReason() {
        return revocationReason;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Instant getNextTermAt() {
        return nextTermAt;
    }

    public Long getRenewalRequestId() {
        return renewalRequestId;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Authorization other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return platformLabel + " / " + accountLabel + " (" + outcome + ", " + status + ")";
    }
}
