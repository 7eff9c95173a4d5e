package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.TimeClass;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.district.socialmedia.oversight.control.RollupDays.date;
import static org.district.socialmedia.oversight.control.RollupDays.number;

/**
 * The takedowns report's months: the day rows of TakedownRollups summed per month and unit in two grains, by tenth of
 * an hour with the shortest and longest (V81) and by whole hour (V83), so that a year's report reads twelve months of
 * about a hundred hours, and the tenths only of the hours its median and 90th percentile fall in (AnswerTimes), as
 * the requests report does. A month is summed again from its day rows in the transaction that rolls up one of its
 * days, so its rows always hold exactly its rolled-up days.
 */
@Stateless
public class TakedownMonths {

    private static final List<String> TABLES = List.of("report_takedown_month", "report_takedown_month_hour");

    @PersistenceContext
    EntityManager em;

    /** Sums a month's rolled-up days again, every unit and the District. */
    public void refresh(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        for (String table : TABLES) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE on_month = ?").setParameter(1, first).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO report_takedown_month (on_month, unit_id, tenths, tasks, min_seconds, max_seconds)"
                        + " SELECT CAST(? AS DATE), unit_id, tenths, SUM(tasks), MIN(min_seconds), MAX(max_seconds)"
                        + " FROM report_takedown_day WHERE on_day >= ? AND on_day <= ? GROUP BY unit_id, tenths")
                .setParameter(1, first).setParameter(2, first).setParameter(3, Date.valueOf(month.atEndOfMonth())).executeUpdate();
        // whole hours as SQL divides integers (truncated towards zero), as AnswerTimes.hourOf
        em.createNativeQuery("INSERT INTO report_takedown_month_hour (on_month, unit_id, hours, tasks)"
                        + " SELECT on_month, unit_id, tenths / 10, SUM(tasks) FROM report_takedown_month"
                        + " WHERE on_month = ? GROUP BY on_month, unit_id, tenths / 10")
                .setParameter(1, first).executeUpdate();
    }

    /** Forgets the months after {@code month} and sums {@code month} again (its days from today on were dropped). */
    public void refreshFrom(YearMonth month) {
        for (String table : TABLES) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE on_month > ?").setParameter(1, Date.valueOf(month.atDay(1)))
                    .executeUpdate();
        }
        refresh(month);
    }

    /** Every month made again from the day rows (after a rebuild rewrote them). */
    public void refreshAll() {
        for (String table : TABLES) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        for (Object d : em.createNativeQuery("SELECT DISTINCT on_day FROM report_takedown_day").getResultList()) {
            months.add(YearMonth.from(date(d)));
        }
        months.forEach(this::refresh);
    }

    /**
     * A unit's times of these months: the whole hours summed over the months now, the tenths of the hours the ranks
     * fall in when the figures ask (AnswerTimes.readHoursOf). The report has neither months nor reviewers of its own,
     * so the times are kept under no month and no reviewer (AnswerTimes.Scope.ALL holds them).
     */
    public AnswerTimes times(long unit, Set<YearMonth> months) {
        List<AnswerTimes.HourCount> hours = new ArrayList<>();
        if (months.isEmpty()) {
            return new AnswerTimes(hours, wanted -> List.of());
        }
        Range range = Range.of(months);
        Query q = em.createNativeQuery("SELECT hours, SUM(tasks) FROM report_takedown_month_hour WHERE unit_id = ? AND "
                + range.sql() + " GROUP BY hours").setParameter(1, unit);
        range.bind(q, 2);
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            hours.add(new AnswerTimes.HourCount(null, "", (int) number(r[0]), number(r[1])));
        }
        EntityManager db = em;
        return new AnswerTimes(hours, wanted -> tenthsOfHours(db, unit, range, wanted));
    }

    /**
     * A unit's tenths of these hours in these months, summed over the months: one statement, an index range of the
     * unit and an hour's tenths per hour (UNION ALL rather than OR, which H2 would read as the unit's whole range).
     */
    private static List<AnswerTimes.Tenth> tenthsOfHours(EntityManager em, long unit, Range range, SortedSet<Integer> hours) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < hours.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT tenths, SUM(tasks), MIN(min_seconds), MAX(max_seconds)")
                    .append(" FROM report_takedown_month WHERE unit_id = ? AND tenths >= ? AND tenths <= ? AND ").append(range.sql())
                    .append(" GROUP BY tenths");
        }
        Query q = em.createNativeQuery(sql.toString());
        int p = 1;
        for (int hour : hours) {
            int[] tenths = AnswerTimes.tenthsOf(hour);
            q.setParameter(p++, unit).setParameter(p++, tenths[0]).setParameter(p++, tenths[1]);
            p = range.bind(q, p);
        }
        List<AnswerTimes.Tenth> tenths = new ArrayList<>();
        for (Object o : q.getResultList()) {
            tenths.add(new AnswerTimes.Tenth(null, "", timeClass((Object[]) o)));
        }
        return tenths;
    }

    /**
     * A unit's every tenth of these months, summed over the months: what the hours and the tenths read for the report
     * stand for (the checks compare it with the tasks read one by one).
     */
    public List<TimeClass> tenths(long unit, Set<YearMonth> months) {
        List<TimeClass> times = new ArrayList<>();
        if (months.isEmpty()) {
            return times;
        }
        Range range = Range.of(months);
        Query q = em.createNativeQuery("SELECT tenths, SUM(tasks), MIN(min_seconds), MAX(max_seconds) FROM report_takedown_month"
                + " WHERE unit_id = ? AND " + range.sql() + " GROUP BY tenths").setParameter(1, unit);
        range.bind(q, 2);
        for (Object o : q.getResultList()) {
            times.add(timeClass((Object[]) o));
        }
        return times;
    }

    private static TimeClass timeClass(Object[] r) {
        return new TimeClass((int) number(r[0]), number(r[1]), number(r[2]), number(r[3]));
    }

    /** Some months as one range of on_month, the months in it that are not asked for (read from their days) left out. */
    private record Range(Date first, Date last, List<Date> others) {

        static Range of(Set<YearMonth> months) {
            TreeSet<YearMonth> sorted = new TreeSet<>(months);
            List<Date> others = new ArrayList<>();
            for (YearMonth m = sorted.first(); m.isBefore(sorted.last()); m = m.plusMonths(1)) {
                if (!months.contains(m)) {
                    others.add(Date.valueOf(m.atDay(1)));
                }
            }
            return new Range(Date.valueOf(sorted.first().atDay(1)), Date.valueOf(sorted.last().atDay(1)), others);
        }

        String sql() {
            return "on_month >= ? AND on_month <= ?"
                    + (others.isEmpty() ? "" : " AND on_month NOT IN (" + String.join(", ", Collections.nCopies(others.size(), "?")) + ")");
        }

        /** Binds the range's parameters from position {@code p}; the next position. */
        int bind(Query q, int p) {
            q.setParameter(p++, first).setParameter(p++, last);
            for (Date other : others) {
                q.setParameter(p++, other);
            }
            return p;
        }
    }

    /** What differs between the stored months (tenths and hours) and those a recount of the days gives, one line per key. */
    public List<String> differences(Map<TakedownRollups.Key, TimeClass> recountedDays) {
        Map<String, TimeClass> recounted = new TreeMap<>();
        Map<String, Long> recountedHours = new TreeMap<>();
        recountedDays.forEach((k, t) -> {
            YearMonth month = YearMonth.from(k.day());
            recounted.merge(key(month, k.unitId(), k.tenths()), t, TimeClass::plus);
            recountedHours.merge(hourKey(month, k.unitId(), AnswerTimes.hourOf(k.tenths())), t.count(), Long::sum);
        });
        Map<String, TimeClass> stored = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_month, unit_id, tenths, tasks, min_seconds, max_seconds FROM report_takedown_month")
                .getResultList()) {
            Object[] r = (Object[]) o;
            int tenths = (int) number(r[2]);
            stored.put(key(YearMonth.from(date(r[0])), number(r[1]), tenths), new TimeClass(tenths, number(r[3]), number(r[4]), number(r[5])));
        }
        Map<String, Long> storedHours = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_month, unit_id, hours, tasks FROM report_takedown_month_hour").getResultList()) {
            Object[] r = (Object[]) o;
            storedHours.put(hourKey(YearMonth.from(date(r[0])), number(r[1]), (int) number(r[2])), number(r[3]));
        }
        List<String> lines = new ArrayList<>(RollupDays.differences(stored, recounted, RollupDays::describe));
        lines.addAll(RollupDays.differences(storedHours, recountedHours, n -> n + " tasks"));
        return lines;
    }

    private static String key(YearMonth month, long unit, int tenths) {
        return "month " + month + " " + unit(unit) + " " + tenths / 10.0 + " h";
    }

    private static String hourKey(YearMonth month, long unit, int hour) {
        return "month " + month + " " + unit(unit) + " hour " + hour;
    }

    private static String unit(long unit) {
        return unit == TakedownRollups.DISTRICT ? "District" : "unit " + unit;
    }
}
