package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.oversight.entity.TimeClass;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.district.socialmedia.oversight.control.RollupDays.date;
import static org.district.socialmedia.oversight.control.RollupDays.number;

/**
 * The takedowns report's months (V81): the day rows of TakedownRollups summed per month, unit and tenth of an hour, so
 * that a year's report reads twelve months' rows, not one per day. A month is summed again from its day rows in the
 * transaction that rolls up one of its days, so its rows always hold exactly its rolled-up days.
 */
@Stateless
public class TakedownMonths {

    @PersistenceContext
    EntityManager em;

    /** Sums a month's rolled-up days again, every unit and the District. */
    public void refresh(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        em.createNativeQuery("DELETE FROM report_takedown_month WHERE on_month = ?").setParameter(1, first).executeUpdate();
        em.createNativeQuery("INSERT INTO report_takedown_month (on_month, unit_id, tenths, tasks, min_seconds, max_seconds)"
                        + " SELECT CAST(? AS DATE), unit_id, tenths, SUM(tasks), MIN(min_seconds), MAX(max_seconds)"
                        + " FROM report_takedown_day WHERE on_day >= ? AND on_day <= ? GROUP BY unit_id, tenths")
                .setParameter(1, first).setParameter(2, first).setParameter(3, Date.valueOf(month.atEndOfMonth())).executeUpdate();
    }

    /** Forgets the months after {@code month} and sums {@code month} again (its days from today on were dropped). */
    public void refreshFrom(YearMonth month) {
        em.createNativeQuery("DELETE FROM report_takedown_month WHERE on_month > ?").setParameter(1, Date.valueOf(month.atDay(1)))
                .executeUpdate();
        refresh(month);
    }

    /** Every month made again from the day rows (after a rebuild rewrote them). */
    public void refreshAll() {
        em.createNativeQuery("DELETE FROM report_takedown_month").executeUpdate();
        TreeSet<YearMonth> months = new TreeSet<>();
        for (Object d : em.createNativeQuery("SELECT DISTINCT on_day FROM report_takedown_day").getResultList()) {
            months.add(YearMonth.from(date(d)));
        }
        months.forEach(this::refresh);
    }

    /**
     * A unit's times of these months, summed by tenth in the database: one index range of the unit's months, the months
     * in it that are not asked for (read from their days instead) left out.
     */
    public List<TimeClass> times(long unit, Set<YearMonth> months) {
        List<TimeClass> times = new ArrayList<>();
        if (months.isEmpty()) {
            return times;
        }
        TreeSet<YearMonth> sorted = new TreeSet<>(months);
        List<YearMonth> others = new ArrayList<>();
        for (YearMonth m = sorted.first(); m.isBefore(sorted.last()); m = m.plusMonths(1)) {
            if (!months.contains(m)) {
                others.add(m);
            }
        }
        Query q = em.createNativeQuery("SELECT tenths, SUM(tasks), MIN(min_seconds), MAX(max_seconds) FROM report_takedown_month"
                        + " WHERE unit_id = ? AND on_month >= ? AND on_month <= ?"
                        + (others.isEmpty() ? "" : " AND on_month NOT IN (" + String.join(", ", Collections.nCopies(others.size(), "?")) + ")")
                        + " GROUP BY tenths")
                .setParameter(1, unit).setParameter(2, Date.valueOf(sorted.first().atDay(1))).setParameter(3, Date.valueOf(sorted.last().atDay(1)));
        for (int i = 0; i < others.size(); i++) {
            q.setParameter(4 + i, Date.valueOf(others.get(i).atDay(1)));
        }
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            times.add(new TimeClass((int) number(r[0]), number(r[1]), number(r[2]), number(r[3])));
        }
        return times;
    }

    /** What differs between the stored months and those a recount of the days gives, one line per key. */
    public List<String> differences(Map<TakedownRollups.Key, TimeClass> recountedDays) {
        Map<String, TimeClass> recounted = new TreeMap<>();
        recountedDays.forEach((k, t) -> recounted.merge(key(YearMonth.from(k.day()), k.unitId(), k.tenths()), t, TimeClass::plus));
        Map<String, TimeClass> stored = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_month, unit_id, tenths, tasks, min_seconds, max_seconds FROM report_takedown_month")
                .getResultList()) {
            Object[] r = (Object[]) o;
            int tenths = (int) number(r[2]);
            stored.put(key(YearMonth.from(date(r[0])), number(r[1]), tenths), new TimeClass(tenths, number(r[3]), number(r[4]), number(r[5])));
        }
        return RollupDays.differences(stored, recounted, RollupDays::describe);
    }

    private static String key(YearMonth month, long unit, int tenths) {
        return "month " + month + " " + (unit == TakedownRollups.DISTRICT ? "District" : "unit " + unit) + " " + tenths / 10.0 + " h";
    }
}
