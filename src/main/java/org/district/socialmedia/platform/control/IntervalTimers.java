package org.district.socialmedia.platform.control;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

import java.time.Instant;
import java.util.Date;

/**
 * The persistent interval timers of the application's sweeps. At each start a sweep keeps exactly
 * one timer with the configured interval: the timer's info names its interval, so a changed
 * interval replaces the timer, and a restart neither loses nor doubles it.
 */
public final class IntervalTimers {

    private IntervalTimers() {
    }

    public static void keepOne(TimerService timers, String name, long intervalMillis, long firstDelayMillis) {
        String info = name + "@" + intervalMillis;
        boolean kept = false;
        for (Timer timer : timers.getTimers()) {
            if (String.valueOf(timer.getInfo()).startsWith(name + "@")) {
                if (!kept && info.equals(timer.getInfo())) {
                    kept = true;
                } else {
                    timer.cancel();
                }
            }
        }
        if (!kept) {
            timers.createIntervalTimer(new Date(System.currentTimeMillis() + firstDelayMillis), intervalMillis, new TimerConfig(info, true));
        }
    }

    /** When the named sweep runs next, or null when it has no timer. */
    public static Instant nextRun(TimerService timers, String name) {
        return timers.getTimers().stream().filter(t -> String.valueOf(t.getInfo()).startsWith(name + "@"))
                .map(t -> t.getNextTimeout().toInstant()).min(Instant::compareTo).orElse(null);
    }
}
