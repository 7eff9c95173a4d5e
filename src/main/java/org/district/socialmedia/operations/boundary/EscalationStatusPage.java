package org.district.socialmedia.operations.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.requests.control.TimelineSentences;
import org.district.socialmedia.requests.entity.EscalationEvent;

import java.io.Serializable;
import java.util.List;

/** Status of the deadline timer: last and next sweep, what is due, what fired today, failures. */
@Named
@ViewScoped
public class EscalationStatusPage implements Serializable {

    @Inject
    EscalationStatusService service;
    @Inject
    TallyRecount tallyRecount;

    private EscalationStatusService.Status status;
    private List<EscalationEvent> recent;
    private EscalationStatusService.RightsStatus rights;
    private EscalationStatusService.ConsentTimerStatus consent;
    private EscalationStatusService.ParentReminderStatus parentReminders;
    private EscalationStatusService.AckTimerStatus acknowledgements;
    private EscalationStatusService.BoardReportTimerStatus boardReport;
    private EscalationStatusService.RosterDropStatus rosterDrop;
    /** The tallies as last checked or recounted on this page; null until asked (a check recounts every row). */
    private List<TallyRecount.TallyState> tallies;
    private String talliesDone;

    @PostConstruct
    void load() {
        status = service.status();
        recent = service.recent(50);
        rights = service.rightsStatus();
        consent = service.consentStatus();
        parentReminders = service.parentReminderStatus();
        acknowledgements = service.ackStatus();
        boardReport = service.boardReportStatus();
        rosterDrop = service.rosterDropStatus();
    }

    public void refresh() {
        load();
    }

    /** Compares every tally with a recount of the rows, changing nothing. */
    public void checkTallies() {
        tallies = tallyRecount.check();
        talliesDone = "Checked";
    }

    /** Rebuilds every tally from a recount of the rows (audited). */
    public void recountTallies() {
        tallies = tallyRecount.recount(null);
        talliesDone = "Recounted";
    }

    /** A stage's key ("REMINDER_P2D") in words. */
    public String stage(String key) {
        return TimelineSentences.stage(key);
    }

    public EscalationStatusService.Status getStatus() { return status; }
    public List<EscalationEvent> getRecent() { return recent; }
    public EscalationStatusService.RightsStatus getRights() { return rights; }
    public EscalationStatusService.ConsentTimerStatus getConsent() { return consent; }
    public EscalationStatusService.ParentReminderStatus getParentReminders() { return parentReminders; }
    public EscalationStatusService.AckTimerStatus getAcknowledgements() { return acknowledgements; }
    public EscalationStatusService.BoardReportTimerStatus getBoardReport() { return boardReport; }
    public EscalationStatusService.RosterDropStatus getRosterDrop() { return rosterDrop; }
    public List<TallyRecount.TallyState> getTallies() { return tallies; }
    public String getTalliesDone() { return talliesDone; }
}
