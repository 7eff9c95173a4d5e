package org.district.socialmedia.platform.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a kind of failure once when it starts (WARNING, with its reason) and once when it ends (INFO, with
 * how many failures there were), not at every occurrence: a relay that fails every few seconds for an hour
 * writes two lines, and the first says why. Each server keeps its own streak (what this server saw).
 */
public final class FailureStreak {

    private final String what;
    private final Logger log;
    private long failures;

    /** @param what for the log, e.g. "mail delivery" */
    public FailureStreak(String what, Logger log) {
        this.what = what;
        this.log = log;
    }

    /** One failure: the first of a streak is logged at WARNING with its reason, the others at FINE. */
    public void failed(String reason, Throwable cause) {
        boolean first;
        synchronized (this) {
            first = failures++ == 0;
        }
        if (first) {
            log.log(Level.WARNING, what + " failed: " + reason + " (logged again when it recovers)");
            log.log(Level.FINE, what + " failed", cause);
        } else {
            log.log(Level.FINE, what + " failed again: " + reason, cause);
        }
    }

    /** A success: ends a streak, logged at INFO with its length. */
    public void succeeded() {
        long ended;
        synchronized (this) {
            ended = failures;
            failures = 0;
        }
        if (ended > 0) {
            log.info(what + " recovered after " + ended + (ended == 1 ? " failure" : " failures"));
        }
    }

    public synchronized long failures() {
        return failures;
    }
}
