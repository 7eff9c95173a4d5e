package org.district.socialmedia.requests.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;

/**
 * The age tally's keys (V85, {@link RequestAgeTally}): an open request's day is the UTC day of its submission, stored as
 * the epoch day. UTC, not the District's day: the report's bands are durations from now (whole multiples of 24 hours),
 * so each band's start falls at now's UTC time of day and a District day (23 or 25 hours at a change of clocks) lines
 * up with them no better; and a key that is the instant's own arithmetic stays right when the District's time zone
 * setting changes, and the migration and the data generator need no settings to compute it.
 */
public final class SubmissionDays {

    static final long SECONDS = 86_400;

    private SubmissionDays() {
    }

    /**
     * The day of a submission. The instant is first rounded to the microsecond, half up, as both databases store it
     * (a TIMESTAMP WITH TIME ZONE of scale 6): an instant in the last half microsecond of a day is stored as the next
     * day's first, and the tally must key it where the rows have it.
     */
    public static long dayOf(Instant submittedAt) {
        return Math.floorDiv(stored(submittedAt).getEpochSecond(), SECONDS);
    }

    /** An instant as the databases store or compare it: rounded to the microsecond, half up (both drivers and H2 do). */
    static Instant stored(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** When a day begins. */
    public static Instant start(long day) {
        return Instant.ofEpochSecond(day * SECONDS);
    }

    /**
     * The requests submitted after {@code since} as the tally's days from {@code daysFrom} on (every later day, the
     * future's too: a test clock set back leaves requests submitted ahead of now), and one short range of
     * {@code since}'s own day counted from the rows: less those submitted in {@code [dayStart, since]}, or plus those in
     * {@code (since, nextDayStart)}, whichever part of the day is shorter, so the range read is at most half a day's
     * submissions whatever the District's size.
     */
    public record Edge(Instant since, long daysFrom, boolean less, Instant from, Instant before) {

        /**
         * How many were submitted after {@code since}: the tally's {@code days} (day to requests; any others too) from
         * {@code daysFrom} on, less or plus {@code inRange}, the requests submitted in this edge's range.
         */
        public long count(SortedMap<Long, Long> days, long inRange) {
            long whole = 0;
            for (long requests : days.tailMap(daysFrom).values()) {
                whole += requests;
            }
            return less ? whole - inRange : whole + inRange;
        }

        /** Whether a submission counted by this edge's range: in {@code [from, since]} when less, else in {@code (since, before)}. */
        public boolean inRange(Instant submittedAt) {
            return less ? !submittedAt.isBefore(from) && !submittedAt.isAfter(since)
                    : submittedAt.isAfter(since) && submittedAt.isBefore(before);
        }
    }

    /**
     * How the requests submitted after {@code at} are counted: whole days from the tally, one partial day from the rows
     * ({@code at} rounded to the microsecond as the database compares it).
     */
    public static Edge edge(Instant at) {
        // the bound as the database compares with it, so the day split and the range agree to the microsecond
        Instant since = stored(at);
        long day = dayOf(since);
        Instant dayStart = start(day);
        Instant nextDay = start(day + 1);
        boolean less = !since.isAfter(dayStart.plusSeconds(SECONDS / 2));
        return less ? new Edge(since, day, true, dayStart, nextDay) : new Edge(since, day + 1, false, dayStart, nextDay);
    }
}
