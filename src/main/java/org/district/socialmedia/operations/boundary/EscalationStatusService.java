package org.district.socialmedia.operations.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.RightsSweep;
import org.district.socialmedia.acknowledgements.control.AckSweep;
import org.district.socialmedia.consent.control.ConsentSweep;
import org.district.socialmedia.oversight.control.BoardReportSweep;
import org.district.socialmedia.oversight.control.BoardReportWorker;
import org.district.socialmedia.consent.entity.ConsentStatus;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.parents.control.ParentReminderSweep;
import org.district.socialmedia.students.control.RosterDropFolder;
import org.district.socialmedia.students.control.RosterDropSweep;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.platform.entity.SweepStatus;
import org.district.socialmedia.requests.control.EscalationSweep;
import org.district.socialmedia.requests.entity.EscalationEvent;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The deadline timer's status panel for system administrators. */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
public class EscalationStatusService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    EscalationSweep sweep;
    @Inject
    RightsSweep rightsSweep;
    @Inject
    ConsentSweep consentSweep;
    @Inject
    ParentReminderSweep parentReminderSweep;
    @Inject
    RosterDropSweep rosterDropSweep;
    @Inject
    AckSweep ackSweep;
    @Inject
    DistrictSettingsService settings;
    @Inject
    BoardReportSweep boardReportSweep;
    @Inject
    BoardReportWorker boardReportWorker;

    public record Status(Instant lastStarted, Instant lastFinished, int lastFired, int lastFailures, String lastError,
                         Instant nextRun, long itemsDue, long stagesToday, long lateToday, long mailFailed,
                         long mailWaiting, String interval) implements Serializable {
    }

    public Status status() {
        SweepStatus s = em.find(SweepStatus.class, SweepStatus.ESCALATION);
        Instant now = clock.instant();
        Instant startOfDay = now.atZone(settings.current().timeZone()).toLocalDate().atStartOfDay(settings.current().timeZone()).toInstant();
        long due = em.createQuery("SELECT COUNT(r) FROM SocialMediaRequest r WHERE r.nextEscalationAt <= :now", Long.class)
                .setParameter("now", now).getSingleResult();
        long today = em.createQuery("SELECT COUNT(e) FROM EscalationEvent e WHERE e.firedAt >= :start", Long.class)
                .setParameter("start", startOfDay).getSingleResult();
        long late = em.createQuery("SELECT COUNT(e) FROM EscalationEvent e WHERE e.firedAt >= :start AND e.late = TRUE", Long.class)
                .setParameter("start", startOfDay).getSingleResult();
        long failed = em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :s", Long.class)
                .setParameter("s", OutboxMessage.Status.FAILED).getSingleResult();
        long waiting = em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :s", Long.class)
                .setParameter("s", OutboxMessage.Status.PENDING).getSingleResult();
        return new Status(s == null ? null : s.getLastStartedAt(), s == null ? null : s.getLastFinishedAt(),
                s == null ? 0 : s.getLastProcessed(), s == null ? 0 : s.getLastFailures(), s == null ? null : s.getLastError(),
                sweep.nextRun(), due, today, late, failed, waiting, Labels.duration(settings.current().sweepInterval()));
    }

    /** The account rights timer (administrative rights' expiry, access reviews): same interval, its own pass. */
    public record RightsStatus(Instant lastStarted, Instant lastFinished, int lastDone, int lastFailures, String lastError,
                               Instant nextRun, long grantsDue, long reviewsDue, long noticesToday) implements Serializable {
    }

    public RightsStatus rightsStatus() {
        SweepStatus s = em.find(SweepStatus.class, SweepStatus.ACCOUNT_RIGHTS);
        Instant now = clock.instant();
        Instant startOfDay = now.atZone(settings.current().timeZone()).toLocalDate().atStartOfDay(settings.current().timeZone()).toInstant();
        long grants = em.createQuery("SELECT COUNT(g) FROM AccountGrant g WHERE g.nextCheckAt <= :now", Long.class)
                .setParameter("now", now).getSingleResult();
        long reviews = em.createQuery("SELECT COUNT(r) FROM AccessReview r WHERE r.nextCheckAt <= :now", Long.class)
                .setParameter("now", now).getSingleResult();
        long notices = em.createQuery("SELECT COUNT(n) FROM RightsNotice n WHERE n.firedAt >= :start", Long.class)
                .setParameter("start", startOfDay).getSingleResult();
        return new RightsStatus(s == null ? null : s.getLastStartedAt(), s == null ? null : s.getLastFinishedAt(),
                s == null ? 0 : s.getLastProcessed(), s == null ? 0 : s.getLastFailures(), s == null ? null : s.getLastError(),
                rightsSweep.nextRun(), grants, reviews, notices);
    }

    /** The consent timer (forms ending, takedown reminders): same interval, its own pass. */
    public record ConsentTimerStatus(Instant lastStarted, Instant lastFinished, int lastDone, int lastFailures, String lastError,
                                Instant nextRun, long formsToExpire, long remindersDue) implements Serializable {
    }

    public ConsentTimerStatus consentStatus() {
        SweepStatus s = em.find(SweepStatus.class, SweepStatus.CONSENT);
        Instant now = clock.instant();
        java.time.LocalDate today = now.atZone(settings.current().timeZone()).toLocalDate();
        long forms = em.createQuery("SELECT COUNT(f) FROM ConsentForm f WHERE f.status = :active AND f.periodEnd < :today", Long.class)
                .setParameter("active", ConsentStatus.ACTIVE).setParameter("today", today)
                .getSingleResult();
        long reminders = em.createQuery("SELECT COUNT(t) FROM TakedownTask t WHERE t.nextReminderAt <= :now AND t.status = :open", Long.class)
                .setParameter("now", now).setParameter("open", TakedownTask.Status.OPEN)
                .getSingleResult();
        return new ConsentTimerStatus(s == null ? null : s.getLastStartedAt(), s == null ? null : s.getLastFinishedAt(),
                s == null ? 0 : s.getLastProcessed(), s == null ? 0 : s.getLastFailures(), s == null ? null : s.getLastError(),
                consentSweep.nextRun(), forms, reminders);
    }

    /** The parents' reminder timer (consent requests not answered): same interval, its own pass. */
    public record ParentReminderStatus(Instant lastStarted, Instant lastFinished, int lastDone, int lastFailures, String lastError,
                                       Instant nextRun, long remindersDue) implements Serializable {
    }

    public ParentReminderStatus parentReminderStatus() {
        SweepStatus s = em.find(SweepStatus.class, SweepStatus.PARENT_REMINDERS);
        long due = em.createQuery("SELECT COUNT(l) FROM ParentLink l WHERE l.nextReminderAt <= :now", Long.class)
                .setParameter("now", clock.instant()).getSingleResult();
        return new ParentReminderStatus(s == null ? null : s.getLastStartedAt(), s == null ? null : s.getLastFinishedAt(),
                s == null ? 0 : s.getLastProcessed(), s == null ? 0 : s.getLastFailures(), s == null ? null : s.getLastError(),
                parentReminderSweep.nextRun(), due);
    }

    /** The roster drop folder's timer: off unless ROSTER_DROP_DIR is set. */
    public record RosterDropStatus(Instant lastStarted, Instant lastFinished, int lastDone, int lastFailures, String lastError,
                                   Instant nextRun, String folder, int waiting) implements Serializable {
    }

    public RosterDropStatus rosterDropStatus() {
        SweepStatus s = em.find(SweepStatus.class, SweepStatus.ROSTER_DROP);
        RosterDropFolder folder = rosterDropSweep.folder();
        int waiting;
        try {
            waiting = folder.ready(Instant.MAX.minusSeconds(1)).size();
        } catch (RuntimeException unreadable) {
            waiting = -1;
        }
        return new RosterDropStatus(s == null ? null : s.getLastStartedAt(), s == null ? null : s.getLastFinishedAt(),
                s == null ? 0 : s.getLastProcessed(), s == null ? 0 : s.getLastFailures(), s == null ? null : s.getLastError(),
                rosterDropSweep.nextRun(), folder.enabled() ? folder.root().toString() : null, waiting);
    }

    /** The acknowledgement timer (campaigns, reminders, overdue notices): same interval, its own pass. */
    public record AckTimerStatus(Instant lastStarted, Instant lastFinished, int lastDone, int lastFailures, String lastError,
                                 Instant nextRun, long stagesDue, long stagesToday) implements Serializable {
    }

    public AckTimerStatus ackStatus() {
        SweepStatus s = em.find(SweepStatus.class, SweepStatus.ACKNOWLEDGEMENTS);
        Instant now = clock.instant();
        Instant startOfDay = now.atZone(settings.current().timeZone()).toLocalDate().atStartOfDay(settings.current().timeZone()).toInstant();
        long due = em.createQuery("SELECT COUNT(o) FROM Obligation o WHERE o.nextLookAt <= :now", Long.class)
                .setParameter("now", now).getSingleResult();
        long today = em.createQuery("SELECT COUNT(s) FROM AckStage s WHERE s.firedAt >= :start", Long.class)
                .setParameter("start", startOfDay).getSingleResult();
        return new AckTimerStatus(s == null ? null : s.getLastStartedAt(), s == null ? null : s.getLastFinishedAt(),
                s == null ? 0 : s.getLastProcessed(), s == null ? 0 : s.getLastFailures(), s == null ? null : s.getLastError(),
                ackSweep.nextRun(), due, today);
    }

    /** The Board report timer: same interval; on the first school day of a month it mails the last month's report. */
    public record BoardReportTimerStatus(Instant lastStarted, Instant lastFinished, int lastDone, int lastFailures, String lastError,
                                         Instant nextRun, String lastMonthQueued, String monthDue) implements Serializable {
    }

    public BoardReportTimerStatus boardReportStatus() {
        SweepStatus s = em.find(SweepStatus.class, SweepStatus.BOARD_REPORT);
        List<String> last = em.createQuery("SELECT d.reportMonth FROM BoardReportDelivery d ORDER BY d.reportMonth DESC", String.class)
                .setMaxResults(1).getResultList();
        YearMonth due = boardReportWorker.dueMonth();
        return new BoardReportTimerStatus(s == null ? null : s.getLastStartedAt(), s == null ? null : s.getLastFinishedAt(),
                s == null ? 0 : s.getLastProcessed(), s == null ? 0 : s.getLastFailures(), s == null ? null : s.getLastError(),
                boardReportSweep.nextRun(), last.isEmpty() ? null : last.get(0), due == null ? null : due.toString());
    }

    public List<EscalationEvent> recent(int limit) {
        return em.createQuery("SELECT e FROM EscalationEvent e ORDER BY e.firedAt DESC, e.id DESC", EscalationEvent.class)
                .setMaxResults(Math.min(Math.max(1, limit), 200)).getResultList();
    }
}
