package org.district.socialmedia.requests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.control.Tally;
import org.district.socialmedia.platform.control.TallyDifferences;
import org.district.socialmedia.requests.entity.RequestStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How many requests wait for a first answer (SUBMITTED) per quarter-hour of their deadline (V82, {@link DeadlineSlots}),
 * for the reviewer's "due within two days": the count sums at most 192 tally rows (two or three in practice, as the
 * District's deadlines end a day) and counts from the requests only those past their deadline but not yet marked
 * overdue and at most a quarter-hour of deadlines ({@link DeadlineSlots#window}), whatever the District's size. Moved
 * by the services in the transaction of every change of a request's status or deadline ({@link #moved}); checked and
 * rebuilt by the operators' recount. Every writer first locks the guard row ({@link DeadlineSlots#GUARD}), so two
 * transactions never both insert a slot that did not exist, and the recount waits for the changes in flight. The
 * writers already serialize on the status tally's SUBMITTED row, so the guard adds no waiting.
 */
@ApplicationScoped
public class RequestDeadlineTally implements Tally {

    static final String NAME = "request-deadlines";
    private static final long GUARD = DeadlineSlots.GUARD;

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A request's status or deadline changed (from {@code before} with {@code deadlineBefore}); runs in the caller's
     * transaction. Only a submitted request is counted, in the slot of its deadline.
     */
    public void moved(RequestStatus before, Instant deadlineBefore, RequestStatus after, Instant deadlineAfter) {
        Long from = slot(before, deadlineBefore);
        Long to = slot(after, deadlineAfter);
        if (Objects.equals(from, to)) {
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

    private static Long slot(RequestStatus status, Instant deadline) {
        return status == RequestStatus.SUBMITTED && deadline != null ? DeadlineSlots.slotOf(deadline) : null;
    }

    private void lockGuard() {
        em.createNativeQuery("SELECT requests FROM request_deadline_tally WHERE slot = ? FOR UPDATE").setParameter(1, GUARD)
                .getResultList();
    }

    // under the guard: the slot's row exists, or nobody else can be inserting it
    private void add(long slot, int by) {
        int updated = em.createNativeQuery("UPDATE request_deadline_tally SET requests = requests + ? WHERE slot = ?")
                .setParameter(1, by).setParameter(2, slot).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO request_deadline_tally (slot, requests) VALUES (?, ?)")
                    .setParameter(1, slot).setParameter(2, by).executeUpdate();
        }
    }

    /**
     * How many submitted requests have their deadline in {@code (after, upTo]}: the tally's slots from the one holding
     * {@code after} to the one before {@code upTo}'s, less the requests of the first slot whose deadline has passed,
     * plus those of {@code upTo}'s slot due by then ({@link DeadlineSlots#window}); both counted from the requests by
     * the index {@code (status, queue_key)} (a submitted request's queue key is its deadline). Any EntityManager: the
     * home counts' benchmark calls it outside the container.
     */
    public static long submittedDue(EntityManager em, Instant after, Instant upTo) {
        DeadlineSlots.Window w = DeadlineSlots.window(after, upTo);
        long slots = 0;
        if (w.hasSlots()) {
            Object sum = em.createNativeQuery("SELECT SUM(requests) FROM request_deadline_tally WHERE slot >= ? AND slot <= ?")
                    .setParameter(1, w.slotsFrom()).setParameter(2, w.slotsTo()).getSingleResult();
            slots = sum == null ? 0 : ((Number) sum).longValue();
        }
        return slots - submittedBetween(em, w.lessFrom(), after) + submittedBetween(em, w.plusFrom(), upTo);
    }

    private static long submittedBetween(EntityManager em, Instant from, Instant upTo) {
        return em.createQuery("SELECT COUNT(r.id) FROM SocialMediaRequest r WHERE r.status = :submitted"
                        + " AND r.queueKey >= :from AND r.queueKey <= :upTo", Long.class)
                .setParameter("submitted", RequestStatus.SUBMITTED).setParameter("from", from).setParameter("upTo", upTo)
                .getSingleResult();
    }

    private Map<Long, Long> recount() {
        Map<Long, Long> slots = new TreeMap<>();
        em.createQuery("SELECT r.queueKey FROM SocialMediaRequest r WHERE r.status = :submitted", Instant.class)
                .setParameter("submitted", RequestStatus.SUBMITTED).getResultStream()
                .forEach(deadline -> slots.merge(DeadlineSlots.slotOf(deadline), 1L, Long::sum));
        return slots;
    }

    private Map<Long, Long> stored() {
        Map<Long, Long> slots = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT slot, requests FROM request_deadline_tally WHERE slot <> ?")
                .setParameter(1, GUARD).getResultList()) {
            Object[] cells = (Object[]) row;
            slots.put(((Number) cells[0]).longValue(), ((Number) cells[1]).longValue());
        }
        return slots;
    }

    @Override
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        TallyDifferences.differing(stored(), recount()).forEach((slot, c) -> lines.add("deadlines from " + DeadlineSlots.start(slot)
                + ": stored " + c[0] + ", recounted " + c[1]));
        return lines;
    }

    @Override
    public int rebuild() {
        // the guard first, as every writer takes it: a change in flight waits, then adds to the recounted figure
        lockGuard();
        Map<Long, long[]> differing = TallyDifferences.differing(stored(), recount());
        for (Map.Entry<Long, long[]> e : differing.entrySet()) {
            int updated = em.createNativeQuery("UPDATE request_deadline_tally SET requests = ? WHERE slot = ?")
                    .setParameter(1, e.getValue()[1]).setParameter(2, e.getKey()).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO request_deadline_tally (slot, requests) VALUES (?, ?)")
                        .setParameter(1, e.getKey()).setParameter(2, e.getValue()[1]).executeUpdate();
            }
        }
        // the past's slots fall to zero as their requests are answered or marked overdue: their rows go
        em.createNativeQuery("DELETE FROM request_deadline_tally WHERE requests = 0 AND slot <> ?").setParameter(1, GUARD)
                .executeUpdate();
        return differing.size();
    }
}
