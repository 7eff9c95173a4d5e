package org.district.socialmedia.oversight.entity;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The times to answer of a report's responses, in two grains, so that an exact median or 90th percentile reads a few
 * hundred rows at any size of the District: how many responses took each whole hour (per month and reviewer), which
 * finds the hour a rank falls in, and then only that hour's tenths ({@link TimeClass}, with their shortest and
 * longest), fetched on demand, each hour once and the hours of all a report's figures in one read
 * ({@link #readHoursOf}), and, where the source can ({@link #inMonths}), only for the months the hour is wanted for.
 * A year's tenths are about as many as its responses until every tenth of every month is taken; its hours are a few
 * hundred a month.
 *
 * <p>The figures are exactly those of {@link Durations#medianHoursOfClasses} and {@link Durations#p90HoursOfClasses}
 * over all the tenths: the hours are contiguous runs of tenths in order, so the rank's tenth is the same.
 *
 * <p>The takedowns report's times from the task to its completion are read the same way (TakedownMonths), kept under
 * no month (null) and no reviewer (""): its figures are of the whole period only ({@link Scope#ALL}).
 */
public final class AnswerTimes {

    /** Which responses a figure is of: one month, one reviewer ("" for none), or all of the report (null: any). */
    public record Scope(YearMonth month, String reviewer) implements Serializable {
        public static final Scope ALL = new Scope(null, null);

        public static Scope month(YearMonth month) {
            return new Scope(month, null);
        }

        public static Scope reviewer(String reviewer) {
            return new Scope(null, reviewer);
        }

        public boolean holds(YearMonth m, String r) {
            return (month == null || month.equals(m)) && (reviewer == null || reviewer.equals(r));
        }
    }

    /** How many responses of a month and reviewer took a whole hour ({@link #hourOf}). */
    public record HourCount(YearMonth month, String reviewer, int hour, long count) implements Serializable {
    }

    /** Responses of a month and reviewer in one tenth of an hour. */
    public record Tenth(YearMonth month, String reviewer, TimeClass time) implements Serializable {
    }

    /** The tenths of some hours, of every month and reviewer (more may be given: they are filtered again). */
    @FunctionalInterface
    public interface TenthsOfHours {
        List<Tenth> of(SortedSet<Integer> hours);
    }

    /**
     * The months an hour's tenths are wanted for: a month's median needs its own month's, the whole report's figures
     * and a reviewer's every month's ({@link #EVERY}).
     */
    public record MonthSpan(YearMonth first, YearMonth last) implements Serializable {
        public static final MonthSpan EVERY = new MonthSpan(null, null);

        static MonthSpan of(Scope scope) {
            return scope.month() == null ? EVERY : new MonthSpan(scope.month(), scope.month());
        }

        public boolean every() {
            return first == null;
        }

        boolean covers(MonthSpan other) {
            return every() || !other.every() && !other.first.isBefore(first) && !other.last.isAfter(last);
        }

        MonthSpan and(MonthSpan other) {
            if (every() || other.every()) {
                return EVERY;
            }
            return new MonthSpan(first.isBefore(other.first) ? first : other.first, last.isAfter(other.last) ? last : other.last);
        }
    }

    /** The tenths of some hours, each of the months it is wanted for (more may be given: they are filtered again). */
    @FunctionalInterface
    public interface TenthsOfHoursInMonths {
        List<Tenth> of(SortedMap<Integer, MonthSpan> hours);
    }

    private final List<HourCount> hours;
    private final TenthsOfHoursInMonths tenths;
    private final Map<Scope, TreeMap<Integer, Long>> hoursByScope = new HashMap<>();
    /** The tenths read so far, by hour, and the months each hour was read for: read again only for more months. */
    private final Map<Integer, List<Tenth>> tenthsByHour = new HashMap<>();
    private final Map<Integer, MonthSpan> monthsByHour = new HashMap<>();

    public AnswerTimes(List<HourCount> hours, TenthsOfHours tenths) {
        this(hours, (TenthsOfHoursInMonths) wanted -> tenths.of(new TreeSet<>(wanted.keySet())));
    }

    private AnswerTimes(List<HourCount> hours, TenthsOfHoursInMonths tenths) {
        this.hours = List.copyOf(hours);
        this.tenths = tenths;
    }

    /**
     * Times whose tenths are read only for the months each hour is wanted for: the District's hours of a year hold
     * every month's tenths of every reviewer, and most of the hours a report reads are a single month's median's.
     */
    public static AnswerTimes inMonths(List<HourCount> hours, TenthsOfHoursInMonths tenths) {
        return new AnswerTimes(hours, tenths);
    }

    /** All the tenths at hand (responses read one by one, or a few days' rows): both grains from them. */
    public static AnswerTimes of(Collection<Tenth> all) {
        Map<HourCount, Long> counts = new HashMap<>();
        for (Tenth t : all) {
            counts.merge(new HourCount(t.month(), t.reviewer(), hourOf(t.time().tenths()), 0), t.time().count(), Long::sum);
        }
        List<HourCount> hours = new ArrayList<>();
        counts.forEach((k, n) -> hours.add(new HourCount(k.month(), k.reviewer(), k.hour(), n)));
        List<Tenth> copy = List.copyOf(all);
        return new AnswerTimes(hours, (TenthsOfHours) wanted -> copy.stream().filter(t -> wanted.contains(hourOf(t.time().tenths()))).toList());
    }

    /** These times and others (another source's months) together. */
    public AnswerTimes and(AnswerTimes other) {
        List<HourCount> both = new ArrayList<>(hours);
        both.addAll(other.hours);
        return new AnswerTimes(both, (TenthsOfHoursInMonths) wanted -> {
            List<Tenth> list = new ArrayList<>(tenths.of(wanted));
            list.addAll(other.tenths.of(wanted));
            return list;
        });
    }

    /**
     * The whole hour a tenth belongs to: the tenth divided by ten, truncated towards zero as SQL's integer division
     * does (so that the database can group the tenths into the same hours).
     */
    public static int hourOf(int tenths) {
        return tenths / 10;
    }

    /** The first and last tenth of an hour, both included. */
    public static int[] tenthsOf(int hour) {
        if (hour > 0) {
            return new int[]{hour * 10, hour * 10 + 9};
        }
        if (hour < 0) {
            return new int[]{hour * 10 - 9, hour * 10};
        }
        return new int[]{-9, 9};
    }

    /**
     * Reads at once the tenths of every hour that the medians of these scopes and the 90th percentiles of those fall in,
     * so that a report's figures cost one read of the tenths rather than one per figure (each a round trip to the
     * database). Optional: a figure whose hour was not read here reads it then.
     */
    public void readHoursOf(Collection<Scope> medians, Collection<Scope> p90s) {
        TreeMap<Integer, MonthSpan> wanted = new TreeMap<>();
        for (Scope scope : medians) {
            long n = count(scope);
            if (n > 0) {
                wanted.merge(hourAt(scope, n % 2 == 1 ? (n + 1) / 2 : n / 2), MonthSpan.of(scope), MonthSpan::and);
                if (n % 2 == 0) {
                    wanted.merge(hourAt(scope, n / 2 + 1), MonthSpan.of(scope), MonthSpan::and);
                }
            }
        }
        for (Scope scope : p90s) {
            long n = count(scope);
            if (n > 0) {
                wanted.merge(hourAt(scope, p90Rank(n)), MonthSpan.of(scope), MonthSpan::and);
            }
        }
        TreeMap<Integer, MonthSpan> unread = new TreeMap<>();
        wanted.forEach((hour, months) -> {
            MonthSpan toRead = toRead(hour, months);
            if (toRead != null) {
                unread.put(hour, toRead);
            }
        });
        if (!unread.isEmpty()) {
            read(unread);
        }
    }

    /**
     * The months an hour's tenths must be read for so that they hold {@code needed}: null when a read before holds
     * them; else those months and the ones read before, since a read replaces the hour's tenths.
     */
    private MonthSpan toRead(int hour, MonthSpan needed) {
        MonthSpan before = monthsByHour.get(hour);
        if (before == null) {
            return needed;
        }
        return before.covers(needed) ? null : before.and(needed);
    }

    private void read(SortedMap<Integer, MonthSpan> wanted) {
        Map<Integer, List<Tenth>> read = new HashMap<>();
        wanted.forEach((h, months) -> read.put(h, new ArrayList<>()));
        for (Tenth t : tenths.of(wanted)) {
            List<Tenth> of = read.get(hourOf(t.time().tenths()));
            if (of != null) {
                of.add(t);
            }
        }
        tenthsByHour.putAll(read);
        monthsByHour.putAll(wanted);
    }

    /** How many responses the scope holds. */
    public long count(Scope scope) {
        return byHour(scope).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The median, as {@link Durations#medianHoursOfClasses}; null without responses. */
    public Double medianHours(Scope scope) {
        long n = count(scope);
        if (n == 0) {
            return null;
        }
        if (n % 2 == 1) {
            return Durations.tenths(at(scope, (n + 1) / 2).tenths());
        }
        TimeClass low = at(scope, n / 2);
        TimeClass high = at(scope, n / 2 + 1);
        if (low.tenths() == high.tenths()) {
            return Durations.tenths(low.tenths());
        }
        return Durations.hours((low.maxSeconds() + high.minSeconds()) / 2.0);
    }

    /** The 90th percentile by nearest rank, as {@link Durations#p90HoursOfClasses}; null without responses. */
    public Double p90Hours(Scope scope) {
        long n = count(scope);
        if (n == 0) {
            return null;
        }
        return Durations.tenths(at(scope, p90Rank(n)).tenths());
    }

    private static long p90Rank(long n) {
        return Math.max((90 * n + 99) / 100, 1);
    }

    private TreeMap<Integer, Long> byHour(Scope scope) {
        return hoursByScope.computeIfAbsent(scope, s -> {
            TreeMap<Integer, Long> byHour = new TreeMap<>();
            for (HourCount h : hours) {
                if (s.holds(h.month(), h.reviewer())) {
                    byHour.merge(h.hour(), h.count(), Long::sum);
                }
            }
            return byHour;
        });
    }

    /** The whole hour holding the response of a rank (from 1) in the scope, by the counts. */
    private int hourAt(Scope scope, long rank) {
        long before = 0;
        for (Map.Entry<Integer, Long> h : byHour(scope).entrySet()) {
            if (before + h.getValue() >= rank) {
                return h.getKey();
            }
            before += h.getValue();
        }
        throw new IllegalArgumentException("rank " + rank + " past " + before);
    }

    /** The tenth holding the response of a rank (from 1) in the scope: its hour by the counts, then that hour's tenths. */
    private TimeClass at(Scope scope, long rank) {
        long before = 0;
        for (Map.Entry<Integer, Long> h : byHour(scope).entrySet()) {
            if (before + h.getValue() >= rank) {
                MonthSpan toRead = toRead(h.getKey(), MonthSpan.of(scope));
                if (toRead != null) {
                    read(new TreeMap<>(Map.of(h.getKey(), toRead)));
                }
                TreeMap<Integer, TimeClass> merged = new TreeMap<>();
                for (Tenth t : tenthsByHour.get(h.getKey())) {
                    if (scope.holds(t.month(), t.reviewer()) && hourOf(t.time().tenths()) == h.getKey()) {
                        merged.merge(t.time().tenths(), t.time(), TimeClass::plus);
                    }
                }
                long seen = before;
                for (TimeClass c : merged.values()) {
                    seen += c.count();
                    if (seen >= rank) {
                        return c;
                    }
                }
                throw new IllegalStateException("hour " + h.getKey() + " counts " + h.getValue() + " responses but its tenths "
                        + (seen - before) + ": the hours and tenths disagree");
            }
            before += h.getValue();
        }
        throw new IllegalArgumentException("rank " + rank + " past " + before);
    }
}
