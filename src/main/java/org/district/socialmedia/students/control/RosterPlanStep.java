package org.district.socialmedia.students.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.students.entity.ImportStatus;

/**
 * The write's first step in both roster jobs: plans the RUNNING run again from its files (the records may have
 * changed since its preview) and stores the changes to write ({@link RosterChangeLog}), which the chunk step then
 * applies. Run again whole when a crash cut it off (its rows are replaced); once done, a restart goes on from the
 * chunk step's checkpoint and never plans again, so that a restart writes what the first plan said.
 */
@Named("rosterPlanStep")
@Dependent
public class RosterPlanStep extends AbstractBatchlet {

    static final String PLANNED = "PLANNED";

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
    ImportRunClaims claims;

    @Override
    public String process() {
        Long id = Long.valueOf(runId);
        ImportStatus status = runs.find(id).getStatus();
        if (status != ImportStatus.RUNNING) {
            folders.discard(id);
            return status.name();
        }
        try {
            runs.planWrite(id, plans.of(id, new ReadingProgress((file, filesRead, filesTotal, rows) ->
                    claims.reading(id, file, filesRead, filesTotal, rows))).plan());
            plans.dropStaged(id);
            return PLANNED;
        } catch (RuntimeException e) {
            folders.discard(id);
            plans.dropStaged(id);
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
