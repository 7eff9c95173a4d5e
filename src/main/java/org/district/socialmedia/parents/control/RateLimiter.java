package org.district.socialmedia.parents.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window counter per key (an IP address, a token's hash): at most {@code limit} attempts per
 * {@code window}. PER SERVER: each node of a cluster counts its own requests, so a client spread over n
 * nodes gets up to n times the limit (docs/security.md). Bounded: past {@code maxKeys} keys, windows that
 * have ended are dropped, and a flood of new keys is refused rather than remembered.
 */
public final class RateLimiter {

    private record Window(long start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, int maxKeys) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("limit >= 1, a positive window, maxKeys >= 1");
        }
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** Counts one attempt of {@code key} now; false when it is over the limit (it is then not counted). */
    public boolean allow(String key, Instant now) {
        long start = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), window.toMillis());
        if (!windows.containsKey(key) && windows.size() >= maxKeys) {
            purge(start);
            if (windows.size() >= maxKeys) {
                return false;
            }
        }
        boolean[] allowed = {false};
        windows.compute(key, (k, w) -> {
            if (w == null || w.start() != start) {
                allowed[0] = true;
                return new Window(start, 1);
            }
            if (w.count() >= limit) {
                return w;
            }
            allowed[0] = true;
            return new Window(start, w.count() + 1);
        });
        return allowed[0];
    }

    private void purge(long currentStart) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (it.next().start() != currentStart) {
                it.remove();
            }
        }
    }

    public int limit() {
        return limit;
    }
}
