package org.district.socialmedia.requests.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.requests.entity.EscalationEvent;
import org.district.socialmedia.requests.entity.RequestEvent;
import org.district.socialmedia.requests.entity.RequestStatus;
import org.district.socialmedia.requests.entity.ReviewCycle;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.settings.entity.EscalationPlan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sweep's work, one request per transaction: find the latest stage due, record it (the unique
 * key refuses a second record of the same stage, rolling back everything with it, emails included),
 * mark the request overdue at the deadline, tell people through the outbox, and schedule the next
 * look. Idempotent: running it twice, or on two servers at once, changes nothing more.
 */
@Stateless
public class EscalationWorker {

    /** A stage fired later than this after its time is reported as late on the timeline. */
    static final Duration ON_TIME = Duration.ofMinutes(5);

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
    ReviewerDirectory directory;
    @Inject
    Event<RequestEvent> events;

    /** The ids of open requests whose next look is due, soonest first (index on next_escalation_at). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(int limit) {
        return em.createQuery("SELECT r.id FROM SocialMediaRequest r WHERE r.nextEscalationAt <= :now ORDER BY r.nextEscalationAt, r.id",
                Long.class).setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /** Escalates one request if a stage is due; returns the stage fired, or null. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String escalate(Long requestId) {
        Instant now = clock.instant();
        SocialMediaRequest request = em.find(SocialMediaRequest.class, requestId);
        if (request == null || request.getNextEscalationAt() == null || request.getNextEscalationAt().isAfter(now)) {
            return null;
        }
        if (!request.getStatus().isAwaitingReviewer() || request.getDeadline() == null) {
            request.scheduleEscalation(null);
            return null;
        }
        ReviewCycle cycle = request.currentCycle();
        EscalationPlan plan = new EscalationPlan(request.getDeadline(), EscalationPlan.parseReminders(request.getRemindersBefore()),
                request.getOverdueRepeat());
        Set<String> done = em.createQuery("SELECT e.stage FROM EscalationEvent e WHERE e.requestId = :id AND e.reviewCycle = :cycle",
                        String.class).setParameter("id", requestId).setParameter("cycle", request.getReviewCycle())
                .getResultStream().collect(Collectors.toSet());
        var due = plan.due(now, cycle.getStartedAt(), done);
        String fired = null;
        if (due.isPresent()) {
            EscalationPlan.Stage stage = due.get().stage();
            boolean late = due.get().late(ON_TIME, now);
            String lateNote = late ? "This message comes late (it was due " + stage.dueAt() + "): the deadline timer did not run then"
                    + (due.get().skipped().isEmpty() ? "." : "; earlier stages passed meanwhile ("
                    + String.join(", ", due.get().skipped().stream().map(EscalationPlan.Stage::key).toList()) + ") and are not sent.") : null;
            boolean markedOverdue = stage.kind() != EscalationPlan.Kind.REMINDER && request.getStatus() == RequestStatus.SUBMITTED;
            if (markedOverdue) {
                request.markOverdue(now);
            }
            Set<StaffUser> reached = stage.kind() == EscalationPlan.Kind.REMINDER
                    ? directory.reviewersOf(request) : directory.escalationTargets(request);
            String recipients = reached.stream().map(StaffUser::getUsername).collect(Collectors.joining(", "));
            em.persist(new EscalationEvent(requestId, request.getReviewCycle(), stage.key(), stage.dueAt(), now, late, recipients, lateNote));
            // the unique key speaks here: a stage already recorded by another sweep rolls this one back
            em.flush();
            if (markedOverdue) {
                statuses.moved(RequestStatus.SUBMITTED, RequestStatus.OVERDUE);
                deadlines.moved(RequestStatus.SUBMITTED, request.getDeadline(), RequestStatus.OVERDUE, request.getDeadline());
                ages.moved(RequestStatus.SUBMITTED, RequestStatus.OVERDUE, request.getSubmittedAt());
            }
            RequestEvent.Type type = switch (stage.kind()) {
                case REMINDER -> RequestEvent.Type.REMINDER;
                case OVERDUE -> RequestEvent.Type.OVERDUE;
                case OVERDUE_REPEAT -> RequestEvent.Type.OVERDUE_REPEAT;
            };
            events.fire(RequestEvent.escalation(type, requestId, stage.key(), lateNote));
            audit.record("ESCALATION_" + stage.kind(), SocialMediaRequest.AUDIT_TYPE, requestId,
                    stage.key() + " (due " + stage.dueAt() + ") reached " + (recipients.isEmpty() ? "nobody" : recipients)
                            + (stage.kind() == EscalationPlan.Kind.OVERDUE ? "; the employee was told the answer is late" : "")
                            + (late ? "; LATE: " + lateNote : ""));
            fired = stage.key();
        }
        request.scheduleEscalation(plan.nextAfter(now));
        return fired;
    }
}
