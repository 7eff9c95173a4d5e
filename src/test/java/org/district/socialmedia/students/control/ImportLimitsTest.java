package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.ImportLimits.Share;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportLimitsTest {

    private final ImportLimits defaults = new ImportLimits(new BigDecimal("5"), new BigDecimal("2"));

    @Test
    void moreThanIsStrict() {
        assertFalse(ImportLimits.moreThan(5, 100, new BigDecimal("5")), "exactly 5% is within 5%");
        assertTrue(ImportLimits.moreThan(6, 100, new BigDecimal("5")));
        assertTrue(ImportLimits.moreThan(2, 39, new BigDecimal("5")), "2 of 39 is 5.1%");
        assertFalse(ImportLimits.moreThan(0, 0, new BigDecimal("5")));
        assertTrue(ImportLimits.moreThan(1, 0, new BigDecimal("5")), "something out of nothing is always more");
        assertTrue(ImportLimits.moreThan(1, 1000, BigDecimal.ZERO), "0% holds every deactivation");
        assertFalse(ImportLimits.moreThan(1, 1000, new BigDecimal("0.1")), "0.1% of 1000 is 1");
    }

    @Test
    void aBulkImportPastEitherLimitWaits() {
        Map<String, Share> shares = new LinkedHashMap<>();
        shares.put("students", new Share(40, 40));
        shares.put("guardians", new Share(2, 41));
        shares.put("staff", new Share(0, 11));
        List<String> reasons = defaults.reasons(true, shares, 100, 3);
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("40 of 40 active students"));
        assertTrue(reasons.get(1).contains("3 of its 100 rows"));
        assertTrue(defaults.reasons(true, Map.of("students", new Share(2, 40)), 100, 2).isEmpty(), "5% and 2% exactly pass");
    }

    @Test
    void aDeltaNeverWaits() {
        assertTrue(defaults.reasons(false, Map.of("students", new Share(40, 40)), 10, 10).isEmpty());
    }

    @Test
    void rejectedRowsCountEachRowOnceAndNotWholeFiles() {
        List<ImportProblem> problems = List.of(new ImportProblem("users.csv", 3, "a"), new ImportProblem("users.csv", 3, "b"),
                new ImportProblem("users.csv", 4, "c"), new ImportProblem("classes.csv", 3, "d"),
                new ImportProblem("manifest.csv", 0, "missing"));
        assertEquals(3, ImportLimits.rejectedRows(problems));
    }
}
