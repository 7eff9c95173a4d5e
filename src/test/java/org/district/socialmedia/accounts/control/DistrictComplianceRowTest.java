package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.control.AccountQueries.UnitCompliance;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The District's row counts its unit rows and those with accounts in use (V90) as it sums their figures: a unit's row
 * added, counted again and taken away moves them as the list per school would, and the recount names a count that differs.
 */
class DistrictComplianceRowTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static StoredCompliance unit(long id, long accounts, long failing) {
        return new StoredCompliance(new UnitCompliance(id, null, accounts, failing, 0, 0, 0, 0, 0), new long[] {0, 0, 0, accounts}, DAY,
                new long[62], 0);
    }

    @Test
    void unitRowsAndThoseWithAccountsInUseMoveWithTheRows() {
        DistrictCompliance.Row row = DistrictCompliance.Row.ZERO.plus(unit(1, 0, 0), 1);
        assertEquals(1, row.units(), "a prepared row (zeros) is a unit row");
        assertEquals(0, row.inUse(), "with no account in use");

        row = row.plus(unit(1, 0, 0), -1).plus(unit(1, 3, 1), 1);
        assertEquals(1, row.units(), "counted again: the same unit row");
        assertEquals(1, row.inUse());
        assertEquals(3, row.sums().accounts());

        row = row.plus(unit(2, 5, 0), 1);
        assertEquals(2, row.units());
        assertEquals(2, row.inUse());

        row = row.plus(unit(2, 5, 0), -1).plus(unit(2, 0, 0), 1);
        assertEquals(2, row.units(), "its accounts archived: still a unit row");
        assertEquals(1, row.inUse(), "no longer in the list");
    }

    @Test
    void theRecountNamesUnitCountsThatDiffer() {
        DistrictCompliance.Row counted = DistrictCompliance.Row.ZERO.plus(unit(1, 3, 1), 1).plus(unit(2, 0, 0), 1);
        DistrictCompliance.Row spoiled = new DistrictCompliance.Row(counted.sums(), counted.bands(), counted.flagged(), counted.days(),
                counted.units(), counted.inUse() + 1);
        assertEquals(List.of(), counted.differences(counted));
        List<String> differences = spoiled.differences(counted);
        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("District: stored 2 unit rows, 2 with accounts in use; the units' rows 2, 1"),
                differences.toString());
    }
}
