package org.district.socialmedia.oversight.control;

import org.district.socialmedia.oversight.entity.TimeClass;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roll-up's comparison with a recount: one line per key that differs, missing or extra, naming it. */
class RequestRollupsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    void eachKeyThatDiffersIsOneLineNamingItAndBothFigures() {
        RequestRollups.Key same = new RequestRollups.Key(DAY, 0, "superintendent", "AUTHORIZED", true, 480);
        RequestRollups.Key changed = new RequestRollups.Key(DAY, 3, "designee", "REJECTED", false, 1700);
        RequestRollups.Key missing = new RequestRollups.Key(DAY.minusDays(1), 0, "", "INFORMATION_REQUESTED", true, 12);
        Map<RequestRollups.Key, TimeClass> stored = new TreeMap<>(Map.of(same, new TimeClass(480, 2, 172_700, 172_800),
                changed, new TimeClass(1700, 1, 612_000, 612_000)));
        Map<RequestRollups.Key, TimeClass> recount = new TreeMap<>(Map.of(same, new TimeClass(480, 2, 172_700, 172_800),
                changed, new TimeClass(1700, 2, 612_000, 612_100), missing, TimeClass.of(4_300)));

        List<String> lines = RollupDays.differences(stored, recount);

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("2026-11-29 District - INFORMATION_REQUESTED on time 1.2 h: stored none, recounted 1"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2026-11-30 unit 3 designee REJECTED late 170.0 h: stored 1 (612000-612000 s), recounted 2"), lines.get(1));
        assertEquals(List.of(), RollupDays.differences(recount, recount));
    }
}
