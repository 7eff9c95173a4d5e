package org.district.socialmedia.students.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The roster import writes running on this server's batch threads, for the metrics (smu_import_running,
 * smu_import_last_status): the chunk step's reader reports its open and close here. Per server on purpose: the
 * runs themselves, and which server holds each, are in the database (import_run's claim); a metric scraped
 * from each server adds up to the District's figure.
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
