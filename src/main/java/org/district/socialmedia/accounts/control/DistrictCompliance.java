package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.district.socialmedia.accounts.control.AccountComplianceTally.Figures;
import org.district.socialmedia.accounts.control.AccountQueries.UnitCompliance;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The District's row of the account compliance tally (table account_compliance_district, V87): the sums of every
 * unit's row as stored, stale or not (its seven compliance figures, its accounts by band of administrators, its
 * flagged rights, its rights by last day as {@link DistrictDays}). {@link AccountComplianceTally#count} changes it by
 * the unit row's difference in the same transaction, after the unit's row lock, so it is always the sum of the
 * committed rows; nothing else writes a unit row's figures. The District report then reads this row, plus the rows
 * of the units that do not hold, whose stored part it takes away and whose live count it adds, instead of summing a
 * thousand rows. The unit rows themselves are still read for the list per school (figures and names, no days).
 * Runs in the caller's transaction.
 */
final class DistrictCompliance {

    private static final String COLUMNS = "accounts, failing, identification, privacy, admins, operators, checklists,"
            + " admins_none, admins_one, admins_two, admins_more, flagged, days_from, days, units, units_in_use";
    private static final String UNIT_COLUMNS = "unit_id, accounts, failing, identification, privacy, admins, operators, checklists,"
            + " admins_none, admins_one, admins_two, admins_more, expiring_from, expiring_days, flagged";

    private DistrictCompliance() {
    }

    /**
     * The District's sums: the seven figures (no unit), the four bands, the flagged rights, the rights by last day, how
     * many unit rows and how many of them with accounts in use (V90).
     */
    record Row(UnitCompliance sums, long[] bands, long flagged, DistrictDays days, long units, long inUse) {

        static final Row ZERO = new Row(new UnitCompliance(null, null, 0, 0, 0, 0, 0, 0, 0), new long[UnitRights.BANDS], 0, DistrictDays.NONE,
                0, 0);

        /** With a unit's stored row added (1) or taken away (-1). */
        Row plus(StoredCompliance unit, int sign) {
            UnitCompliance a = sums;
            UnitCompliance u = unit.figures();
            long[] b = bands.clone();
            for (int i = 0; i < b.length; i++) {
                b[i] += sign * unit.bands()[i];
            }
            return new Row(new UnitCompliance(null, null, a.accounts() + sign * u.accounts(), a.failing() + sign * u.failing(),
                    a.identification() + sign * u.identification(), a.privacy() + sign * u.privacy(), a.admins() + sign * u.admins(),
                    a.operators() + sign * u.operators(), a.checklists() + sign * u.checklists()), b, flagged + sign * unit.flagged(),
                    days.plus(unit.expiringFrom(), unit.slots(), sign), units + sign, inUse + (u.accounts() > 0 ? sign : 0));
        }

        /** How it differs from {@code recounted}, one line per part that differs. */
        List<String> differences(Row recounted) {
            List<String> differences = new ArrayList<>();
            if (!StoredCompliance.sameFigures(sums, recounted.sums)) {
                differences.add("District: stored " + StoredCompliance.figuresText(sums) + "; the units' rows " + StoredCompliance.figuresText(recounted.sums));
            }
            if (!Arrays.equals(bands, recounted.bands)) {
                differences.add("District: stored accounts by administrators " + Arrays.toString(bands) + "; the units' rows " + Arrays.toString(recounted.bands));
            }
            if (flagged != recounted.flagged) {
                differences.add("District: stored rights flagged by an access review " + flagged + "; the units' rows " + recounted.flagged);
            }
            if (!days.sameFrom(recounted.days)) {
                differences.add("District: stored rights by last day " + days + "; the units' rows " + recounted.days);
            }
            if (units != recounted.units || inUse != recounted.inUse) {
                differences.add("District: stored " + units + " unit rows, " + inUse + " with accounts in use; the units' rows "
                        + recounted.units + ", " + recounted.inUse);
            }
            return differences;
        }
    }

    /** The stored row (ZERO if there is none), locked for the caller's transaction if asked. */
    static Row read(EntityManager em, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM account_compliance_district WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
                .getResultList();
        if (rows.isEmpty()) {
            return Row.ZERO;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Row(new UnitCompliance(null, null, n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6])),
                new long[] {n(r[7]), n(r[8]), n(r[9]), n(r[10])}, n(r[11]), DistrictDays.of(date(r[12]), (String) r[13]), n(r[14]), n(r[15]));
    }

    private static void store(EntityManager em, Row row) {
        UnitCompliance s = row.sums();
        em.createNativeQuery("UPDATE account_compliance_district SET accounts = ?1, failing = ?2, identification = ?3, privacy = ?4, admins = ?5,"
                        + " operators = ?6, checklists = ?7, admins_none = ?8, admins_one = ?9, admins_two = ?10, admins_more = ?11, flagged = ?12,"
                        + " days_from = CAST(?13 AS DATE), days = ?14, units = ?15, units_in_use = ?16 WHERE id = 1")
                .setParameter(1, s.accounts()).setParameter(2, s.failing()).setParameter(3, s.identification()).setParameter(4, s.privacy())
                .setParameter(5, s.admins()).setParameter(6, s.operators()).setParameter(7, s.checklists())
                .setParameter(8, row.bands()[0]).setParameter(9, row.bands()[1]).setParameter(10, row.bands()[2]).setParameter(11, row.bands()[3])
                .setParameter(12, row.flagged()).setParameter(13, row.days().from() == null ? null : Date.valueOf(row.days().from()))
                .setParameter(14, row.days().text()).setParameter(15, row.units()).setParameter(16, row.inUse()).executeUpdate();
    }

    /**
     * A unit's row went from {@code before} (null: none) to {@code after}: the District's row by the difference, under
     * its lock (taken after the unit's, as every count does, so two counts cannot deadlock).
     */
    static void changed(EntityManager em, StoredCompliance before, StoredCompliance after) {
        Row row = read(em, true);
        store(em, (before == null ? row : row.plus(before, -1)).plus(after, 1));
    }

    /**
     * A unit's row was added with zeros ({@link AccountComplianceTally#prepare}): one unit row more, nothing else moves.
     * Its lock is taken after the new row's, as a count takes it.
     */
    static void rowAdded(EntityManager em) {
        em.createNativeQuery("UPDATE account_compliance_district SET units = units + 1 WHERE id = 1").executeUpdate();
    }

    /** The sum of every unit's stored row, its days from {@code from} on (null: from the earliest row's). */
    static Row ofUnitRows(EntityManager em, LocalDate from) {
        List<StoredCompliance> units = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT " + UNIT_COLUMNS + " FROM account_compliance_tally").getResultList()) {
            units.add(StoredCompliance.of((Object[]) row));
        }
        LocalDate start = from != null ? from : units.stream().filter(u -> u.slots() != null).map(StoredCompliance::expiringFrom)
                .min(LocalDate::compareTo).orElse(null);
        Row sum = new Row(Row.ZERO.sums(), Row.ZERO.bands(), 0, start == null ? DistrictDays.NONE : new DistrictDays(start, new long[0]), 0, 0);
        for (StoredCompliance u : units) {
            sum = sum.plus(u, 1);
        }
        return sum;
    }

    /**
     * The stored row against the sum of the units' rows; found different, compared again under its lock, which a count
     * takes before it commits (a count that commits between the two reads would otherwise show as a difference).
     */
    static List<String> differences(EntityManager em) {
        Row stored = read(em, false);
        if (stored.differences(ofUnitRows(em, stored.days().from())).isEmpty()) {
            return List.of();
        }
        Row locked = read(em, true);
        return locked.differences(ofUnitRows(em, locked.days().from()));
    }

    /** The row replaced by the sum of the units' rows, under its lock; answers whether it differed. */
    static boolean rebuild(EntityManager em) {
        Row stored = read(em, true);
        Row sum = ofUnitRows(em, null);
        boolean differed = !stored.differences(sum).isEmpty();
        store(em, sum);
        return differed;
    }

    /**
     * The District's figures at {@code now} from its row, with {@code size} units of the list per school from the
     * {@code first} (0 on) in name order ({@code Integer.MAX_VALUE}: the whole list). The units that do not hold (stale,
     * next change come, counted later than now, days not covering {@code today}, or no row) have their stored part
     * taken away and are counted from their accounts now. Null when the row cannot answer (a day of the window before
     * its days) or most units do not hold (then a pass over the District's accounts is cheaper): the caller sums the rows.
     */
    static Figures figures(EntityManager em, Instant now, LocalDate today, int first, int size) {
        // the list is read a page at a time (page), so that the answer does not grow with the District's units (a
        // thousand at full scale)
        Read read = read(em, now, today, false);
        if (read != null && read.units() > read.district().units()) {
            // a unit new since the rights timer's last pass has no row yet: read again with the units without one, in the
            // same statement, so that a row a count adds meanwhile is either in the District's row or among these
            read = read(em, now, today, true);
        }
        Long expiringStored = read == null ? null : read.district().days().window(today);
        if (expiringStored == null || read.notHolding().size() * 2 > read.units()) {
            return null;
        }
        Row district = read.district();
        Map<Long, StoredCompliance> notHoldingRows = read.stored();
        Set<Long> notHolding = read.notHolding();
        Row sums = district;
        long expiring = expiringStored;
        for (StoredCompliance s : notHoldingRows.values()) {
            sums = sums.plus(s, -1);
            expiring -= DistrictDays.within(s.expiringFrom(), s.slots(), today);
        }
        Map<Long, UnitCompliance> countedNow = new HashMap<>();
        if (!notHolding.isEmpty()) {
            List<Long> counted = List.copyOf(notHolding);
            for (UnitCompliance c : AccountQueries.compliance(em, now, counted)) {
                countedNow.put(c.unitId(), c);
                sums = sums.plus(new StoredCompliance(c, new long[UnitRights.BANDS], null, null, 0), 1);
            }
            long[] bands = sums.bands().clone();
            UnitRights.bands(em, counted).values().forEach(b -> Arrays.setAll(bands, i -> bands[i] + b[i]));
            long flagged = sums.flagged() + UnitRights.flagged(em, counted).values().stream().mapToLong(Long::longValue).sum();
            expiring += UnitRights.expiring(em, today, counted).values().stream().mapToLong(Long::longValue).sum();
            sums = new Row(sums.sums(), bands, flagged, sums.days(), sums.units(), sums.inUse());
        }
        return new Figures(page(em, now, today, first, size, notHolding, countedNow), sums.bands(), expiring, sums.flagged(), sums.sums(), sums.inUse());
    }

    /** The District's row, the units without a row or whose row does not hold (with the stored part of those), the units. */
    private record Read(Row district, Map<Long, StoredCompliance> stored, Set<Long> notHolding, long units) {
    }

    /**
     * One statement, so that the District's row and the stored parts of the rows that do not hold are read as of one
     * moment: a count commits its unit's row and the District's together, and a stored part taken away must be the one
     * the District's row holds. The rows that hold are not read (the District's row counts them, V90); the units without
     * a row only when asked. Null without a District's row.
     */
    private static Read read(EntityManager em, Instant now, LocalDate today, boolean withoutRow) {
        String stored = "SELECT t.unit_id, t.accounts, t.failing, t.identification, t.privacy, t.admins, t.operators, t.checklists,"
                + " t.admins_none, t.admins_one, t.admins_two, t.admins_more, t.flagged, t.expiring_from, t.expiring_days, CAST(0 AS BIGINT),"
                + " CAST(0 AS BIGINT), CAST(0 AS BIGINT) FROM account_compliance_tally t WHERE ";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("SELECT CAST(-1 AS BIGINT), d.accounts, d.failing, d.identification, d.privacy,"
                + " d.admins, d.operators, d.checklists, d.admins_none, d.admins_one, d.admins_two, d.admins_more, d.flagged, d.days_from,"
                + " d.days, d.units, d.units_in_use, (SELECT COUNT(*) FROM org_unit) FROM account_compliance_district d WHERE d.id = 1"
                // the complement of HOLDS: ranges of V90's indexes (a bitmap OR on PostgreSQL), empty while the rights timer
                // keeps up. One condition, not a branch a range: PostgreSQL plans this statement at every call (its
                // parameters are the moment), and six branches took 0.3 ms to plan at full scale, more than the rest
                + " UNION ALL " + stored + "t.stale = TRUE OR t.counted_at > ?1 OR t.next_change_at <= ?1 OR t.expiring_from IS NULL"
                + " OR t.expiring_from > ?2 OR t.expiring_from < ?3"
                // a unit without a row: accounts -1
                + (withoutRow ? " UNION ALL SELECT u.id, CAST(-1 AS BIGINT), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, CAST(NULL AS DATE),"
                + " CAST(NULL AS VARCHAR(1000)), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT) FROM org_unit u WHERE NOT EXISTS"
                + " (SELECT 1 FROM account_compliance_tally t WHERE t.unit_id = u.id)" : "")), now, today).getResultList();
        Row district = null;
        long units = 0;
        Map<Long, StoredCompliance> notHoldingRows = new HashMap<>();
        Set<Long> notHolding = new HashSet<>();
        for (Object[] u : rows) {
            long id = n(u[0]);
            if (id < 0) {
                district = new Row(new UnitCompliance(null, null, n(u[1]), n(u[2]), n(u[3]), n(u[4]), n(u[5]), n(u[6]), n(u[7])),
                        new long[] {n(u[8]), n(u[9]), n(u[10]), n(u[11])}, n(u[12]), DistrictDays.of(date(u[13]), (String) u[14]), n(u[15]),
                        n(u[16]));
                units = n(u[17]);
            } else {
                notHolding.add(id);
                if (n(u[1]) >= 0) {
                    // as StoredCompliance.of reads a unit's row: id, seven figures, four bands, expiring_from, expiring_days, flagged
                    notHoldingRows.put(id, StoredCompliance.of(new Object[] {u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
                            u[10], u[11], u[13], u[14], u[12]}));
                }
            }
        }
        return district == null ? null : new Read(district, notHoldingRows, notHolding, units);
    }

    /**
     * The page of the list per school: the units with accounts in use in name order ({@code org_unit.name_key}, then
     * id, from its index: the page's units are read, not the District's), each from its row that holds, or as
     * counted now for the units that did not hold when the totals were read.
     */
    private static List<UnitCompliance> page(EntityManager em, Instant now, LocalDate today, int first, int size, Set<Long> notHolding,
                                             Map<Long, UnitCompliance> countedNow) {
        List<Long> countedInUse = countedNow.values().stream().filter(c -> c.accounts() > 0).map(UnitCompliance::unitId).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("SELECT u.id, u.name, t.accounts, t.failing, t.identification, t.privacy,"
                + " t.admins, t.operators, t.checklists, CASE WHEN t.unit_id IS NOT NULL AND " + HOLDS + " THEN 1 ELSE 0 END"
                + " FROM org_unit u LEFT JOIN account_compliance_tally t ON t.unit_id = u.id WHERE (t.accounts > 0"
                + (notHolding.isEmpty() ? "" : " AND u.id NOT IN (" + ids(notHolding) + ")") + ")"
                + (countedInUse.isEmpty() ? "" : " OR u.id IN (" + ids(countedInUse) + ")")
                + " ORDER BY u.name_key, u.id" + (first > 0 ? " OFFSET " + first + " ROWS" : "")
                + (size < Integer.MAX_VALUE ? " FETCH FIRST " + size + " ROWS ONLY" : "")), now, today).getResultList();
        // the rows that stopped holding since the totals were read (a change since): counted now, in one statement, as
        // they would have been then
        List<Long> stoppedHolding = rows.stream().filter(u -> !countedNow.containsKey(n(u[0])) && n(u[9]) != 1).map(u -> n(u[0])).toList();
        Map<Long, UnitCompliance> counted = new HashMap<>(countedNow);
        if (!stoppedHolding.isEmpty()) {
            AccountQueries.compliance(em, now, stoppedHolding).forEach(c -> counted.put(c.unitId(), c));
        }
        List<UnitCompliance> list = new ArrayList<>(rows.size());
        for (Object[] u : rows) {
            long id = n(u[0]);
            String name = (String) u[1];
            UnitCompliance c = counted.get(id);
            if (c == null && n(u[9]) == 1) {
                c = new UnitCompliance(id, name, n(u[2]), n(u[3]), n(u[4]), n(u[5]), n(u[6]), n(u[7]), n(u[8]));
            }
            if (c != null && c.accounts() > 0) {
                list.add(new UnitCompliance(id, name, c.accounts(), c.failing(), c.identification(), c.privacy(), c.admins(),
                        c.operators(), c.checklists()));
            }
        }
        return list;
    }

    /**
     * Whether a unit's row (t) holds at ?1 for the District day ?2 ({@link ComplianceMoments#holds}, and its days
     * covering the window from ?2, whose first day is no earlier than ?3): decided by the database, so that a thousand
     * rows' moments are not read and converted (now to the microsecond, as they are stored).
     */
    private static final String HOLDS = "t.stale = FALSE AND t.counted_at <= ?1 AND (t.next_change_at IS NULL OR t.next_change_at > ?1)"
            + " AND t.expiring_days IS NOT NULL AND t.expiring_from <= ?2 AND t.expiring_from >= ?3";

    private static Query bind(Query query, Instant now, LocalDate today) {
        return query.setParameter(1, now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)).setParameter(2, Date.valueOf(today))
                .setParameter(3, Date.valueOf(today.minusDays(UnitRights.HORIZON_DAYS)));
    }

    private static String ids(Collection<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
