package org.district.socialmedia.platform.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a sweep timer counts as stopped: no pass completed within three of its intervals. */
public final class SweepLag {

    public static final int INTERVALS = 3;

    private SweepLag() {
    }

    /**
     * Seconds since the sweep's last completed pass (a pass that failed still completes: its figures are
     * recorded); when none ever completed, since the pass that started and never ended; null when the sweep
     * never ran at all (a fresh database: its first pass is still to come).
     */
    public static Long seconds(SweepStatus status, Instant now) {
        Instant since = status.getLastFinishedAt() != null ? status.getLastFinishedAt() : status.getLastStartedAt();
        return since == null ? null : Math.max(0, Duration.between(since, now).toSeconds());
    }

    /** Why health is degraded by this sweep, if it is. */
    public static Optional<String> reason(SweepStatus status, Duration interval, Instant now) {
        Long lag = seconds(status, now);
        if (lag == null || lag <= interval.multipliedBy(INTERVALS).toSeconds()) {
            return Optional.empty();
        }
        return Optional.of("timer " + status.getName() + " has not completed a pass for " + Duration.ofSeconds(lag)
                + " (runs every " + interval + ")");
    }
}
