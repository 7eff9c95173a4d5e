package org.district.socialmedia.security.entity;

import org.district.socialmedia.settings.entity.SecuritySettings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The temporary lock after repeated failed sign-ins: a username is locked when its last
 * {@code lockFailures} failures (since its last successful sign-in) all fall within {@code lockWindow},
 * until {@code lockDuration} after the last of them. Attempts while locked are refused without counting,
 * so the lock ends on time even if someone keeps trying.
 */
public final class LoginLock {

    private LoginLock() {
    }

    /** @param recentFailures the username's latest failures, newest first (at least lockFailures of them when there are) */
    public static Optional<Instant> lockedUntil(List<Instant> recentFailures, SecuritySettings rules, Instant now) {
        int n = rules.lockFailures();
        if (n <= 0 || recentFailures.size() < n) {
            return Optional.empty();
        }
        Instant last = recentFailures.get(0);
        Instant nth = recentFailures.get(n - 1);
        if (nth.isBefore(last.minus(rules.lockWindow()))) {
            return Optional.empty();
        }
        Instant until = last.plus(rules.lockDuration());
        return now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }
}
