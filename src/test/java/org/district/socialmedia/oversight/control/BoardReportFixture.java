package org.district.socialmedia.oversight.control;

import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.BoardReport;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.TakedownFigures;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

final class BoardReportFixture {

    private BoardReportFixture() {
    }

    static BoardReport sample() {
        RequestFigures requests = new RequestFigures("2026-11-01", "2026-11-30", 0.94, 50, 3, 30.0, 100.0,
                List.of(new RequestFigures.MonthFigures("2026-11", 50, 3, 0.94, 30.0)), List.of(),
                List.of(new RequestFigures.Count("AUTHORIZED", "Authorized as proposed", 40),
                        new RequestFigures.Count("REJECTED", "Rejected in its entirety", 10)),
                List.of(new RequestFigures.Count("UP_TO_2_DAYS", "0 to 2 days", 2)));
        AccountFigures accounts = new AccountFigures("2026-12-01", 40, 12,
                List.of(new AccountFigures.ComplianceRow(1L, "Lincoln High School", 30, 10, 1, 2, 3, 4),
                        new AccountFigures.ComplianceRow(2L, "Washington Elementary", 10, 2, 0, 1, 1, 0)),
                List.of(new RequestFigures.Count("0", "0 administrators", 3)), 5, 1, 2, 0);
        ConsentCoverage coverage = new ConsentCoverage("2026-11-30", List.of("PHOTO"),
                List.of(new ConsentCoverage.Row(1L, "Lincoln High School", "Lincoln High School", 50, Map.of("PHOTO", 39L),
                        Map.of("PHOTO", 0.78))), List.of(), 4);
        return new BoardReport("Example Unified School District", YearMonth.of(2026, 11), "7 days", requests, accounts, coverage,
                new TakedownFigures("2026-11-01", "2026-11-30", 1, 3, 5.0, 9.0));
    }
}
