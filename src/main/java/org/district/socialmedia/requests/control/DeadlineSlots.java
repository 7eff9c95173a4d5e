package org.district.socialmedia.requests.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadline tally's keys (V82, {@link RequestDeadlineTally}): a deadline's slot is its UTC quarter-hour, stored as
 * the epoch second the quarter-hour starts at, so that a count over a window of deadlines reads the window's whole
 * slots from the tally and only its two partial edge slots from the requests (at most a quarter-hour of deadlines
 * each), whatever the District's size.
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
     * The deadlines in {@code (after, upTo]}, as the slots lying wholly inside it ({@code wholeFrom} to
     * {@code wholeTo}, both slot starts, none when {@code wholeFrom > wholeTo}) and two edges to count from the rows:
     * the deadlines after {@code after} and before {@code lowBefore}, and those from {@code highFrom} (and after
     * {@code after}) up to {@code upTo}. The three parts do not overlap and together are the window.
     */
    public record Window(Instant after, Instant upTo, long wholeFrom, long wholeTo, Instant lowBefore, Instant highFrom) {

        public boolean hasWholeSlots() {
            return wholeFrom <= wholeTo;
        }
    }

    /** The window {@code (after, upTo]} split into whole slots and two edges. */
    public static Window window(Instant after, Instant upTo) {
        if (upTo.isBefore(after)) {
            throw new IllegalArgumentException("The window ends (" + upTo + ") before it begins (" + after + ")");
        }
        long first = slotOf(after);
        long last = slotOf(upTo);
        // the slot holding "after" and the one holding "upTo" are partial (or the same); those between are whole
        long lowBefore = Math.min(first + SECONDS, last);
        return new Window(after, upTo, first + SECONDS, last - SECONDS, start(lowBefore), start(last));
    }
}
