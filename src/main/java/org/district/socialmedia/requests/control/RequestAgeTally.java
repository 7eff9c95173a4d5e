package org.district.socialmedia.requests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.district.socialmedia.platform.control.Tally;
import org.district.socialmedia.platform.control.TallyDifferences;
import org.district.socialmedia.requests.entity.RequestStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many requests are open, per status (submitted, waiting for the employee, marked overdue) and UTC day of their
 * submission (V85, {@link SubmissionDays}), for the requests report's open requests by age: how many were submitted
 * after an instant is the tally's rows of the later days (at most the bands' 15 days a status) and one range of the
 * instant's own day counted from the requests, at most half a day ({@link SubmissionDays#edge}), whatever the
 * District's size. Moved by the services in the transaction of every change of a request's status ({@link #moved});
 * checked and rebuilt by the operators' recount. Every writer first locks the guard row (status {@value #GUARD}), so
 * two transactions never both insert a row that did not exist, and the recount waits for the changes in flight. The
 * writers already serialize on the status tally's rows, so the guard adds no waiting.
 */
@ApplicationScoped
public class RequestAgeTally implements Tally {

    static final String NAME = "request-ages";
    /** The status of the tally's lock row (V85), which is no status of a request. */
    public static final String GUARD = "GUARD";

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return NAME;
    }

    /** A row's key: an open status and a day of submission. */
    record Key(RequestStatus status, long day) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::status).thenComparingLong(Key::day);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * A request went from one status to another (the same: nothing); runs in the caller's transaction. Only an open
     * request with a submission is counted; its submission does not change once made, so one instant serves both sides.
     */
    public void moved(RequestStatus before, RequestStatus after, Instant submittedAt) {
        Key from = key(before, submittedAt);
        Key to = key(after, submittedAt);
        if (from == null && to == null || from != null && from.equals(to)) {
            return;
        }
        lockGuard();
        if (from != null) {
            add(from, -1);
        }
        if (to != null) {
            add(to, 1);
        }
    }

    private static Key key(RequestStatus status, Instant submittedAt) {
        return status != null && RequestStatusTally.COUNTED.contains(status) && submittedAt != null
                ? new Key(status, SubmissionDays.dayOf(submittedAt)) : null;
    }

    private void lockGuard() {
        em.createNativeQuery("SELECT requests FROM request_age_tally WHERE status = ? FOR UPDATE").setParameter(1, GUARD)
                .getResultList();
    }

    // under the guard: the row exists, or nobody else can be inserting it
    private void add(Key key, long by) {
        int updated = em.createNativeQuery("UPDATE request_age_tally SET requests = requests + ? WHERE status = ? AND submitted_day = ?")
                .setParameter(1, by).setParameter(2, key.status().name()).setParameter(3, key.day()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO request_age_tally (status, submitted_day, requests) VALUES (?, ?, ?)")
                    .setParameter(1, key.status().name()).setParameter(2, key.day()).setParameter(3, by).executeUpdate();
        }
    }

    /**
     * How many open requests were submitted after each of {@code since}: per instant, the tally's days after its own
     * (or from it) and its day's shorter part counted from the requests by the index {@code (status, submitted_at)},
     * of whose columns alone the count reads, so PostgreSQL counts from the index. Any EntityManager: the reports'
     * benchmark calls it outside the container.
     */
    public static long[] openSubmittedAfter(EntityManager em, List<Instant> since) {
        List<SubmissionDays.Edge> edges = since.stream().map(SubmissionDays::edge).toList();
        long firstDay = edges.stream().mapToLong(SubmissionDays.Edge::daysFrom).min().orElse(Long.MAX_VALUE);
        TreeMap<Long, Long> days = new TreeMap<>();
        // the open statuses' ranges of the primary key (the guard row is none of them)
        Query q = em.createNativeQuery("SELECT submitted_day, SUM(requests) FROM request_age_tally WHERE status IN ("
                + String.join(", ", RequestStatusTally.COUNTED.stream().map(s -> "?").toList()) + ") AND submitted_day >= ? GROUP BY submitted_day");
        int p = 1;
        for (RequestStatus status : RequestStatusTally.COUNTED) {
            q.setParameter(p++, status.name());
        }
        for (Object row : q.setParameter(p, firstDay).getResultList()) {
            Object[] cells = (Object[]) row;
            days.put(((Number) cells[0]).longValue(), ((Number) cells[1]).longValue());
        }
        long[] after = new long[edges.size()];
        for (int i = 0; i < after.length; i++) {
            SubmissionDays.Edge e = edges.get(i);
            after[i] = e.count(days, e.less() ? submittedBetween(em, e.from(), e.since(), true)
                    : submittedBetween(em, e.since(), e.before(), false));
        }
        return after;
    }

    // the open requests submitted in [from, upTo] (both included), or in (from, upTo) (both excluded)
    private static long submittedBetween(EntityManager em, Instant from, Instant upTo, boolean included) {
        String range = included ? " AND r.submittedAt >= :from AND r.submittedAt <= :upTo" : " AND r.submittedAt > :from AND r.submittedAt < :upTo";
        return em.createQuery("SELECT COUNT(r.submittedAt) FROM SocialMediaRequest r WHERE r.status IN :open" + range, Long.class)
                .setParameter("open", RequestStatusTally.COUNTED).setParameter("from", from).setParameter("upTo", upTo)
                .getSingleResult();
    }

    /** An open request's status and submission, as the recount reads them. */
    public record Submitted(RequestStatus status, Instant submittedAt) {
    }

    private Map<Key, Long> recount() {
        Map<Key, Long> rows = new TreeMap<>();
        em.createQuery("SELECT NEW " + Submitted.class.getName() + "(r.status, r.submittedAt) FROM SocialMediaRequest r"
                        + " WHERE r.status IN :open AND r.submittedAt IS NOT NULL", Submitted.class)
                .setParameter("open", RequestStatusTally.COUNTED).getResultStream()
                .forEach(row -> rows.merge(new Key(row.status(), SubmissionDays.dayOf(row.submittedAt())), 1L, Long::sum));
        return rows;
    }

    private Map<Key, Long> stored() {
        Map<Key, Long> rows = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT status, submitted_day, requests FROM request_age_tally WHERE status <> ?")
                .setParameter(1, GUARD).getResultList()) {
            Object[] cells = (Object[]) row;
            rows.put(new Key(RequestStatus.valueOf((String) cells[0]), ((Number) cells[1]).longValue()), ((Number) cells[2]).longValue());
        }
        return rows;
    }

    @Override
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        TallyDifferences.differing(stored(), recount()).forEach((key, c) -> lines.add(key.status() + " submitted on " + SubmissionDays.start(key.day())
                .toString().substring(0, 10) + " (UTC): stored " + c[0] + ", recounted " + c[1]));
        return lines;
    }

    @Override
    public int rebuild() {
        // the guard first, as every writer takes it: a change in flight waits, then adds to the recounted figure
        lockGuard();
        Map<Key, long[]> differing = TallyDifferences.differing(stored(), recount());
        for (Map.Entry<Key, long[]> e : differing.entrySet()) {
            Key key = e.getKey();
            int updated = em.createNativeQuery("UPDATE request_age_tally SET requests = ? WHERE status = ? AND submitted_day = ?")
                    .setParameter(1, e.getValue()[1]).setParameter(2, key.status().name()).setParameter(3, key.day()).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO request_age_tally (status, submitted_day, requests) VALUES (?, ?, ?)")
                        .setParameter(1, key.status().name()).setParameter(2, key.day()).setParameter(3, e.getValue()[1]).executeUpdate();
            }
        }
        // a day's rows fall to zero as its requests are answered: they go
        em.createNativeQuery("DELETE FROM request_age_tally WHERE requests = 0 AND status <> ?").setParameter(1, GUARD).executeUpdate();
        return differing.size();
    }
}
