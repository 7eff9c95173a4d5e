package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.ReviewResponse;
import org.district.socialmedia.requests.control.RequestAgeTally;
import org.district.socialmedia.requests.control.RequestStatusTally;
import org.district.socialmedia.requests.entity.RequestOutcome;
import org.district.socialmedia.requests.entity.RequestStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The statuses of an open request: submitted, waiting for the employee, or overdue. */
    static final Set<RequestStatus> OPEN = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.INFO_REQUESTED, RequestStatus.OVERDUE);

    /**
     * How many requests open now are in each age band. For the District: the open total from the status tally, less the
     * requests submitted after each band's start from the age tally (RequestAgeTally: its days after that start, and
     * the start's own day counted exactly from at most half a day of the (status, submitted_at) index), so the count
     * grows neither with the requests open for long nor with those of the last days. For a school or department:
     * one count of its open requests, each band by subtraction. H2 drives that join from the unit's staff
     * (ix_staff_user_unit) into their requests (the requester index), so it reads the unit's requests, not every open
     * request of the District (EXPLAIN ANALYZE with bound parameters on the generated 0.01 and 0.1 Districts:
     * docs/performance.md); the same count written as requester IN (the unit's staff) took eight times as long there.
     */
    public Map<RequestFigures.AgeBand, Long> openByAge(Long unitId, Instant now) {
        RequestFigures.AgeBand[] bands = RequestFigures.AgeBand.values();
        // atLeast[i]: open at least bands[i].from() (atLeast[0]: all open)
        long[] atLeast = unitId == null ? districtOpenAtLeast(bands, now) : unitOpenAtLeast(bands, unitId, now);
        Map<RequestFigures.AgeBand, Long> ages = new EnumMap<>(RequestFigures.AgeBand.class);
        for (int i = 0; i < bands.length; i++) {
            ages.put(bands[i], atLeast[i] - (i + 1 < bands.length ? atLeast[i + 1] : 0));
        }
        return ages;
    }

    private long[] districtOpenAtLeast(RequestFigures.AgeBand[] bands, Instant now) {
        long open = 0;
        for (RequestStatus status : OPEN) {
            open += RequestStatusTally.stored(em, status);
        }
        // younger[i]: open for less than bands[i].from(), from the age tally's days after each band's start and that day's
        // shorter part counted from the requests: the rows read do not grow with the open requests of the last days, which
        // at full scale are most of the District's (docs/performance.md)
        List<Instant> since = new ArrayList<>();
        for (int i = 1; i < bands.length; i++) {
            since.add(now.minus(bands[i].from()));
        }
        long[] younger = RequestAgeTally.openSubmittedAfter(em, since);
        long[] atLeast = new long[bands.length];
        atLeast[0] = open;
        for (int i = 1; i < bands.length; i++) {
            atLeast[i] = Math.max(0, open - younger[i - 1]);
        }
        return atLeast;
    }

    private long[] unitOpenAtLeast(RequestFigures.AgeBand[] bands, Long unitId, Instant now) {
        StringBuilder select = new StringBuilder("SELECT COUNT(r.id)");
        for (int i = 1; i < bands.length; i++) {
            select.append(", SUM(CASE WHEN r.submittedAt <= :since").append(i).append(" THEN 1 ELSE 0 END)");
        }
        Query q = em.createQuery(select + " FROM SocialMediaRequest r WHERE r.status IN :open AND r.requester.unit.id = :unit")
                .setParameter("open", OPEN).setParameter("unit", unitId);
        for (int i = 1; i < bands.length; i++) {
            q.setParameter("since" + i, now.minus(bands[i].from()));
        }
        Object[] counts = (Object[]) q.getSingleResult();
        long[] atLeast = new long[bands.length];
        for (int i = 0; i < bands.length; i++) {
            atLeast[i] = counts[i] == null ? 0 : ((Number) counts[i]).longValue();
        }
        return atLeast;
    }
}
