package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.oversight.entity.BoardReport;
import org.district.socialmedia.oversight.entity.BoardReportDelivery;
import org.district.socialmedia.oversight.entity.BoardReportSchedule;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DeadlineCalculator;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The Board report timer's work: the month due (the settings' calendar knows the school days), and its
 * mail, queued in the outbox with the PDF in one transaction with the month's delivery row. That row's
 * key refuses a second one, so two servers, or a pass after a restart, never queue the same month twice.
 */
@Stateless
public class BoardReportWorker {

    static final String EVENT_TYPE = "BOARD_REPORT";
    public static final String AUDIT_TYPE = "BoardReport";

    @PersistenceContext
    EntityManager em;
    @Inject
    DistrictSettingsService settings;
    @Inject
    BoardReports reports;
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** The month whose report is due and not yet queued, or null (the usual answer: one indexed look-up). */
    public YearMonth dueMonth() {
        DistrictSettings s = settings.current();
        DeadlineCalculator calendar = s.deadlineCalculator(settings.holidayDates());
        YearMonth due = BoardReportSchedule.dueMonth(LocalDate.now(clock.withZone(s.timeZone())), calendar::isSchoolDay);
        return due == null || em.find(BoardReportDelivery.class, due.toString()) != null ? null : due;
    }

    /**
     * Queues the month's report for BOARD_REPORT_RECIPIENTS. Returns 1 when queued, 0 when there is nobody to
     * send it to (a month is queued once recipients are set, if still due).
     *
     * @throws jakarta.persistence.PersistenceException when another server queued it first (rolled back)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int send(YearMonth month) {
        List<String> recipients = settings.boardReportRecipients();
        if (recipients.isEmpty() || em.find(BoardReportDelivery.class, month.toString()) != null) {
            return 0;
        }
        em.persist(new BoardReportDelivery(month, clock.instant(), String.join(",", recipients)));
        // the key speaks first, before any rendering is wasted
        em.flush();
        BoardReport report = reports.report(month);
        byte[] pdf = BoardReportPdf.render(report);
        DistrictSettings s = settings.current();
        outbox.enqueue(EVENT_TYPE, "board-report." + month, new LinkedHashSet<>(recipients),
                new MailTemplates.Parts(s.districtName(), "Social media oversight: Board report for " + report.monthName(),
                        "The monthly Board report on District social media is attached (PDF).",
                        List.of(report.requestSentence(), report.accountSentence(), report.consentSentence(),
                                report.takedownSentence()),
                        "Open the oversight dashboard", s.publicBaseUrl() + "/oversight/dashboard.xhtml"),
                "en", MailTemplates.FOOTER, new OutboxWriter.Attachment(BoardReport.fileName(month), "application/pdf", pdf));
        audit.record("BOARD_REPORT_QUEUED", AUDIT_TYPE, month.toString(), recipients.size() + " recipients");
        return 1;
    }
}
