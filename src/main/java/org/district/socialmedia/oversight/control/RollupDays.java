package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.oversight.entity.TimeClass;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The days each daily roll-up has done (report_rollup_day, V60): one row per roll-up and District day, written
 * first in the day's transaction, so that a second server's roll-up of the same day fails on the key and writes
 * nothing. Every roll-up's rows carry an {@code on_day} column the day's rows are found by.
 */
@Stateless
public class RollupDays {

    /** At most so many days rolled up per pass (a new District catches up on its history a month a pass). */
    static final int DAYS_PER_PASS = 31;
    /** Rows per INSERT statement when a day's or a rebuild's rows are written. */
    static final int ROWS_PER_INSERT = 200;

    /**
     * A daily roll-up's rows as the shared work of rolling up, comparing and rebuilding sees them: each row is a key (whose
     * day says which roll-up day it belongs to) and the times of its responses or tasks.
     */
    public interface Rows<K extends Comparable<K>> {
        /** The roll-up's name in report_rollup_day. */
        String rollup();

        /** The table of its day rows and the columns {@link #row} gives, in order. */
        String table();

        String columns();

        /** The rows the facts give for the days from..to. */
        Map<K, TimeClass> recount(LocalDate from, LocalDate to);

        /** Every stored row. */
        Map<K, TimeClass> stored();

        LocalDate day(K key);

        /** The values of a row, in the order of {@link #columns}. */
        Object[] row(K key, TimeClass time);

        /** What else the roll-up keeps from its day rows that differs from a recount (its months), one line each. */
        default List<String> derivedDifferences(Map<K, TimeClass> recount) {
            return List.of();
        }

        /** Makes again what it keeps from its day rows, after a rebuild rewrote them. */
        default void derive() {
        }
    }

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
        LocalDate last = last(rollup);
        LocalDate first = last != null ? last.plusDays(1) : firstEver;
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

    /** The last day rolled up, or null. */
    public LocalDate last(String rollup) {
        Object last = em.createNativeQuery("SELECT MAX(on_day) FROM report_rollup_day WHERE rollup_name = ?").setParameter(1, rollup)
                .getSingleResult();
        return last == null ? null : date(last);
    }

    /** Writes a roll-up's rows, {@link #ROWS_PER_INSERT} to a statement. */
    public <K extends Comparable<K>> void write(Rows<K> rows, Map<K, TimeClass> cells) {
        List<Object[]> values = new ArrayList<>(cells.size());
        cells.forEach((k, t) -> values.add(rows.row(k, t)));
        insert(rows.table(), rows.columns(), values);
    }

    /** Inserts rows of values (a java.sql.Date for a date), many to a statement. */
    public void insert(String table, String columns, List<Object[]> values) {
        for (int from = 0; from < values.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = values.subList(from, Math.min(from + ROWS_PER_INSERT, values.size()));
            int width = chunk.get(0).length;
            String one = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
            Query insert = em.createNativeQuery("INSERT INTO " + table + " (" + columns + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), one)));
            int p = 1;
            for (Object[] row : chunk) {
                for (Object v : row) {
                    insert.setParameter(p++, v);
                }
            }
            insert.executeUpdate();
        }
    }

    /** The recount of every rolled-up day, its rows only. */
    public <K extends Comparable<K>> Map<K, TimeClass> recountRolled(Rows<K> rows) {
        TreeSet<LocalDate> rolled = all(rows.rollup());
        if (rolled.isEmpty()) {
            return new TreeMap<>();
        }
        Map<K, TimeClass> recount = rows.recount(rolled.first(), rolled.last());
        recount.keySet().removeIf(k -> !rolled.contains(rows.day(k)));
        return recount;
    }

    /** What differs between the stored rows (and what is kept from them) and a recount of the facts, one line per key. */
    public <K extends Comparable<K>> List<String> differences(Rows<K> rows) {
        return differences(rows, recountRolled(rows));
    }

    private <K extends Comparable<K>> List<String> differences(Rows<K> rows, Map<K, TimeClass> recount) {
        List<String> lines = new ArrayList<>(differences(rows.stored(), recount));
        lines.addAll(rows.derivedDifferences(recount));
        return lines;
    }

    /**
     * Replaces the stored rows of every rolled-up day with a recount, the days' keys locked first (a timer's roll-up
     * of the same day waits, then fails on its key); how many keys changed.
     */
    public <K extends Comparable<K>> int rebuild(Rows<K> rows) {
        lock(rows.rollup());
        Map<K, TimeClass> recount = recountRolled(rows);
        int changed = differences(rows, recount).size();
        if (changed > 0) {
            em.createNativeQuery("DELETE FROM " + rows.table()).executeUpdate();
            write(rows, recount);
            rows.derive();
        }
        return changed;
    }

    /**
     * How a report reads its period: {@code months} from the month rows, {@code dayRuns} (each [first, last]) from the day
     * rows, {@code liveRuns} from the facts.
     */
    record Split(Set<YearMonth> months, List<LocalDate[]> dayRuns, List<LocalDate[]> liveRuns) {
    }

    /**
     * The split of from..to for a roll-up whose days of the period rolled up and over are {@code rolled} and whose last
     * day rolled up is {@code lastRolled} (null: none; it may lie after today when the clock was set back). A month is read
     * from its month rows when every day of it rolled up lies in the period and is over, since its rows hold exactly its
     * rolled-up days; the other rolled-up days from their day rows; the days not rolled up (today) live.
     */
    static Split split(LocalDate from, LocalDate to, TreeSet<LocalDate> rolled, LocalDate lastRolled, LocalDate today) {
        Set<YearMonth> whole = new TreeSet<>();
        for (LocalDate day : rolled) {
            YearMonth m = YearMonth.from(day);
            LocalDate lastOfMonth = m.atEndOfMonth().isBefore(lastRolled) ? m.atEndOfMonth() : lastRolled;
            if (!m.atDay(1).isBefore(from) && !lastOfMonth.isAfter(to) && lastOfMonth.isBefore(today)) {
                whole.add(m);
            }
        }
        List<LocalDate[]> dayRuns = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate day : rolled) {
            if (whole.contains(YearMonth.from(day))) {
                continue;
            }
            if (runStart != null && !day.equals(previous.plusDays(1))) {
                dayRuns.add(new LocalDate[]{runStart, previous});
                runStart = null;
            }
            runStart = runStart == null ? day : runStart;
            previous = day;
        }
        if (runStart != null) {
            dayRuns.add(new LocalDate[]{runStart, previous});
        }
        return new Split(whole, dayRuns, liveRuns(from, to, rolled));
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

    /** The same for rows of any figures, each described by {@code describe}. */
    static <K extends Comparable<K>, V> List<String> differences(Map<K, V> stored, Map<K, V> recount, Function<V, String> describe) {
        TreeSet<K> keys = new TreeSet<>(stored.keySet());
        keys.addAll(recount.keySet());
        List<String> lines = new ArrayList<>();
        for (K k : keys) {
            V s = stored.get(k);
            V r = recount.get(k);
            if (!Objects.equals(s, r)) {
                lines.add(k + ": stored " + (s == null ? "none" : describe.apply(s)) + ", recounted " + (r == null ? "none" : describe.apply(r)));
            }
        }
        return lines;
    }

    static String describe(TimeClass t) {
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
