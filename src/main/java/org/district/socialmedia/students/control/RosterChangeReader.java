package org.district.socialmedia.students.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.students.control.RosterChangeLog.Page;

import java.io.Serializable;
import java.time.Clock;

/**
 * The write's chunk step reads the run's stored changes a page at a time in seq order, a page an item and a chunk
 * (the job XML's item-count is 1): up to 500 rows written through entities, or a range of one kind's rows
 * (enrollments, links) written set-wise ({@link RosterChangeLog#next}). Its checkpoint is the last seq read, committed with the chunk that wrote
 * it: a restart reads on after it. Rows a committed chunk applied are deleted with it, so even an older checkpoint
 * would read nothing twice.
 */
@Named("rosterChangeReader")
@Dependent
public class RosterChangeReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String runId;
    @Inject
    RosterChangeLog changes;
    @Inject
    ImportRunClaims claims;
    @Inject
    ImportRuns runs;
    @Inject
    RosterImportActivity activity;
    @Inject
    Clock clock;

    private Long id;
    private long lastSeq = -1;
    private boolean done;

    @Override
    public void open(Serializable checkpoint) {
        id = Long.valueOf(runId);
        lastSeq = checkpoint == null ? -1 : (Long) checkpoint;
        claims.paceFromNow(id);
        activity.started();
    }

    @Override
    public Object readItem() {
        Page next;
        try {
            // within the chunk's transaction
            next = changes.next(id, lastSeq);
        } catch (RuntimeException e) {
            runs.failedWriting(id, e);
            throw e;
        }
        if (next == null) {
            done = true;
            return null;
        }
        lastSeq = next.lastSeq();
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastSeq;
    }

    @Override
    public void close() {
        activity.finished(done, clock.instant());
    }
}
