package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.oversight.entity.AnswerTimes;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.ResponseCell;
import org.district.socialmedia.oversight.entity.ReviewResponse;
import org.district.socialmedia.oversight.entity.TimeClass;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.control.NativeTimestamps;
import org.district.socialmedia.requests.entity.CycleEnd;
import org.district.socialmedia.requests.entity.RequestOutcome;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.district.socialmedia.oversight.control.RollupDays.bool;
import static org.district.socialmedia.oversight.control.RollupDays.date;
import static org.district.socialmedia.oversight.control.RollupDays.number;

/**
 * The requests report's daily roll-ups (V60): per District day, school or department ({@link #DISTRICT} for the
 * whole District), reviewer, kind and on time or late, the written responses by tenth of an hour. A day is rolled
 * up by the Board report timer once it is over, in one transaction with its key in report_rollup_day (a second
 * server's roll-up of the same day fails on that key and changes nothing); the report reads those days here and
 * every other day of its period (today, a day not rolled up yet) live from the review cycles.
 *
 * <p>The rows keep the requester's school or department of the day they were rolled up.
 */
@Stateless
public class RequestRollups {

    /** The roll-up's name in report_rollup_day, and the tally's. */
    public static final String ROLLUP = "request-responses";
    /** The unit_id of the whole District's rows. */
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
    RequestMonths months;

    /** A cycle that a response ended, as read, with the requester's unit (null when none). */
    public record Row(Long unitId, CycleEnd endReason, String askedBy, String decidedBy, RequestOutcome outcome,
                      Instant startedAt, Instant deadline, Instant endedAt) {

        ReviewResponse response() {
            boolean decided = endReason == CycleEnd.DECIDED;
            return new ReviewResponse(0, decided ? decidedBy : askedBy, startedAt, deadline, endedAt,
                    decided ? outcome.name() : ReviewResponse.INFORMATION_REQUESTED);
        }
    }

    /** What a roll-up row is kept under. */
    public record Key(LocalDate day, long unitId, String reviewer, String kind, boolean onTime, int tenths) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            c = c != 0 ? c : Long.compare(unitId, o.unitId);
            c = c != 0 ? c : reviewer.compareTo(o.reviewer);
            c = c != 0 ? c : kind.compareTo(o.kind);
            c = c != 0 ? c : Boolean.compare(onTime, o.onTime);
            return c != 0 ? c : Integer.compare(tenths, o.tenths);
        }

        @Override
        public String toString() {
            return day + " " + (unitId == DISTRICT ? "District" : "unit " + unitId) + " " + (reviewer.isEmpty() ? "-" : reviewer)
                    + " " + kind + " " + (onTime ? "on time" : "late") + " " + tenths / 10.0 + " h";
        }
    }

    ZoneId zone() {
        return districtTime.timeZone();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    // ------------------------------------------------------------------ the timer's work

    /**
     * Forgets the days rolled up that are not over (the clock was set back, as a test server's is): their
     * responses are read live again until the day is over and rolled up anew.
     */
    public int dropUnfinished() {
        int dropped = days.dropFrom(ROLLUP, "report_response_day", today());
        if (dropped > 0) {
            months.refreshFrom(YearMonth.from(today()));
        }
        return dropped;
    }

    /** The days over and not rolled up yet, oldest first, a pass's worth at most (RollupDays). */
    public List<LocalDate> dueDays() {
        // the first by order (the index on ended_at), not MIN(): an aggregate's value skips the attribute's converter
        // (PostgreSQL's driver then answers a Timestamp where an Instant is declared)
        Instant earliest = em.createQuery("SELECT c.endedAt FROM ReviewCycle c WHERE c.endedAt IS NOT NULL ORDER BY c.endedAt", Instant.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        return days.due(ROLLUP, earliest == null ? null : earliest.atZone(zone()).toLocalDate(), today());
    }

    /** Rolls up one day that is over, once: its key first, so that a second server's try fails before writing. */
    public int rollUp(LocalDate day) {
        if (!day.isBefore(today())) {
            throw new IllegalArgumentException(day + " is not over yet");
        }
        days.mark(ROLLUP, day, clock.instant());
        days.write(rows(), recount(day, day));
        months.refresh(YearMonth.from(day));
        return 1;
    }

    // ------------------------------------------------------------------ the report's reading

    /** The responses of a period counted by month, reviewer, kind and on time or late, and their times to answer. */
    public record Responses(List<RequestFigures.ResponseCount> counts, AnswerTimes times) {
    }

    /**
     * The responses given in a period, for a unit or the whole District (null): a month whose every rolled-up day is in
     * the period from its month rows (RequestMonths), the other rolled-up days from their day rows, the days not rolled
     * up (today, a day not rolled up yet) live from the review cycles.
     */
    public Responses responses(LocalDate from, LocalDate to, Long unitId) {
        long unit = unitId == null ? DISTRICT : unitId;
        LocalDate today = today();
        TreeSet<LocalDate> rolled = days.rolled(ROLLUP, from, to, today);
        RollupDays.Split split = RollupDays.split(from, to, rolled, rolled.isEmpty() ? null : days.last(ROLLUP), today);
        Set<YearMonth> whole = split.months();
        List<ResponseCell> cells = new ArrayList<>();
        List<LocalDate> edgeDays = rolled.stream().filter(d -> !whole.contains(YearMonth.from(d))).toList();
        if (!edgeDays.isEmpty()) {
            Set<LocalDate> wanted = new HashSet<>(edgeDays);
            Query q = em.createNativeQuery("SELECT on_day, reviewer, kind, on_time, tenths, responses, min_seconds, max_seconds"
                            + " FROM report_response_day WHERE unit_id = ? AND on_day >= ? AND on_day <= ?")
                    .setParameter(1, unit).setParameter(2, Date.valueOf(edgeDays.get(0)))
                    .setParameter(3, Date.valueOf(edgeDays.get(edgeDays.size() - 1)));
            for (Object o : q.getResultList()) {
                Object[] r = (Object[]) o;
                LocalDate day = date(r[0]);
                if (wanted.contains(day)) {
                    cells.add(new ResponseCell(day, (String) r[1], (String) r[2], bool(r[3]), new TimeClass((int) number(r[4]),
                            number(r[5]), number(r[6]), number(r[7]))));
                }
            }
        }
        // every run of days not rolled up: one live read each (usually today alone)
        for (LocalDate[] run : split.liveRuns()) {
            cells.addAll(liveCells(run[0], run[1], unitId));
        }
        List<RequestFigures.ResponseCount> counts = new ArrayList<>(months.counts(unit, whole));
        List<AnswerTimes.Tenth> tenths = new ArrayList<>();
        for (ResponseCell c : cells) {
            counts.add(new RequestFigures.ResponseCount(YearMonth.from(c.day()), c.reviewer(), c.kind(), c.onTime(), c.count()));
            tenths.add(new AnswerTimes.Tenth(YearMonth.from(c.day()), c.reviewer(), c.time()));
        }
        return new Responses(counts, months.times(unit, whole).and(AnswerTimes.of(tenths)));
    }

    /** The responses of the days from..to, all read from the review cycles (what the roll-ups stand for). */
    public List<ResponseCell> liveCells(LocalDate from, LocalDate to, Long unitId) {
        return rows(from, to, unitId).stream().map(row -> ResponseCell.of(row.response(), zone())).toList();
    }

    /** A cycle that a response ended, as read, with its requester. */
    public record CycleRow(Long requesterId, CycleEnd endReason, String askedBy, String decidedBy, RequestOutcome outcome,
                           Instant startedAt, Instant deadline, Instant endedAt) {
    }

    /**
     * The responses of the days from..to (District days, both included), read from the review cycles by the index on
     * their end, then their requesters' units by id. In SQL: JPQL's {@code r.requester.id} joins the staff, and H2 then
     * starts from the staff and reads every request and cycle of the District (a quarter of a second at a tenth of the
     * District, for today's few responses; docs/performance.md).
     */
    List<Row> rows(LocalDate from, LocalDate to, Long unitId) {
        @SuppressWarnings("unchecked")
        List<Object[]> read = em.createNativeQuery("SELECT r.requester_id, c.end_reason, c.asked_by, r.decided_by_username, r.outcome,"
                        + " c.started_at, c.deadline, c.ended_at FROM sm_review_cycle c JOIN sm_request r ON r.id = c.request_id"
                        + " WHERE c.ended_at >= ?1 AND c.ended_at < ?2 AND c.end_reason IN ('" + CycleEnd.DECIDED.name() + "', '"
                        + CycleEnd.INFO_REQUESTED.name() + "')")
                .setParameter(1, from.atStartOfDay(zone()).toInstant().atOffset(ZoneOffset.UTC))
                .setParameter(2, to.plusDays(1).atStartOfDay(zone()).toInstant().atOffset(ZoneOffset.UTC))
                .getResultList();
        List<CycleRow> cycles = new ArrayList<>(read.size());
        for (Object[] c : read) {
            cycles.add(new CycleRow(number(c[0]), CycleEnd.valueOf((String) c[1]), (String) c[2], (String) c[3],
                    c[4] == null ? null : RequestOutcome.valueOf((String) c[4]), NativeTimestamps.instant(c[5]),
                    NativeTimestamps.instant(c[6]), NativeTimestamps.instant(c[7])));
        }
        Map<Long, Long> units = new HashMap<>();
        List<Long> requesters = cycles.stream().map(CycleRow::requesterId).distinct().toList();
        for (int i = 0; i < requesters.size(); i += 500) {
            for (Object[] su : em.createQuery("SELECT s.id, u.id FROM StaffUser s LEFT JOIN s.unit u WHERE s.id IN :ids", Object[].class)
                    .setParameter("ids", requesters.subList(i, Math.min(i + 500, requesters.size()))).getResultList()) {
                if (su[1] != null) {
                    units.put((Long) su[0], (Long) su[1]);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CycleRow c : cycles) {
            Long unit = units.get(c.requesterId());
            if (unitId == null || unitId.equals(unit)) {
                rows.add(new Row(unit, c.endReason(), c.askedBy(), c.decidedBy(), c.outcome(), c.startedAt(), c.deadline(), c.endedAt()));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ the tally: recount, compare, rebuild

    /** The roll-up rows the review cycles give for the days from..to: each response under its unit and the District. */
    Map<Key, TimeClass> recount(LocalDate from, LocalDate to) {
        Map<Key, TimeClass> cells = new TreeMap<>();
        for (Row row : rows(from, to, null)) {
            ResponseCell c = ResponseCell.of(row.response(), zone());
            cells.merge(new Key(c.day(), DISTRICT, c.reviewer(), c.kind(), c.onTime(), c.time().tenths()), c.time(), TimeClass::plus);
            if (row.unitId() != null) {
                cells.merge(new Key(c.day(), row.unitId(), c.reviewer(), c.kind(), c.onTime(), c.time().tenths()), c.time(), TimeClass::plus);
            }
        }
        return cells;
    }

    /** The stored rows of the days rolled up, by key. */
    Map<Key, TimeClass> stored() {
        Map<Key, TimeClass> rows = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT on_day, unit_id, reviewer, kind, on_time, tenths, responses, min_seconds, max_seconds"
                + " FROM report_response_day").getResultList()) {
            Object[] r = (Object[]) o;
            int tenths = (int) number(r[5]);
            rows.put(new Key(date(r[0]), number(r[1]), (String) r[2], (String) r[3], bool(r[4]), tenths),
                    new TimeClass(tenths, number(r[6]), number(r[7]), number(r[8])));
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
                return "report_response_day";
            }

            @Override
            public String columns() {
                return "on_day, unit_id, reviewer, kind, on_time, tenths, responses, min_seconds, max_seconds";
            }

            @Override
            public Map<Key, TimeClass> recount(LocalDate from, LocalDate to) {
                return RequestRollups.this.recount(from, to);
            }

            @Override
            public Map<Key, TimeClass> stored() {
                return RequestRollups.this.stored();
            }

            @Override
            public LocalDate day(Key key) {
                return key.day();
            }

            @Override
            public Object[] row(Key k, TimeClass t) {
                return new Object[]{Date.valueOf(k.day()), k.unitId(), k.reviewer(), k.kind(), k.onTime(), k.tenths(), t.count(),
                        t.minSeconds(), t.maxSeconds()};
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

    /** What differs between the stored rows (days and months) and a recount of the review cycles, one line per key. */
    public List<String> differences() {
        return days.differences(rows());
    }

    /**
     * Replaces the stored rows of every rolled-up day, and the months, with a recount, the days' keys locked first (a
     * timer's roll-up of the same day waits, then fails on its key); how many keys changed.
     */
    public int rebuild() {
        return days.rebuild(rows());
    }
}
