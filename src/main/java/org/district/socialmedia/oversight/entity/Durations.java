package org.district.socialmedia.oversight.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** The middle and the 90th percentile of times, in hours, as the reports state them. */
public final class Durations {

    private Durations() {
    }

    /** The median: the middle time, or the mean of the two middle ones; null for no times. */
    public static Double medianHours(Collection<Duration> times) {
        List<Long> seconds = sorted(times);
        int n = seconds.size();
        if (n == 0) {
            return null;
        }
        double middle = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0;
        return hours(middle);
    }

    /**
     * The 90th percentile by the nearest-rank method: the smallest time that at least 90% of the times do
     * not exceed (so it is always one of the times, never an interpolation); null for no times.
     */
    public static Double p90Hours(Collection<Duration> times) {
        return percentileHours(times, 90);
    }

    static Double percentileHours(Collection<Duration> times, int percent) {
        List<Long> seconds = sorted(times);
        int n = seconds.size();
        if (n == 0) {
            return null;
        }
        // ceil(percent * n / 100), in integers
        int rank = (percent * n + 99) / 100;
        return hours(seconds.get(Math.max(rank, 1) - 1));
    }

    /**
     * The median of times given by their classes, exactly as {@link #medianHours(Collection)} of the times:
     * the middle time's tenth; with an even count and the two middle times in two tenths, the mean of the longest
     * of the first and the shortest of the second.
     */
    public static Double medianHoursOfClasses(Collection<TimeClass> classes) {
        List<TimeClass> merged = merged(classes);
        long n = merged.stream().mapToLong(TimeClass::count).sum();
        if (n == 0) {
            return null;
        }
        if (n % 2 == 1) {
            return tenths(at(merged, (n + 1) / 2).tenths());
        }
        TimeClass low = at(merged, n / 2);
        TimeClass high = at(merged, n / 2 + 1);
        if (low.tenths() == high.tenths()) {
            // both round to this tenth, so their mean does too
            return tenths(low.tenths());
        }
        return hours((low.maxSeconds() + high.minSeconds()) / 2.0);
    }

    /** The 90th percentile (nearest rank) of times given by their classes, exactly as {@link #p90Hours(Collection)}. */
    public static Double p90HoursOfClasses(Collection<TimeClass> classes) {
        List<TimeClass> merged = merged(classes);
        long n = merged.stream().mapToLong(TimeClass::count).sum();
        if (n == 0) {
            return null;
        }
        long rank = (90 * n + 99) / 100;
        return tenths(at(merged, Math.max(rank, 1)).tenths());
    }

    /** One class per tenth, in order. */
    private static List<TimeClass> merged(Collection<TimeClass> classes) {
        TreeMap<Integer, TimeClass> byTenth = new TreeMap<>();
        for (TimeClass c : classes) {
            byTenth.merge(c.tenths(), c, TimeClass::plus);
        }
        return new ArrayList<>(byTenth.values());
    }

    /** The class holding the time of a rank (from 1). */
    private static TimeClass at(List<TimeClass> merged, long rank) {
        long seen = 0;
        for (TimeClass c : merged) {
            seen += c.count();
            if (seen >= rank) {
                return c;
            }
        }
        throw new IllegalArgumentException("rank " + rank + " past " + seen);
    }

    /** A tenth of an hour as the hours the reports print (0.1 h per tenth). */
    static double tenths(int tenths) {
        return BigDecimal.valueOf(tenths, 1).doubleValue();
    }

    /** A share as a fraction with four decimals (0.9412); null when there is nothing to share. */
    public static Double share(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Long> sorted(Collection<Duration> times) {
        List<Long> seconds = new ArrayList<>(times.size());
        for (Duration d : times) {
            seconds.add(d.getSeconds());
        }
        seconds.sort(null);
        return seconds;
    }

    /** Hours with one decimal. */
    static double hours(double seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
