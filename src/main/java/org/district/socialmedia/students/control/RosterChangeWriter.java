package org.district.socialmedia.students.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.students.control.RosterChangeLog.Page;

import java.util.List;

/**
 * Writes a chunk of a run's changes (a page, {@link RosterChangeLog#next}) in the chunk's transaction: the records, what they deactivated (for the undo),
 * the rows' removal and the run's figures, all or nothing. A failure leaves the chunks before it written and the
 * run FAILED, saying how far it got.
 */
@Named("rosterChangeWriter")
@Dependent
public class RosterChangeWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String runId;
    @Inject
    ImportRuns runs;

    @Override
    public void writeItems(List<Object> items) {
        Long id = Long.valueOf(runId);
        try {
            for (Object page : items) {
                runs.apply(id, (Page) page);
            }
        } catch (RuntimeException e) {
            runs.failedWriting(id, e);
            throw e;
        }
    }
}
