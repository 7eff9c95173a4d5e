package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.consent.entity.TakedownTask;
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
 * the tasks done, by tenth of an hour from the task to its completion, and their months (TakedownMonths, V81) summed
 * again in each day's transaction. Rolled up by the Board report timer as the requests' (RollupDays); the report reads
 * whole months from the month rows, the other rolled-up days from the day rows and the rest (today) live from the tasks.
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
     * The times of the tasks done in from..to, for a school or the whole District (null), summed by tenth in the
     * database: a month whose every rolled-up day lies in the period from its month rows, the other rolled-up days (the
     * period's partial months) from their day rows, the days not rolled up (today) live from the tasks. So a year's
     * report reads a row per month and tenth of an hour taken, which stops growing once a month has every tenth, not
     * one per day and tenth.
     */
    public List<TimeClass> times(LocalDate from, LocalDate to, Long unitId) {
        long unit = unitId == null ? DISTRICT : unitId;
        LocalDate today = today();
        TreeSet<LocalDate> rolled = days.rolled(ROLLUP, from, to, today);
        RollupDays.Split split = RollupDays.split(from, to, rolled, rolled.isEmpty() ? null : days.last(ROLLUP), today);
        List<TimeClass> times = new ArrayList<>(months.times(unit, split.months()));
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
