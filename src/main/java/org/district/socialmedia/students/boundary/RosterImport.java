package org.district.socialmedia.students.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.students.control.ImportProblem;
import org.district.socialmedia.students.control.ImportRuns;
import org.district.socialmedia.students.control.RosterJobs;
import org.district.socialmedia.students.control.RunStarts;
import org.district.socialmedia.students.entity.ImportRun;

import java.io.InputStream;
import java.security.Principal;
import java.util.List;



/**
 * Imports the student information system's OneRoster 1.1 CSV export (students, guardians, staff, classes,
 * enrollments) as a run: the upload is streamed to disk and checked here, in the request; the preview and
 * the write are Jakarta Batch jobs ({@link RosterJobs}), so the answer comes at once and the run's status
 * tells how far it is.
 */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RosterImport {

    public static final int PAGE_MAX = 100;

    @Inject
    ImportRuns runs;
    @Inject
    RunStarts starts;
    @Inject
    RosterJobs jobs;
    @Inject
    Principal caller;

    /**
     * Streams the zip to disk and checks it (no transaction is held open while it arrives), stores a run
     * PREVIEWING with the zip, and starts its preview job. Unless {@code previewOnly}, the job writes the run
     * after its preview when that passed no safety limit.
     *
     * @throws InvalidInputException naming the field "file" when the upload is too large, no readable or a
     *                               harmful zip, or has no users.csv; nothing is stored then
     */
    public RunView start(InputStream zip, String fileName, boolean previewOnly) {
        // a new run has no problems yet: no need to read them
        return RunView.of(starts.start(zip, fileName, caller.getName(), !previewOnly)).withProblems(List.of());
    }

    /** The system administrator's go for a run awaiting confirmation: RUNNING now, its job writes it. */
    public RunView confirm(Long id) {
        runs.confirm(id, caller.getName());
        // the run as confirmed (RUNNING), before its job may have finished it
        RunView accepted = view(runs.find(id));
        try {
            jobs.write(id);
        } catch (RuntimeException e) {
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        }
        return accepted;
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
}
