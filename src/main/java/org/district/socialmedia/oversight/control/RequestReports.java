package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.ReviewResponse;
import org.district.socialmedia.requests.entity.CycleEnd;
import org.district.socialmedia.requests.entity.RequestOutcome;
import org.district.socialmedia.requests.entity.RequestStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review's responses in a period, read from the review cycles: each cycle has its own start (the
 * submission, or the employee's answer that restarted the clock) and its own deadline, so a clock stopped
 * for an information request counts from the restart. Served by the index on the cycles' end (V47).
 */
@Stateless
public class RequestReports {

    @PersistenceContext
    EntityManager em;

    /** A cycle that a response ended, as read. */
    public record ResponseRow(Long requestId, CycleEnd endReason, String askedBy, String decidedBy, RequestOutcome outcome,
                              Instant startedAt, Instant deadline, Instant endedAt) {
    }

    /** The kinds of response in the order the reports show them, with their labels. */
    Map<String, String> kindLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (RequestOutcome outcome : RequestOutcome.values()) {
            labels.put(outcome.name(), outcome.label());
        }
        labels.put(ReviewResponse.INFORMATION_REQUESTED, RequestStatus.INFO_REQUESTED.label());
        return labels;
    }

    public RequestFigures figures(ReportPeriod period, Long unitId, Instant now) {
        return RequestFigures.of(period, responses(period, unitId), kindLabels(), openSubmitted(unitId), now);
    }

    public List<ReviewResponse> responses(ReportPeriod period, Long unitId) {
        String jpql = "SELECT NEW " + ResponseRow.class.getName()
                + "(r.id, c.endReason, c.askedBy, r.decidedByUsername, r.outcome, c.startedAt, c.deadline, c.endedAt)"
                + " FROM ReviewCycle c JOIN c.request r WHERE c.endedAt >= :start AND c.endedAt < :end AND c.endReason IN :reasons"
                + (unitId == null ? "" : " AND r.requester.unit.id = :unit");
        TypedQuery<ResponseRow> q = em.createQuery(jpql, ResponseRow.class)
                .setParameter("start", period.start()).setParameter("end", period.end())
                .setParameter("reasons", EnumSet.of(CycleEnd.DECIDED, CycleEnd.INFO_REQUESTED));
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        List<ReviewResponse> responses = new ArrayList<>();
        for (ResponseRow row : q.getResultList()) {
            boolean decided = row.endReason() == CycleEnd.DECIDED;
            responses.add(new ReviewResponse(row.requestId(), decided ? row.decidedBy() : row.askedBy(), row.startedAt(),
                    row.deadline(), row.endedAt(), decided ? row.outcome().name() : ReviewResponse.INFORMATION_REQUESTED));
        }
        return responses;
    }

    /** When each request open now was submitted (served by the status index). */
    public List<Instant> openSubmitted(Long unitId) {
        String jpql = "SELECT r.submittedAt FROM SocialMediaRequest r WHERE r.status IN :open"
                + (unitId == null ? "" : " AND r.requester.unit.id = :unit");
        TypedQuery<Instant> q = em.createQuery(jpql, Instant.class)
                .setParameter("open", EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.INFO_REQUESTED, RequestStatus.OVERDUE));
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        return q.getResultList();
    }
}
