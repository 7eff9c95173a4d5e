package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.control.AccountQueries.UnitCompliance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A unit's row of the account compliance tally as stored: its compliance figures (no name), its accounts in use by
 * band of administrators, its rights in force by last day from the day it was counted on, its rights in force an
 * access review flagged; and how it differs from a recount. Pure: the tally reads and writes it, its tests compare with it.
 */
record StoredCompliance(UnitCompliance figures, long[] bands, LocalDate expiringFrom, long[] slots, long flagged) {

    /**
     * A row of unit_id, the seven figures, the four bands, expiring_from, expiring_days (a row counted before V80 has no
     * days: null, so it covers no window), flagged.
     */
    static StoredCompliance of(Object[] row) {
        UnitCompliance c = new UnitCompliance(n(row[0]), null, n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]), n(row[6]), n(row[7]));
        long[] bands = {n(row[8]), n(row[9]), n(row[10]), n(row[11])};
        LocalDate from = row[12] == null ? null : row[12] instanceof LocalDate d ? d : ((Date) row[12]).toLocalDate();
        return new StoredCompliance(c, bands, from, UnitRights.parse((String) row[13]), n(row[14]));
    }

    /** Its rights ending within the window from {@code today}; null when its slots do not cover that window. */
    Long expiring(LocalDate today) {
        return UnitRights.expiring(slots, expiringFrom, today);
    }

    /**
     * How it differs from its unit's recount, one line per part that differs (null parts: the unit has no accounts in
     * use, no rights ending in the slots' range, or none flagged).
     */
    List<String> differences(UnitCompliance recounted, long[] recountedBands, long[] recountedSlots, Long recountedFlagged) {
        long unitId = figures.unitId();
        UnitCompliance r = Objects.requireNonNullElse(recounted, new UnitCompliance(unitId, null, 0, 0, 0, 0, 0, 0, 0));
        long[] b = Objects.requireNonNullElse(recountedBands, new long[UnitRights.BANDS]);
        long[] d = Objects.requireNonNullElse(recountedSlots, new long[UnitRights.SLOTS]);
        List<String> differences = new ArrayList<>();
        if (!sameFigures(figures, r)) {
            differences.add("unit " + unitId + ": stored " + figuresText(figures) + "; recounted " + figuresText(r));
        }
        if (!Arrays.equals(bands, b)) {
            differences.add("unit " + unitId + ": stored accounts by administrators " + Arrays.toString(bands) + "; recounted "
                    + Arrays.toString(b));
        }
        if (slots == null || !Arrays.equals(slots, d)) {
            differences.add("unit " + unitId + ": stored rights by last day from " + expiringFrom + " "
                    + (slots == null ? "none" : Arrays.toString(slots)) + "; recounted " + Arrays.toString(d));
        }
        long f = Objects.requireNonNullElse(recountedFlagged, 0L);
        if (flagged != f) {
            differences.add("unit " + unitId + ": stored rights flagged by an access review " + flagged + "; recounted " + f);
        }
        return differences;
    }

    static boolean sameFigures(UnitCompliance a, UnitCompliance b) {
        return a.accounts() == b.accounts() && a.failing() == b.failing() && a.identification() == b.identification()
                && a.privacy() == b.privacy() && a.admins() == b.admins() && a.operators() == b.operators()
                && a.checklists() == b.checklists();
    }

    static String figuresText(UnitCompliance c) {
        return "accounts " + c.accounts() + ", failing " + c.failing() + ", identification " + c.identification() + ", privacy "
                + c.privacy() + ", admins " + c.admins() + ", operators " + c.operators() + ", checklists " + c.checklists();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
