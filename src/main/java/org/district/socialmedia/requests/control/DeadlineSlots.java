package org.district.socialmedia.requests.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadline tally's keys (V82, {@link RequestDeadlineTally}): a deadline's slot is its UTC quarter-hour, stored as
 * the epoch second the quarter-hour starts at, so that a count over a window of deadlines reads the window's slots
 * from the tally and only two short ranges from the requests ({@link #window}), whatever the District's size.
 */
public final class DeadlineSlots {

    public static final Duration SLOT = Duration.ofMinutes(15);
    private static final long SECONDS = SLOT.toSeconds();
    /** The tally's lock row (V82), not a slot: no quarter-hour starts at an odd epoch second. */
    public static final long GUARD = -1;

    private DeadlineSlots() {
    }

    /** The slot of a deadline: the epoch second of the start of its UTC quarter-hour. */
    public static long slotOf(Instant deadline) {
        return Math.floorDiv(deadline.getEpochSecond(), SECONDS) * SECONDS;
    }

    /** When a slot begins. */
    public static Instant start(long slot) {
        return Instant.ofEpochSecond(slot);
    }

    /**
     * The deadlines in {@code (after, upTo]} as the tally's slots {@code slotsFrom} to {@code slotsTo} (slot starts, both
     * included; none when {@code slotsFrom > slotsTo}), less the deadlines from {@code lessFrom} up to {@code after},
     * plus those from {@code plusFrom} up to {@code upTo}: the slots cover {@code [lessFrom, plusFrom)}, which begins at
     * or before {@code after}. The two counted ranges are short wherever deadlines fall: the first holds only
     * deadlines already passed (the requests the escalation timer has not marked overdue yet), the second at most a
     * quarter-hour's deadlines before {@code upTo}; the District's deadlines end a day (23:59:59), the last second of a
     * quarter-hour, so it is empty except in that second. Counting the first slot's part after {@code after}
     * instead would read a whole day's deadlines in the quarter-hour before each District midnight.
     */
    public record Window(Instant after, Instant upTo, long slotsFrom, long slotsTo, Instant lessFrom, Instant plusFrom) {

        public boolean hasSlots() {
            return slotsFrom <= slotsTo;
        }
    }

    /** The window {@code (after, upTo]} as slots, less one range and plus another. */
    public static Window window(Instant after, Instant upTo) {
        if (upTo.isBefore(after)) {
            throw new IllegalArgumentException("The window ends (" + upTo + ") before it begins (" + after + ")");
        }
        long first = slotOf(after);
        long last = slotOf(upTo);
        return new Window(after, upTo, first, last - SECONDS, start(first), start(last));
    }
}
