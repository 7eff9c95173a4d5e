package org.district.socialmedia.requests.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.control.LetterWriter;
import org.district.socialmedia.requests.control.RequestAgeTally;
import org.district.socialmedia.requests.control.RequestDeadlineTally;
import org.district.socialmedia.requests.control.RequestStatusTally;
import org.district.socialmedia.requests.control.ReviewerAuthority;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.Decider;
import org.district.socialmedia.requests.entity.LineDecision;
import org.district.socialmedia.requests.entity.RequestEvent;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.requests.entity.StandardReason;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reviewer's side: the queue of undecided requests, the written response (authorize, reject,
 * amend per line, or a request for more information), and the revocation of an authorization.
 * The Superintendent or a designee in force only; nobody answers their own request.
 */
@Stateless
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME})
public class ReviewService {

    /** Requests within this much of their deadline are "due soon". */
    public static final Duration DUE_SOON = Duration.ofDays(2);
    public static final int PAGE_MAX = 100;

    public enum QueueFilter { DUE_SOON, OVERDUE, WAITING_FOR_EMPLOYEE, ALL }

    public record QueueRow(Long id, String requester, String requesterName, String unit, RequestStatus status,
                           Instant submittedAt, Instant deadline, int reviewCycle, long lineCount) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
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
    ReviewerAuthority authority;
    @Inject
    LetterWriter letters;
    @Inject
    RequestService requests;
    @Inject
    Event<RequestEvent> events;
    @Inject
    DistrictSettingsService settings;

    /** The application's "now", for pages that show time left. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * How many requests the view holds, up to {@link Matches#LIMIT}: counting a queue of 100,000 would read
     * all of it on every page view.
     */
    public Matches count(QueueFilter filter) {
        return Counts.count(em, filter, clock.instant());
    }

    /** The count on any EntityManager (the home counts' benchmark calls it outside the container): waiting and overdue
     *  from the status tally, due soon from the deadline tally, the others by the list's own query;
     *  a nested class, because a bean class with a static method makes WildFly warn (WFLYEJB0131). */
    public static final class Counts {
        private Counts() {
        }

        public static Matches count(EntityManager em, QueueFilter filter, Instant now) {
            switch (filter) {
                case WAITING_FOR_EMPLOYEE -> {
                    return capped(RequestStatusTally.stored(em, RequestStatus.INFO_REQUESTED));
                }
                case OVERDUE -> {
                    // the requests marked overdue (kept by RequestStatusTally), less any whose deadline is still ahead (a test
                    // server's clock set back), plus those past their deadline the escalation timer has not marked yet: two
                    // ranges of the index (status, queue_key) that are empty or short, whatever the size of the queue. Each
                    // counts queueKey, not the id (the same rows), so that PostgreSQL reads that index alone: counting ids, it
                    // took the (status, deadline) index and read every overdue row's page (23 to 45 ms at full scale, 0.05 ms so)
                    long marked = RequestStatusTally.stored(em, RequestStatus.OVERDUE);
                    long ahead = em.createQuery("SELECT COUNT(r.queueKey) FROM SocialMediaRequest r WHERE r.status = :overdue AND r.queueKey > :now",
                            Long.class).setParameter("overdue", RequestStatus.OVERDUE).setParameter("now", now).getSingleResult();
                    long unmarked = em.createQuery("SELECT COUNT(r.queueKey) FROM SocialMediaRequest r WHERE r.status = :submitted AND r.queueKey <= :now",
                            Long.class).setParameter("submitted", RequestStatus.SUBMITTED).setParameter("now", now).getSingleResult();
                    return capped(marked - ahead + unmarked);
                }
                case DUE_SOON -> {
                    // the submitted requests due in (now, now + 2 days], as the list's filter: the deadline tally's whole
                    // quarter-hours and the two partial ones counted from the rows, whatever the size of the queue
                    return capped(RequestDeadlineTally.submittedDue(em, now, now.plus(DUE_SOON)));
                }
                default -> {
                    return listed(em, filter, now);
                }
            }
        }

        /**
         * The count by the list's own query, row by row up to {@link Matches#LIMIT}: what every home count read before
         * the tallies, kept as the reference the benchmark and the tests compare the tallies' counts with.
         */
        public static Matches byRows(EntityManager em, QueueFilter filter, Instant now) {
            return listed(em, filter, now);
        }

        private static Matches capped(long count) {
            return count > Matches.LIMIT ? new Matches(Matches.LIMIT, true) : new Matches(count, false);
        }

        private static Matches listed(EntityManager em, QueueFilter filter, Instant now) {
            TypedQuery<Long> ids = em.createQuery("SELECT r.id FROM SocialMediaRequest r" + where(filter), Long.class);
            bind(ids, filter, now);
            return Matches.of(ids, () -> {
                TypedQuery<Long> count = em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r" + where(filter), Long.class);
                bind(count, filter, now);
                return count.getSingleResult();
            });
        }
    }

    /**
     * A page of the queue, soonest deadline first, then requests waiting for the employee. The database
     * walks the index (queue_key, id) in order and stops after the page, at any size of the queue.
     */
    public List<QueueRow> queue(QueueFilter filter, int first, int size) {
        TypedQuery<QueueRow> q = em.createQuery("SELECT NEW " + QueueRow.class.getName() + "("
                + "r.id, p.username, p.fullName, u.name, r.status, r.submittedAt, r.deadline, r.reviewCycle, "
                + "(SELECT COUNT(l) FROM RequestLine l WHERE l.request = r)) "
                + "FROM SocialMediaRequest r JOIN r.requester p LEFT JOIN p.unit u" + where(filter)
                + " ORDER BY r.queueKey, r.id", QueueRow.class);
        bind(q, filter, clock.instant());
        q.setFirstResult(Math.max(0, first));
        q.setMaxResults(Math.min(Math.max(1, size), PAGE_MAX));
        return q.getResultList();
    }

    // every filter is a range of queue_key, so that the index serves the order (see V11__review_queue_key.sql)
    private static String where(QueueFilter filter) {
        return switch (filter) {
            case DUE_SOON -> " WHERE r.queueKey > :now AND r.queueKey <= :soon AND r.status = :submitted";
            case OVERDUE -> " WHERE r.queueKey <= :now AND (r.status = :overdue OR r.status = :submitted)";
            case WAITING_FOR_EMPLOYEE -> " WHERE r.queueKey = :waiting AND r.status = :info";
            case ALL -> " WHERE r.queueKey < :closed";
        };
    }

    private static void bind(TypedQuery<?> q, QueueFilter filter, Instant now) {
        switch (filter) {
            case DUE_SOON -> q.setParameter("submitted", RequestStatus.SUBMITTED).setParameter("now", now)
                    .setParameter("soon", now.plus(DUE_SOON));
            case OVERDUE -> q.setParameter("overdue", RequestStatus.OVERDUE).setParameter("submitted", RequestStatus.SUBMITTED)
                    .setParameter("now", now);
            case WAITING_FOR_EMPLOYEE -> q.setParameter("waiting", SocialMediaRequest.QUEUE_WAITING)
                    .setParameter("info", RequestStatus.INFO_REQUESTED);
            case ALL -> q.setParameter("closed", SocialMediaRequest.QUEUE_CLOSED);
        }
    }

    /**
     * The written response. {@code expectedVersion} is the version the reviewer looked at: if somebody
     * decided or changed the request since, nothing is saved and the reviewer is told who and when.
     */
    public RequestView decide(Long id, Long expectedVersion, Map<Long, LineDecision> decisions, String note) {
        return decide(id, expectedVersion, decisions, note, null);
    }

    /** The last day an authorization granted today gets by default (AUTHORIZATION_TERM). */
    public LocalDate defaultEnd() {
        DistrictSettings district = settings.current();
        LocalDate today = LocalDate.ofInstant(clock.instant(), district.timeZone());
        return district.rights().authorizationTerm().endFor(today, district.rights().schoolYearEnd());
    }

    /**
     * The written response, with the last day of what it authorizes: {@code endsOn}, or by default the
     * District's AUTHORIZATION_TERM from today.
     */
    public RequestView decide(Long id, Long expectedVersion, Map<Long, LineDecision> decisions, String note, LocalDate endsOn) {
        Decider decider = authority.currentDecider();
        DistrictSettings district = settings.current();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, district.timeZone());
        if (endsOn != null && !endsOn.isAfter(today)) {
            throw new InvalidInputException("endsOn", "The last day of the authorization comes after today (" + today + ")");
        }
        LocalDate lastDay = endsOn != null ? endsOn
                : district.rights().authorizationTerm().endFor(today, district.rights().schoolYearEnd());
        SocialMediaRequest request = lockedForReview(id, expectedVersion);
        RequestStatus before = request.getStatus();
        Instant deadlineBefore = request.getDeadline();
        List<Authorization> granted = request.decide(decisions, decider, note, now);
        granted.forEach(a -> a.setTerm(lastDay, today, district.timeZone()));
        granted.forEach(em::persist);
        flushOrConflict();
        statuses.moved(before, request.getStatus());
        deadlines.moved(before, deadlineBefore, request.getStatus(), request.getDeadline());
        ages.moved(before, request.getStatus(), request.getSubmittedAt());
        letters.write(request);
        audit.record("REQUEST_DECIDED", RequestService.OBJECT_TYPE, id, "status: -> \"DECIDED\"; outcome: \""
                + request.getOutcome() + "\"; by " + decider.fullName() + " (" + decider.roleTitle() + "); lines: "
                + request.getLines().stream().map(l -> (l.getPosition() + 1) + "=" + l.getOutcome()).collect(Collectors.joining(", "))
                + (granted.isEmpty() ? "" : "; authorized until " + lastDay + (endsOn == null ? " (AUTHORIZATION_TERM)" : "")));
        events.fire(RequestEvent.of(RequestEvent.Type.DECIDED, id, decider.username()));
        return requests.get(id);
    }

    /** The policy's response c: more information from the employee; the clock stops until they answer. */
    public RequestView requestInformation(Long id, Long expectedVersion, String question) {
        Decider decider = authority.currentDecider();
        SocialMediaRequest request = lockedForReview(id, expectedVersion);
        RequestStatus before = request.getStatus();
        Instant deadlineBefore = request.getDeadline();
        request.requestInformation(question, decider.username(), clock.instant());
        flushOrConflict();
        statuses.moved(before, request.getStatus());
        deadlines.moved(before, deadlineBefore, request.getStatus(), request.getDeadline());
        ages.moved(before, request.getStatus(), request.getSubmittedAt());
        audit.record("REQUEST_INFO_REQUESTED", RequestService.OBJECT_TYPE, id, "status: -> \"INFO_REQUESTED\"; by "
                + decider.fullName() + " (" + decider.roleTitle() + ")");
        events.fire(RequestEvent.of(RequestEvent.Type.INFO_REQUESTED, id, decider.username()));
        return requests.get(id);
    }

    /** Ends an authorization granted earlier, with a written reason. */
    @RolesAllowed(Role.SUPERINTENDENT_NAME)
    public void revokeAuthorization(Long authorizationId, String reason) {
        Decider decider = authority.currentDecider();
        Authorization authorization = authorizationId == null ? null : em.find(Authorization.class, authorizationId);
        if (authorization == null) {
            throw new NotFoundException("Authorization");
        }
        authorization.revoke(reason, decider.username(), clock.instant());
        audit.record("AUTHORIZATION_REVOKED", RequestService.OBJECT_TYPE, authorization.getRequest().getId(),
                "authorization " + authorizationId + " (" + authorization.getPlatformLabel() + ", " + authorization.getAccountLabel()
                        + ") revoked by " + decider.fullName() + ": " + reason);
        events.fire(RequestEvent.revoked(authorization.getRequest().getId(), decider.username(), authorizationId));
    }

    public List<StandardReason> standardReasons() {
        return em.createNamedQuery(StandardReason.ALL_ACTIVE, StandardReason.class).getResultList();
    }

    private SocialMediaRequest lockedForReview(Long id, Long expectedVersion) {
        SocialMediaRequest request = id == null ? null : em.find(SocialMediaRequest.class, id);
        if (request == null || request.getStatus() == RequestStatus.DRAFT) {
            throw new NotFoundException("Request");
        }
        if (request.getStatus() == RequestStatus.DECIDED) {
            throw new ConflictException("Already decided by " + request.getDecidedByName() + " at " + request.getDecidedAt()
                    + ": nothing was changed");
        }
        if (request.getStatus() == RequestStatus.WITHDRAWN) {
            throw new ConflictException("The employee withdrew this request at " + request.getWithdrawnAt() + ": nothing was changed");
        }
        if (expectedVersion != null && expectedVersion != request.getVersion()) {
            throw new ConflictException("This request changed since you opened it (now " + request.getStatus().label()
                    + "): reload it; nothing was changed");
        }
        // a second reviewer deciding at the same moment fails at commit on the version, not silently
        em.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return request;
    }

    /** Two reviewers at the same moment: the version check at flush lets one win; the other learns it here. */
    private void flushOrConflict() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("Another reviewer answered this request at the same moment: reload it to see the answer; nothing of yours was saved");
        }
    }
}
