package org.district.socialmedia.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.accounts.control.AccountQueries.UnitCompliance;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.control.NativeTimestamps;
import org.district.socialmedia.platform.control.Tally;
import org.district.socialmedia.requests.entity.RequestEvent;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The accounts report's compliance figures kept per school or department (table account_compliance_tally, V74), so
 * that the District's figures are a sum of a thousand rows instead of two passes over every account; with them (V80)
 * the accounts in use by number of administrators and the rights in force by last day ({@link UnitRights}), so
 * that the report's other two figures are sums of the same rows instead of a pass over the accounts and a range of
 * the District's grants; and (V84) the rights in force an access review flagged, so that a school's count of them
 * reads its own row instead of every flagged grant of the District; and (V87) the District's row, the sums of every
 * unit's row ({@link DistrictCompliance}), so that the District's totals, bands and rights ending soon read one row
 * and the units that do not hold instead of summing every unit's.
 *
 * <ul>
 * <li><b>Writers</b> mark the unit's row stale in the transaction of every change that can move its figures
 * ({@link #unitChanged}, {@link #accountChanged}, {@link #authorizationEnded}; the authorizations' own end is
 * heard as requests' {@link RequestEvent}). The UPDATE of the row is also the lock a count waits for.</li>
 * <li><b>Time</b> moves two checks without a write: the row keeps {@code next_change_at}, the earliest such moment
 * among the unit's accounts when it was counted ({@link ComplianceMoments}), and no longer holds from then on; at
 * the latest the start of the District day after {@link UnitRights#HORIZON_DAYS}, when its rights by last day no
 * longer cover the 30 days ahead.</li>
 * <li><b>The report</b> ({@link #compliance}) sums the rows that hold and counts the others' units from their
 * accounts now: the figures are exact whatever the tally's state; only the stale units cost a count.</li>
 * <li><b>The rights timer</b> counts stale units again ({@link #due}, {@link #prepare}, {@link #count}), each in
 * its own transaction; the operators' recount checks ({@link #differences}) and rebuilds ({@link #rebuild}).</li>
 * </ul>
 * A count locks the unit's row before it reads (FOR UPDATE), so a change in flight commits first and one that comes
 * after marks the row again. A unit with no row yet gets a stale one in a transaction of its own first
 * ({@link #prepare}): only a row that exists can be locked. Runs in the caller's transaction.
 */
@ApplicationScoped
public class AccountComplianceTally implements Tally {

    static final String NAME = "account-compliance";
    private static final String FIGURES = "accounts, failing, identification, privacy, admins, operators, checklists";
    private static final String RIGHTS = "admins_none, admins_one, admins_two, admins_more, expiring_from, expiring_days, flagged";

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictTime districtTime;

    @Override
    public String name() {
        return NAME;
    }

    // ---------------------------------------------------------------- the writers' side

    /**
     * Something that can move these units' figures changed (null ids are left out). Always an UPDATE, even of a row
     * already stale: it waits for a count in flight, whose stale = FALSE would otherwise hide this change. In order of
     * id, so that two changes marking the same two units cannot deadlock.
     */
    public void unitChanged(Long... unitIds) {
        Set<Long> ids = new TreeSet<>();
        for (Long id : unitIds) {
            if (id != null) {
                ids.add(id);
            }
        }
        for (Long id : ids) {
            em.createNativeQuery("UPDATE account_compliance_tally SET stale = TRUE WHERE unit_id = ?1")
                    .setParameter(1, id).executeUpdate();
        }
    }

    /** The account's figures may have changed (its checks, rights, checklist, operators or status). */
    public void accountChanged(DistrictAccount account) {
        unitChanged(account.getUnit() == null ? null : account.getUnit().getId());
    }

    /** An authorization no longer active: the units of the accounts it operated. */
    public void authorizationEnded(long authorizationId) {
        em.createNativeQuery("UPDATE account_compliance_tally SET stale = TRUE WHERE unit_id IN (SELECT a.unit_id FROM account_operator o"
                + " JOIN district_account a ON a.id = o.account_id WHERE o.authorization_id = ?1)").setParameter(1, authorizationId).executeUpdate();
    }

    /** Requests revokes an authorization or its term ends (AccountOperator's "active" is the authorization's status). */
    void on(@Observes RequestEvent event) {
        if (event.authorizationId() != null && (event.type() == RequestEvent.Type.AUTHORIZATION_REVOKED
                || event.type() == RequestEvent.Type.AUTHORIZATION_EXPIRED)) {
            authorizationEnded(event.authorizationId());
        }
    }

    // ---------------------------------------------------------------- the timer's side

    /** Units whose row does not hold now (stale, its next change come, or none at all), by id, up to {@code max}. */
    public List<Long> due(int max) {
        Set<Long> holding = new HashSet<>(holding(clock.instant()).keySet());
        return em.createQuery("SELECT u.id FROM OrgUnit u ORDER BY u.id", Long.class).getResultList().stream()
                .filter(id -> !holding.contains(id)).limit(max).toList();
    }

    /**
     * Gives a unit without a row a stale one (zeros), so that a count can lock it; answers whether it added one. The
     * District's row counts it among the unit rows (V90) in the same transaction.
     */
    public boolean prepare(long unitId) {
        // next_change_at left out (NULL): PostgreSQL would take a bare NULL in a SELECT for text
        boolean added = em.createNativeQuery("INSERT INTO account_compliance_tally (unit_id, " + FIGURES + ", counted_at, stale)"
                        + " SELECT u.id, 0, 0, 0, 0, 0, 0, 0, ?2, TRUE FROM org_unit u WHERE u.id = ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM account_compliance_tally t WHERE t.unit_id = ?1)")
                .setParameter(1, unitId).setParameter(2, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))).executeUpdate() > 0;
        if (added) {
            DistrictCompliance.rowAdded(em);
        }
        return added;
    }

    /**
     * Counts one unit from its accounts now and stores it, its row locked first. A unit without a row gets one
     * counted (the recount's way; the timer {@link #prepare}s it first). Idempotent; answers whether a stored figure
     * changed.
     */
    public boolean count(long unitId) {
        Instant now = clock.instant();
        List<?> locked = em.createNativeQuery("SELECT unit_id FROM account_compliance_tally WHERE unit_id = ?1 FOR UPDATE")
                .setParameter(1, unitId).getResultList();
        StoredCompliance before = locked.isEmpty() ? null : storedRow(unitId);
        StoredCompliance after = recount(unitId, now);
        Instant next = AccountQueries.nextComplianceChange(em, now, unitId);
        Instant horizon = after.expiringFrom().plusDays(UnitRights.HORIZON_DAYS + 1L).atStartOfDay(districtTime.timeZone()).toInstant();
        next = next == null || horizon.isBefore(next) ? horizon : next;
        if (locked.isEmpty()) {
            bind(em.createNativeQuery("INSERT INTO account_compliance_tally (unit_id, " + FIGURES + ", counted_at, next_change_at, stale, "
                    + RIGHTS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, FALSE, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"),
                    unitId, after, now, next).executeUpdate();
        } else {
            bind(em.createNativeQuery("UPDATE account_compliance_tally SET accounts = ?2, failing = ?3, identification = ?4, privacy = ?5,"
                    + " admins = ?6, operators = ?7, checklists = ?8, counted_at = ?9, next_change_at = ?10, stale = FALSE,"
                    + " admins_none = ?11, admins_one = ?12, admins_two = ?13, admins_more = ?14, expiring_from = ?15, expiring_days = ?16,"
                    + " flagged = ?17 WHERE unit_id = ?1"), unitId, after, now, next).executeUpdate();
        }
        DistrictCompliance.changed(em, before, after);
        return before == null || !StoredCompliance.sameFigures(before.figures(), after.figures()) || !Arrays.equals(before.bands(), after.bands())
                || !Objects.equals(before.expiring(after.expiringFrom()), after.expiring(after.expiringFrom()))
                || before.flagged() != after.flagged();
    }

    private static Query bind(Query q, long unitId, StoredCompliance s, Instant now, Instant next) {
        UnitCompliance c = s.figures();
        q.setParameter(1, unitId).setParameter(2, c.accounts()).setParameter(3, c.failing()).setParameter(4, c.identification())
                .setParameter(5, c.privacy()).setParameter(6, c.admins()).setParameter(7, c.operators()).setParameter(8, c.checklists())
                .setParameter(9, now.atOffset(ZoneOffset.UTC)).setParameter(10, next.atOffset(ZoneOffset.UTC));
        for (int band = 0; band < UnitRights.BANDS; band++) {
            q.setParameter(11 + band, s.bands()[band]);
        }
        return q.setParameter(15, Date.valueOf(s.expiringFrom())).setParameter(16, UnitRights.text(s.slots()))
                .setParameter(17, s.flagged());
    }

    // ---------------------------------------------------------------- the report's side

    /**
     * The report's figures of the District or a unit: compliance per unit, accounts by band of administrators, rights
     * ending soon, rights flagged by an access review, and the compliance figures' total (no unit).
     */
    public record Figures(List<UnitCompliance> compliance, long[] bands, long expiring, long flagged, UnitCompliance total,
                          long units) {

        /** With the whole list per unit. */
        Figures(List<UnitCompliance> compliance, long[] bands, long expiring, long flagged, UnitCompliance total) {
            this(compliance, bands, expiring, flagged, total, compliance.size());
        }
    }

    /**
     * Per school, or for one ({@code unitId}), how many accounts in use fail each check, as
     * {@link AccountQueries#compliance(EntityManager, Instant, Long)} counts them: the rows that hold at {@code now}
     * summed, the other units counted from their accounts. Units without accounts in use are left out; by name.
     */
    public List<UnitCompliance> compliance(Instant now, Long unitId) {
        return figures(now, LocalDate.ofInstant(now, districtTime.timeZone()), unitId).compliance();
    }

    /**
     * The accounts report's figures of the District (null) or one unit at {@code now} (the District's {@code today}):
     * each unit from its row where the row holds and its rights by last day cover the window from {@code today}, the
     * other units counted from their accounts and grants now. Exact whatever the tally's state.
     */
    public Figures figures(Instant now, LocalDate today, Long unitId) {
        return figures(now, today, unitId, 0, Integer.MAX_VALUE);
    }

    /**
     * The same with the District's list per unit paged: {@code size} units from the {@code first} (0 on), in name order;
     * {@link Figures#units()} is the whole list's length. A unit's answer is whole.
     */
    public Figures figures(Instant now, LocalDate today, Long unitId, int first, int size) {
        Figures district = unitId == null ? DistrictCompliance.figures(em, now, today, first, size) : null;
        if (district != null) {
            return district;
        }
        Figures whole = summed(now, today, unitId);
        if (unitId != null || (first == 0 && size >= whole.compliance().size())) {
            return whole;
        }
        List<UnitCompliance> list = whole.compliance();
        return new Figures(list.subList(Math.min(first, list.size()), (int) Math.min((long) first + size, list.size())), whole.bands(),
                whole.expiring(), whole.flagged(), whole.total(), list.size());
    }

    /** The figures from the unit rows that hold, the others counted now: a unit's, or the District's when its row cannot answer. */
    private Figures summed(Instant now, LocalDate today, Long unitId) {
        // a school's answer reads its own row, not every unit's (a thousand at full scale)
        Map<Long, StoredCompliance> stored = holding(now, unitId);
        stored.values().removeIf(row -> row.expiring(today) == null);
        List<UnitCompliance> result = new ArrayList<>();
        long[] bands = new long[UnitRights.BANDS];
        long[] expiring = new long[1];
        long[] flagged = new long[1];
        if (unitId != null) {
            StoredCompliance row = stored.get(unitId);
            if (row == null) {
                List<Long> unit = List.of(unitId);
                add(bands, UnitRights.bands(em, unit).get(unitId));
                List<UnitCompliance> live = AccountQueries.compliance(em, now, unitId);
                return new Figures(live, bands, UnitRights.expiring(em, today, unit).getOrDefault(unitId, 0L),
                        UnitRights.flagged(em, unit).getOrDefault(unitId, 0L), total(live));
            }
            if (row.figures().accounts() > 0) {
                result.add(named(row.figures(), unitName(unitId)));
            }
            return new Figures(result, row.bands().clone(), row.expiring(today), row.flagged(), total(result));
        }
        Map<Long, String> names = new HashMap<>();
        List<Long> notHolding = new ArrayList<>();
        for (Object[] u : em.createQuery("SELECT u.id, u.name FROM OrgUnit u", Object[].class).getResultList()) {
            Long id = (Long) u[0];
            names.put(id, (String) u[1]);
            if (!stored.containsKey(id)) {
                notHolding.add(id);
            }
        }
        if (!notHolding.isEmpty()) {
            // most units to count: one pass over the District rather than a list of most of its units
            boolean whole = notHolding.size() * 2 > names.size();
            result.addAll(whole ? AccountQueries.compliance(em, now, (Long) null).stream().filter(c -> !stored.containsKey(c.unitId())).toList()
                    : AccountQueries.compliance(em, now, notHolding));
            for (Entry<Long, long[]> b : UnitRights.bands(em, whole ? null : notHolding).entrySet()) {
                if (!stored.containsKey(b.getKey())) {
                    add(bands, b.getValue());
                }
            }
            UnitRights.expiring(em, today, whole ? null : notHolding).forEach((unit, n) -> expiring[0] += stored.containsKey(unit) ? 0 : n);
            UnitRights.flagged(em, whole ? null : notHolding).forEach((unit, n) -> flagged[0] += stored.containsKey(unit) ? 0 : n);
        }
        for (StoredCompliance row : stored.values()) {
            UnitCompliance c = row.figures();
            if (names.containsKey(c.unitId())) {
                add(bands, row.bands());
                expiring[0] += row.expiring(today);
                flagged[0] += row.flagged();
                if (c.accounts() > 0) {
                    result.add(named(c, names.get(c.unitId())));
                }
            }
        }
        result.sort(UnitCompliance.BY_NAME);
        return new Figures(result, bands, expiring[0], flagged[0], total(result));
    }

    /** The listed units' compliance figures summed (no unit). */
    private static UnitCompliance total(List<UnitCompliance> units) {
        DistrictCompliance.Row sum = DistrictCompliance.Row.ZERO;
        for (UnitCompliance c : units) {
            sum = sum.plus(new StoredCompliance(c, new long[UnitRights.BANDS], null, null, 0), 1);
        }
        return sum.sums();
    }

    private static void add(long[] sums, long[] values) {
        if (values != null) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += values[i];
            }
        }
    }

    private String unitName(long unitId) {
        return em.createQuery("SELECT u.name FROM OrgUnit u WHERE u.id = :id", String.class).setParameter("id", unitId)
                .getResultStream().findFirst().orElse(null);
    }

    private static UnitCompliance named(UnitCompliance c, String name) {
        return new UnitCompliance(c.unitId(), name, c.accounts(), c.failing(), c.identification(), c.privacy(), c.admins(),
                c.operators(), c.checklists());
    }

    /**
     * The stored rows that hold at {@code now} (not stale, next change not come, not counted later than now:
     * {@link ComplianceMoments#holds}; their rights by last day cover the window from the District's day), by unit; no names.
     */
    Map<Long, StoredCompliance> holding(Instant now) {
        return holding(now, null);
    }

    /** {@link #holding(Instant)} of every unit, or (not null) of one. */
    private Map<Long, StoredCompliance> holding(Instant now, Long unitId) {
        LocalDate today = LocalDate.ofInstant(now, districtTime.timeZone());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT unit_id, " + FIGURES + ", " + RIGHTS + ", stale, counted_at, next_change_at"
                + " FROM account_compliance_tally" + (unitId == null ? "" : " WHERE unit_id = " + unitId.longValue())).getResultList();
        Map<Long, StoredCompliance> byUnit = new HashMap<>();
        for (Object[] row : rows) {
            if (ComplianceMoments.holds(Boolean.TRUE.equals(row[15]), NativeTimestamps.instant(row[16]), NativeTimestamps.instant(row[17]), now)) {
                StoredCompliance s = StoredCompliance.of(row);
                if (s.expiring(today) != null) {
                    byUnit.put(s.figures().unitId(), s);
                }
            }
        }
        return byUnit;
    }

    private StoredCompliance storedRow(long unitId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT unit_id, " + FIGURES + ", " + RIGHTS + " FROM account_compliance_tally WHERE unit_id = ?1")
                .setParameter(1, unitId).getResultList();
        return rows.isEmpty() ? null : StoredCompliance.of(rows.get(0));
    }

    // ---------------------------------------------------------------- the recount

    /** The unit's row from its accounts and grants now (zeros when it has none in use), its days from the District's today. */
    private StoredCompliance recount(long unitId, Instant now) {
        UnitCompliance c = AccountQueries.compliance(em, now, unitId).stream().findFirst()
                .orElse(new UnitCompliance(unitId, null, 0, 0, 0, 0, 0, 0, 0));
        LocalDate from = LocalDate.ofInstant(now, districtTime.timeZone());
        List<Long> unit = List.of(unitId);
        return new StoredCompliance(c, UnitRights.bands(em, unit).getOrDefault(unitId, new long[UnitRights.BANDS]), from,
                UnitRights.slots(em, from, unit).getOrDefault(unitId, new long[UnitRights.SLOTS]),
                UnitRights.flagged(em, unit).getOrDefault(unitId, 0L));
    }

    /**
     * Every row that holds now against a count of its unit's accounts and grants (its rights by last day counted from
     * the day it was counted on); a stale row is not a claim. A unit found different is compared again under its
     * row's lock, as {@link #count} takes it: each statement here reads what is committed when it starts, so a change
     * that commits between reading the rows and counting the accounts (its row marked stale in the same commit) would
     * otherwise show as a difference it is not.
     */
    @Override
    public List<String> differences() {
        Instant now = clock.instant();
        Map<Long, StoredCompliance> stored = holding(now);
        Map<Long, UnitCompliance> recounted = new HashMap<>();
        for (UnitCompliance c : AccountQueries.compliance(em, now, (Long) null)) {
            recounted.put(c.unitId(), c);
        }
        Map<Long, long[]> bands = UnitRights.bands(em, null);
        Map<Long, Long> flagged = UnitRights.flagged(em, null);
        Map<LocalDate, List<Long>> byDay = new TreeMap<>();
        stored.values().stream().filter(s -> s.expiringFrom() != null)
                .forEach(s -> byDay.computeIfAbsent(s.expiringFrom(), d -> new ArrayList<>()).add(s.figures().unitId()));
        Map<Long, long[]> slots = new HashMap<>();
        byDay.forEach((day, units) -> slots.putAll(UnitRights.slots(em, day, units)));
        List<String> differences = new ArrayList<>();
        stored.keySet().stream().sorted().forEach(unitId -> {
            StoredCompliance s = stored.get(unitId);
            if (!s.differences(recounted.get(unitId), bands.get(unitId), slots.get(unitId), flagged.get(unitId)).isEmpty()) {
                differences.addAll(confirmed(unitId, now));
            }
        });
        differences.addAll(DistrictCompliance.differences(em));
        return differences;
    }

    /** A unit's differences read again with its row locked: none if the row no longer holds (a change marked it meanwhile). */
    private List<String> confirmed(long unitId, Instant now) {
        em.createNativeQuery("SELECT unit_id FROM account_compliance_tally WHERE unit_id = ?1 FOR UPDATE").setParameter(1, unitId).getResultList();
        StoredCompliance s = holding(now, unitId).get(unitId);
        if (s == null) {
            return List.of();
        }
        List<Long> unit = List.of(unitId);
        return s.differences(AccountQueries.compliance(em, now, unitId).stream().findFirst().orElse(null), UnitRights.bands(em, unit).get(unitId),
                s.expiringFrom() == null ? null : UnitRights.slots(em, s.expiringFrom(), unit).get(unitId), UnitRights.flagged(em, unit).get(unitId));
    }

    /**
     * Every unit counted again, then the District's row made the sum of the units' rows; answers how many units' stored
     * figures changed (a unit without a row counts as changed), plus one if the District's row differed.
     */
    @Override
    public int rebuild() {
        int changed = 0;
        for (Long unitId : em.createQuery("SELECT u.id FROM OrgUnit u ORDER BY u.id", Long.class).getResultList()) {
            changed += count(unitId) ? 1 : 0;
        }
        // the units' counts moved the District's row by their differences; a row spoiled by hand is put right only here
        return changed + (DistrictCompliance.rebuild(em) ? 1 : 0);
    }
}
