package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.TimeClass;
import org.district.socialmedia.platform.control.DistrictTime;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.district.socialmedia.oversight.control.RollupDays.date;
import static org.district.socialmedia.oversight.control.RollupDays.number;

/**
 * The takedowns report's daily roll-ups (V61): per District day and school ({@link #DISTRICT}: the whole District)
 * the tasks done, by tenth of an hour from the task to its completion, and their months (TakedownMonths: V81 by tenth,
 * V83 by whole hour) summed again in each day's transaction. Rolled up by the Board report timer as the requests'
 * (RollupDays); the report reads whole months from the month rows, the other rolled-up days from the day rows and the
 * rest (today) live from the tasks.
 * A task is counted under its student's school of the day it was rolled up.
 */
@Stateless
public class TakedownRollups {

    public static final String ROLLUP = "takedown-times";
    static final long DISTRICT = 0;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictTime districtTime;
    @Inject
    RollupDays days;
    @Inject
    TakedownMonths months;

    /** A task done, as read. */
    public record Done(Long schoolId, Instant createdAt, Instant doneAt) {
    }

    /** What a roll-up row is kept under. */
    public record Key(LocalDate day, long unitId, int tenths) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            c = c != 0 ? c : Long.compare(unitId, o.unitId);
            return c != 0 ? c : Integer.compare(tenths, o.tenths);
        }

        @Override
        public String toString() {
            return day + " " + (unitId == DISTRICT ? "District" : "unit " + unitId) + " " + tenths / 10.0 + " h";
        }
    }

    private ZoneId zone() {
        return districtTime.timeZone();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public int dropUnfinished() {
        int dropped = days.dropFrom(ROLLUP, "report_takedown_day", today());
        if (dropped > 0) {
            months.refreshFrom(YearMonth.from(today()));
        }
        return dropped;
    }

    public List<LocalDate> dueDays() {
        // the first by order, not MIN(): an aggregate's value skips the attribute's converter (PostgreSQL's driver then
        // answers a Timestamp where an Instant is declared)
        Instant earliest = em.createQuery("SELECT t.doneAt FROM TakedownTask t WHERE t.status = :done AND t.doneAt IS NOT NULL"
                        + " ORDER BY t.doneAt", Instant.class)
                .setParameter("done", TakedownTask.Status.DONE).setMaxResults(1).getResultStream().findFirst().orElse(null);
        return days.due(ROLLUP, earliest == null ? null : earliest.atZone(zone()).toLocalDate(), today());
    }

    /** Rolls up one day that is over, once (its key first). */
    public int rollUp(LocalDate day) {
        if (!day.isBefore(today())) {
            throw new IllegalArgumentException(day + " is not over yet");
        }
        days.mark(ROLLUP, day, clock.instant());
        days.write(rows(), recount(day, day));
        months.refresh(YearMonth.from(day));
        return 1;
    }

    /**
     * The times of the tasks done in from..to, for a school or the whole District (null), as the report reads them: a
     * month whose every rolled-up day lies in the period from its month rows (the whole hours now, the tenths of the
     * hours the median and the 90th percentile fall in when the figures ask: TakedownMonths), the other rolled-up days
     * (the period's partial months) from their day rows summed by tenth, the days not rolled up (today) live from the
     * tasks. So a year's report reads about a hundred hours a month and a few hours' tenths, at any size of the District.
     */
    public AnswerTimes times(LocalDate from, LocalDate to, Long unitId) {
        long unit = unitId == null ? DISTRICT : unitId;
        RollupDays.Split split = split(from, to);
        return months.times(unit, split.months()).and(AnswerTimes.of(rest(split, unit, unitId).stream()
                .map(t -> new AnswerTimes.Tenth(null, "", t)).toList()));
    }

    /**
     * Every tenth of the tasks done in from..to from the same rows as {@link #times}, the months' tenths all read: what
     * the report's times stand for (the checks compare it with {@link #liveTimes}).
     */
    public List<TimeClass> tenths(LocalDate from, LocalDate to, Long unitId) {
        long unit = unitId == null ? DISTRICT : unitId;
        RollupDays.Split split = split(from, to);
        List<TimeClass> times = new ArrayList<>(months.tenths(unit, split.months()));
        times.addAll(rest(split, unit, unitId));
        return times;
    }

    private RollupDays.Split split(LocalDate from, LocalDate to) {
        LocalDate today = today();
        TreeSet<LocalDate> rolled = days.rolled(ROLLUP, from, to, today);
        return RollupDays.split(from, to, rolled, rolled.isEmpty() ? null : days.last(ROLLUP), today);
    }

    /** The times outside the split's whole months: its other rolled-up days from their day rows, the rest live. */
    private List<TimeClass> rest(RollupDays.Split split, long unit, Long unitId) {
        List<TimeClass> times = new ArrayList<>();
        for (LocalDate[] run : split.dayRuns()) {
            times.addAll(dayTimes(unit, run[0], run[1]));
        }
        for (LocalDate[] run : split.liveRuns()) {
            times.addAll(liveTimes(run[0], run[1], unitId));
        }
        return times;
    }

    /** The times of the rolled-up days from..to (all rolled up) from their day rows, summed by tenth. */
    private List<TimeClass> dayTimes(long unit, LocalDate from, LocalDate to) {
        List<TimeClass> times = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT tenths, SUM(tasks), MIN(min_seconds), MAX(max_seconds) FROM report_takedown_day"
                        + " WHERE unit_id = ? AND on_day >= ? AND on_day <= ? GROUP BY tenths")
                .setParameter(1, unit).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to)).getResultList()) {
            Object[] r = (Object[]) o;
            times.add(new TimeClass((int) number(r[0]), number(r[1]), number(r[2]), number(r[3])));
        }
        return times;
    }

    /** The times of the tasks done in from..to, all read from the tasks. */
    public List<TimeClass> liveTimes(LocalDate from, LocalDate to, Long unitId) {
        return done(from, to, unitId).stream().map(d -> TimeClass.of(Duration.between(d.createdAt(), d.doneAt()).getSeconds())).toList();
    }

    List<Done> done(LocalDate from, LocalDate to, Long unitId) {
        TypedQuery<Done> q = em.createQuery("SELECT NEW " + Done.class.getName() + "(s.id, t.createdAt, t.doneAt)"
                        + " FROM TakedownTask t JOIN t.student st LEFT JOIN st.school s"
                        + " WHERE t.status = :done AND t.doneAt >= :start AND t.doneAt < :end"
                        + (unitId == null ? "" : " AND s.id = :unit"), Done.class)
                .setParameter("done", TakedownTask.Status.DONE)
                .setParameter("start", from.atStartOfDay(zone()).toInstant())
                .setParameter("end", to.plusDays(1).atStartOfDay(zone()).toInstant());
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        return q.getResultList();
    }

    Map<Key, TimeClass> recount(LocalDate from, LocalDate to) {
        Map<Key, TimeClass> cells = new TreeMap<>();
        for (Done d : done(from, to, null)) {
            LocalDate day = d.doneAt().atZone(zone()).toLocalDate();
            TimeClass time = TimeClass.of(Duration.between(d.createdAt(), d.doneAt()).getSeconds());
            cells.merge(new Key(day, DISTRICT, time.tenths()), time, TimeClass::plus);
            if (d.schoolId() != null) {
                cells.merge(new Key(day, d.schoolId(), time.tenths()), time, TimeClass::plus);
            }
        }
        return cells;
    }

    Map<Key, TimeClass> stored() {
        Map<Key, TimeClass> rows = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_day, unit_id, tenths, tasks, min_seconds, max_seconds FROM report_takedown_day")
                .getResultList()) {
            Object[] r = (Object[]) o;
            int tenths = (int) number(r[2]);
            rows.put(new Key(date(r[0]), number(r[1]), tenths), new TimeClass(tenths, number(r[3]), number(r[4]), number(r[5])));
        }
        return rows;
    }

    /** The day rows as the shared work of the roll-ups (RollupDays) sees them, with the months kept from them. */
    RollupDays.Rows<Key> rows() {
        return new RollupDays.Rows<>() {
            @Override
            public String rollup() {
                return ROLLUP;
            }

            @Override
            public String table() {
                return "report_takedown_day";
            }

            @Override
            public String columns() {
                return "on_day, unit_id, tenths, tasks, min_seconds, max_seconds";
            }

            @Override
            public Map<Key, TimeClass> recount(LocalDate from, LocalDate to) {
                return TakedownRollups.this.recount(from, to);
            }

            @Override
            public Map<Key, TimeClass> stored() {
                return TakedownRollups.this.stored();
            }

            @Override
            public LocalDate day(Key key) {
                return key.day();
            }

            @Override
            public Object[] row(Key k, TimeClass t) {
                return new Object[]{Date.valueOf(k.day()), k.unitId(), t.tenths(), t.count(), t.minSeconds(), t.maxSeconds()};
            }

            @Override
            public List<String> derivedDifferences(Map<Key, TimeClass> recount) {
                return months.differences(recount);
            }

            @Override
            public void derive() {
                months.refreshAll();
            }
        };
    }

    /** What differs between the stored rows (days and months) and a recount of the tasks, one line per key. */
    public List<String> differences() {
        return days.differences(rows());
    }

    /** Replaces the stored rows, and the months, with a recount, the roll-up's days locked first; how many keys changed. */
    public int rebuild() {
        return days.rebuild(rows());
    }
}
