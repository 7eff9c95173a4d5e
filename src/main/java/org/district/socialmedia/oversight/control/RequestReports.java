package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.ReviewResponse;
import org.district.socialmedia.requests.entity.RequestOutcome;
import org.district.socialmedia.requests.entity.RequestStatus;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests report: the review's responses in a period, from the daily roll-ups of the review cycles
 * (RequestRollups): each cycle has its own start (the submission, or the employee's answer that restarted the
 * clock) and its own deadline, so a clock stopped for an information request counts from the restart.
 */
@Stateless
public class RequestReports {

    @PersistenceContext
    EntityManager em;
    @Inject
    RequestRollups rollups;

    /** The kinds of response in the order the reports show them, with their labels. */
    public Map<String, String> kindLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (RequestOutcome outcome : RequestOutcome.values()) {
            labels.put(outcome.name(), outcome.label());
        }
        labels.put(ReviewResponse.INFORMATION_REQUESTED, RequestStatus.INFO_REQUESTED.label());
        return labels;
    }

    /**
     * The figures of a period: the responses from the daily roll-ups (today and any day not rolled up yet read live),
     * the open requests counted by age band.
     */
    public RequestFigures figures(ReportPeriod period, Long unitId, Instant now) {
        RequestRollups.Responses responses = rollups.responses(period.from(), period.to(), unitId);
        return RequestFigures.of(period, responses.counts(), responses.times(), kindLabels(), openByAge(unitId, now));
    }

    /**
     * How many requests open now are in each age band: one count of those open at least as long as each band's start
     * (served by the status index), the bands by subtraction; no row is read.
     */
    public Map<RequestFigures.AgeBand, Long> openByAge(Long unitId, Instant now) {
        StringBuilder select = new StringBuilder("SELECT COUNT(r.id)");
        RequestFigures.AgeBand[] bands = RequestFigures.AgeBand.values();
        for (int i = 1; i < bands.length; i++) {
            select.append(", SUM(CASE WHEN r.submittedAt <= :since").append(i).append(" THEN 1 ELSE 0 END)");
        }
        Query q = em.createQuery(select + " FROM SocialMediaRequest r WHERE r.status IN :open"
                        + (unitId == null ? "" : " AND r.requester.unit.id = :unit"))
                .setParameter("open", EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.INFO_REQUESTED, RequestStatus.OVERDUE));
        for (int i = 1; i < bands.length; i++) {
            q.setParameter("since" + i, now.minus(bands[i].from()));
        }
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        Object[] counts = (Object[]) q.getSingleResult();
        // counts[i]: open at least bands[i].from() (counts[0]: all)
        Map<RequestFigures.AgeBand, Long> ages = new EnumMap<>(RequestFigures.AgeBand.class);
        for (int i = 0; i < bands.length; i++) {
            long atLeast = counts[i] == null ? 0 : ((Number) counts[i]).longValue();
            long older = i + 1 < bands.length && counts[i + 1] != null ? ((Number) counts[i + 1]).longValue() : 0;
            ages.put(bands[i], atLeast - older);
        }
        return ages;
    }
}
