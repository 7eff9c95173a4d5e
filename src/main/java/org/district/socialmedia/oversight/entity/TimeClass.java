package org.district.socialmedia.oversight.entity;

import java.io.Serializable;

/**
 * Times that round to the same tenth of an hour, as the reports state them: how many, and the shortest and
 * longest in seconds. Enough for an exact median and 90th percentile of many times (Durations), since rounding
 * keeps their order: the rank's time rounds to its class's tenth, and when the median's two middle times fall in
 * two classes they are the longest of the first and the shortest of the second.
 */
public record TimeClass(int tenths, long count, long minSeconds, long maxSeconds) implements Serializable {

    /** The tenth of an hour a time in seconds rounds to, half up (180 s is 0.1 h), as Durations' hours. */
    public static int tenthsOf(long seconds) {
        return (int) Math.floorDiv(seconds + 180, 360);
    }

    public static TimeClass of(long seconds) {
        return new TimeClass(tenthsOf(seconds), 1, seconds, seconds);
    }

    /** Two parts of one class together. */
    public TimeClass plus(TimeClass other) {
        return new TimeClass(tenths, count + other.count, Math.min(minSeconds, other.minSeconds), Math.max(maxSeconds, other.maxSeconds));
    }
}
