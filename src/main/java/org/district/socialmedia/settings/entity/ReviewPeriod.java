package org.district.socialmedia.settings.entity;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Superintendent's review period, read from an ISO-8601 duration setting.
 * <p>
 * A period written with a date part only ({@code P7D}, {@code P1W}) is a number of
 * whole days: the deadline falls at the end of a local day, counted in calendar or
 * school days. A period with a time part ({@code PT5M}, {@code PT48H}, {@code P1DT12H})
 * is an exact duration added to the submission instant; the policy speaks of days, so
 * exact durations exist for demos and tests and {@code PT48H} deliberately stays exact.
 * <p>
 * Immutable; equality and {@link #toString()} use the canonical ISO text
 * ({@code P1W} becomes {@code P7D}, {@code P1DT12H} becomes {@code PT36H}).
 */
public final class ReviewPeriod implements Serializable {

    // Held by the Serializable DistrictSettings record, which may be stored in a session.
    private static final long serialVersionUID = 1L;

    /**
     * About ten years. Longer periods are certainly configuration mistakes, and the bound
     * keeps date arithmetic and school-day scanning far from overflow.
     */
    public static final int MAX_DAYS = 3660;

    private static final String ACCEPTED = "Review period must be a positive ISO-8601 duration "
            + "such as P7D (7 days) or PT5M (5 minutes); months and years are not allowed";

    // Y and M (months) are matched only to give them a specific refusal.
    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?"
                    + "(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

    private final boolean wholeDays;
    private final int days;
    private final Duration exact;

    private ReviewPeriod(boolean wholeDays, int days, Duration exact) {
        this.wholeDays = wholeDays;
        this.days = days;
        this.exact = exact;
    }

    /**
     * Parses a review period setting; surrounding blanks and lowercase letters are tolerated.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static ReviewPeriod parse(String iso) {
        if (iso == null) {
            throw refusal(null);
        }
        String text = iso.trim().toUpperCase(Locale.ROOT);
        Matcher m = ISO.matcher(text);
        // "P" and "PT" match the pattern with no component at all.
        if (!m.matches() || text.equals("P") || text.endsWith("T")) {
            throw refusal(iso);
        }
        if (m.group(1) != null || m.group(2) != null) {
            throw refusal(iso);
        }
        try {
            long dateDays = Math.addExact(
                    Math.multiplyExact(number(m.group(3)), 7), number(m.group(4)));
            long timeSeconds = Math.addExact(Math.addExact(
                    Math.multiplyExact(number(m.group(5)), 3600),
                    Math.multiplyExact(number(m.group(6)), 60)),
                    number(m.group(7)));
            long totalSeconds = Math.addExact(Math.multiplyExact(dateDays, 86_400), timeSeconds);
            if (totalSeconds <= 0) {
                throw refusal(iso);
            }
            if (totalSeconds > MAX_DAYS * 86_400L) {
                throw new IllegalArgumentException(ACCEPTED + ", and at most " + MAX_DAYS
                        + " days long: '" + iso + "'");
            }
            // A zero time part ("P7DT0H") adds nothing, so the period is still whole days.
            return timeSeconds == 0
                    ? new ReviewPeriod(true, (int) dateDays, null)
                    : new ReviewPeriod(false, 0, Duration.ofSeconds(totalSeconds));
        } catch (ArithmeticException | NumberFormatException overflow) {
            throw new IllegalArgumentException(ACCEPTED + ", and at most " + MAX_DAYS
                    + " days long: '" + iso + "'", overflow);
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException refusal(String iso) {
        return new IllegalArgumentException(ACCEPTED + ": '" + iso + "'");
    }

    /** Whether the period counts whole local days (date part only) rather than an exact duration. */
    public boolean isWholeDays() {
        return wholeDays;
    }

    /**
     * @throws IllegalStateException for an exact duration, whose length in days would be
     *                               a guess the deadline rules must not make
     */
    public int days() {
        if (!wholeDays) {
            throw new IllegalStateException("Review period " + this + " is an exact duration, not whole days");
        }
        return days;
    }

    /** @throws IllegalStateException for a whole-day period, whose length depends on where it is counted */
    public Duration exact() {
        if (wholeDays) {
            throw new IllegalStateException("Review period " + this + " is whole days, not an exact duration");
        }
        return exact;
    }

    /**
     * The length as a duration, counting a day as 24 hours: for display and sanity checks
     * only, since whole days really end at local midnight and may skip school holidays.
     */
    public Duration approximateLength() {
        return wholeDays ? Duration.ofDays(days) : exact;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReviewPeriod that
                && wholeDays == that.wholeDays
                && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The canonical ISO-8601 text, suitable for storing back into the settings. */
    @Override
    public String toString() {
        return wholeDays ? "P" + days + "D" : exact.toString();
    }
}
