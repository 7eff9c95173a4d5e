package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.TimeClass;
import org.eclipse.persistence.config.QueryHints;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.district.socialmedia.oversight.control.RollupDays.bool;
import static org.district.socialmedia.oversight.control.RollupDays.date;
import static org.district.socialmedia.oversight.control.RollupDays.number;

/**
 * The requests report's months (V70): the day rows of RequestRollups summed per month in three grains (the responses
 * counted by reviewer, kind and on time or late; by whole hour to answer; by tenth of an hour with the shortest and
 * longest), so that a year's report reads a few hundred rows a month, and a median's tenths only for the hour its rank
 * falls in. A month is summed again from its day rows in the transaction that rolls up one of its days, so its rows
 * always hold exactly its rolled-up days.
 */
@Stateless
public class RequestMonths {

    /** Rows a fetch of the tenths may bring: more than a report's hours hold (a few hundred rows each at full scale). */
    private static final int TENTHS_FETCH_SIZE = 100_000;

    @PersistenceContext
    EntityManager em;

    /** Sums a month's rolled-up days again, every unit and the District. */
    public void refresh(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        Date last = Date.valueOf(month.atEndOfMonth());
        for (String table : List.of("report_response_month", "report_response_month_tenth", "report_response_month_hour")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE on_month = ?").setParameter(1, first).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO report_response_month (on_month, unit_id, reviewer, kind, on_time, responses)"
                        + " SELECT CAST(? AS DATE), unit_id, reviewer, kind, on_time, SUM(responses) FROM report_response_day"
                        + " WHERE on_day >= ? AND on_day <= ? GROUP BY unit_id, reviewer, kind, on_time")
                .setParameter(1, first).setParameter(2, first).setParameter(3, last).executeUpdate();
        em.createNativeQuery("INSERT INTO report_response_month_tenth (on_month, unit_id, reviewer, tenths, responses, min_seconds, max_seconds)"
                        + " SELECT CAST(? AS DATE), unit_id, reviewer, tenths, SUM(responses), MIN(min_seconds), MAX(max_seconds)"
                        + " FROM report_response_day WHERE on_day >= ? AND on_day <= ? GROUP BY unit_id, reviewer, tenths")
                .setParameter(1, first).setParameter(2, first).setParameter(3, last).executeUpdate();
        // whole hours as SQL divides integers (truncated towards zero), as AnswerTimes.hourOf
        em.createNativeQuery("INSERT INTO report_response_month_hour (on_month, unit_id, reviewer, hours, responses)"
                        + " SELECT on_month, unit_id, reviewer, tenths / 10, SUM(responses) FROM report_response_month_tenth"
                        + " WHERE on_month = ? GROUP BY on_month, unit_id, reviewer, tenths / 10")
                .setParameter(1, first).executeUpdate();
    }

    /** Forgets the months after {@code month} and sums {@code month} again (its days from today on were dropped). */
    public void refreshFrom(YearMonth month) {
        for (String table : List.of("report_response_month", "report_response_month_tenth", "report_response_month_hour")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE on_month > ?").setParameter(1, Date.valueOf(month.atDay(1))).executeUpdate();
        }
        refresh(month);
    }

    /** Every month made again from the day rows (after a rebuild rewrote them). */
    public void refreshAll() {
        for (String table : List.of("report_response_month", "report_response_month_tenth", "report_response_month_hour")) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        for (Object d : em.createNativeQuery("SELECT DISTINCT on_day FROM report_response_day").getResultList()) {
            months.add(YearMonth.from(date(d)));
        }
        months.forEach(this::refresh);
    }

    /** A unit's responses of these months counted by reviewer, kind and on time or late. */
    public List<RequestFigures.ResponseCount> counts(long unit, Set<YearMonth> months) {
        List<RequestFigures.ResponseCount> counts = new ArrayList<>();
        if (months.isEmpty()) {
            return counts;
        }
        for (Object o : between(em, "SELECT on_month, reviewer, kind, on_time, responses FROM report_response_month"
                + " WHERE unit_id = ? AND on_month >= ? AND on_month <= ?", unit, months).getResultList()) {
            Object[] r = (Object[]) o;
            YearMonth m = YearMonth.from(date(r[0]));
            if (months.contains(m)) {
                counts.add(new RequestFigures.ResponseCount(m, (String) r[1], (String) r[2], bool(r[3]), number(r[4])));
            }
        }
        return counts;
    }

    /**
     * A unit's times to answer of these months: the whole hours read now, the tenths of the hours the ranks fall in
     * when the figures ask (AnswerTimes.readHoursOf: all of a report's hours in one statement).
     */
    public AnswerTimes times(long unit, Set<YearMonth> months) {
        List<AnswerTimes.HourCount> hours = new ArrayList<>();
        if (months.isEmpty()) {
            return new AnswerTimes(hours, wanted -> List.of());
        }
        for (Object o : between(em, "SELECT on_month, reviewer, hours, responses FROM report_response_month_hour"
                + " WHERE unit_id = ? AND on_month >= ? AND on_month <= ?", unit, months).getResultList()) {
            Object[] r = (Object[]) o;
            YearMonth m = YearMonth.from(date(r[0]));
            if (months.contains(m)) {
                hours.add(new AnswerTimes.HourCount(m, (String) r[1], (int) number(r[2]), number(r[3])));
            }
        }
        Set<YearMonth> kept = Set.copyOf(months);
        EntityManager db = em;
        return AnswerTimes.inMonths(hours, wanted -> tenths(db, unit, kept, wanted));
    }

    /**
     * A unit's tenths of these hours in these months, every reviewer, each hour only in the months it is wanted for (a
     * month's median: that month's rows, a twelfth of the hour's): one statement, an index range of the unit, an hour's
     * tenths and its months per hour (UNION ALL rather than OR, which H2 would read as the unit's whole range). Read
     * with a fetch size: PostgreSQL then runs it without parallel workers (a portal that may be suspended never starts
     * them), which it otherwise plans for the District's year at full scale, a parallel append that took several times
     * as long as the same ranges read by one process (docs/performance.md). The size is more than any report's rows, so
     * it is still one round trip.
     */
    private static List<AnswerTimes.Tenth> tenths(EntityManager em, long unit, Set<YearMonth> months,
                                                  SortedMap<Integer, AnswerTimes.MonthSpan> hours) {
        TreeSet<YearMonth> sorted = new TreeSet<>(months);
        // each hour's months, within the months read from these rows (a month read live has none here)
        Map<Integer, YearMonth[]> spans = new TreeMap<>();
        hours.forEach((hour, span) -> {
            YearMonth first = span.every() || span.first().isBefore(sorted.first()) ? sorted.first() : span.first();
            YearMonth last = span.every() || span.last().isAfter(sorted.last()) ? sorted.last() : span.last();
            if (!first.isAfter(last)) {
                spans.put(hour, new YearMonth[]{first, last});
            }
        });
        List<AnswerTimes.Tenth> tenths = new ArrayList<>();
        if (spans.isEmpty()) {
            return tenths;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT on_month, reviewer, tenths, responses, min_seconds, max_seconds")
                    .append(" FROM report_response_month_tenth WHERE unit_id = ? AND tenths >= ? AND tenths <= ? AND on_month >= ? AND on_month <= ?");
        }
        Query q = em.createNativeQuery(sql.toString()).setHint(QueryHints.JDBC_FETCH_SIZE, TENTHS_FETCH_SIZE);
        int p = 1;
        for (Map.Entry<Integer, YearMonth[]> hour : spans.entrySet()) {
            int[] range = AnswerTimes.tenthsOf(hour.getKey());
            q.setParameter(p++, unit).setParameter(p++, range[0]).setParameter(p++, range[1])
                    .setParameter(p++, Date.valueOf(hour.getValue()[0].atDay(1))).setParameter(p++, Date.valueOf(hour.getValue()[1].atDay(1)));
        }
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            YearMonth m = YearMonth.from(date(r[0]));
            if (months.contains(m)) {
                tenths.add(new AnswerTimes.Tenth(m, (String) r[1], new TimeClass((int) number(r[2]), number(r[3]), number(r[4]), number(r[5]))));
            }
        }
        return tenths;
    }

    private static Query between(EntityManager em, String sql, long unit, Set<YearMonth> months) {
        TreeSet<YearMonth> sorted = new TreeSet<>(months);
        return em.createNativeQuery(sql).setParameter(1, unit).setParameter(2, Date.valueOf(sorted.first().atDay(1)))
                .setParameter(3, Date.valueOf(sorted.last().atDay(1)));
    }

    /** What differs between the stored months and those a recount of the days gives, one line per key. */
    public List<String> differences(Map<RequestRollups.Key, TimeClass> recountedDays) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> hours = new TreeMap<>();
        Map<String, TimeClass> tenths = new TreeMap<>();
        recountedDays.forEach((k, t) -> {
            String who = monthOf(k.day()) + " " + (k.unitId() == RequestRollups.DISTRICT ? "District" : "unit " + k.unitId()) + " "
                    + (k.reviewer().isEmpty() ? "-" : k.reviewer());
            counts.merge(who + " " + k.kind() + " " + (k.onTime() ? "on time" : "late"), t.count(), Long::sum);
            hours.merge(who + " hour " + AnswerTimes.hourOf(k.tenths()), t.count(), Long::sum);
            tenths.merge(who + " " + k.tenths() / 10.0 + " h", t, TimeClass::plus);
        });
        Map<String, Long> storedCounts = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_month, unit_id, reviewer, kind, on_time, responses FROM report_response_month").getResultList()) {
            Object[] r = (Object[]) o;
            storedCounts.put(who(r) + " " + r[3] + " " + (bool(r[4]) ? "on time" : "late"), number(r[5]));
        }
        Map<String, Long> storedHours = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_month, unit_id, reviewer, hours, responses FROM report_response_month_hour").getResultList()) {
            Object[] r = (Object[]) o;
            storedHours.put(who(r) + " hour " + number(r[3]), number(r[4]));
        }
        Map<String, TimeClass> storedTenths = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_month, unit_id, reviewer, tenths, responses, min_seconds, max_seconds"
                + " FROM report_response_month_tenth").getResultList()) {
            Object[] r = (Object[]) o;
            int t = (int) number(r[3]);
            storedTenths.put(who(r) + " " + t / 10.0 + " h", new TimeClass(t, number(r[4]), number(r[5]), number(r[6])));
        }
        List<String> lines = new ArrayList<>(RollupDays.differences(storedCounts, counts, n -> n + " responses"));
        lines.addAll(RollupDays.differences(storedHours, hours, n -> n + " responses"));
        lines.addAll(RollupDays.differences(storedTenths, tenths, RollupDays::describe));
        return lines;
    }

    private static String who(Object[] r) {
        long unit = number(r[1]);
        String reviewer = (String) r[2];
        return monthOf(date(r[0])) + " " + (unit == RequestRollups.DISTRICT ? "District" : "unit " + unit) + " " + (reviewer.isEmpty() ? "-" : reviewer);
    }

    private static String monthOf(LocalDate day) {
        return "month " + YearMonth.from(day);
    }
}
