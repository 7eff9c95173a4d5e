package org.district.socialmedia.platform.control;

import jakarta.ejb.TimerService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every sweep timer (escalation, account rights, consent) does around its own work: one
 * persistent timer at the District's interval, never two passes at once on one server, each item
 * tried on its own so that one failure does not stop the others, and the pass's figures recorded in
 * {@code SweepStatus} even when the pass itself fails. A sweep bean keeps one and says only what a pass does.
 */
public final class Sweep {

    private final String title;
    private final String timerName;
    private final String statusName;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();
    private final LogThrottle throttle;

    /**
     * @param title      for the log, e.g. "Consent sweep"
     * @param timerName  the timer's name (its info), kept across restarts
     * @param statusName the {@code SweepStatus} row the pass's figures go to
     */
    public Sweep(String title, String timerName, String statusName, Logger log) {
        this.title = title;
        this.timerName = timerName;
        this.statusName = statusName;
        this.log = log;
        this.throttle = new LogThrottle(log);
    }

    /** Keeps exactly one timer of this sweep at the District's interval; call from the bean's start. */
    public void schedule(TimerService timers, DistrictTime districtTime, long firstDelayMillis) {
        long interval = districtTime.sweepInterval().toMillis();
        IntervalTimers.keepOne(timers, timerName, interval, firstDelayMillis);
        log.info(title + " every " + districtTime.sweepInterval());
    }

    /** When this sweep runs next, or null when it has no timer. */
    public Instant nextRun(TimerService timers) {
        return IntervalTimers.nextRun(timers, timerName);
    }

    /** One pass of work; how many things happened (0 when a pass is running already on this server). */
    public int run(Clock clock, SweepRecorder recorder, Consumer<Pass> work) {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        return held(clock, recorder, work);
    }

    /**
     * One pass that starts after this call: a pass running on this server is waited for (up to {@code wait}), then
     * this one runs. For the test server's "run the timer now", whose caller counts on what it changed just before
     * being seen; {@link #run} would answer 0 at once while the timer's pass, begun before that change, goes on.
     *
     * @throws IllegalStateException when the running pass does not end within {@code wait}
     */
    public int runAfterCurrent(Clock clock, SweepRecorder recorder, Consumer<Pass> work, Duration wait) {
        long giveUp = System.nanoTime() + wait.toNanos();
        while (!running.compareAndSet(false, true)) {
            if (System.nanoTime() - giveUp > 0) {
                throw new IllegalStateException(title + ": a pass still running after " + wait);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(title + ": interrupted while waiting for the running pass", e);
            }
        }
        return held(clock, recorder, work);
    }

    /** The pass itself, {@code running} held by the caller and let go here. */
    private int held(Clock clock, SweepRecorder recorder, Consumer<Pass> work) {
        Instant started = clock.instant();
        Pass pass = new Pass();
        RuntimeException passFailed = null;
        try {
            work.accept(pass);
        } catch (RuntimeException e) {
            pass.failed(Errors.rootMessage(e));
            passFailed = e;
        } finally {
            // e.g. the database is down: the first failing pass, then once a minute with a count, then the
            // first clean one; not every pass between
            if (pass.failures == 0) {
                throttle.recovered(title);
            } else {
                throttle.failed(title, pass.failures + (pass.failures == 1 ? " failure" : " failures") + " in a pass, the last: "
                        + pass.lastError, passFailed);
            }
            try {
                recorder.record(statusName, started, pass.done, pass.failures, pass.lastError);
            } catch (RuntimeException e) {
                log.log(Level.FINE, "Sweep status not recorded", e);
            }
            running.set(false);
        }
        return pass.done;
    }

    /** One pass's figures so far. */
    public final class Pass {

        private int done;
        private int failures;
        private String lastError;

        private Pass() {
        }

        /** Counts things that happened. */
        public void done(int count) {
            done += count;
        }

        /**
         * Runs one item and counts what it returns. A failure (usually another server having done the same
         * thing first, or one bad record) is counted and kept as the pass's last error, "what: cause", and
         * the pass goes on: the next run tries the item again.
         *
         * @return what the item did, or -1 when it failed
         */
        public int attempt(String what, IntSupplier item) {
            try {
                int count = item.getAsInt();
                done += count;
                return count;
            } catch (RuntimeException e) {
                failed(what + ": " + Errors.rootMessage(e));
                log.log(Level.FINE, title + ": " + what + " not done now", e);
                return -1;
            }
        }

        private void failed(String error) {
            failures++;
            lastError = error;
        }
    }
}
