package org.district.socialmedia.oversight.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.district.socialmedia.acknowledgements.boundary.CoverageService;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.oversight.control.AccountReports;
import org.district.socialmedia.oversight.control.BoardReportPdf;
import org.district.socialmedia.oversight.control.BoardReportWorker;
import org.district.socialmedia.oversight.control.BoardReports;
import org.district.socialmedia.oversight.control.ConsentReports;
import org.district.socialmedia.oversight.control.ReportUnits;
import org.district.socialmedia.oversight.control.RequestReports;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.BoardReport;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.ReportPeriod;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.TakedownFigures;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The oversight figures for the Superintendent, the designees (reading) and auditors: the dashboard, the
 * reports API and the Board report download all ask here. Reading only; a report download is audited.
 */
@Stateless
@RolesAllowed({Role.SUPERINTENDENT_NAME, Role.REVIEWER_NAME, Role.AUDITOR_NAME})
public class OversightReports {

    @Inject
    RequestReports requests;
    @Inject
    AccountReports accounts;
    @Inject
    ConsentReports consent;
    @Inject
    BoardReports board;
    @Inject
    ReportUnits units;
    @Inject
    DistrictTime districtTime;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    CoverageService acknowledgements;
    @Resource
    SessionContext context;

    /** A PDF and its file name. */
    public record Pdf(String fileName, byte[] content) {
    }

    public RequestFigures requests(String from, String to, String unit) {
        return requests.figures(period(from, to), units.resolve(unit), clock.instant());
    }

    /** Every school row of the District's list (the CSV). */
    public AccountFigures accounts(String unit) {
        return accounts.figures(units.resolve(unit), today(), clock.instant());
    }

    /** The District's figures with {@code size} rows of its list per school from the {@code first} (0 on); a school's whole. */
    public AccountFigures accounts(String unit, int first, int size) {
        page(first, size, AccountReports.PAGE_MAX);
        return accounts.figures(units.resolve(unit), today(), clock.instant(), first, size);
    }

    /** Every school row of the District's answer (the CSV). */
    public ConsentCoverage consentCoverage(String unit, String item) {
        return consent.coverage(units.resolve(unit), item(item), today());
    }

    /** The District's answer with {@code size} school rows from the {@code first} (0 on); a school's answer whole. */
    public ConsentCoverage consentCoverage(String unit, String item, int first, int size) {
        page(first, size, ConsentReports.PAGE_MAX);
        return consent.coverage(units.resolve(unit), item(item), today(), first, size);
    }

    private static void page(int first, int size, int max) {
        if (first < 0) {
            throw new InvalidInputException("first", "first is 0 or more, not " + first);
        }
        if (size < 1 || size > max) {
            throw new InvalidInputException("size", "size is 1 to " + max + ", not " + size);
        }
    }

    public TakedownFigures takedowns(String from, String to, String unit) {
        return consent.takedowns(period(from, to), units.resolve(unit));
    }

    /**
     * Whether the caller may read the acknowledgement coverage: the access table gives it to the Superintendent
     * and auditors (and system administrators, who do not read this dashboard), not to designated reviewers.
     */
    public boolean mayReadAcknowledgements() {
        return context.isCallerInRole(Role.SUPERINTENDENT_NAME) || context.isCallerInRole(Role.AUDITOR_NAME);
    }

    /** The latest acknowledgement campaign's coverage per school and department; null when none was started. */
    @RolesAllowed({Role.SUPERINTENDENT_NAME, Role.AUDITOR_NAME})
    public CoverageService.Coverage acknowledgementCoverage() {
        return acknowledgements.coverage(null, null);
    }

    /** Today in the District's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(districtTime.timeZone()));
    }

    /**
     * The Board report of a past month ("2026-11"), as mailed; without a month, last month's (the one the
     * timer mails). The download is audited.
     */
    public Pdf boardReport(String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(today()).minusMonths(1) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "month must be a month such as 2026-11, not '" + month + "'");
        }
        if (!m.isBefore(YearMonth.from(today()))) {
            throw new InvalidInputException("month", "The Board report is made for past months only; " + m + " is not over yet");
        }
        byte[] pdf = BoardReportPdf.render(board.report(m));
        audit.recordSeparately(null, "BOARD_REPORT_DOWNLOADED", BoardReportWorker.AUDIT_TYPE, m.toString(), AuditEntry.Outcome.DONE,
                pdf.length + " bytes");
        return new Pdf(BoardReport.fileName(m), pdf);
    }

    private ReportPeriod period(String from, String to) {
        return ReportPeriod.parse(from, to, today(), districtTime.timeZone());
    }

    private static ConsentItem item(String item) {
        if (item == null || item.isBlank()) {
            return null;
        }
        try {
            return ConsentItem.valueOf(item.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("item", "item is one of " + List.of(ConsentItem.values()) + ", not '" + item + "'");
        }
    }
}
