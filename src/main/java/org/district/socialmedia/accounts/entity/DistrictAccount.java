package org.district.socialmedia.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A District-related social media account: what it is, who owns it, the District address it is
 * registered with, and the compliance facts the policy asks for (it identifies the District, its
 * privacy settings protect records, it is archived). It is the aggregate root of the administrative
 * rights on it: grants start and end through it, so it always knows how many administrators it has
 * (its version makes two concurrent changes conflict instead of miscounting).
 */
@Entity
@Table(name = "district_account")
public class DistrictAccount implements Serializable {

    public static final String OBJECT_TYPE = "DistrictAccount";
    public static final int HANDLE_MAX = 200;
    public static final int URL_MAX = 500;
    public static final int PURPOSE_MAX = 2000;
    public static final int OTHER_PLATFORM_MAX = 60;
    public static final int EMAIL_MAX = StaffUser.EMAIL_MAX;
    /** The policy wants privacy settings that protect records: the District reviews them at least this often. */
    public static final Duration PRIVACY_REVIEW_VALID = Duration.ofDays(365);
    /** An account with fewer District administrators than this is flagged (nobody left to act if one is away). */
    public static final int MIN_ADMINS = 2;
    /** A new account's first checklist is due this many days after it is registered. */
    public static final int FIRST_CHECKLIST_DAYS = YearlyChecklist.FIRST_DAYS;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "district_account_seq")
    @SequenceGenerator(name = "district_account_seq", sequenceName = "district_account_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "platform_id", nullable = false)
    @BatchFetch(BatchFetchType.IN)
    private Platform platform;

    @Size(max = OTHER_PLATFORM_MAX)
    @Column(name = "other_platform_name", length = OTHER_PLATFORM_MAX)
    private String otherPlatformName;

    @Size(max = HANDLE_MAX)
    @Column(name = "handle", length = HANDLE_MAX, nullable = false)
    private String handle;

    @Column(name = "handle_key", length = HANDLE_MAX, nullable = false)
    private String handleKey;

    @Size(max = URL_MAX)
    @Column(name = "url", length = URL_MAX, nullable = false)
    private String url;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    @BatchFetch(BatchFetchType.IN)
    private OrgUnit unit;

    /** The school's name, lower-cased: the console's order "by school" walks an index on it (V8); a rename updates it (UnitKeys). */
    @Column(name = "unit_key", length = OrgUnit.NAME_MAX, nullable = false)
    private String unitKey;

    @Size(max = PURPOSE_MAX)
    @Column(name = "purpose", length = PURPOSE_MAX, nullable = false)
    private String purpose;

    @Size(max = EMAIL_MAX)
    @Column(name = "registered_email", length = EMAIL_MAX, nullable = false)
    private String registeredEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private AccountStatus status = AccountStatus.ACTIVE;

    @Column(name = "identifies_district", nullable = false)
    private boolean identifiesDistrict;

    @Column(name = "identification_checked_by", length = StaffUser.USERNAME_MAX)
    private String identificationCheckedBy;

    @Column(name = "identification_checked_at")
    private Instant identificationCheckedAt;

    @Column(name = "privacy_reviewed_by", length = StaffUser.USERNAME_MAX)
    private String privacyReviewedBy;

    @Column(name = "privacy_reviewed_at")
    private Instant privacyReviewedAt;

    @Column(name = "archive_covered", nullable = false)
    private boolean archiveCovered;

    @Column(name = "active_admins", nullable = false)
    private int activeAdmins;

    @Column(name = "source_authorization_id", updatable = false)
    private Long sourceAuthorizationId;

    /** Why the account was registered with no authorized operator, who said so and when (null with an operator). */
    @Embedded
    private OperatorException operatorException;

    /** The yearly checklist: its due date, when it becomes overdue, when the timer looks next. */
    @Embedded
    private YearlyChecklist checklist;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = StaffUser.USERNAME_MAX, nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected DistrictAccount() {
    }

    /** What a person types about an account; checked together so every field at fault is named at once. */
    public record Details(Platform platform, String otherPlatformName, String handle, String url, OrgUnit unit,
                          String purpose, String registeredEmail, boolean archiveCovered) implements Serializable {
    }

    /** The longest reason for registering an account with no authorized operator. */
    public static final int OPERATOR_EXCEPTION_MAX = OperatorException.MAX;
    /** A reason shorter than this says nothing a later reader can check. */
    public static final int OPERATOR_EXCEPTION_MIN = OperatorException.MIN;

    /**
     * The registration rule: an account has an authorized operator from the start, or the exception
     * (why not yet) is written down. Checked before anything is stored.
     *
     * @return the cleaned reason, or null when an operator is named
     * @throws InvalidInputException under "operatorException" when neither is given, or the reason is too
     *                               short or too long
     */
    public static String operatorOrException(Long authorizationId, String exceptionReason) {
        return OperatorException.operatorOrException(authorizationId, exceptionReason);
    }

    /** Records the exception {@link #operatorOrException} accepted, with who and when. */
    public void recordOperatorException(String reason, String byUsername, Instant now) {
        this.operatorException = new OperatorException(reason, byUsername, now);
    }

    public DistrictAccount(Details details, DistrictSettings settings, String createdBy, Instant now,
                           Long sourceAuthorizationId) {
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.sourceAuthorizationId = sourceAuthorizationId;
        apply(details, settings);
        this.checklist = YearlyChecklist.first(now, settings.timeZone());
    }

    /** What the person signing off an account's yearly checklist confirms; the administrators are counted, not ticked. */
    public record Checklist(boolean identifiesDistrict, List<String> privacyItemsConfirmed, boolean recoveryIsDistrict)
            implements Serializable {

        public Checklist {
            privacyItemsConfirmed = privacyItemsConfirmed == null ? List.of() : List.copyOf(privacyItemsConfirmed);
        }
    }

    /**
     * Signs off the yearly checklist: every item holds, the account has at least {@link #MIN_ADMINS} District
     * administrators, and a screenshot was checked. Records the identification and privacy checks with who and
     * when, and sets the next due date a year after today.
     *
     * @param privacyItems the platform's checklist as it reads now
     * @return the sign-off to persist (the caller stores the screenshot's bytes with it)
     * @throws InvalidInputException naming every item at fault; nothing changes
     */
    public AccountAttestation signOffChecklist(Checklist checklist, List<String> privacyItems,
                                              AccountAttestation.EvidenceFacts evidence, String byUsername, Instant now, ZoneId zone) {
        if (status == AccountStatus.ARCHIVED) {
            throw new InvalidInputException("account", "This account is archived: it needs no checklist until it is reinstated");
        }
        Map<String, String> errors = YearlyChecklist.problems(checklist, privacyItems, activeAdmins, MIN_ADMINS, evidence != null);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String by = StaffUser.normalizeUsername(Objects.requireNonNull(byUsername, "byUsername"));
        LocalDate nextDue = YearlyChecklist.nextDueAfter(now, zone);
        AccountAttestation signed = new AccountAttestation(id, this.checklist.getDueOn(), nextDue, now, by, privacyItems, activeAdmins, evidence);
        recordIdentificationCheck(true, by, now);
        recordPrivacyReview(by, now);
        this.checklist.signedOff(nextDue, zone, now);
        return signed;
    }

    /** A checklist is signed off once a year. */
    public static final Period CHECKLIST_TERM = YearlyChecklist.TERM;

    /** Where the timer's last look left the checklist: when to look next (null: nothing to send before a sign-off). */
    public void scheduleChecklistCheck(Instant nextCheckAt, ZoneId zone) {
        checklist.scheduleCheck(nextCheckAt, zone);
    }

    /** Whether the yearly checklist is past its due date. */
    public boolean isChecklistOverdue(Instant now) {
        return checklist.isOverdue(now);
    }

    /**
     * Changes the account's description.
     *
     * @return the changed fields as "field: old -> new" for the account's history (empty when nothing changed)
     */
    public Map<String, String> update(Details details, DistrictSettings settings) {
        Map<String, String> before = snapshot();
        apply(details, settings);
        Map<String, String> after = snapshot();
        Map<String, String> changes = new LinkedHashMap<>();
        before.forEach((field, old) -> {
            if (!Objects.equals(old, after.get(field))) {
                changes.put(field, "\"" + old + "\" -> \"" + after.get(field) + "\"");
            }
        });
        return changes;
    }

    private void apply(Details d, DistrictSettings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d == null) {
            throw new InvalidInputException("handle", "Describe the account");
        }
        if (d.platform() == null) {
            errors.put("platformId", "Choose the platform");
        }
        String other = clean(d.otherPlatformName());
        if (d.platform() != null && d.platform().isOtherNameRequired()) {
            if (other == null) {
                errors.put("otherPlatformName", "Name the platform");
            } else if (other.length() > OTHER_PLATFORM_MAX) {
                errors.put("otherPlatformName", "A platform name has at most " + OTHER_PLATFORM_MAX + " characters");
            }
        } else {
            other = null;
        }
        String cleanHandle = clean(d.handle());
        if (cleanHandle == null) {
            errors.put("handle", "Enter the account's handle or name as it appears on the platform");
        } else if (cleanHandle.length() > HANDLE_MAX) {
            errors.put("handle", "A handle has at most " + HANDLE_MAX + " characters");
        } else if (CONTROL.matcher(cleanHandle).find()) {
            errors.put("handle", "A handle cannot contain line breaks or control characters");
        }
        String cleanUrl = clean(d.url());
        if (cleanUrl == null) {
            errors.put("url", "Enter the account's web address");
        } else if (cleanUrl.length() > URL_MAX) {
            errors.put("url", "A web address has at most " + URL_MAX + " characters");
        } else if (!isWebAddress(cleanUrl)) {
            errors.put("url", "Enter a full web address starting with https:// (or http://)");
        }
        if (d.unit() == null) {
            errors.put("unitId", "Choose the school or department that owns the account");
        }
        String cleanPurpose = clean(d.purpose());
        if (cleanPurpose == null) {
            errors.put("purpose", "Describe the account's purpose");
        } else if (cleanPurpose.length() > PURPOSE_MAX) {
            errors.put("purpose", "A purpose has at most " + PURPOSE_MAX + " characters");
        }
        String email = d.registeredEmail() == null ? null : StaffUser.normalizeEmail(d.registeredEmail());
        if (email == null || email.isEmpty()) {
            errors.put("registeredEmail", "Enter the District email address the account is registered with");
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            errors.put("registeredEmail", "Enter a valid email address");
        } else if (!settings.isDistrictEmail(email)) {
            errors.put("registeredEmail", settings.personalEmailRefusal(email));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.platform = d.platform();
        this.otherPlatformName = other;
        this.handle = cleanHandle;
        this.handleKey = handleKey(cleanHandle);
        this.url = cleanUrl;
        this.unit = d.unit();
        this.unitKey = unitKey(d.unit());
        this.purpose = cleanPurpose;
        this.registeredEmail = email;
        this.archiveCovered = d.archiveCovered();
    }

    public static String unitKey(OrgUnit unit) {
        return unitKey(unit.getName());
    }

    public static String unitKey(String unitName) {
        return unitName.toLowerCase(Locale.ROOT);
    }

    /** The key that makes "@Lincoln_HS" and "@lincoln_hs" the same account. */
    public static String handleKey(String handle) {
        return handle == null ? null : handle.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    /** @return the change for the history, or null when the status is the same */
    public String changeStatus(AccountStatus newStatus) {
        if (newStatus == null) {
            throw new InvalidInputException("status", "Choose a status: ACTIVE, SUSPENDED or ARCHIVED");
        }
        if (newStatus == status) {
            return null;
        }
        String change = "status: \"" + status + "\" -> \"" + newStatus + "\"";
        status = newStatus;
        return change;
    }

    /** Someone looked at the account on the platform and says whether its name or bio identifies the District. */
    public void recordIdentificationCheck(boolean identifies, String byUsername, Instant now) {
        this.identifiesDistrict = identifies;
        this.identificationCheckedBy = StaffUser.normalizeUsername(Objects.requireNonNull(byUsername));
        this.identificationCheckedAt = Objects.requireNonNull(now);
    }

    /** Someone reviewed the account's privacy settings on the platform. */
    public void recordPrivacyReview(String byUsername, Instant now) {
        this.privacyReviewedBy = StaffUser.normalizeUsername(Objects.requireNonNull(byUsername));
        this.privacyReviewedAt = Objects.requireNonNull(now);
    }

    /**
     * Grants administrative rights on this account.
     *
     * @param today the District's today (in its time zone): a grant cannot start or end in the past
     * @param defaultEnd the end of the school year, used when no end date is given and no open-ended reason
     * @throws InvalidInputException naming each field at fault
     */
    public AccountGrant grant(StaffUser holder, Granter granter, String reason, LocalDate startsOn, LocalDate endsOn,
                              String openEndedReason, LocalDate today, LocalDate defaultEnd, Instant now) {
        if (status == AccountStatus.ARCHIVED) {
            throw new InvalidInputException("account", "This account is archived: reinstate it before granting rights on it");
        }
        AccountGrant grant = new AccountGrant(this, holder, granter, reason, startsOn, endsOn, openEndedReason, today,
                defaultEnd, now);
        activeAdmins++;
        return grant;
    }

    /** Ends a grant of this account (revoked, expired, lapsed, holder deactivated). */
    public void endGrant(AccountGrant grant, GrantStatus how, String reason, String byUsername, Instant now) {
        if (grant.getAccount() != this && (id == null || !id.equals(grant.getAccount().getId()))) {
            throw new IllegalArgumentException("Grant " + grant.getId() + " is not on account " + id);
        }
        grant.end(how, reason, byUsername, now);
        activeAdmins = Math.max(0, activeAdmins - 1);
    }

    /** The checks this account fails now; archived accounts are no longer in use and fail none. */
    public Set<ComplianceIssue> complianceIssues(Instant now, long activeOperators) {
        Set<ComplianceIssue> issues = EnumSet.noneOf(ComplianceIssue.class);
        if (status == AccountStatus.ARCHIVED) {
            return issues;
        }
        if (!identifiesDistrict || identificationCheckedAt == null) {
            issues.add(ComplianceIssue.IDENTIFICATION_NOT_CONFIRMED);
        }
        if (privacyReviewedAt == null || privacyReviewedAt.isBefore(now.minus(PRIVACY_REVIEW_VALID))) {
            issues.add(ComplianceIssue.PRIVACY_REVIEW_OUTDATED);
        }
        if (activeAdmins < MIN_ADMINS) {
            issues.add(ComplianceIssue.FEWER_THAN_TWO_ADMINS);
        }
        if (activeOperators == 0) {
            issues.add(ComplianceIssue.NO_ACTIVE_OPERATOR);
        }
        if (isChecklistOverdue(now)) {
            issues.add(ComplianceIssue.CHECKLIST_OVERDUE);
        }
        return issues;
    }

    /**
     * Links an employee's authorization (from a request decision) to this account as an operator.
     *
     * @throws InvalidInputException when the authorization is not active
     */
    public AccountOperator addOperator(Authorization authorization, String byUsername, Instant now) {
        if (authorization == null || !authorization.isActive()) {
            throw new InvalidInputException("authorizationId", "Only an active authorization from a request decision can be linked");
        }
        return new AccountOperator(this, authorization, byUsername, now);
    }

    /** Whether a holder of {@code role} may be granted rights: the policy names administrators and supervisors. */
    public static boolean mayHoldRights(StaffUser user) {
        return user != null && user.isActive() && user.hasRole(Role.SITE_ADMIN);
    }

    /** What the public directory shows of an account; the school by id, since its name comes with it. */
    public record Listing(String platform, String handle, String url, Long unitId) implements Serializable {
    }

    /**
     * What the public directory shows of this account, or null when it is not listed (not active).
     * A change that leaves it equal changes nothing the public sees: the purpose, the email, checks, rights.
     */
    public Listing listing() {
        return status == AccountStatus.ACTIVE ? new Listing(platformLabel(), handle, url, unit.getId()) : null;
    }

    /** The name shown to the public: the platform, or the name typed for "Other". */
    public String platformLabel() {
        return platformLabel(otherPlatformName, platform.getName());
    }

    /** The same from the columns, for queries that read them without the entity. */
    public static String platformLabel(String otherPlatformName, String platformName) {
        return otherPlatformName != null ? otherPlatformName : platformName;
    }

    private Map<String, String> snapshot() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("platform", platform == null ? null : platformLabel());
        s.put("handle", handle);
        s.put("url", url);
        s.put("unit", unit == null ? null : unit.getCode());
        s.put("purpose", purpose);
        s.put("registeredEmail", registeredEmail);
        s.put("archiveCovered", String.valueOf(archiveCovered));
        return s;
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public Long getId() { return id; }
    public Platform getPlatform() { return platform; }
    public String getOtherPlatformName() { return otherPlatformName; }
    public String getHandle() { return handle; }
    public String getUrl() { return url; }
    public OrgUnit getUnit() { return unit; }
    public String getPurpose() { return purpose; }
    public String getRegisteredEmail() { return registeredEmail; }
    public AccountStatus getStatus() { return status; }
    public boolean isIdentifiesDistrict() { return identifiesDistrict; }
    public String getIdentificationCheckedBy() { return identificationCheckedBy; }
    public Instant getIdentificationCheckedAt() { return identificationCheckedAt; }
    public String getPrivacyReviewedBy() { return privacyReviewedBy; }
    public Instant getPrivacyReviewedAt() { return privacyReviewedAt; }
    public boolean isArchiveCovered() { return archiveCovered; }
    public int getActiveAdmins() { return activeAdmins; }
    public Long getSourceAuthorizationId() { return sourceAuthorizationId; }
    public String getOperatorExceptionReason() { return operatorException == null ? null : operatorException.getReason(); }
    public String getOperatorExceptionBy() { return operatorException == null ? null : operatorException.getBy(); }
    public Instant getOperatorExceptionAt() { return operatorException == null ? null : operatorException.getAt(); }
    public YearlyChecklist getChecklist() { return checklist; }
    public LocalDate getAttestationDueOn() { return checklist.getDueOn(); }
    public Instant getAttestationOverdueAt() { return checklist.getOverdueAt(); }
    public Instant getAttestationNextCheckAt() { return checklist.getNextCheckAt(); }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DistrictAccount other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return platform == null ? handle : platformLabel() + " " + handle;
    }
}
