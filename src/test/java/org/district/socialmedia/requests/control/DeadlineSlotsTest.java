package org.district.socialmedia.requests.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineSlotsTest {

    @Test
    void aDeadlinesSlotIsTheStartOfItsUtcQuarterHour() {
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), DeadlineSlots.start(DeadlineSlots.slotOf(Instant.parse("2026-12-07T13:00:00Z"))));
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), DeadlineSlots.start(DeadlineSlots.slotOf(Instant.parse("2026-12-07T13:14:59.999Z"))));
        assertEquals(Instant.parse("2026-12-07T13:15:00Z"), DeadlineSlots.start(DeadlineSlots.slotOf(Instant.parse("2026-12-07T13:15:00Z"))));
        // before 1970 the quarter-hour still starts before the deadline, not after
        assertEquals(Instant.parse("1969-12-31T23:45:00Z"), DeadlineSlots.start(DeadlineSlots.slotOf(Instant.parse("1969-12-31T23:59:59.5Z"))));
    }

    @Test
    void twoDaysFromAnInstantInsideASlotAreTheSlotsFromItsOwnLessWhatHasPassedPlusTheLastSlotsPart() {
        Instant now = Instant.parse("2026-12-07T13:07:30Z");
        DeadlineSlots.Window w = DeadlineSlots.window(now, now.plus(Duration.ofDays(2)));
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), DeadlineSlots.start(w.slotsFrom()));
        assertEquals(Instant.parse("2026-12-09T12:45:00Z"), DeadlineSlots.start(w.slotsTo()));
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), w.lessFrom());
        assertEquals(Instant.parse("2026-12-09T13:00:00Z"), w.plusFrom());
    }

    @Test
    void aWindowStartingOnASlotsFirstSecondTakesThatSlotLessItsFirstSecond() {
        Instant now = Instant.parse("2026-12-07T13:00:00Z");
        DeadlineSlots.Window w = DeadlineSlots.window(now, now.plus(Duration.ofDays(2)));
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), DeadlineSlots.start(w.slotsFrom()));
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), w.lessFrom());
        // a deadline exactly at the end is in the window: the slot starting there is counted from the rows
        assertEquals(Instant.parse("2026-12-09T13:00:00Z"), w.plusFrom());
        assertEquals(Instant.parse("2026-12-09T12:45:00Z"), DeadlineSlots.start(w.slotsTo()));
    }

    @Test
    void aWindowInsideOneSlotHasNoSlotsAndOneWithinTwoSlotsOne() {
        Instant now = Instant.parse("2026-12-07T13:02:00Z");
        DeadlineSlots.Window inOne = DeadlineSlots.window(now, now.plusSeconds(60));
        assertFalse(inOne.hasSlots());
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), inOne.lessFrom());
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), inOne.plusFrom());
        DeadlineSlots.Window inTwo = DeadlineSlots.window(now, Instant.parse("2026-12-07T13:20:00Z"));
        assertEquals(inTwo.slotsFrom(), inTwo.slotsTo());
        assertEquals(Instant.parse("2026-12-07T13:15:00Z"), inTwo.plusFrom());
        assertThrows(IllegalArgumentException.class, () -> DeadlineSlots.window(now, now.minusSeconds(1)));
    }

    /** The District's deadlines end a day: the ranges counted from the rows hold none of them but in the day's last second. */
    @Test
    void deadlinesAtTheEndOfADayFallInNeitherCountedRangeBeforeThatSecond() {
        Instant deadline = Instant.parse("2026-12-08T07:59:59Z");   // 23:59:59 in Los Angeles
        for (Instant now = Instant.parse("2026-12-06T07:40:00Z"); now.isBefore(Instant.parse("2026-12-06T08:05:00Z")); now = now.plusSeconds(1)) {
            DeadlineSlots.Window w = DeadlineSlots.window(now, now.plus(Duration.ofDays(2)));
            boolean inLess = !deadline.isBefore(w.lessFrom()) && !deadline.isAfter(w.after());
            boolean inPlus = !deadline.isBefore(w.plusFrom()) && !deadline.isAfter(w.upTo());
            assertFalse(inLess, now.toString());
            assertEquals(now.equals(Instant.parse("2026-12-06T07:59:59Z")), inPlus, now.toString());
        }
    }

    /** The count the tally gives (whole slots summed, edges counted one by one) is the plain count of the window. */
    @Test
    void theSlotsAndEdgesCountExactlyTheDeadlinesInTheWindow() {
        Random random = new Random(22);
        Instant base = Instant.parse("2026-12-07T00:00:00Z");
        for (int round = 0; round < 2_000; round++) {
            List<Instant> deadlines = new ArrayList<>();
            TreeMap<Long, Long> tally = new TreeMap<>();
            int n = random.nextInt(200);
            for (int i = 0; i < n; i++) {
                // whole seconds, quarter-hour boundaries and fractions of a second, over four days
                long seconds = random.nextInt(4) == 0 ? 900L * random.nextInt(4 * 96) : random.nextInt(4 * 86_400);
                Instant d = base.plusSeconds(seconds).plusNanos(random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
                deadlines.add(d);
                tally.merge(DeadlineSlots.slotOf(d), 1L, Long::sum);
            }
            Instant after = random.nextInt(5) == 0 ? base.plusSeconds(900L * random.nextInt(96))
                    : base.plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(1_000_000_000));
            if (random.nextInt(10) == 0 && !deadlines.isEmpty()) {
                after = deadlines.get(random.nextInt(deadlines.size()));
            }
            Duration length = switch (random.nextInt(4)) {
                case 0 -> Duration.ofSeconds(random.nextInt(3_600));
                case 1 -> Duration.ofMinutes(15);
                default -> Duration.ofDays(2);
            };
            Instant upTo = after.plus(length);
            final Instant from = after;
            long plain = deadlines.stream().filter(d -> d.isAfter(from) && !d.isAfter(upTo)).count();

            DeadlineSlots.Window w = DeadlineSlots.window(after, upTo);
            long slots = w.hasSlots() ? tally.subMap(w.slotsFrom(), true, w.slotsTo(), true).values().stream().mapToLong(Long::longValue).sum() : 0;
            long less = deadlines.stream().filter(d -> !d.isBefore(w.lessFrom()) && !d.isAfter(from)).count();
            long plus = deadlines.stream().filter(d -> !d.isBefore(w.plusFrom()) && !d.isAfter(upTo)).count();
            assertEquals(plain, slots - less + plus, "round " + round + ": " + w);
            assertTrue(!w.lessFrom().isAfter(after) && !w.plusFrom().isAfter(upTo), "the ranges are the right way round: " + w);
        }
    }
}
