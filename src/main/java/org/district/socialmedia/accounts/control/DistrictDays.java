package org.district.socialmedia.accounts.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * The District's rights in force by last day, as its row of the compliance tally keeps them (V87): for every day from
 * {@code from} on, the sum of that day's count over every unit's row ({@link UnitRights}' slots, each from the day its
 * row was counted on); zero after the last day kept. A unit row's counts before {@code from} are not kept (a clock set
 * back, or days dropped to stay within {@link #MAX_DAYS}): the window from a day before {@code from} has no answer, and
 * the report then sums the units' own rows. No {@code from} at all: no row has a count on any day (every day is zero).
 * Immutable and pure; the tally, its migration and the tests share it.
 */
public record DistrictDays(LocalDate from, long[] days) {

    /** At most so many days are kept (the earliest dropped first): rows are counted again within 31 days of each other. */
    static final int MAX_DAYS = 1000;

    public static final DistrictDays NONE = new DistrictDays(null, new long[0]);

    /** From the stored {@code days_from} and {@code days}. */
    public static DistrictDays of(LocalDate from, String text) {
        if (from == null || text == null || text.isBlank()) {
            return NONE;
        }
        return new DistrictDays(from, Arrays.stream(text.split(",")).mapToLong(s -> Long.parseLong(s.strip())).toArray());
    }

    /** The days as stored: their counts, comma-separated; null for none. */
    public String text() {
        return from == null ? null : UnitRights.text(days);
    }

    /**
     * With a unit row's slots (counted from {@code unitFrom}; stored text, null for none) added ({@code sign} 1) or
     * taken away (-1). Days before {@code from} are left out; days after the last kept extend the days.
     */
    public DistrictDays plus(LocalDate unitFrom, String unitSlots, int sign) {
        return plus(unitFrom, UnitRights.parse(unitSlots), sign);
    }

    DistrictDays plus(LocalDate unitFrom, long[] slots, int sign) {
        if (unitFrom == null || slots == null || Arrays.stream(slots).allMatch(n -> n == 0)) {
            return this;
        }
        LocalDate start = from == null ? unitFrom : from;
        long end = Math.max(days.length, ChronoUnit.DAYS.between(start, unitFrom) + slots.length);
        long[] sum = Arrays.copyOf(days, (int) Math.max(0, end));
        for (int i = 0; i < slots.length; i++) {
            long at = ChronoUnit.DAYS.between(start, unitFrom) + i;
            if (at >= 0) {
                sum[(int) at] += sign * slots[i];
            }
        }
        int drop = Math.max(0, sum.length - MAX_DAYS);
        return new DistrictDays(start.plusDays(drop), Arrays.copyOfRange(sum, drop, sum.length));
    }

    /** The rights ending within the window from {@code today} ({@link UnitRights#EXPIRING_WITHIN_DAYS}); null if a day of it is not kept. */
    public Long window(LocalDate today) {
        if (from == null) {
            return 0L;
        }
        if (today.isBefore(from)) {
            return null;
        }
        return within(from, days, today);
    }

    /** The part of slots counted from {@code slotsFrom} (null: none) that falls in the window from {@code today}. */
    static long within(LocalDate slotsFrom, long[] slots, LocalDate today) {
        if (slotsFrom == null || slots == null) {
            return 0;
        }
        long sum = 0;
        long first = ChronoUnit.DAYS.between(slotsFrom, today);
        for (long i = Math.max(0, first); i <= first + UnitRights.EXPIRING_WITHIN_DAYS && i < slots.length; i++) {
            sum += slots[(int) i];
        }
        return sum;
    }

    /** Whether both hold the same count on every day from {@code from} on (trailing zeros aside); two without days are the same. */
    public boolean sameFrom(DistrictDays other) {
        if (from == null || other.from == null) {
            return trimmed(days).length == 0 && trimmed(other.days).length == 0;
        }
        long shift = ChronoUnit.DAYS.between(from, other.from);
        int length = (int) Math.max(days.length, other.days.length + shift);
        for (int i = 0; i < length; i++) {
            long mine = i < days.length ? days[i] : 0;
            long at = i - shift;
            long theirs = at >= 0 && at < other.days.length ? other.days[(int) at] : 0;
            if (mine != theirs) {
                return false;
            }
        }
        return true;
    }

    private static long[] trimmed(long[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(a, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistrictDays d && Objects.equals(from, d.from) && Arrays.equals(days, d.days);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(from) + Arrays.hashCode(days);
    }

    @Override
    public String toString() {
        return from == null ? "none" : "from " + from + " " + Arrays.toString(days);
    }
}
