package org.district.socialmedia.audit.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.platform.control.Matches;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The auditor's search over ten million rows, newest first. Each filter has an index that starts with
 * the filtered column and goes on with (occurred_at DESC, id DESC) (V9); the order leads with that
 * column (a no-op: it has one value) so the database walks that index and stops after the page.
 */
public final class AuditQueries {

    private AuditQueries() {
    }

    /** The matching rows (their ids when {@code ids}, for a count), newest first unless counting. */
    public static <T> TypedQuery<T> search(EntityManager em, AuditFilter filter, ZoneId zone, boolean ids, Class<T> type) {
        return search(em, filter, zone, ids ? "a.id" : "a", !ids, type);
    }

    /** How many rows match (no limit: for {@link Matches}, after it found fewer than its limit). */
    public static long count(EntityManager em, AuditFilter filter, ZoneId zone) {
        return search(em, filter, zone, "COUNT(a.id)", false, Long.class).getSingleResult();
    }

    private static <T> TypedQuery<T> search(EntityManager em, AuditFilter filter, ZoneId zone, String select,
                                            boolean newestFirst, Class<T> type) {
        AuditFilter f = filter == null ? AuditFilter.ALL : filter;
        StringBuilder jpql = new StringBuilder("SELECT " + select + " FROM AuditEntry a WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        String lead = "";
        if (!blank(f.action())) {
            jpql.append(" AND a.action = :action");
            params.put("action", f.action().strip().toUpperCase(Locale.ROOT));
            lead = "a.action ASC, ";
        }
        if (!blank(f.actor())) {
            jpql.append(" AND a.actor = :actor");
            params.put("actor", f.actor().strip().toLowerCase(Locale.ROOT));
            lead = "a.actor ASC, ";
        }
        if (!blank(f.objectType())) {
            jpql.append(" AND a.objectType = :objectType");
            params.put("objectType", f.objectType().strip());
            lead = "a.objectType ASC, ";
            if (!blank(f.objectId())) {
                jpql.append(" AND a.objectId = :objectId");
                params.put("objectId", f.objectId().strip());
                lead = "a.objectType ASC, a.objectId ASC, ";
            }
        }
        if (f.from() != null) {
            jpql.append(" AND a.occurredAt >= :from");
            params.put("from", f.from().atStartOfDay(zone).toInstant());
        }
        if (f.to() != null) {
            jpql.append(" AND a.occurredAt < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (f.outcome() != null) {
            jpql.append(" AND a.outcome = :outcome");
            params.put("outcome", f.outcome());
        }
        if (newestFirst) {
            jpql.append(" ORDER BY ").append(lead).append("a.occurredAt DESC, a.id DESC");
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        params.forEach(q::setParameter);
        return q;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
