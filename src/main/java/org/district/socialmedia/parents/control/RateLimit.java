package org.district.socialmedia.parents.control;

import java.time.Duration;
import java.time.Instant;

/**
 * One limit of the parent pages: at most {@code limit} attempts per key in each fixed window of {@code window}.
 * Windows start at whole multiples of their length since the epoch, so every server puts an instant in the
 * same window; the counts themselves are rows of {@code rate_limit_window} ({@link RateWindows}), shared by
 * every server.
 *
 * @param bucket names the limit in the table (at most 20 characters)
 */
public record RateLimit(String bucket, int limit, Duration window) {

    public RateLimit {
        if (bucket == null || bucket.isBlank() || bucket.length() > 20 || limit < 1 || window == null
                || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a bucket name of 1-20 characters, limit >= 1, a positive window");
        }
    }

    /** The start of the window {@code now} is in, in epoch milliseconds. */
    public long windowStart(Instant now) {
        long millis = now.toEpochMilli();
        return millis - Math.floorMod(millis, window.toMillis());
    }
}
