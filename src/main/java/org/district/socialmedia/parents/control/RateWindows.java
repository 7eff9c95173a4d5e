package org.district.socialmedia.parents.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * The counters of the rate limits, in the database so that every server counts against the same rows
 * (migration V52): one row per (limit, key, window). Counting is one conditional UPDATE, atomic on H2 and
 * PostgreSQL alike; the window's first attempt inserts the row instead.
 */
@Stateless
public class RateWindows {

    /** One attempt to count: the key is a SHA-256 (of a token, of an address), never the thing itself. */
    public record Attempt(RateLimit limit, String keyHash) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Counts one attempt of each, in order, in a transaction of its own: the count stands even when the request
     * it guards fails and rolls back, and no row stays locked for the rest of that request. Stops at the first
     * limit reached: that attempt and those after it are not counted.
     *
     * @return the index of the attempt over its limit, or -1 when all are allowed
     * @throws jakarta.persistence.PersistenceException when another server created the same window row at the
     *                                                  same instant (unique key): counting again then finds it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int count(List<Attempt> attempts, Instant now) {
        for (int i = 0; i < attempts.size(); i++) {
            if (!hit(attempts.get(i), now)) {
                return i;
            }
        }
        return -1;
    }

    private boolean hit(Attempt attempt, Instant now) {
        RateLimit limit = attempt.limit();
        long start = limit.windowStart(now);
        int counted = em.createNativeQuery("UPDATE rate_limit_window SET hits = hits + 1 "
                        + "WHERE bucket = ?1 AND key_hash = ?2 AND window_start = ?3 AND hits < ?4")
                .setParameter(1, limit.bucket()).setParameter(2, attempt.keyHash()).setParameter(3, start)
                .setParameter(4, limit.limit()).executeUpdate();
        if (counted == 1) {
            return true;
        }
        // no row yet (the window's first attempt) or a row at the limit: only the first inserts
        return em.createNativeQuery("INSERT INTO rate_limit_window (bucket, key_hash, window_start, hits) "
                        + "SELECT CAST(?1 AS VARCHAR(20)), CAST(?2 AS VARCHAR(64)), CAST(?3 AS BIGINT), 1 WHERE NOT EXISTS "
                        + "(SELECT 1 FROM rate_limit_window WHERE bucket = ?1 AND key_hash = ?2 AND window_start = ?3)")
                .setParameter(1, limit.bucket()).setParameter(2, attempt.keyHash()).setParameter(3, start)
                .executeUpdate() == 1;
    }

    /** Deletes the windows that started before {@code before} (epoch ms); returns how many. */
    public int prune(long before) {
        return em.createNativeQuery("DELETE FROM rate_limit_window WHERE window_start < ?1").setParameter(1, before).executeUpdate();
    }
}
