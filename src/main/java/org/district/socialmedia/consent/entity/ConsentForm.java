package org.district.socialmedia.consent.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.Names;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parent's written authorization (policy, Student Communication 7: no personally identifiable
 * student information, photographs included, "without a written authorization from the students'
 * parents"): which items, on which channels, for which period, signed by whom and when.
 * The signed content never changes; a parent who changes their mind revokes ({@link #revoke}) or signs
 * a new form. Evaluated by {@link ConsentRules}.
 */
@Entity
@Table(name = "consent_form")
// The consent check's one batch query for a class: forms, signers, revocations and channel lists in a few
// IN-queries (EclipseLink batch fetch) instead of one per student. The signer is listed although the rules do
// not read it: with weaving off its LAZY is not honoured, and without the hint each distinct signer is a
// statement of its own (about 50 per class of 35, the largest part of the lookup; docs/performance.md).
@NamedQuery(name = ConsentForm.FOR_STUDENTS,
        query = "SELECT f FROM ConsentForm f WHERE f.student.id IN :studentIds",
        hints = {
                @QueryHint(name = "eclipselink.batch.type", value = "IN"),
                @QueryHint(name = "eclipselink.batch", value = "f.signer"),
                @QueryHint(name = "eclipselink.batch", value = "f.revocations"),
                @QueryHint(name = "eclipselink.batch", value = "f.accountIds"),
                @QueryHint(name = "eclipselink.batch", value = "f.platformIds")})
// The check before posting reads these two instead (ConsentRules.check with a reader of ended forms): the forms
// whose period has not ended on the post's day, then the ended ones only for the students those leave without an
// answer. The index on (student_id, period_end) picks the first set without reading the ended forms' rows.
@NamedQuery(name = ConsentForm.NOT_ENDED_FOR_STUDENTS,
        query = "SELECT f FROM ConsentForm f WHERE f.student.id IN :studentIds AND f.periodEnd >= :day",
        hints = {
                @QueryHint(name = "eclipselink.batch.type", value = "IN"),
                @QueryHint(name = "eclipselink.batch", value = "f.signer"),
                @QueryHint(name = "eclipselink.batch", value = "f.revocations"),
                @QueryHint(name = "eclipselink.batch", value = "f.accountIds"),
                @QueryHint(name = "eclipselink.batch", value = "f.platformIds")})
@NamedQuery(name = ConsentForm.ENDED_FOR_STUDENTS,
        query = "SELECT f FROM ConsentForm f WHERE f.student.id IN :studentIds AND f.periodEnd < :day",
        hints = {
                @QueryHint(name = "eclipselink.batch.type", value = "IN"),
                @QueryHint(name = "eclipselink.batch", value = "f.signer"),
                @QueryHint(name = "eclipselink.batch", value = "f.revocations"),
                @QueryHint(name = "eclipselink.batch", value = "f.accountIds"),
                @QueryHint(name = "eclipselink.batch", value = "f.platformIds")})
@NamedQuery(name = ConsentForm.FOR_STUDENT,
        query = "SELECT f FROM ConsentForm f WHERE f.student.id = :studentId ORDER BY f.signedOn DESC, f.id DESC")
// The expiry timer: served by the (status, period_end) index.
@NamedQuery(name = ConsentForm.ENDED,
        query = "SELECT f FROM ConsentForm f WHERE f.status = :status AND f.periodEnd < :today ORDER BY f.periodEnd, f.id")
public class ConsentForm implements Serializable {

    /** Parameter {@code studentIds}: the students of a post (at most a few hundred). */
    public static final String FOR_STUDENTS = "ConsentForm.forStudents";
    /** Parameters {@code studentIds} and {@code day}: the students' forms whose period ends on or after the day. */
    public static final String NOT_ENDED_FOR_STUDENTS = "ConsentForm.notEndedForStudents";
    /** Parameters {@code studentIds} and {@code day}: the students' forms whose period ended before the day. */
    public static final String ENDED_FOR_STUDENTS = "ConsentForm.endedForStudents";
    public static final String FOR_STUDENT = "ConsentForm.forStudent";
    /** Parameters {@code status} (ACTIVE) and {@code today}: forms whose period is over. */
    public static final String ENDED = "ConsentForm.ended";
    public static final int FORM_VERSION_MAX = 40;
    public static final int NOTES_MAX = 2000;
    /** The District's school year runs from July 1 to June 30 unless the caller says otherwise. */
    public static final MonthDay DEFAULT_SCHOOL_YEAR_START = MonthDay.of(7, 1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_form_seq")
    @SequenceGenerator(name = "consent_form_seq", sequenceName = "consent_form_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false, updatable = false)
    private Student student;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "guardian_id", nullable = false, updatable = false)
    private Guardian signer;

    @Column(name = "signed_on", nullable = false, updatable = false)
    private LocalDate signedOn;

    @Size(max = FORM_VERSION_MAX)
    @Column(name = "form_version", length = FORM_VERSION_MAX, nullable = false, updatable = false)
    private String formVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "received_by", length = 20, nullable = false, updatable = false)
    private ReceivedBy receivedBy;

    @Embedded
    private ConsentScope scope;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10, nullable = false, updatable = false)
    private ConsentChannel channel;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "consent_form_account", joinColumns = @JoinColumn(name = "form_id"))
    @Column(name = "account_id", nullable = false)
    private Set<Long> accountIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "consent_form_platform", joinColumns = @JoinColumn(name = "form_id"))
    @Column(name = "platform_id", nullable = false)
    private Set<Long> platformIds = new HashSet<>();

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Size(max = NOTES_MAX)
    @Column(name = "notes", length = NOTES_MAX)
    private String notes;

    @OneToMany(mappedBy = "form", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("revokedOn, id")
    private List<ConsentRevocation> revocations = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private ConsentStatus status;

    @Column(name = "expired_at")
    private Instant expiredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", length = 64, nullable = false, updatable = false)
    private String recordedBy;

    @Version
    private long version;

    protected ConsentForm() {
    }

    /**
     * Records a signed form.
     *
     * @param schoolYearStart first day of the District's school year, for a form without dates
     * @param today           the District's date now: a form cannot be signed in the future
     * @throws InvalidInputException naming each field at fault
     */
    public ConsentForm(ConsentFormInput input, MonthDay schoolYearStart, LocalDate today, String recordedBy,
                       Instant now) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(now, "now");
        Map<String, String> errors = new LinkedHashMap<>();
        if (input.student() == null) {
            errors.put("student", "Choose the student");
        }
        if (input.signer() == null) {
            errors.put("signer", "Choose the parent or guardian who signed");
        } else if (input.student() != null && !input.student().hasGuardian(input.signer())) {
            errors.put("signer", input.signer().displayName() + " is not listed as a parent or guardian of "
                    + input.student().displayName());
        }
        if (input.signedOn() == null) {
            errors.put("signedOn", "Enter the date the form was signed");
        } else if (input.signedOn().isAfter(today)) {
            errors.put("signedOn", "The signing date cannot be in the future");
        }
        String version = Names.clean(input.formVersion());
        if (version == null) {
            errors.put("formVersion", "Enter the version of the form (printed in its footer)");
        } else if (version.length() > FORM_VERSION_MAX) {
            errors.put("formVersion", "At most " + FORM_VERSION_MAX + " characters");
        }
        if (input.receivedBy() == null) {
            errors.put("receivedBy", "Say how the form was received");
        }
        Set<ConsentItem> items = input.items() == null || input.items().isEmpty()
                ? EnumSet.noneOf(ConsentItem.class) : EnumSet.copyOf(input.items());
        // A form that says no to everything is still a record worth keeping: the parent's answer.
        Set<Long> accounts = input.accountIds() == null ? Set.of() : Set.copyOf(input.accountIds());
        Set<Long> platforms = input.platformIds() == null ? Set.of() : Set.copyOf(input.platformIds());
        if (input.channel() == null) {
            errors.put("channel", "Choose where the consent applies");
        } else if (input.channel() == ConsentChannel.ACCOUNTS && accounts.isEmpty()) {
            errors.put("accountIds", "List the accounts the parent agreed to");
        } else if (input.channel() == ConsentChannel.PLATFORMS && platforms.isEmpty()) {
            errors.put("platformIds", "List the platforms the parent agreed to");
        }
        LocalDate start = input.periodStart();
        LocalDate end = input.periodEnd();
        if (start == null && end == null && input.signedOn() != null) {
            LocalDate[] year = schoolYear(input.signedOn(), schoolYearStart);
            start = year[0];
            end = year[1];
        } else if (start == null || end == null) {
            if (input.signedOn() != null) {
                errors.put(start == null ? "periodStart" : "periodEnd",
                        "Enter both dates of the period, or neither for the school year");
            }
        } else if (end.isBefore(start)) {
            errors.put("periodEnd", "The period cannot end before it starts");
        }
        String cleanNotes = Names.clean(input.notes());
        if (cleanNotes != null && cleanNotes.length() > NOTES_MAX) {
            errors.put("notes", "At most " + NOTES_MAX + " characters");
        }
        if (Names.clean(recordedBy) == null) {
            throw new IllegalArgumentException("Who records the form must be known");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.student = input.student();
        this.signer = input.signer();
        this.signedOn = input.signedOn();
        this.formVersion = version;
        this.receivedBy = input.receivedBy();
        this.scope = ConsentScope.of(items);
        this.channel = input.channel();
        // the lists of the other channels would only confuse a reader later
        this.accountIds = new HashSet<>(channel == ConsentChannel.ACCOUNTS ? accounts : Set.of());
        this.platformIds = new HashSet<>(channel == ConsentChannel.PLATFORMS ? platforms : Set.of());
        this.periodStart = start;
        this.periodEnd = end;
        this.notes = cleanNotes;
        this.status = ConsentStatus.ACTIVE;
        this.recordedBy = recordedBy.strip();
        this.recordedAt = now;
    }

    /** {first day, last day} of the school year that contains {@code day}. */
    public static LocalDate[] schoolYear(LocalDate day, MonthDay firstDay) {
        MonthDay start = firstDay == null ? DEFAULT_SCHOOL_YEAR_START : firstDay;
        LocalDate first = start.atYear(day.getYear());
        if (day.isBefore(first)) {
            first = start.atYear(day.getYear() - 1);
        }
        return new LocalDate[]{first, first.plusYears(1).minusDays(1)};
    }

    /**
     * Records a parent's revocation of some or all items, in effect from {@code revokedOn}. Allowed on
     * an expired form too: what was posted during its period must then come down (takedown tasks).
     *
     * @param items null or empty for everything still consented
     * @throws ConsentStateException when nothing of {@code items} is still consented (revoked twice)
     * @throws InvalidInputException naming the field at fault
     */
    public ConsentRevocation revoke(LocalDate revokedOn, String receivedBy, Set<ConsentItem> items, LocalDate today,
                                    String recordedBy, Instant now) {
        Set<ConsentItem> remaining = itemsAfterRevocations(null);
        if (remaining.isEmpty()) {
            throw new ConsentStateException("Everything on this form is already revoked");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (revokedOn == null) {
            errors.put("revokedOn", "Enter the date the parent revoked");
        } else if (revokedOn.isBefore(signedOn)) {
            errors.put("revokedOn", "A revocation cannot be before the form was signed (" + signedOn + ")");
        } else if (revokedOn.isAfter(today)) {
            errors.put("revokedOn", "The revocation date cannot be in the future");
        }
        String receiver = Names.clean(receivedBy);
        if (receiver == null) {
            errors.put("receivedBy", "Enter who received the revocation");
        } else if (receiver.length() > ConsentRevocation.RECEIVED_BY_MAX) {
            errors.put("receivedBy", "At most " + ConsentRevocation.RECEIVED_BY_MAX + " characters");
        }
        Set<ConsentItem> revoked = items == null || items.isEmpty() ? EnumSet.copyOf(remaining)
                : ConsentItem.withdrawnBy(items);
        revoked.retainAll(remaining);
        if (revoked.isEmpty() && errors.isEmpty()) {
            throw new ConsentStateException("Those items are not (or no longer) consented on this form: " + items);
        }
        if (Names.clean(recordedBy) == null) {
            throw new IllegalArgumentException("Who records the revocation must be known");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ConsentRevocation revocation = new ConsentRevocation(this, revokedOn, receiver, revoked, recordedBy.strip(), now);
        revocations.add(revocation);
        if (itemsAfterRevocations(null).isEmpty()) {
            status = ConsentStatus.REVOKED;
        }
        return revocation;
    }

    /**
     * For the expiry timer: marks the form expired the first time it runs after the period's last
     * day, and never again.
     *
     * @param today the District's date now
     * @return whether this call marked it (false: still in its period, already expired, or all revoked)
     */
    public boolean expireIfEnded(LocalDate today, Instant now) {
        if (status != ConsentStatus.ACTIVE || !today.isAfter(periodEnd)) {
            return false;
        }
        status = ConsentStatus.EXPIRED;
        expiredAt = now;
        return true;
    }

    /** The items consented and not revoked on {@code day}; null for every revocation recorded. */
    public Set<ConsentItem> itemsAfterRevocations(LocalDate day) {
        Set<ConsentItem> items = scope.items();
        for (ConsentRevocation revocation : revocations) {
            if (day == null || revocation.inEffectOn(day)) {
                items.removeAll(revocation.items());
            }
        }
        return items;
    }

    /** Whether {@code day} lies in the period, first and last day included. */
    public boolean coversDay(LocalDate day) {
        return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
    }

    /** Whether the form lets the District post on this account (on this platform). */
    public boolean coversChannel(long accountId, long platformId) {
        return switch (channel) {
            case ALL -> true;
            case ACCOUNTS -> accountIds.contains(accountId);
            case PLATFORMS -> platformIds.contains(platformId);
        };
    }

    public Set<ConsentItem> items() {
        return scope.items();
    }

    public Long getId() {
        return id;
    }

    public Student getStudent() {
        return student;
    }

    public Guardian getSigner() {
        return signer;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public String getFormVersion() {
        return formVersion;
    }

    public ReceivedBy getReceivedBy() {
        return receivedBy;
    }

    public ConsentChannel getChannel() {
        return channel;
    }

    public Set<Long> getAccountIds() {
        return Collections.unmodifiableSet(accountIds);
    }

    public Set<Long> getPlatformIds() {
        return Collections.unmodifiableSet(platformIds);
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public String getNotes() {
        return notes;
    }

    public List<ConsentRevocation> getRevocations() {
        return Collections.unmodifiableList(revocations);
    }

    public ConsentStatus getStatus() {
        return status;
    }

    public Instant getExpiredAt() {
        return expiredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ConsentForm other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Consent " + scope + " " + channel + " " + periodStart + ".." + periodEnd + " (" + status + ")";
    }
}
