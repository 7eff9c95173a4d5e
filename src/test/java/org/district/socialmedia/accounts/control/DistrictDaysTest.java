package org.district.socialmedia.accounts.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistrictDaysTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static long[] slots(int... dayAndCount) {
        long[] s = new long[UnitRights.SLOTS];
        for (int i = 0; i < dayAndCount.length; i += 2) {
            s[dayAndCount[i]] += dayAndCount[i + 1];
        }
        return s;
    }

    @Test
    void theWindowIsTheSumOfEveryUnitsWindowWhateverDayEachWasCountedOn() {
        long[] a = slots(0, 1, 30, 2, 31, 4, 61, 8);
        long[] b = slots(0, 16, 5, 32);
        DistrictDays days = DistrictDays.NONE.plus(DAY, a, 1).plus(DAY.plusDays(3), b, 1);
        for (int offset = 0; offset <= UnitRights.HORIZON_DAYS; offset++) {
            LocalDate today = DAY.plusDays(offset);
            long expected = UnitRights.expiring(a, DAY, today) + (offset >= 3 ? UnitRights.expiring(b, DAY.plusDays(3), today)
                    : DistrictDays.within(DAY.plusDays(3), b, today));
            assertEquals(expected, days.window(today), "window from " + today);
        }
        assertEquals(0L, DistrictDays.NONE.window(DAY), "no row, no rights");
    }

    @Test
    void aUnitCountedAgainMovesItsCountsToItsNewDays() {
        long[] before = slots(10, 3);
        long[] after = slots(9, 3);
        DistrictDays days = DistrictDays.NONE.plus(DAY, before, 1).plus(DAY, before, -1).plus(DAY.plusDays(1), after, 1);
        assertTrue(days.sameFrom(DistrictDays.NONE.plus(DAY.plusDays(1), after, 1).plus(DAY, new long[UnitRights.SLOTS], 1)));
        assertEquals(3L, days.window(DAY));
        assertEquals(3L, days.window(DAY.plusDays(10)));
        assertEquals(0L, days.window(DAY.plusDays(11)));
    }

    @Test
    void daysBeforeTheFirstKeptHaveNoWindowAndTheTextRoundTrips() {
        DistrictDays days = DistrictDays.NONE.plus(DAY, slots(0, 5), 1);
        assertNull(days.window(DAY.minusDays(1)), "a clock set back: the report sums the units' rows");
        // a unit counted on a day before the first kept: its earlier days are left out, the later ones kept
        DistrictDays earlier = days.plus(DAY.minusDays(2), slots(1, 7, 2, 9), 1);
        assertEquals(DAY, earlier.from());
        assertEquals(14L, earlier.window(DAY));
        assertEquals(earlier, DistrictDays.of(earlier.from(), earlier.text()));
        assertEquals(DistrictDays.NONE, DistrictDays.of(null, null));
        assertFalse(days.sameFrom(earlier));
    }

    @Test
    void atMostSoManyDaysAreKeptTheEarliestDropped() {
        DistrictDays days = DistrictDays.NONE.plus(DAY, slots(0, 1), 1).plus(DAY.plusDays(DistrictDays.MAX_DAYS), slots(0, 2), 1);
        assertEquals(DistrictDays.MAX_DAYS, days.days().length);
        assertEquals(DAY.plusDays(UnitRights.SLOTS), days.from());
        assertEquals(2L, days.window(DAY.plusDays(DistrictDays.MAX_DAYS)));
    }
}
