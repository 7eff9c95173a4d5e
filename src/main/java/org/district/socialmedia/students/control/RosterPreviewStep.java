package org.district.socialmedia.students.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.ImportStatus;

/**
 * The preview step of the {@value RosterJobs#PREVIEW} job: reads the run's files, stores what the import
 * would do and its problems; nothing else is written. Exit status {@value #WRITE} when the run may be written
 * at once (asked for, and no safety limit passed), and the job goes on to its write step.
 */
@Named("rosterPreviewStep")
@Dependent
public class RosterPreviewStep extends AbstractBatchlet {

    static final String WRITE = "WRITE";
    static final String WAIT = "WAIT";
    static final String GONE = "GONE";

    @Inject
    @BatchProperty
    String runId;
    @Inject
    @BatchProperty
    String writeWhenClear;
    @Inject
    ImportRuns runs;
    @Inject
    RosterRunFolder folders;
    @Inject
    RosterRunPlan plans;
    @Inject
    ImportRunClaims claims;
    @Inject
    RunFiles files;

    @Override
    public String process() {
        Long id = Long.valueOf(runId);
        ImportStatus status = runs.find(id).getStatus();
        if (status == ImportStatus.RUNNING) {
            // restarted after a crash that came after the preview was stored: on to the write
            return WRITE;
        }
        if (status != ImportStatus.PREVIEWING) {
            // stopped while it waited for a batch thread
            folders.discard(id);
            return GONE;
        }
        try {
            RosterRunPlan.Planned planned = plans.of(id, new ReadingProgress((file, filesRead, filesTotal, rows) ->
                    claims.reading(id, file, filesRead, filesTotal, rows)));
            claims.filesRead(id, (int) planned.plan().roster().modes().values().stream()
                    .filter(mode -> mode != FileMode.ABSENT).count());
            ImportRun run = runs.previewed(id, planned.plan(), planned.idSource(), Boolean.parseBoolean(writeWhenClear));
            plans.dropStaged(id);
            if (run.getStatus() == ImportStatus.RUNNING) {
                return WRITE;
            }
            // the zip waits in the database; whichever server gets the confirmation unpacks it again
            folders.discard(id);
            return WAIT;
        } catch (RuntimeException e) {
            folders.discard(id);
            plans.dropStaged(id);
            if (runs.find(id).getStatus() == ImportStatus.STOPPED) {
                // stopped while its zip was being kept: the rows kept after the stop removed the others
                files.drop(id);
                return GONE;
            }
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
