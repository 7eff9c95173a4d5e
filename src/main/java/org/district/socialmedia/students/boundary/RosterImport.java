package org.district.socialmedia.students.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.ImportProblem;
import org.district.socialmedia.students.control.ImportRuns;
import org.district.socialmedia.students.control.OneRosterParser;
import org.district.socialmedia.students.control.ParsedRoster;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterImportActivity;
import org.district.socialmedia.students.control.RosterPreview;
import org.district.socialmedia.students.control.RosterPreview.Plan;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.ImportRunStateException;
import org.district.socialmedia.students.entity.ImportStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports the student information system's OneRoster 1.1 CSV export (students, guardians, staff, classes,
 * enrollments) as a run: a preview first, then the write, at once or after a system administrator's
 * confirmation. Synchronous for now: the preview and the write are the control classes RosterPreview and
 * RosterWriter, which a batch job can call the same way.
 */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RosterImport {

    /** The zip as uploaded; each file inside has its own limit ({@link OneRosterParser#MAX_FILE_BYTES}). */
    public static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;
    static final String TOO_LARGE = "The upload is larger than 200 MB; a OneRoster export of the District is far smaller,"
            + " check that it is the right file";
    public static final int PAGE_MAX = 100;

    @Inject
    RosterPreview preview;
    @Inject
    ImportRuns runs;
    @Inject
    RosterImportActivity activity;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Principal caller;
    @Inject
    Clock clock;

    /**
     * Reads the zip (no transaction is held open while it arrives), stores a run and previews it. When the
     * preview passes no limit and {@code previewOnly} is false, the run is written at once.
     *
     * @throws InvalidInputException naming the field "file" when the upload is too large, no readable zip,
     *                               or has no users.csv; no run is stored then
     */
    public RunView start(InputStream zip, String fileName, boolean previewOnly) {
        byte[] bytes;
        try {
            bytes = new UploadLimit(zip, MAX_UPLOAD_BYTES).readAllBytes();
        } catch (UploadLimit.TooLarge e) {
            throw new InvalidInputException("file", TOO_LARGE);
        } catch (IOException e) {
            throw new InvalidInputException("file", "The upload cannot be read: " + e.getMessage());
        }
        RosterSettings rosterSettings = settings.roster();
        ParsedRoster roster = parse(bytes, rosterSettings);
        Long id = runs.create(sha256(bytes), fileName, caller.getName());
        try {
            runs.keepFile(id, bytes);
            Plan plan = preview.plan(roster, rosterSettings, settings.current()::isDistrictEmail);
            ImportRun run = runs.previewed(id, plan, rosterSettings.idSource());
            if (previewOnly || run.needsConfirmation()) {
                return view(run);
            }
            return write(id, plan, null);
        } catch (RuntimeException e) {
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** The system administrator's go for a run awaiting confirmation: the write runs now. */
    public RunView confirm(Long id) {
        ImportRun run = runs.find(id);
        if (run.getStatus() != ImportStatus.AWAITING_CONFIRMATION) {
            throw new ImportRunStateException("Import run " + id + " is " + run.getStatus() + ", not awaiting confirmation");
        }
        RosterSettings rosterSettings = settings.roster();
        byte[] zip = runs.keptFile(id).orElseThrow(() -> {
            runs.failed(id, "the uploaded file is no longer kept");
            return new ImportRunStateException("The file of import run " + id + " is no longer kept; upload it again");
        });
        Plan plan = preview.plan(parse(zip, rosterSettings), rosterSettings, settings.current()::isDistrictEmail);
        return write(id, plan, caller.getName());
    }

    /** Stops a run that has not written anything; its file is removed. */
    public RunView stop(Long id) {
        return view(runs.stop(id, caller.getName()));
    }

    /** Reactivates exactly what the last completed run deactivated (once). */
    public RunView undoLastDeactivations() {
        return view(runs.undoLastDeactivations(caller.getName()));
    }

    public RunView get(Long id) {
        return view(runs.find(id));
    }

    public List<ImportProblem> problems(Long id, int first, int size) {
        runs.find(id);
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new InvalidInputException("size", "first is 0 or more, size 1 to " + PAGE_MAX);
        }
        return runs.problems(id, first, size);
    }

    /** The previews that wait for an import or a stop, whoever made them: any system administrator may finish them. */
    public List<RunView> awaiting(int max) {
        return runs.awaiting(Math.min(Math.max(max, 1), PAGE_MAX)).stream().map(RunView::of).toList();
    }

    public long countAwaiting() {
        return runs.countAwaiting();
    }

    public List<RunView> history(int max) {
        return runs.latest(Math.min(Math.max(max, 1), PAGE_MAX)).stream().map(RunView::of).toList();
    }

    private RunView write(Long id, Plan plan, String confirmedBy) {
        activity.started();
        boolean succeeded = false;
        try {
            ImportRun run = runs.write(id, plan, confirmedBy);
            succeeded = true;
            return view(run);
        } catch (ImportRunStateException e) {
            throw e;
        } catch (RuntimeException e) {
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            activity.finished(succeeded, clock.instant());
        }
    }

    private static ParsedRoster parse(byte[] bytes, RosterSettings rosterSettings) {
        ParsedRoster roster;
        try {
            roster = OneRosterParser.parseZip(new ByteArrayInputStream(bytes), rosterSettings.idSource());
        } catch (IOException e) {
            throw new InvalidInputException("file", "The zip cannot be read: " + e.getMessage());
        }
        if (roster.mode(OneRosterParser.USERS) == FileMode.ABSENT) {
            // also what a file that is no zip at all looks like: no entries
            throw new InvalidInputException("file", "No users.csv to import: upload the zip of the SIS's OneRoster 1.1"
                    + " CSV export (a manifest.csv that calls users absent is not imported either)");
        }
        return roster;
    }

    /** The run with the first page of its problems (the preview shows the first 100). */
    private RunView view(ImportRun run) {
        return RunView.of(run).withProblems(runs.problems(run.getId(), 0, PAGE_MAX));
    }

    /** A run with a page of its problems. */
    public RunView get(Long id, int first, int size) {
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new InvalidInputException("size", "first is 0 or more, size 1 to " + PAGE_MAX);
        }
        return RunView.of(runs.find(id)).withProblems(runs.problems(id, first, size));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
