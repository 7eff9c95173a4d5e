package org.district.socialmedia.students.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The roster imports of this server, for the metrics (smu_import_running, smu_import_last_status): an import
 * runs inside the upload's request today, so only the server that runs it knows it runs. A later batch job
 * will keep its state in the database; the metric names stay.
 */
@ApplicationScoped
public class RosterImportActivity {

    public enum Outcome { NONE, SUCCEEDED, FAILED }

    /** The last import this server ran, or NONE with a null time. */
    public record Last(Outcome outcome, Instant finishedAt) {
    }

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<Last> last = new AtomicReference<>(new Last(Outcome.NONE, null));

    public void started() {
        running.incrementAndGet();
    }

    public void finished(boolean succeeded, Instant now) {
        running.decrementAndGet();
        last.set(new Last(succeeded ? Outcome.SUCCEEDED : Outcome.FAILED, now));
    }

    public int running() {
        return running.get();
    }

    public Last last() {
        return last.get();
    }
}
