package org.district.socialmedia.students.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.students.control.RosterChangeRows.RosterChange;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The write's chunk step reads the run's stored changes a page at a time in seq order. Its checkpoint is the
 * last seq read, committed with the chunk that wrote it: a restart reads on after it. Rows a committed chunk
 * applied are deleted with it, so even an older checkpoint would read nothing twice.
 */
@Named("rosterChangeReader")
@Dependent
public class RosterChangeReader extends AbstractItemReader {

    /** One chunk's worth (the job XML's item-count): a page is read within the chunk's transaction. */
    static final int PAGE = 500;

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
    private final Deque<RosterChange> page = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        id = Long.valueOf(runId);
        lastSeq = checkpoint == null ? -1 : (Long) checkpoint;
        claims.paceFromNow(id);
        activity.started();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            try {
                page.addAll(changes.page(id, lastSeq, PAGE));
            } catch (RuntimeException e) {
                runs.failedWriting(id, e);
                throw e;
            }
        }
        RosterChange next = page.poll();
        if (next == null) {
            done = true;
            return null;
        }
        lastSeq = next.seq();
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
