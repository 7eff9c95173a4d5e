package org.district.socialmedia.requests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.control.Tally;
import org.district.socialmedia.requests.entity.RequestStatus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many requests wait for the employee, how many are marked overdue (V71), and how many wait for a first answer
 * (V72), for the reviewer's home counts and the requests report's open requests: moved
 * by the services in the transaction of every change of a request's status ({@link #moved}), so a change rolled back
 * leaves no trace, and checked or rebuilt by the operators' recount. Each status's row is also the lock its writers
 * take (an UPDATE of the row), so two changes in flight add up.
 */
@ApplicationScoped
public class RequestStatusTally implements Tally {

    static final String NAME = "request-statuses";
    /** The statuses counted: the open ones, whose counts would otherwise step over every such request. */
    public static final Set<RequestStatus> COUNTED = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.INFO_REQUESTED,
            RequestStatus.OVERDUE);

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return NAME;
    }

    /** A request went from one status to another (the same: nothing); runs in the caller's transaction. */
    public void moved(RequestStatus before, RequestStatus after) {
        if (before == after) {
            return;
        }
        if (before != null && COUNTED.contains(before)) {
            add(before, -1);
        }
        if (after != null && COUNTED.contains(after)) {
            add(after, 1);
        }
    }

    private void add(RequestStatus status, int by) {
        em.createNativeQuery("UPDATE request_status_tally SET requests = requests + ? WHERE status = ?")
                .setParameter(1, by).setParameter(2, status.name()).executeUpdate();
    }

    /** The stored count of a counted status (any EntityManager: the home counts' benchmark reads it outside the container). */
    public static long stored(EntityManager em, RequestStatus status) {
        List<?> rows = em.createNativeQuery("SELECT requests FROM request_status_tally WHERE status = ?").setParameter(1, status.name())
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    private Map<RequestStatus, Long> recount() {
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        COUNTED.forEach(s -> counts.put(s, 0L));
        for (Object[] row : em.createQuery("SELECT r.status, COUNT(r.id) FROM SocialMediaRequest r WHERE r.status IN :counted GROUP BY r.status",
                Object[].class).setParameter("counted", COUNTED).getResultList()) {
            counts.put((RequestStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        recount().forEach((status, n) -> {
            long stored = stored(em, status);
            if (stored != n) {
                lines.add(status + ": stored " + stored + ", recounted " + n);
            }
        });
        return lines;
    }

    @Override
    public int rebuild() {
        // the rows locked first: a change in flight waits, then adds to the recounted figure
        em.createNativeQuery("SELECT status FROM request_status_tally FOR UPDATE").getResultList();
        int changed = 0;
        for (Map.Entry<RequestStatus, Long> e : recount().entrySet()) {
            if (stored(em, e.getKey()) != e.getValue()) {
                int updated = em.createNativeQuery("UPDATE request_status_tally SET requests = ? WHERE status = ?")
                        .setParameter(1, e.getValue()).setParameter(2, e.getKey().name()).executeUpdate();
                if (updated == 0) {
                    em.createNativeQuery("INSERT INTO request_status_tally (status, requests) VALUES (?, ?)")
                            .setParameter(1, e.getKey().name()).setParameter(2, e.getValue()).executeUpdate();
                }
                changed++;
            }
        }
        return changed;
    }
}
