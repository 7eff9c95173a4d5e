package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.oversight.entity.TimeClass;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The days each daily roll-up has done (report_rollup_day, V60): one row per roll-up and District day, written
 * first in the day's transaction, so that a second server's roll-up of the same day fails on the key and writes
 * nothing. Every roll-up's rows carry an {@code on_day} column the day's rows are found by.
 */
@Stateless
public class RollupDays {

    /** At most so many days rolled up per pass (a new District catches up on its history a month a pass). */
    static final int DAYS_PER_PASS = 31;

    @PersistenceContext
    EntityManager em;

    /** The key of a day's roll-up; fails when the day was rolled up already. */
    public void mark(String rollup, LocalDate day, Instant now) {
        em.createNativeQuery("INSERT INTO report_rollup_day (rollup_name, on_day, made_at) VALUES (?, ?, ?)")
                .setParameter(1, rollup).setParameter(2, Date.valueOf(day)).setParameter(3, Timestamp.from(now)).executeUpdate();
        em.flush();
    }

    /**
     * Forgets the days from {@code today} on (the clock was set back, as a test server's is) with their rows in
     * {@code table}: their facts are read live again until the day is over and rolled up anew.
     */
    public int dropFrom(String rollup, String table, LocalDate today) {
        em.createNativeQuery("DELETE FROM " + table + " WHERE on_day >= ?").setParameter(1, Date.valueOf(today)).executeUpdate();
        return em.createNativeQuery("DELETE FROM report_rollup_day WHERE rollup_name = ? AND on_day >= ?")
                .setParameter(1, rollup).setParameter(2, Date.valueOf(today)).executeUpdate();
    }

    /**
     * The days over and not rolled up yet, oldest first, at most {@link #DAYS_PER_PASS}: after the last one rolled
     * up, or from {@code firstEver} (the day of the earliest fact; null: nothing to roll up) for a new roll-up.
     */
    public List<LocalDate> due(String rollup, LocalDate firstEver, LocalDate today) {
        Object last = em.createNativeQuery("SELECT MAX(on_day) FROM report_rollup_day WHERE rollup_name = ?").setParameter(1, rollup)
                .getSingleResult();
        LocalDate first = last != null ? date(last).plusDays(1) : firstEver;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; d != null && d.isBefore(today) && days.size() < DAYS_PER_PASS; d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** The days of from..to rolled up and over (a day rolled up that is not over yet is read live). */
    public TreeSet<LocalDate> rolled(String rollup, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate lastOver = today.minusDays(1);
        TreeSet<LocalDate> days = new TreeSet<>();
        if (lastOver.isBefore(from)) {
            return days;
        }
        LocalDate until = to.isBefore(lastOver) ? to : lastOver;
        for (Object d : em.createNativeQuery("SELECT on_day FROM report_rollup_day WHERE rollup_name = ? AND on_day >= ? AND on_day <= ?")
                .setParameter(1, rollup).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(until)).getResultList()) {
            days.add(date(d));
        }
        return days;
    }

    /** Every day rolled up, oldest first. */
    public TreeSet<LocalDate> all(String rollup) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Object d : em.createNativeQuery("SELECT on_day FROM report_rollup_day WHERE rollup_name = ?").setParameter(1, rollup)
                .getResultList()) {
            days.add(date(d));
        }
        return days;
    }

    /** Locks the roll-up's days for a rebuild: a timer's roll-up of a new day waits for it. */
    public void lock(String rollup) {
        em.createNativeQuery("SELECT on_day FROM report_rollup_day WHERE rollup_name = ? FOR UPDATE").setParameter(1, rollup)
                .getResultList();
    }

    /** The runs of days in from..to not in {@code rolled}, as [first, last] pairs: what a report reads live. */
    static List<LocalDate[]> liveRuns(LocalDate from, LocalDate to, TreeSet<LocalDate> rolled) {
        List<LocalDate[]> runs = new ArrayList<>();
        LocalDate runStart = null;
        for (LocalDate d = from; !d.isAfter(to.plusDays(1)); d = d.plusDays(1)) {
            boolean live = !d.isAfter(to) && !rolled.contains(d);
            if (live && runStart == null) {
                runStart = d;
            } else if (!live && runStart != null) {
                runs.add(new LocalDate[]{runStart, d.minusDays(1)});
                runStart = null;
            }
        }
        return runs;
    }

    /** What differs between stored rows and a recount, one line per key (missing, extra or other figures). */
    static <K extends Comparable<K>> List<String> differences(Map<K, TimeClass> stored, Map<K, TimeClass> recount) {
        TreeSet<K> keys = new TreeSet<>(stored.keySet());
        keys.addAll(recount.keySet());
        List<String> lines = new ArrayList<>();
        for (K k : keys) {
            TimeClass s = stored.get(k);
            TimeClass r = recount.get(k);
            if (!Objects.equals(s, r)) {
                lines.add(k + ": stored " + describe(s) + ", recounted " + describe(r));
            }
        }
        return lines;
    }

    private static String describe(TimeClass t) {
        return t == null ? "none" : t.count() + " (" + t.minSeconds() + "-" + t.maxSeconds() + " s)";
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("Not a date: " + value);
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : number(value) != 0;
    }
}
