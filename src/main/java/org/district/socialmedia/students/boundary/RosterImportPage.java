package org.district.socialmedia.students.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.StateConflictException;
import org.district.socialmedia.students.entity.ImportStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * A system administrator uploads the student information system's OneRoster 1.1 export (a zip), reads
 * its preview (nothing written yet), and imports or stops it; below, the import history and the undo
 * of the last run's deactivations.
 */
@Named
@ViewScoped
public class RosterImportPage implements Serializable {

    static final int HISTORY = 20;

    @Inject
    RosterImport importer;

    private transient Part file;
    private RunView run;
    private List<RunView> history = List.of();
    private List<RunView> pendingRuns = List.of();

    @PostConstruct
    void load() {
        history = importer.history(HISTORY);
        pendingRuns = importer.awaiting(RosterImport.PAGE_MAX);
    }

    /** Opens a run that waits for confirmation (made earlier, on any server, by any system administrator). */
    public void open(Long id) {
        run = importer.get(id, 0, RosterImport.PAGE_MAX);
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Messages.fieldErrors("roster", new InvalidInputException("file", "Choose the OneRoster zip to import"));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            run = importer.start(in, file.getSubmittedFileName(), true);
            Messages.info("Import run " + run.id() + " uploaded; its preview is being prepared. Nothing is written"
                    + " until you import it.");
        } catch (InvalidInputException e) {
            run = null;
            Messages.fieldErrors("roster", e);
        } catch (IOException e) {
            Messages.error("The file could not be read: " + e.getMessage());
        }
        load();
    }

    public void confirm() {
        try {
            run = importer.confirm(run.id());
            Messages.info("Import run " + run.id() + " is being written; this page shows when it is done.");
        } catch (StateConflictException e) {
            Messages.error(e.getMessage());
        } catch (RuntimeException e) {
            run = importer.get(run.id(), 0, RosterImport.PAGE_MAX);
            Messages.error("The import failed and wrote nothing: " + e.getMessage());
        }
        load();
    }

    /** The poll's call while the job runs: the run as it stands, and the lists once it is done. */
    public void refresh() {
        if (run == null) {
            return;
        }
        run = importer.get(run.id(), 0, RosterImport.PAGE_MAX);
        if (!isWorking()) {
            Messages.info("Import run " + run.id() + ": " + describe(run));
            load();
        }
    }

    static String describe(RunView run) {
        return switch (run.status()) {
            case AWAITING_CONFIRMATION -> "preview ready; nothing is written until you import it. " + run.summary();
            case COMPLETED -> "imported. " + run.outcome();
            case FAILED -> "failed. " + run.outcome();
            case STOPPED -> "stopped; nothing was written.";
            default -> run.status().name();
        };
    }

    /** The job's state in one sentence, for the page's live status. */
    public String getProgress() {
        return run == null ? "" : progress(run);
    }

    static String progress(RunView r) {
        if (r.status() == ImportStatus.PREVIEWING) {
            if (r.readingFile() != null) {
                return "Reading " + reading(r) + "; nothing is written.";
            }
            return r.filesTotal() == 0 ? "Reading the files for the preview; nothing is written."
                    : "Read " + r.filesRead() + " of " + r.filesTotal() + " files (" + count(r.rowsRead())
                    + " rows); preparing the preview; nothing is written.";
        }
        if (r.rowsToWrite() == 0) {
            return r.readingFile() == null ? "Writing the import: reading the files and planning the changes."
                    : "Writing the import: reading " + reading(r) + " again; then the changes are planned.";
        }
        return "Writing the import: " + r.rowsWritten() + " of " + r.rowsToWrite() + " changes written ("
                + percent(r) + "%)" + (r.secondsLeft() == null ? "." : ", " + timeLeft(r.secondsLeft()) + " left.");
    }

    /** "users.csv: 120,000 rows (file 2 of 4)". */
    private static String reading(RunView r) {
        return r.readingFile() + ": " + count(r.rowsRead()) + " rows (file " + Math.min(r.filesRead() + 1, r.filesTotal())
                + " of " + r.filesTotal() + ")";
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Changes written, in whole percent. */
    public int getPercentDone() {
        return run == null ? 0 : percent(run);
    }

    static int percent(RunView r) {
        return r.rowsToWrite() <= 0 ? 0 : (int) (100L * r.rowsWritten() / r.rowsToWrite());
    }

    public String getTimeLeft() {
        return run == null || run.secondsLeft() == null ? "not known yet" : timeLeft(run.secondsLeft());
    }

    /** "about 40 seconds", "about 3 minutes", "about 1 hour 5 minutes". */
    static String timeLeft(long seconds) {
        if (seconds < 60) {
            return "about " + Math.max(seconds, 1) + (seconds <= 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 60) {
            return "about " + minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return "about " + hours + (hours == 1 ? " hour" : " hours") + (rest == 0 ? "" : " " + rest + (rest == 1 ? " minute" : " minutes"));
    }

    /** The run's job is at work (previewing or writing): the page polls. */
    public boolean isWorking() {
        return run != null && (run.status() == ImportStatus.PREVIEWING || run.status() == ImportStatus.RUNNING);
    }

    public void stop() {
        try {
            run = importer.stop(run.id());
            Messages.info("Import run " + run.id() + " stopped; nothing was written.");
        } catch (StateConflictException e) {
            Messages.error(e.getMessage());
        }
        load();
    }

    public void undo() {
        try {
            RunView undone = importer.undoLastDeactivations();
            Messages.info("The " + undone.deactivations() + " deactivations of import run " + undone.id() + " were undone.");
        } catch (StateConflictException e) {
            Messages.error(e.getMessage());
        }
        load();
    }

    public boolean isAwaiting() {
        return run != null && run.status() == ImportStatus.AWAITING_CONFIRMATION;
    }

    /** The last completed run, when it deactivated something not yet undone. */
    public RunView getUndoable() {
        return history.stream().filter(r -> r.status() == ImportStatus.COMPLETED).findFirst()
                .filter(r -> r.deactivations() > 0 && r.undoneAt() == null).orElse(null);
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public RunView getRun() { return run; }
    public List<RunView> getHistory() { return history; }
    /** Not "awaiting": isAwaiting() is the open run's state, and EL would read that boolean instead. */
    public List<RunView> getPendingRuns() { return pendingRuns; }
}
