package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.accounts.entity.GrantStatus;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts report's figures about rights, per school or department, as the compliance tally keeps them
 * (V80, V84): the accounts in use by their number of active District administrators (0, 1, 2, 3 or more), the
 * rights in force an access review flagged, and the rights in force by their last day, one count a day for
 * {@link #SLOTS} days from the District day the unit was counted on. So a row counted on day D answers "rights
 * ending within {@link #EXPIRING_WITHIN_DAYS} days" for every day from D to D + {@link #HORIZON_DAYS} by a sum of its
 * own slots: the window moves with the clock without a write, and the row no longer holds after that (the tally's
 * next change). Live counts here too, for the units whose row does not
 * hold and for the recount. Pure but for the queries; the unit filters are built from ids (numbers), never text.
 */
public final class UnitRights {

    /** "Rights expiring soon": a last day from today to today plus so many days, both included. */
    public static final int EXPIRING_WITHIN_DAYS = 30;
    /** How many days after the day it was counted a row's slots still cover the window. */
    public static final int HORIZON_DAYS = 31;
    /** Days counted by last day: from the count's day to the horizon's last window's end. */
    public static final int SLOTS = HORIZON_DAYS + EXPIRING_WITHIN_DAYS + 1;
    /** The bands of administrators, as the report labels them: 0, 1, 2, 3 or more. */
    public static final int BANDS = 4;

    private UnitRights() {
    }

    /** The band of an account with so many active administrators. */
    static int band(long admins) {
        return (int) Math.max(0, Math.min(BANDS - 1, admins));
    }

    /** Rights ending within the window from {@code today}, from slots counted from {@code from}; null if not covered. */
    public static Long expiring(long[] slots, LocalDate from, LocalDate today) {
        if (slots == null || from == null || today.isBefore(from)) {
            return null;
        }
        long offset = ChronoUnit.DAYS.between(from, today);
        if (offset > HORIZON_DAYS || slots.length != SLOTS) {
            return null;
        }
        long sum = 0;
        for (int i = (int) offset; i <= offset + EXPIRING_WITHIN_DAYS; i++) {
            sum += slots[i];
        }
        return sum;
    }

    /** The slots as stored: their counts, comma-separated. */
    static String text(long[] slots) {
        StringBuilder s = new StringBuilder();
        for (long n : slots) {
            s.append(s.length() == 0 ? "" : ",").append(n);
        }
        return s.toString();
    }

    /** The slots from their stored text; null for none (a row counted before V80) or a text of another length. */
    static long[] parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != SLOTS) {
            return null;
        }
        long[] slots = new long[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = Long.parseLong(parts[i].strip());
        }
        return slots;
    }

    /** " AND a.unit_id ..." for one unit, these units, or (null) the whole District. */
    static String unitFilter(Collection<Long> unitIds) {
        if (unitIds == null) {
            return "";
        }
        StringBuilder ids = new StringBuilder();
        for (Long id : unitIds) {
            ids.append(ids.length() == 0 ? "" : ", ").append(id.longValue());
        }
        return ids.length() == 0 ? " AND 1 = 0" : " AND a.unit_id IN (" + ids + ")";
    }

    /** Per unit (of {@code unitIds}; null: all), the accounts in use by band of administrators, counted now. */
    public static Map<Long, long[]> bands(EntityManager em, Collection<Long> unitIds) {
        Map<Long, long[]> byUnit = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.unit_id, a.active_admins, COUNT(*) FROM district_account a"
                + " WHERE a.status <> 'ARCHIVED'" + unitFilter(unitIds) + " GROUP BY a.unit_id, a.active_admins").getResultList();
        for (Object[] r : rows) {
            byUnit.computeIfAbsent(n(r[0]), k -> new long[BANDS])[band(n(r[1]))] += n(r[2]);
        }
        return byUnit;
    }

    /** Per unit (of {@code unitIds}; null: all), the rights in force by last day, {@link #SLOTS} days from {@code from}. */
    public static Map<Long, long[]> slots(EntityManager em, LocalDate from, Collection<Long> unitIds) {
        Map<Long, long[]> byUnit = new HashMap<>();
        // ends_key: the last day, or a day after every real one for open-ended rights (never in range)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.unit_id, g.ends_key, COUNT(*) FROM account_grant g"
                        + " JOIN district_account a ON a.id = g.account_id WHERE g.status = '" + GrantStatus.ACTIVE.name() + "'"
                        + " AND g.ends_key >= ?1 AND g.ends_key <= ?2" + unitFilter(unitIds) + " GROUP BY a.unit_id, g.ends_key")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(from.plusDays(SLOTS - 1))).getResultList();
        for (Object[] r : rows) {
            LocalDate day = r[1] instanceof LocalDate d ? d : ((Date) r[1]).toLocalDate();
            byUnit.computeIfAbsent(n(r[0]), k -> new long[SLOTS])[(int) ChronoUnit.DAYS.between(from, day)] += n(r[2]);
        }
        return byUnit;
    }

    /** Per unit (of {@code unitIds}; null: all), the rights in force whose last day is within the window from {@code today}. */
    public static Map<Long, Long> expiring(EntityManager em, LocalDate today, Collection<Long> unitIds) {
        Map<Long, Long> byUnit = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.unit_id, COUNT(*) FROM account_grant g"
                        + " JOIN district_account a ON a.id = g.account_id WHERE g.status = '" + GrantStatus.ACTIVE.name() + "'"
                        + " AND g.ends_key >= ?1 AND g.ends_key <= ?2" + unitFilter(unitIds) + " GROUP BY a.unit_id")
                .setParameter(1, Date.valueOf(today)).setParameter(2, Date.valueOf(today.plusDays(EXPIRING_WITHIN_DAYS))).getResultList();
        for (Object[] r : rows) {
            byUnit.put(n(r[0]), n(r[1]));
        }
        return byUnit;
    }

    /**
     * Per unit (of {@code unitIds}; null: all), the rights in force that an access review flagged as not confirmed
     * by its deadline, counted now (the District's through the flagged grants' index: hundreds, thousands at full scale).
     */
    public static Map<Long, Long> flagged(EntityManager em, Collection<Long> unitIds) {
        Map<Long, Long> byUnit = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.unit_id, COUNT(*) FROM account_grant g JOIN district_account a ON a.id = g.account_id"
                + " WHERE g.status = '" + GrantStatus.ACTIVE.name() + "' AND g.flagged_review_id IS NOT NULL" + unitFilter(unitIds)
                + " GROUP BY a.unit_id").getResultList();
        for (Object[] r : rows) {
            byUnit.put(n(r[0]), n(r[1]));
        }
        return byUnit;
    }

    static boolean sameSlots(long[] a, long[] b) {
        return Arrays.equals(a, b);
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
