package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestFiguresTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    private static final ReportPeriod AUTUMN = new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), DISTRICT);
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("AUTHORIZED", "Authorized");
        KINDS.put(ReviewResponse.INFORMATION_REQUESTED, "Information requested");
    }

    private static ReviewResponse response(String reviewer, String started, String deadline, String answered, String kind) {
        return new ReviewResponse(1, reviewer, Instant.parse(started), Instant.parse(deadline), Instant.parse(answered), kind);
    }

    @Test
    void answeredExactlyAtTheDeadlineIsOnTimeASecondLaterIsLate() {
        ReviewResponse atDeadline = response("helen", "2026-11-02T17:00:00Z", "2026-11-10T07:59:59Z", "2026-11-10T07:59:59Z", "AUTHORIZED");
        ReviewResponse aSecondLate = response("helen", "2026-11-02T17:00:00Z", "2026-11-10T07:59:59Z", "2026-11-10T08:00:00Z", "AUTHORIZED");
        assertTrue(atDeadline.onTime());
        assertFalse(aSecondLate.onTime());

        RequestFigures f = RequestFigures.of(AUTUMN, List.of(atDeadline, aSecondLate), KINDS, List.of(), Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(2, f.answered());
        assertEquals(1, f.late());
        assertEquals(0.5, f.onTimeRate());
    }

    @Test
    void aClockRestartedByTheEmployeesAnswerCountsFromTheRestart() {
        // the first cycle: submitted 1 October, information asked 3 October (a response of its own, 48 h)
        ReviewResponse asked = response("helen", "2026-10-01T16:00:00Z", "2026-10-09T06:59:59Z", "2026-10-03T16:00:00Z",
                ReviewResponse.INFORMATION_REQUESTED);
        // the employee answered 20 October: a new period from then; decided 22 October, 48 h after the restart
        ReviewResponse decided = response("robert", "2026-10-20T16:00:00Z", "2026-10-28T06:59:59Z", "2026-10-22T16:00:00Z", "AUTHORIZED");
        RequestFigures f = RequestFigures.of(AUTUMN, List.of(asked, decided), KINDS, List.of(), Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(0, f.late());
        assertEquals(48.0, f.medianHours());
        assertEquals(48.0, f.p90Hours());
        assertEquals(List.of(new RequestFigures.Count("AUTHORIZED", "Authorized", 1),
                new RequestFigures.Count(ReviewResponse.INFORMATION_REQUESTED, "Information requested", 1)), f.outcomes());
        assertEquals(List.of("helen", "robert"), f.byReviewer().stream().map(RequestFigures.ReviewerFigures::reviewer).toList());
    }

    @Test
    void monthsFollowTheDistrictsZoneAndEveryMonthOfThePeriodIsListed() {
        // 23:30 on 31 October in the District is already 1 November in UTC
        ReviewResponse halloween = response("helen", "2026-10-28T16:00:00Z", "2026-11-05T07:59:59Z", "2026-11-01T06:30:00Z", "AUTHORIZED");
        RequestFigures f = RequestFigures.of(AUTUMN, List.of(halloween), KINDS, List.of(), Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(List.of("2026-10", "2026-11"), f.byMonth().stream().map(RequestFigures.MonthFigures::month).toList());
        assertEquals(1, f.byMonth().get(0).answered());
        assertEquals(0, f.byMonth().get(1).answered());
        assertEquals(null, f.byMonth().get(1).onTimeRate());
    }

    @Test
    void openRequestsFallIntoAgeBandsByWholeDays() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        RequestFigures f = RequestFigures.of(AUTUMN, List.of(), KINDS,
                List.of(now.minus(Duration.ofHours(47)), now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(7)),
                        now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(15))), now);
        assertEquals(List.of(1L, 2L, 1L, 1L), f.openByAge().stream().map(RequestFigures.Count::count).toList());
        assertEquals(5, f.open());
        assertEquals(null, f.onTimeRate());
    }
}
