package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.district.socialmedia.oversight.entity.BoardReport;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DayCounting;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.ReviewPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/** Gathers a month's Board report from the same figures as the dashboard and the API. */
@Stateless
public class BoardReports {

    @Inject
    RequestReports requests;
    @Inject
    AccountReports accounts;
    @Inject
    ConsentReports consent;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;

    public BoardReport report(YearMonth month) {
        DistrictSettings s = settings.current();
        ReportPeriod period = ReportPeriod.month(month, s.timeZone());
        LocalDate today = LocalDate.now(clock.withZone(s.timeZone()));
        return new BoardReport(s.districtName(), month, describe(s.reviewPeriod(), s.reviewDays()),
                requests.figures(period, null, clock.instant()),
                accounts.figures(null, today, clock.instant()),
                consent.coverage(null, null, month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today),
                consent.takedowns(period, null));
    }

    /** "7 days", "7 school days", or the exact duration of a demo period ("PT5M"). */
    static String describe(ReviewPeriod period, DayCounting counting) {
        if (!period.isWholeDays()) {
            return period.toString();
        }
        return period.days() + (counting == DayCounting.SCHOOL ? " school" : "") + (period.days() == 1 ? " day" : " days");
    }
}
