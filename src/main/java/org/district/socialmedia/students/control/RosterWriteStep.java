package org.district.socialmedia.students.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.students.entity.ImportStatus;

import java.time.Clock;

/**
 * The write step of both roster jobs: plans the RUNNING run again from its files (the records may have
 * changed since its preview) and writes it, with its run's COMPLETED, in one transaction; a failure leaves
 * the run FAILED and nothing written.
 */
@Named("rosterWriteStep")
@Dependent
public class RosterWriteStep extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;
    @Inject
    ImportRuns runs;
    @Inject
    RosterRunFolder folders;
    @Inject
    RosterRunPlan plans;
    @Inject
    RosterImportActivity activity;
    @Inject
    Clock clock;

    @Override
    public String process() {
        Long id = Long.valueOf(runId);
        ImportStatus status = runs.find(id).getStatus();
        if (status != ImportStatus.RUNNING) {
            folders.discard(id);
            return status.name();
        }
        activity.started();
        boolean succeeded = false;
        try {
            runs.write(id, plans.of(id).plan());
            succeeded = true;
            return ImportStatus.COMPLETED.name();
        } catch (RuntimeException e) {
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            activity.finished(succeeded, clock.instant());
            folders.discard(id);
        }
    }
}
