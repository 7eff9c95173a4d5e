package org.district.socialmedia.accounts.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A row's rights by last day answer the 30 days ahead as counting the last days one by one would, on each covered day. */
class UnitRightsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 12, 6);

    @Test
    void theWindowFromEachCoveredDayIsTheCountOfTheLastDaysInIt() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            // last days from before the count's day to well after the slots (those count nowhere in the slots)
            LocalDate[] lastDays = new LocalDate[random.nextInt(40)];
            long[] slots = new long[UnitRights.SLOTS];
            for (int i = 0; i < lastDays.length; i++) {
                lastDays[i] = FROM.plusDays(random.nextInt(UnitRights.SLOTS + 20) - 5);
                long offset = lastDays[i].toEpochDay() - FROM.toEpochDay();
                if (offset >= 0 && offset < UnitRights.SLOTS) {
                    slots[(int) offset]++;
                }
            }
            for (int day = 0; day <= UnitRights.HORIZON_DAYS; day++) {
                LocalDate today = FROM.plusDays(day);
                long plain = 0;
                for (LocalDate last : lastDays) {
                    plain += !last.isBefore(today) && !last.isAfter(today.plusDays(UnitRights.EXPIRING_WITHIN_DAYS)) ? 1 : 0;
                }
                assertEquals(plain, UnitRights.expiring(slots, FROM, today), "round " + round + ", day " + day);
            }
        }
    }

    @Test
    void aDayTheSlotsDoNotCoverHasNoAnswer() {
        long[] slots = new long[UnitRights.SLOTS];
        assertNull(UnitRights.expiring(slots, FROM, FROM.minusDays(1)), "before the day counted (a clock set back)");
        assertNull(UnitRights.expiring(slots, FROM, FROM.plusDays(UnitRights.HORIZON_DAYS + 1)), "after the horizon");
        assertNull(UnitRights.expiring(null, FROM, FROM), "no slots (a row counted before V80)");
        assertNull(UnitRights.expiring(new long[3], FROM, FROM), "slots of another length");
        assertEquals(0L, UnitRights.expiring(slots, FROM, FROM.plusDays(UnitRights.HORIZON_DAYS)));
    }

    @Test
    void theStoredTextGivesTheSameSlotsAndFitsTheColumn() {
        long[] slots = new long[UnitRights.SLOTS];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i % 7 == 0 ? 123_456 : i;
        }
        String text = UnitRights.text(slots);
        assertArrayEquals(slots, UnitRights.parse(text));
        assertEquals(true, text.length() <= 1000, "expiring_days is VARCHAR(1000): " + text.length());
        assertNull(UnitRights.parse(""));
        assertNull(UnitRights.parse("1,2,3"));
    }

    @Test
    void threeAdministratorsOrMoreShareABand() {
        assertEquals(0, UnitRights.band(0));
        assertEquals(1, UnitRights.band(1));
        assertEquals(2, UnitRights.band(2));
        assertEquals(3, UnitRights.band(3));
        assertEquals(3, UnitRights.band(17));
    }
}
