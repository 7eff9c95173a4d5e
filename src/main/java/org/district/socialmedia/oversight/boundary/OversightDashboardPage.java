package org.district.socialmedia.oversight.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.acknowledgements.boundary.CoverageService;
import org.district.socialmedia.acknowledgements.control.CoverageQueries;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.oversight.control.ReportCsv;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.TakedownFigures;
import org.district.socialmedia.people.boundary.OrgUnits;
import org.district.socialmedia.people.boundary.UnitChoiceConverter;
import org.district.socialmedia.people.boundary.UnitField;
import org.district.socialmedia.platform.boundary.CsvDownload;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.io.Writer;

/**
 * The oversight dashboard: the review's timeliness, the registry's compliance, the consent coverage and (for
 * those the access table lets read it) the policy acknowledgement coverage, with
 * date-range and school filters. Each chart has its figures as a table and as CSV; the Board report of a past
 * month is a download.
 */
@Named
@ViewScoped
public class OversightDashboardPage implements Serializable {

    /** Schools per page of the District's coverage: a chart of more bars cannot be read (900 schools at full scale). */
    static final int COVERAGE_PAGE = 25;
    /** Schools or departments per page of the District's compliance, for the same reason (1,000 at full scale). */
    static final int COMPLIANCE_PAGE = 25;

    @Inject
    OversightReports reports;

    @Inject
    OrgUnits units;

    private LocalDate from;
    private LocalDate to;
    /**
     * The school filter: a type-ahead box, not a menu. A District has a thousand schools and departments; listed as
     * options they were half the page, and sent with every view of it.
     */
    private final UnitField unit = new UnitField();
    private RequestFigures requests;
    private AccountFigures accounts;
    private final SchoolPages compliancePages = new SchoolPages(COMPLIANCE_PAGE);
    private ConsentCoverage coverage;
    private final SchoolPages coveragePages = new SchoolPages(COVERAGE_PAGE);
    private TakedownFigures takedowns;
    private String reportMonth;
    private boolean mayReadAcknowledgements;
    /** The latest campaign's coverage (null: none started, or the caller may not read it). */
    private CoverageService.Coverage acknowledgements;
    /** Its units, only the filter's one when a school or department is chosen. */
    private List<CoverageQueries.UnitCoverage> acknowledgementUnits = List.of();

    @PostConstruct
    void init() {
        mayReadAcknowledgements = reports.mayReadAcknowledgements();
        LocalDate today = reports.today();
        to = today;
        from = YearMonth.from(today).minusMonths(11).atDay(1);
        reportMonth = YearMonth.from(today).minusMonths(1).toString();
        load();
    }

    /** The filters' button. */
    public void apply() {
        coveragePages.reset();
        compliancePages.reset();
        load();
    }

    /** The District's compliance: the next page of schools and departments. */
    public void nextUnits() {
        compliancePages.next(accounts.unitsTotal());
        loadAccounts();
    }

    /** The District's compliance: the page before. */
    public void previousUnits() {
        compliancePages.previous();
        loadAccounts();
    }

    private void loadAccounts() {
        accounts = reports.accounts(unitId(), compliancePages.first(), compliancePages.size());
    }

    /** The District's coverage: the next page of schools. */
    public void nextSchools() {
        coveragePages.next(coverage.schoolsTotal());
        loadCoverage();
    }

    /** The District's coverage: the page of schools before. */
    public void previousSchools() {
        coveragePages.previous();
        loadCoverage();
    }

    private void loadCoverage() {
        coverage = reports.consentCoverage(unitId(), null, coveragePages.first(), coveragePages.size());
    }

    private void load() {
        String chosen = unitId();
        try {
            requests = reports.requests(text(from), text(to), chosen);
            takedowns = reports.takedowns(text(from), text(to), chosen);
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
            return;
        }
        loadAccounts();
        loadCoverage();
        if (mayReadAcknowledgements) {
            acknowledgements = reports.acknowledgementCoverage();
            acknowledgementUnits = acknowledgements == null ? List.of() : acknowledgements.units().stream()
                    .filter(u -> unit.id() == null || unit.id().equals(u.unitId())).toList();
        }
    }

    /** The chosen school or department as the reports take it, null for the whole District. */
    private String unitId() {
        return unit.id() == null ? null : unit.id().toString();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    // ------------------------------------------------------------------ charts

    public String getOnTimeChart() {
        List<String> labels = requests.byMonth().stream().map(RequestFigures.MonthFigures::month).toList();
        List<Double> values = requests.byMonth().stream().map(m -> ChartJson.percent(m.onTimeRate())).toList();
        return ChartJson.bar(labels, List.of(new ChartJson.Series("Answered on time (%)", values)), "% on time", 100.0, false);
    }

    public String getReviewerChart() {
        List<String> labels = requests.byReviewer().stream().map(RequestFigures.ReviewerFigures::reviewer).toList();
        List<Double> values = requests.byReviewer().stream().map(r -> ChartJson.percent(r.onTimeRate())).toList();
        return ChartJson.bar(labels, List.of(new ChartJson.Series("Answered on time (%)", values)), "% on time", 100.0, true);
    }

    public String getAgeChart() {
        return counts(requests.openByAge(), "Open requests", "requests");
    }

    public String getOutcomeChart() {
        return counts(requests.outcomes(), "Responses", "responses");
    }

    public String getComplianceChart() {
        List<String> labels = accounts.compliance().stream().map(AccountFigures.ComplianceRow::unit).toList();
        List<Long> failing = accounts.compliance().stream().map(AccountFigures.ComplianceRow::failing).toList();
        return ChartJson.bar(labels, List.of(new ChartJson.Series("Accounts with a compliance issue", failing)), "accounts", null, true);
    }

    public String getAdministratorsChart() {
        return counts(accounts.byAdministrators(), "Accounts in use", "accounts");
    }

    public String getCoverageChart() {
        List<String> labels = coverage.schools().stream().map(ConsentCoverage.Row::name).toList();
        List<ChartJson.Series> series = new ArrayList<>();
        for (String item : coverage.items()) {
            series.add(new ChartJson.Series(ConsentItem.valueOf(item).label() + " (%)",
                    coverage.schools().stream().map(r -> ChartJson.percent(r.share().get(item))).toList()));
        }
        return ChartJson.bar(labels, series, "% of enrolled students", 100.0, true);
    }

    public String getAcknowledgementChart() {
        List<String> labels = acknowledgementUnits.stream().map(CoverageQueries.UnitCoverage::unitName).toList();
        List<Double> shares = acknowledgementUnits.stream().map(u -> ChartJson.percent(u.share())).toList();
        return ChartJson.bar(labels, List.of(new ChartJson.Series("Acknowledged (%)", shares)), "% of active staff", 100.0, true);
    }

    private static String counts(List<RequestFigures.Count> counts, String series, String axis) {
        return ChartJson.bar(counts.stream().map(RequestFigures.Count::label).toList(),
                List.of(new ChartJson.Series(series, counts.stream().map(RequestFigures.Count::count).toList())), axis, null, false);
    }

    // ------------------------------------------------------------------ CSV

    public void exportByMonth() throws IOException {
        send("requests-by-month.csv", out -> ReportCsv.requestsByMonth(requests, out));
    }

    public void exportByReviewer() throws IOException {
        send("requests-by-reviewer.csv", out -> ReportCsv.requestsByReviewer(requests, out));
    }

    public void exportAges() throws IOException {
        send("open-requests-by-age.csv", out -> ReportCsv.counts(requests.openByAge(), out));
    }

    public void exportOutcomes() throws IOException {
        send("responses-by-kind.csv", out -> ReportCsv.counts(requests.outcomes(), out));
    }

    public void exportCompliance() throws IOException {
        // every school and department, not the page shown
        AccountFigures all = reports.accounts(unitId());
        send("account-compliance.csv", out -> ReportCsv.compliance(all, out));
    }

    public void exportAdministrators() throws IOException {
        send("accounts-by-administrators.csv", out -> ReportCsv.counts(accounts.byAdministrators(), out));
    }

    public void exportSchoolCoverage() throws IOException {
        // every school, not the page shown
        ConsentCoverage all = reports.consentCoverage(unitId(), null);
        send("consent-coverage-schools.csv", out -> ReportCsv.coverage(all, all.schools(), out));
    }

    public void exportClassCoverage() throws IOException {
        send("consent-coverage-classes.csv", out -> ReportCsv.coverage(coverage, coverage.classes(), out));
    }

    public void exportAcknowledgements() throws IOException {
        send("acknowledgement-coverage.csv", out -> ReportCsv.acknowledgements(acknowledgementUnits, out));
    }

    private static void send(String name, Function<Writer, Integer> writer) throws IOException {
        CsvDownload.send(name, writer);
    }

    // ------------------------------------------------------------------ view

    /** The past months whose Board report can be downloaded, the last one first (two school years). */
    public List<String> getReportMonths() {
        List<String> months = new ArrayList<>();
        YearMonth last = YearMonth.from(reports.today()).minusMonths(1);
        for (int i = 0; i < 24; i++) {
            months.add(last.minusMonths(i).toString());
        }
        return months;
    }

    public String itemLabel(String item) {
        return ConsentItem.valueOf(item).label();
    }

    /** A share as a percentage for the tables ("94.1%"), or "n/a". */
    public String percent(Double share) {
        return share == null ? "n/a" : ChartJson.percent(share) + "%";
    }

    public String hours(Double hours) {
        return hours == null ? "n/a" : hours + " h";
    }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    /** The chosen school or department's id; null for the whole District. */
    public Long getUnitId() { return unit.id(); }
    public OrgUnits.UnitChoice getUnit() { return unit.shown(units); }
    public void setUnit(OrgUnits.UnitChoice chosen) { unit.choose(chosen); }
    public List<OrgUnits.UnitChoice> completeUnit(String text) { return UnitField.complete(units, text); }
    public UnitChoiceConverter getUnitConverter() { return unit.converter(units); }
    public RequestFigures getRequests() { return requests; }
    public AccountFigures getAccounts() { return accounts; }
    public ConsentCoverage getCoverage() { return coverage; }
    public int getCoveragePageSize() { return COVERAGE_PAGE; }
    /** Whether the District's schools take more than one page. */
    public boolean isCoveragePaged() { return coverage.schoolsTotal() > COVERAGE_PAGE; }
    /** The page's first and last school, counted from 1. */
    public int getCoverageFrom() { return coverage.first() + 1; }
    public int getCoverageTo() { return coverage.first() + coverage.schools().size(); }
    public int getCompliancePageSize() { return COMPLIANCE_PAGE; }
    /** Whether the District's schools and departments with accounts take more than one page. */
    public boolean isCompliancePaged() { return accounts.unitsTotal() > COMPLIANCE_PAGE; }
    /** The page's first and last unit, counted from 1. */
    public int getComplianceFrom() { return accounts.first() + 1; }
    public int getComplianceTo() { return accounts.first() + accounts.compliance().size(); }
    public TakedownFigures getTakedowns() { return takedowns; }
    public String getReportMonth() { return reportMonth; }
    public boolean isMayReadAcknowledgements() { return mayReadAcknowledgements; }
    public CoverageService.Coverage getAcknowledgements() { return acknowledgements; }
    public List<CoverageQueries.UnitCoverage> getAcknowledgementUnits() { return acknowledgementUnits; }
}
