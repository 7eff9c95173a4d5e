package org.district.socialmedia.requests.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.requests.control.ExistingAccounts;
import org.district.socialmedia.requests.control.RequestAgeTally;
import org.district.socialmedia.requests.control.RequestDeadlineTally;
import org.district.socialmedia.requests.control.RequestStatusTally;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.requests.entity.DecisionLetter;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.district.socialmedia.requests.entity.LineDraft;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.requests.entity.RequestEvent;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.AuthorizationTerm;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.EscalationPlan;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The employee's side of the policy's steps 1-5: write a request (draft), submit it with the
 * acknowledgement of the policy, answer an information request, withdraw, see the answer. Also
 * reading a request, which reviewers and auditors may do too; anybody else gets "not found".
 */
@Stateless
public class RequestService {

    public static final String OBJECT_TYPE = SocialMediaRequest.AUDIT_TYPE;

    /** The statuses of an open request: {@link RequestStatus#isOpen()}. */
    public static final List<RequestStatus> OPEN = Arrays.stream(RequestStatus.values()).filter(RequestStatus::isOpen).toList();
    static final String ACKNOWLEDGE = "Confirm that you have read the policy's guidelines for District-related social media";

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    RequestStatusTally statuses;
    @Inject
    RequestDeadlineTally deadlines;
    @Inject
    RequestAgeTally ages;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Event<RequestEvent> events;
    @Inject
    ExistingAccounts existingAccounts;
    @Inject
    PolicyLibrary policies;

    public record Summary(Long id, String status, String statusLabel, String platforms, Instant createdAt,
                          Instant deadline, String outcomeLabel) implements Serializable {
    }

    public record AuthorizationView(Long id, Long requestId, String platform, String account, String outcome,
                                    String limits, Instant grantedAt, String grantedBy, String status,
                                    Instant revokedAt, String revokedBy, String revocationReason, LocalDate endsOn,
                                    Long renewalRequestId) implements Serializable {
        static AuthorizationView of(Authorization a) {
            return new AuthorizationView(a.getId(), a.getRequest().getId(), a.getPlatformLabel(), a.getAccountLabel(),
                    a.getOutcome().name(), a.getLimits(), a.getGrantedAt(), a.getGrantedBy(), a.getStatus().name(),
                    a.getRevokedAt(), a.getRevokedBy(), a.getRevocationReason(), a.getEndsOn(), a.getRenewalRequestId());
        }

        /** Whether the holder may ask for its renewal now: active, with an end, and not asked yet. */
        public boolean isRenewable() {
            return "ACTIVE".equals(status) && endsOn != null && renewalRequestId == null;
        }
    }

    @PermitAll
    public List<Platform> platforms() {
        return em.createNamedQuery(Platform.ALL_ACTIVE, Platform.class).getResultList();
    }

    /** Creates a draft (id null) or changes the lines of one's own draft, or of a request awaiting one's answer. */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public RequestView saveDraft(Long id, List<LineInput> lines) {
        SocialMediaRequest request = id == null ? null : own(id);
        Map<String, String> errors = new LinkedHashMap<>();
        List<LineDraft> drafts = drafts(lines, errors);
        SocialMediaRequest.draftErrors(drafts).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (request == null) {
            request = newRequest();
        }
        request.replaceLines(drafts);
        em.flush();
        audit.record(id == null ? "REQUEST_DRAFTED" : "REQUEST_LINES_CHANGED", OBJECT_TYPE, request.getId(), describeLines(request));
        return RequestView.of(request, false);
    }

    /**
     * Sends one's draft to the Superintendent. The employee must have acknowledged the policy's
     * guidelines. The deadline is fixed now from the settings in force now.
     */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public RequestView submit(Long id, boolean acknowledged) {
        SocialMediaRequest request = own(id);
        if (request.getStatus() != RequestStatus.DRAFT) {
            throw new IllegalRequestStateException("This request was already submitted (" + request.getStatus().label() + ")");
        }
        DistrictSettings district = settings.current();
        Map<String, String> errors = new LinkedHashMap<>(request.validateForSubmission(district));
        if (!acknowledged) {
            errors.put("acknowledged", ACKNOWLEDGE);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return send(request, district);
    }

    /**
     * The form's "Submit": the lines as typed now, checked in full (every problem at once) before
     * anything is stored. A refused submission stores nothing: no new draft, no change to the draft
     * being edited, no timeline entry. Only "Save draft" ({@link #saveDraft}) keeps an unfinished request.
     *
     * @param id the draft being edited, or null for a new request
     */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public RequestView submitLines(Long id, List<LineInput> lines, boolean acknowledged) {
        SocialMediaRequest existing = id == null ? null : own(id);
        if (existing != null && existing.getStatus() != RequestStatus.DRAFT) {
            throw new IllegalRequestStateException("This request was already submitted (" + existing.getStatus().label() + ")");
        }
        DistrictSettings district = settings.current();
        Map<String, String> errors = new LinkedHashMap<>();
        List<LineDraft> drafts = drafts(lines, errors);
        SocialMediaRequest.submissionErrors(drafts, district).forEach(errors::putIfAbsent);
        if (!acknowledged) {
            errors.put("acknowledged", ACKNOWLEDGE);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SocialMediaRequest request = existing != null ? existing : newRequest();
        request.replaceLines(drafts);
        em.flush();
        audit.record(existing == null ? "REQUEST_DRAFTED" : "REQUEST_LINES_CHANGED", OBJECT_TYPE, request.getId(), describeLines(request));
        return send(request, district);
    }

    private RequestView send(SocialMediaRequest request, DistrictSettings district) {
        Instant now = clock.instant();
        Instant deadline = district.deadlineCalculator(settings.holidayDates()).deadline(now, district.reviewPeriod());
        String policyVersion = policies.boardPolicyLabel();
        RequestStatus before = request.getStatus();
        Instant deadlineBefore = request.getDeadline();
        request.submit(now, deadline, policyVersion);
        statuses.moved(before, request.getStatus());
        deadlines.moved(before, deadlineBefore, request.getStatus(), request.getDeadline());
        ages.moved(before, request.getStatus(), request.getSubmittedAt());
        scheduleEscalation(request, district, now);
        audit.record("REQUEST_SUBMITTED", OBJECT_TYPE, request.getId(), "status: \"DRAFT\" -> \"SUBMITTED\"; deadline: "
                + deadline + " (" + district.reviewPeriod() + ", " + district.reviewDays().settingValue() + " days); acknowledged "
                + policyVersion);
        events.fire(RequestEvent.of(RequestEvent.Type.SUBMITTED, request.getId(), caller()));
        return RequestView.of(request, false);
    }

    /** The API's one step: a new request, submitted at once (the caller acknowledges the policy by sending it). */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public RequestView createAndSubmit(List<LineInput> lines) {
        return submitLines(null, lines, true);
    }

    /** Answers the reviewer's question; the lines may be changed with it. A new full review period starts. */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public RequestView answer(Long id, String answer, List<LineInput> lines) {
        SocialMediaRequest request = own(id);
        if (request.getStatus() != RequestStatus.INFO_REQUESTED) {
            throw new IllegalRequestStateException("Only a request waiting for your information can be answered; this one is "
                    + request.getStatus().label());
        }
        DistrictSettings district = settings.current();
        Map<String, String> errors = new LinkedHashMap<>();
        if (lines != null) {
            List<LineDraft> drafts = drafts(lines, errors);
            SocialMediaRequest.submissionErrors(drafts, district).forEach(errors::putIfAbsent);
            if (errors.isEmpty()) {
                request.replaceLines(drafts);
            }
        } else {
            errors.putAll(request.validateForSubmission(district));
        }
        errors.putAll(SocialMediaRequest.answerErrors(answer));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        Instant deadline = district.deadlineCalculator(settings.holidayDates()).deadline(now, district.reviewPeriod());
        request.answerInformationRequest(answer, now, deadline);
        statuses.moved(RequestStatus.INFO_REQUESTED, request.getStatus());
        deadlines.moved(RequestStatus.INFO_REQUESTED, null, request.getStatus(), request.getDeadline());
        ages.moved(RequestStatus.INFO_REQUESTED, request.getStatus(), request.getSubmittedAt());
        scheduleEscalation(request, district, now);
        audit.record("REQUEST_INFO_ANSWERED", OBJECT_TYPE, request.getId(), "status: \"INFO_REQUESTED\" -> \"SUBMITTED\"; cycle "
                + request.getReviewCycle() + "; new deadline " + deadline + (lines != null ? "; lines: " + describeLines(request) : ""));
        events.fire(RequestEvent.of(RequestEvent.Type.INFO_ANSWERED, request.getId(), caller()));
        return RequestView.of(request, false);
    }

    @RolesAllowed(Role.EMPLOYEE_NAME)
    public RequestView withdraw(Long id) {
        SocialMediaRequest request = own(id);
        RequestStatus before = request.getStatus();
        Instant deadlineBefore = request.getDeadline();
        request.withdraw(clock.instant());
        statuses.moved(before, request.getStatus());
        deadlines.moved(before, deadlineBefore, request.getStatus(), request.getDeadline());
        ages.moved(before, request.getStatus(), request.getSubmittedAt());
        audit.record("REQUEST_WITHDRAWN", OBJECT_TYPE, request.getId(), "status: \"" + before + "\" -> \"WITHDRAWN\"");
        if (before != RequestStatus.DRAFT) {
            events.fire(RequestEvent.of(RequestEvent.Type.WITHDRAWN, request.getId(), caller()));
        }
        return RequestView.of(request, false);
    }

    @RolesAllowed(Role.EMPLOYEE_NAME)
    public List<Summary> mine() {
        return em.createNamedQuery(SocialMediaRequest.BY_REQUESTER, SocialMediaRequest.class)
                .setParameter("username", caller()).setMaxResults(500)
                // one query for the lines of all listed requests, not one per request
                .setHint("eclipselink.batch", "r.lines").setHint("eclipselink.batch.type", "IN")
                .getResultStream()
                .map(r -> new Summary(r.getId(), r.getStatus().name(), r.getStatus().label(),
                        String.join(", ", r.getLines().stream().map(l -> l.platformLabel()).toList()),
                        r.getCreatedAt(), r.getDeadline(), r.getOutcome() == null ? null : r.getOutcome().label()))
                .toList();
    }

    /** How many of the caller's requests are open (sent and not yet answered or withdrawn): the home page's count. */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public long countMineOpen() {
        return Counts.countOpen(em, caller());
    }

    /** The count as a query on any EntityManager (the home counts' benchmark calls it outside the container);
     *  a nested class, because a bean class with a static method makes WildFly warn (WFLYEJB0131). */
    public static final class Counts {
        private Counts() {
        }

        public static long countOpen(EntityManager em, String username) {
            return em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r WHERE r.requester.username = :username"
                            + " AND r.status IN :open", Long.class)
                    .setParameter("username", username).setParameter("open", OPEN).getSingleResult();
        }

        /** The caller's active authorizations whose last day is within the renewal reminder's reach of today:
         *  one range on the index (employee_id, status, ends_on). */
        public static long countEndingSoon(EntityManager em, String username, LocalDate today) {
            return em.createQuery("SELECT COUNT(a.id) FROM Authorization a WHERE a.employee.username = :username"
                            + " AND a.status = :active AND a.endsOn BETWEEN :today AND :last", Long.class)
                    .setParameter("username", username).setParameter("active", AuthorizationStatus.ACTIVE)
                    .setParameter("today", today).setParameter("last", endingSoonUntil(today)).getSingleResult();
        }

        /** The last day an authorization may end on to count as ending soon: the renewal reminder's window. */
        public static LocalDate endingSoonUntil(LocalDate today) {
            return today.plusDays(AuthorizationTerm.REMINDER_DAYS);
        }
    }

    /** How many of the caller's authorizations end within 30 days: the home page's count. */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public long countMineEndingSoon() {
        return Counts.countEndingSoon(em, caller(), today());
    }

    /** The caller's active authorizations ending within 30 days, soonest first: the list that count links to. */
    @RolesAllowed(Role.EMPLOYEE_NAME)
    public List<AuthorizationView> myAuthorizationsEndingSoon() {
        LocalDate today = today();
        return em.createQuery("SELECT a FROM Authorization a WHERE a.employee.username = :username AND a.status = :active"
                        + " AND a.endsOn BETWEEN :today AND :last ORDER BY a.endsOn, a.id", Authorization.class)
                .setParameter("username", caller()).setParameter("active", AuthorizationStatus.ACTIVE)
                .setParameter("today", today).setParameter("last", Counts.endingSoonUntil(today))
                .getResultStream().map(AuthorizationView::of).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.current().timeZone());
    }

    @RolesAllowed(Role.EMPLOYEE_NAME)
    public List<AuthorizationView> myAuthorizations() {
        return em.createQuery("SELECT a FROM Authorization a WHERE a.employee.username = :username"
                        + " ORDER BY a.status, a.grantedAt DESC, a.id", Authorization.class)
                .setParameter("username", caller()).getResultStream().map(AuthorizationView::of).toList();
    }

    /** One request, for its owner, reviewers and auditors (not drafts: those are the owner's alone). */
    @RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.AUDITOR_NAME})
    public RequestView get(Long id) {
        SocialMediaRequest request = readable(id);
        return RequestView.of(request, letterOf(request) != null);
    }

    /** What the decision of this request authorized, and what became of it. */
    @RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.AUDITOR_NAME})
    public List<AuthorizationView> authorizationsOf(Long id) {
        readable(id);
        return em.createNamedQuery(Authorization.FOR_REQUEST, Authorization.class).setParameter("requestId", id)
                .getResultStream().map(AuthorizationView::of).toList();
    }

    /** The request's audit timeline, oldest first. */
    @RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.AUDITOR_NAME})
    public List<AuditEntry> timeline(Long id) {
        readable(id);
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.objectType = :type AND a.objectId = :id ORDER BY a.occurredAt, a.id",
                AuditEntry.class).setParameter("type", OBJECT_TYPE).setParameter("id", id.toString()).getResultList();
    }

    /** The written response as sent (PDF), for the owner, reviewers and auditors. */
    @RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.AUDITOR_NAME})
    public DecisionLetter letter(Long id) {
        SocialMediaRequest request = readable(id);
        DecisionLetter letter = letterOf(request);
        if (letter == null) {
            throw new NotFoundException("Letter");
        }
        audit.record("LETTER_DOWNLOADED", OBJECT_TYPE, id, letter.getReference());
        return letter;
    }

    private DecisionLetter letterOf(SocialMediaRequest request) {
        return em.createNamedQuery(DecisionLetter.FOR_REQUEST, DecisionLetter.class).setParameter("requestId", request.getId())
                .getResultStream().findFirst().orElse(null);
    }

    /** The rules in force at (first) submission apply to the request; the sweep looks again at the next stage. */
    private static void scheduleEscalation(SocialMediaRequest request, DistrictSettings district, Instant now) {
        String reminders = request.getRemindersBefore() != null ? request.getRemindersBefore() : district.remindersBefore();
        java.time.Duration repeat = request.getOverdueRepeat() != null ? request.getOverdueRepeat() : district.overdueRepeat();
        EscalationPlan plan = new EscalationPlan(request.getDeadline(), EscalationPlan.parseReminders(reminders), repeat);
        request.fixEscalationRules(reminders, repeat, plan.nextAfter(now));
    }

    private SocialMediaRequest readable(Long id) {
        SocialMediaRequest request = id == null ? null : em.find(SocialMediaRequest.class, id);
        if (request == null) {
            throw new NotFoundException("Request");
        }
        if (request.isOwnedBy(caller())) {
            return request;
        }
        boolean overseer = context.isCallerInRole(Role.REVIEWER_NAME) || context.isCallerInRole(Role.SUPERINTENDENT_NAME)
                || context.isCallerInRole(Role.AUDITOR_NAME);
        if (!overseer || request.getStatus() == RequestStatus.DRAFT) {
            // another employee's request: same answer as a missing one, nothing of its content
            throw new NotFoundException("Request");
        }
        return request;
    }

    private SocialMediaRequest own(Long id) {
        SocialMediaRequest request = id == null ? null : em.find(SocialMediaRequest.class, id);
        if (request == null || !request.isOwnedBy(caller())) {
            throw new NotFoundException("Request");
        }
        return request;
    }

    private SocialMediaRequest newRequest() {
        StaffUser me = em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", caller()).getSingleResult();
        SocialMediaRequest request = new SocialMediaRequest(me, clock.instant());
        em.persist(request);
        return request;
    }

    /**
     * The typed lines as drafts, with the problems only the database can tell (unknown platform,
     * unsuitable account) added to {@code errors}. A line with such a problem is still returned (its
     * platform null when unknown) so that the entity's rules report every other problem of it at once.
     */
    private List<LineDraft> drafts(List<LineInput> lines, Map<String, String> errors) {
        if (lines == null) {
            return List.of();
        }
        List<LineDraft> drafts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineInput in = lines.get(i);
            if (in == null) {
                errors.put("lines[" + i + "]", "Describe the platform and its objectives");
                continue;
            }
            Platform platform = platform(in);
            if (platform == null && (in.platform() != null || in.platformId() != null)) {
                errors.put("lines[" + i + "].platform", "'" + (in.platform() != null ? in.platform() : in.platformId())
                        + "' is not on the District's list of platforms");
            }
            if (platform != null && in.accountId() != null) {
                String key = "lines[" + i + "].accountId";
                existingAccounts.whyNot(in.accountId(), platform).ifPresent(notThis -> errors.put(key, notThis));
            }
            drafts.add(new LineDraft(platform, in.otherPlatformName(), in.objectives(), in.audience(),
                    Boolean.TRUE.equals(in.communicatesWithStudents()), in.accountId(), in.accountName(), in.districtEmail()));
        }
        return drafts;
    }

    private Platform platform(LineInput in) {
        if (in.platformId() != null) {
            Platform p = em.find(Platform.class, in.platformId());
            return p != null && p.isActive() ? p : null;
        }
        if (in.platform() == null || in.platform().isBlank()) {
            return null;
        }
        return em.createNamedQuery(Platform.BY_NAME, Platform.class)
                .setParameter("name", in.platform().strip().toLowerCase(Locale.ROOT))
                .getResultStream().filter(Platform::isActive).findFirst().orElse(null);
    }

    private static String describeLines(SocialMediaRequest request) {
        StringBuilder text = new StringBuilder();
        request.getLines().forEach(l -> text.append(text.isEmpty() ? "" : "; ").append(l.getPosition() + 1).append(". ")
                .append(l.platformLabel()).append(" (").append(l.accountLabel()).append(", ").append(l.getDistrictEmail()).append(")"));
        return text.toString();
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
