package org.district.socialmedia.requests.entity;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.settings.entity.DeadlineCalculator;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An employee's written request for District-related social media use and the Superintendent's
 * written response (Board policy "Employee and District Social Media Use"). The request guards the
 * review's rules itself, so that no page, API call or batch job can skip a step:
 * <pre>
 * DRAFT --submit--> SUBMITTED --requestInformation--> INFO_REQUESTED --answerInformationRequest--> SUBMITTED
 *                   SUBMITTED --markOverdue (deadline passed)--> OVERDUE
 *                   SUBMITTED | OVERDUE --decide--> DECIDED
 *                   OVERDUE --requestInformation--> INFO_REQUESTED
 * DRAFT | SUBMITTED | INFO_REQUESTED | OVERDUE --withdraw--> WITHDRAWN
 * </pre>
 * Anything else throws {@link IllegalRequestStateException}. Instants (now, deadlines) are passed in
 * by the caller: the entity never reads a clock, and the deadline rules live in
 * {@link DeadlineCalculator}.
 */
@Entity
@Table(name = "sm_request")
@NamedQuery(name = SocialMediaRequest.BY_REQUESTER,
        query = "SELECT r FROM SocialMediaRequest r WHERE r.requester.username = :username ORDER BY r.createdAt DESC, r.id DESC")
@NamedQuery(name = SocialMediaRequest.IN_STATUSES_BY_DEADLINE,
        query = "SELECT r FROM SocialMediaRequest r WHERE r.status IN :statuses ORDER BY r.deadline, r.id")
@NamedQuery(name = SocialMediaRequest.DEADLINE_PASSED,
        query = "SELECT r FROM SocialMediaRequest r WHERE r.status = :status AND r.deadline <= :now ORDER BY r.deadline, r.id")
public class SocialMediaRequest implements Serializable {

    /** The object type of a request's entries in the audit log. */
    public static final String AUDIT_TYPE = "SocialMediaRequest";

    /** The queue key of a request waiting for the employee's answer: after every running clock. */
    public static final Instant QUEUE_WAITING = Instant.parse("9999-12-30T00:00:00Z");
    /** The queue key of a request outside the queue (draft, decided, withdrawn): after everything queued. */
    public static final Instant QUEUE_CLOSED = Instant.parse("9999-12-31T00:00:00Z");

    /** Parameter {@code username}: "my requests", newest first. */
    public static final String BY_REQUESTER = "SocialMediaRequest.byRequester";
    /** Parameter {@code statuses}: the reviewer's queue (SUBMITTED and OVERDUE), soonest deadline first. */
    public static final String IN_STATUSES_BY_DEADLINE = "SocialMediaRequest.inStatusesByDeadline";
    /** Parameters {@code status} (SUBMITTED) and {@code now}: the escalation sweep's candidates. */
    public static final String DEADLINE_PASSED = "SocialMediaRequest.deadlinePassed";

    public static final int MAX_LINES = 20;
    public static final int OBJECTIVES_MAX = 4000;
    /** Objectives are at least a short sentence: "Post the game schedule for parents" is 34 characters. */
    public static final int OBJECTIVES_MIN = 20;
    /** An explanation the employee can act on is a sentence too, not a word. */
    public static final int EXPLANATION_MIN = 20;
    public static final int LIMITS_MAX = 2000;
    public static final int EXPLANATION_MAX = 2000;
    public static final int QUESTION_MAX = 4000;
    public static final int ANSWER_MAX = 4000;
    public static final int ACCOUNT_NAME_MAX = 200;
    public static final int EMAIL_MAX = StaffUser.EMAIL_MAX;
    public static final int OTHER_PLATFORM_MAX = 60;
    public static final int POLICY_VERSION_MAX = 60;
    public static final int ROLE_TITLE_MAX = 100;
    public static final int DECISION_NOTE_MAX = 4000;

    /** Quoted when a rejection or modification comes without an explanation. */
    public static final String EXPLANATION_RULE = "Board policy, \"Authorized District-Related Social Media Use\", item 4: "
            + "\"The Superintendent's written response shall provide a brief explanation for any denial of "
            + "or modification to a proposal.\"";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sm_request_seq")
    @SequenceGenerator(name = "sm_request_seq", sequenceName = "sm_request_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requester_id", nullable = false, updatable = false)
    @BatchFetch(BatchFetchType.IN)
    private StaffUser requester;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private RequestStatus status;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RequestLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("number")
    private List<ReviewCycle> cycles = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** The running cycle's deadline; null while nobody's clock runs (draft, information requested, ended). */
    @Column(name = "deadline")
    private Instant deadline;

    /**
     * The request's place in the reviewer's queue, never null so that one index (queue_key, id) serves
     * the queue's order and paging on H2 and PostgreSQL: the deadline while a review clock runs, then
     * {@link #QUEUE_WAITING} while the employee is asked for information, {@link #QUEUE_CLOSED} outside
     * the queue. Kept by {@link #moveTo}, the one place a status changes.
     */
    @Column(name = "queue_key", nullable = false)
    private Instant queueKey;

    @Column(name = "review_cycle", nullable = false)
    private int reviewCycle;

    @Size(max = POLICY_VERSION_MAX)
    @Column(name = "acknowledged_policy_version", length = POLICY_VERSION_MAX)
    private String acknowledgedPolicyVersion;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 40)
    private RequestOutcome outcome;

    @Column(name = "decided_by_username", length = StaffUser.USERNAME_MAX)
    private String decidedByUsername;

    @Column(name = "decided_by_name", length = StaffUser.NAME_MAX)
    private String decidedByName;

    @Column(name = "decided_by_role", length = ROLE_TITLE_MAX)
    private String decidedByRole;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Size(max = DECISION_NOTE_MAX)
    @Column(name = "decision_note", length = DECISION_NOTE_MAX)
    private String decisionNote;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /** When the request most recently became overdue; kept as history after it moves on. */
    @Column(name = "overdue_at")
    private Instant overdueAt;

    /** The escalation rules in force at submission: they apply to this request whatever changes later. */
    @Column(name = "reminders_before", length = 200)
    private String remindersBefore;

    @Column(name = "overdue_repeat", length = 40)
    private String overdueRepeat;

    /** When the deadline sweep should look at this request next (indexed); null when nothing is pending. */
    @Column(name = "next_escalation_at")
    private Instant nextEscalationAt;

    // Every transition changes the status, so two reviewers acting at once collide here: one wins.
    @Version
    private long version;

    protected SocialMediaRequest() {
    }

    public SocialMediaRequest(StaffUser requester, Instant createdAt) {
        this.requester = Objects.requireNonNull(requester, "requester");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        moveTo(RequestStatus.DRAFT);
    }

    // ---------------------------------------------------------------- the employee's lines

    /**
     * Replaces what the employee asks for. Lines keep their identity by position (the first draft
     * updates the first line, and so on), so ids stay stable across edits and no row is deleted and
     * inserted again under the same position. Incomplete lines are accepted, as a draft may be saved
     * half-written; only limits that the database could not store are refused here.
     *
     * @throws IllegalRequestStateException outside DRAFT and INFO_REQUESTED
     * @throws InvalidInputException        for more than {@link #MAX_LINES} lines, a line without a
     *                                      platform, or text longer than its limit
     */
    public void replaceLines(List<LineDraft> drafts) {
        requireStatus("change the platforms of", RequestStatus.DRAFT, RequestStatus.INFO_REQUESTED);
        List<LineDraft> incoming = drafts == null ? List.of() : List.copyOf(drafts);
        Map<String, String> errors = lineErrors(incoming, null, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (int i = 0; i < incoming.size(); i++) {
            if (i < lines.size()) {
                lines.get(i).apply(incoming.get(i));
            } else {
                lines.add(new RequestLine(this, i, incoming.get(i)));
            }
        }
        while (lines.size() > incoming.size()) {
            lines.remove(lines.size() - 1);
        }
    }

    /**
     * Everything that would stop this request from being submitted, by field ("lines",
     * "lines[0].objectives", ...). Empty when it may be submitted. The District email rule needs the
     * District's domains, hence the settings; {@link #submit} and {@link #answerInformationRequest}
     * check all other rules themselves, so the service must call this before both.
     */
    public Map<String, String> validateForSubmission(DistrictSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return lineErrors(drafts(), settings, true);
    }

    /** What {@link #validateForSubmission} would report for these lines, before any request holds them. */
    public static Map<String, String> submissionErrors(List<LineDraft> drafts, DistrictSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return lineErrors(drafts == null ? List.of() : drafts, settings, true);
    }

    /** What {@link #replaceLines} would refuse in these lines (a draft may be incomplete, not unstorable). */
    public static Map<String, String> draftErrors(List<LineDraft> drafts) {
        return lineErrors(drafts == null ? List.of() : drafts, null, false);
    }

    /** What {@link #answerInformationRequest} would refuse in this answer, under "answer". */
    public static Map<String, String> answerErrors(String answer) {
        String cleaned = Texts.clean(answer);
        if (cleaned == null) {
            return Map.of("answer", "Enter your answer to the reviewer's question");
        }
        if (cleaned.length() > ANSWER_MAX) {
            return Map.of("answer", "An answer has at most " + ANSWER_MAX + " characters");
        }
        return Map.of();
    }

    // ---------------------------------------------------------------- transitions

    /**
     * Sends the request to the Superintendent and starts the first review period.
     *
     * @param deadline      the end of the review period, computed by the caller from the settings
     * @param policyVersion the version of the policy the employee acknowledged when submitting
     * @throws InvalidInputException when the lines are incomplete (District email domains excepted:
     *                               see {@link #validateForSubmission})
     */
    public void submit(Instant now, Instant deadline, String policyVersion) {
        requireStatus("submit", RequestStatus.DRAFT);
        requireAfter(now, deadline);
        String version = Texts.clean(policyVersion);
        if (version == null || version.length() > POLICY_VERSION_MAX) {
            throw new IllegalArgumentException("The acknowledged policy version must be 1 to "
                    + POLICY_VERSION_MAX + " characters: '" + policyVersion + "'");
        }
        requireCompleteLines();
        this.submittedAt = now;
        this.acknowledgedPolicyVersion = version;
        this.acknowledgedAt = now;
        startCycle(now, deadline);
    }

    /**
     * The policy's response c: the reviewer asks the employee for more. The clock stops: the current
     * cycle ends, and the answer will start a new, full review period.
     *
     * @throws InvalidInputException under "question" when it is missing or too long, or under
     *                               "reviewer" when the reviewer is the requester
     */
    public void requestInformation(String question, String byUsername, Instant now) {
        requireStatus("request information on", RequestStatus.SUBMITTED, RequestStatus.OVERDUE);
        Objects.requireNonNull(now, "now");
        if (Texts.clean(byUsername) == null) {
            throw new IllegalArgumentException("Who asks must be known");
        }
        // A reviewer asking about their own request could stop its clock indefinitely.
        if (isOwnedBy(byUsername)) {
            throw new InvalidInputException("reviewer", "Nobody may review their own request");
        }
        String cleaned = Texts.clean(question);
        if (cleaned == null) {
            throw new InvalidInputException("question", "Enter the information you need from the employee");
        }
        if (cleaned.length() > QUESTION_MAX) {
            throw new InvalidInputException("question", "A question has at most " + QUESTION_MAX + " characters");
        }
        currentCycle().ask(cleaned, StaffUser.normalizeUsername(byUsername), now);
        this.deadline = null;
        this.nextEscalationAt = null;
        moveTo(RequestStatus.INFO_REQUESTED);
    }

    /**
     * The employee answers (after editing the lines, perhaps) and the review starts over with a full
     * review period, since the reviewer must be able to weigh the new information.
     *
     * @param newDeadline the end of the new review period, counted from {@code now}
     * @throws InvalidInputException under "answer", or for incomplete lines
     */
    public void answerInformationRequest(String answer, Instant now, Instant newDeadline) {
        requireStatus("answer an information request on", RequestStatus.INFO_REQUESTED);
        requireAfter(now, newDeadline);
        Map<String, String> answerErrors = answerErrors(answer);
        if (!answerErrors.isEmpty()) {
            throw new InvalidInputException(answerErrors);
        }
        String cleaned = Texts.clean(answer);
        requireCompleteLines();
        currentCycle().answer(cleaned, now);
        startCycle(now, newDeadline);
    }

    /**
     * The review period ran out without a response: flags the request for escalation. The request still
     * waits for a written response; an overdue request is never an authorization.
     *
     * @throws IllegalRequestStateException outside SUBMITTED, or before the deadline
     */
    public void markOverdue(Instant now) {
        requireStatus("mark overdue", RequestStatus.SUBMITTED);
        Objects.requireNonNull(now, "now");
        if (now.isBefore(deadline)) {
            throw new IllegalRequestStateException("Cannot mark overdue a request whose deadline " + deadline
                    + " has not passed at " + now);
        }
        this.overdueAt = now;
        currentCycle().markOverdue(now);
        moveTo(RequestStatus.OVERDUE);
    }

    /** {@link #decide(Map, Decider, String, Instant)} without a general note. */
    public List<Authorization> decide(Map<Long, LineDecision> decisions, Decider decider, Instant now) {
        return decide(decisions, decider, null, now);
    }

    /**
     * The Superintendent's written response: one decision per line, keyed by line id.
     *
     * @param decisionNote an optional general note for the whole response
     * @return the new authorizations (one per authorized or amended line), for the caller to persist:
     *         the request does not cascade to them, as they outlive it in their own lifecycle
     * @throws InvalidInputException under "decider" for a decision on one's own request; under
     *                               "lines[i].outcome", "lines[i].explanation", "lines[i].limits",
     *                               "decisions" or "decisionNote" for incomplete or contradictory decisions
     */
    public List<Authorization> decide(Map<Long, LineDecision> decisions, Decider decider, String decisionNote,
                                      Instant now) {
        requireStatus("decide", RequestStatus.SUBMITTED, RequestStatus.OVERDUE);
        Objects.requireNonNull(now, "now");
        requireValid(decider);
        if (isOwnedBy(decider.username())) {
            throw new InvalidInputException("decider", "Nobody may decide their own request");
        }
        Map<Long, LineDecision> byId = decisions == null ? Map.of() : decisions;
        String note = Texts.clean(decisionNote);
        Map<String, String> errors = decisionErrors(byId, note);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        List<LineOutcome> outcomes = new ArrayList<>();
        for (RequestLine line : lines) {
            line.record(byId.get(line.getId()));
            outcomes.add(line.getOutcome());
        }
        this.outcome = RequestOutcome.derive(outcomes);
        this.decidedByUsername = StaffUser.normalizeUsername(decider.username());
        this.decidedByName = decider.fullName().strip();
        this.decidedByRole = decider.roleTitle().strip();
        this.decidedAt = now;
        this.decisionNote = note;
        currentCycle().end(CycleEnd.DECIDED, now);
        this.deadline = null;
        this.nextEscalationAt = null;
        moveTo(RequestStatus.DECIDED);

        List<Authorization> granted = new ArrayList<>();
        for (RequestLine line : lines) {
            if (line.getOutcome().grantsUse()) {
                granted.add(new Authorization(this, line, decidedByUsername, now));
            }
        }
        return granted;
    }

    /** The employee takes the request back, before or during review. Final. */
    public void withdraw(Instant now) {
        requireStatus("withdraw", RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.INFO_REQUESTED,
                RequestStatus.OVERDUE);
        Objects.requireNonNull(now, "now");
        ReviewCycle current = currentCycle();
        if (current != null && current.isRunning()) {
            current.end(CycleEnd.WITHDRAWN, now);
        }
        this.withdrawnAt = now;
        this.deadline = null;
        this.nextEscalationAt = null;
        moveTo(RequestStatus.WITHDRAWN);
    }

    // ---------------------------------------------------------------- queries

    /** Whether the staff member with this username filed the request. */
    public boolean isOwnedBy(String username) {
        String normalized = StaffUser.normalizeUsername(username);
        return normalized != null && normalized.equals(requester.getUsername());
    }

    /** The latest review cycle (running or ended), or null for a request never submitted. */
    public ReviewCycle currentCycle() {
        return cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    }

    // ---------------------------------------------------------------- rules

    private void requireStatus(String action, RequestStatus... allowed) {
        for (RequestStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalRequestStateException("Cannot " + action + " a request that is " + status);
    }

    // Deadlines come from the settings; one not after "now" would make the request overdue at once.
    private static void requireAfter(Instant now, Instant deadline) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(deadline, "deadline");
        if (!deadline.isAfter(now)) {
            throw new IllegalArgumentException("The deadline " + deadline + " must be after " + now);
        }
    }

    private void startCycle(Instant now, Instant cycleDeadline) {
        reviewCycle++;
        cycles.add(new ReviewCycle(this, reviewCycle, now, cycleDeadline));
        this.deadline = cycleDeadline;
        moveTo(RequestStatus.SUBMITTED);
    }

    // after the deadline is set: the queue key follows both
    private void moveTo(RequestStatus next) {
        this.status = next;
        this.queueKey = queueKey(next, deadline);
    }

    /** A request's place in the reviewer's queue (also for tools that write rows directly). */
    public static Instant queueKey(RequestStatus status, Instant deadline) {
        return switch (status) {
            case SUBMITTED, OVERDUE -> Objects.requireNonNull(deadline, "a running review has a deadline");
            case INFO_REQUESTED -> QUEUE_WAITING;
            case DRAFT, DECIDED, WITHDRAWN -> QUEUE_CLOSED;
        };
    }

    private void requireCompleteLines() {
        Map<String, String> errors = lineErrors(drafts(), null, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private List<LineDraft> drafts() {
        return lines.stream().map(RequestLine::toDraft).toList();
    }

    private static void requireValid(Decider decider) {
        Objects.requireNonNull(decider, "decider");
        requireText("decider username", decider.username(), StaffUser.USERNAME_MAX);
        requireText("decider name", decider.fullName(), StaffUser.NAME_MAX);
        requireText("decider role title", decider.roleTitle(), ROLE_TITLE_MAX);
    }

    // For values the application supplies (not the user): a violation is a programming error.
    private static void requireText(String what, String value, int max) {
        String cleaned = Texts.clean(value);
        if (cleaned == null || cleaned.length() > max) {
            throw new IllegalArgumentException("The " + what + " must be 1 to " + max + " characters: '" + value + "'");
        }
    }

    /**
     * The line rules. {@code complete} adds what submission requires; a non-null {@code settings} adds
     * the District email rule. Limits are always checked because the columns could not hold more.
     */
    static Map<String, String> lineErrors(List<LineDraft> drafts, DistrictSettings settings, boolean complete) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (complete && drafts.isEmpty()) {
            errors.put("lines", "Add at least one platform, with the job-related objectives for using it");
        }
        if (drafts.size() > MAX_LINES) {
            errors.put("lines", "A request has at most " + MAX_LINES + " platforms; file another request for more");
        }
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft line = drafts.get(i);
            String key = "lines[" + i + "].";
            if (line == null) {
                errors.put(key + "platform", "Choose a platform");
                continue;
            }
            Platform platform = line.platform();
            if (platform == null) {
                errors.put(key + "platform", "Choose a platform");
            } else if (complete && !platform.isActive()) {
                errors.put(key + "platform", platform.getName() + " is no longer offered; choose another platform");
            }
            if (Texts.longerThan(line.otherPlatformName(), OTHER_PLATFORM_MAX)) {
                errors.put(key + "otherPlatformName",
                        "A platform name has at most " + OTHER_PLATFORM_MAX + " characters");
            } else if (complete && platform != null && platform.isOtherNameRequired() && line.otherPlatformName() == null) {
                errors.put(key + "otherPlatformName", "Name the platform");
            }
            if (Texts.longerThan(line.objectives(), OBJECTIVES_MAX)) {
                errors.put(key + "objectives", "Objectives have at most " + OBJECTIVES_MAX + " characters");
            } else if (complete && line.objectives() == null) {
                errors.put(key + "objectives", "Describe the job-related objectives for using this platform");
            } else if (complete && line.objectives().length() < OBJECTIVES_MIN) {
                errors.put(key + "objectives", "Describe the job-related objectives in a sentence (at least "
                        + OBJECTIVES_MIN + " characters): what you will use this platform for, and for whom");
            }
            if (complete && line.audiences().isEmpty()) {
                errors.put(key + "audience", "Choose at least one audience");
            }
            if (Texts.longerThan(line.newAccountName(), ACCOUNT_NAME_MAX)) {
                errors.put(key + "account", "An account name has at most " + ACCOUNT_NAME_MAX + " characters");
            } else if (complete && line.existingAccountId() != null && line.newAccountName() != null) {
                errors.put(key + "account", "Choose an existing District account or name a new one, not both");
            } else if (complete && line.existingAccountId() == null && line.newAccountName() == null) {
                errors.put(key + "account", "Choose an existing District account or name a new one");
            }
            String email = line.districtEmail();
            if (Texts.longerThan(email, EMAIL_MAX)) {
                errors.put(key + "districtEmail", "An email address has at most " + EMAIL_MAX + " characters");
            } else if (complete && email == null) {
                errors.put(key + "districtEmail", "Enter the District email address to be used for this account");
            } else if (settings != null && email != null && !settings.isDistrictEmail(email)) {
                errors.put(key + "districtEmail", settings.personalEmailRefusal(email));
            }
        }
        return errors;
    }

    private Map<String, String> decisionErrors(Map<Long, LineDecision> byId, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Long> known = new HashSet<>();
        for (RequestLine line : lines) {
            if (line.getId() == null) {
                throw new IllegalStateException("The lines must be saved (have ids) before they are decided");
            }
            known.add(line.getId());
            String key = "lines[" + line.getPosition() + "].";
            LineDecision decision = byId.get(line.getId());
            if (decision == null || decision.outcome() == null) {
                errors.put(key + "outcome", "Choose to authorize, reject, or authorize with modifications or limits");
                continue;
            }
            LineOutcome choice = decision.outcome();
            if (Texts.longerThan(decision.limits(), LIMITS_MAX)) {
                errors.put(key + "limits", "Limits have at most " + LIMITS_MAX + " characters");
            } else if (choice == LineOutcome.AMEND && decision.limits() == null) {
                errors.put(key + "limits", "Describe the modified or limited use you authorize");
            } else if (choice != LineOutcome.AMEND && decision.limits() != null) {
                // Limits under a plain authorization or a rejection would never reach the employee's authorization.
                errors.put(key + "limits", "Limits belong to an authorization with modifications or limits; "
                        + "choose that outcome or remove the limits");
            }
            if (Texts.longerThan(decision.explanation(), EXPLANATION_MAX)) {
                errors.put(key + "explanation", "An explanation has at most " + EXPLANATION_MAX + " characters");
            } else if (choice.requiresExplanation() && decision.explanation() == null) {
                errors.put(key + "explanation", "Give a brief explanation. " + EXPLANATION_RULE);
            } else if (choice.requiresExplanation() && decision.explanation().length() < EXPLANATION_MIN) {
                errors.put(key + "explanation", "Explain in a sentence (at least " + EXPLANATION_MIN
                        + " characters) why, so the employee can act on it. " + EXPLANATION_RULE);
            }
        }
        // A decision for a line that is not (or no longer) part of the request means a stale form.
        for (Long lineId : byId.keySet()) {
            if (!known.contains(lineId)) {
                errors.put("decisions", "There is a decision for a line that is not part of this request: " + lineId);
                break;
            }
        }
        if (Texts.longerThan(note, DECISION_NOTE_MAX)) {
            errors.put("decisionNote", "A note has at most " + DECISION_NOTE_MAX + " characters");
        }
        return errors;
    }

    // ---------------------------------------------------------------- getters

    public Long getId() {
        return id;
    }

    public StaffUser getRequester() {
        return requester;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public List<RequestLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public List<ReviewCycle> getCycles() {
        return Collections.unmodifiableList(cycles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getQueueKey() {
        return queueKey;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public int getReviewCycle() {
        return reviewCycle;
    }

    public String getAcknowledgedPolicyVersion() {
        return acknowledgedPolicyVersion;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public RequestOutcome getOutcome() {
        return outcome;
    }

    public String getDecidedByUsername() {
        return decidedByUsername;
    }

    public String getDecidedByName() {
        return decidedByName;
    }

    public String getDecidedByRole() {
        return decidedByRole;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public Instant getOverdueAt() {
        return overdueAt;
    }

    /** Fixes the escalation rules for this request (once, at submission) and schedules the first look. */
    public void fixEscalationRules(String reminders, java.time.Duration repeat, Instant firstLook) {
        if (remindersBefore == null) {
            remindersBefore = reminders;
            overdueRepeat = repeat.toString();
        }
        nextEscalationAt = firstLook;
    }

    /** The sweep's next look; null stops it (decided, withdrawn, waiting for the employee). */
    public void scheduleEscalation(Instant next) {
        nextEscalationAt = status.isAwaitingReviewer() ? next : null;
    }

    public String getRemindersBefore() {
        return remindersBefore;
    }

    public java.time.Duration getOverdueRepeat() {
        return overdueRepeat == null ? null : java.time.Duration.parse(overdueRepeat);
    }

    public Instant getNextEscalationAt() {
        return nextEscalationAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SocialMediaRequest other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "request " + id + " (" + status + ")";
    }
}
