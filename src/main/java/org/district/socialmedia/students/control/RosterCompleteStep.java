package org.district.socialmedia.students.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.students.entity.ImportStatus;

/** The roster write's last step: every change is written, the run is COMPLETED (run again, it changes nothing). */
@Named("rosterCompleteStep")
@Dependent
public class RosterCompleteStep extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;
    @Inject
    ImportRuns runs;
    @Inject
    RosterRunFolder folders;

    @Override
    public String process() {
        Long id = Long.valueOf(runId);
        try {
            return runs.completeWrite(id).getStatus().name();
        } finally {
            folders.discard(id);
        }
    }
}
