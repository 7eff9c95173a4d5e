package org.district.socialmedia.notifications.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** System administrators watch the outbox: what waits, what was sent, what failed; and resend. */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
public class OutboxService {

    public static final int PAGE_MAX = 100;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;

    public record Row(Long id, String messageId, String eventType, Long requestId, String recipients, String subject,
                      OutboxMessage.Status status, int attempts, String lastError, Instant createdAt,
                      Instant nextAttemptAt, Instant sentAt) implements Serializable {
    }

    /** How many messages have one status. */
    public record StatusCount(OutboxMessage.Status status, Long count) {
    }

    public Map<OutboxMessage.Status, Long> counts() {
        Map<OutboxMessage.Status, Long> counts = new EnumMap<>(OutboxMessage.Status.class);
        for (OutboxMessage.Status s : OutboxMessage.Status.values()) {
            counts.put(s, 0L);
        }
        for (StatusCount row : em.createQuery("SELECT NEW " + StatusCount.class.getName() + "(m.status, COUNT(m))"
                + " FROM OutboxMessage m GROUP BY m.status", StatusCount.class).getResultList()) {
            counts.put(row.status(), row.count());
        }
        return counts;
    }

    public long count(OutboxMessage.Status status) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(m) FROM OutboxMessage m" + (status == null ? "" : " WHERE m.status = :s"), Long.class);
        if (status != null) {
            q.setParameter("s", status);
        }
        return q.getSingleResult();
    }

    /** Newest first. */
    public List<Row> page(OutboxMessage.Status status, int first, int size) {
        TypedQuery<Row> q = em.createQuery("SELECT NEW " + Row.class.getName() + "("
                + "m.id, m.messageId, m.eventType, m.requestId, m.recipients, m.subject, m.status, m.attempts, m.lastError, "
                + "m.createdAt, m.nextAttemptAt, m.sentAt) FROM OutboxMessage m"
                + (status == null ? "" : " WHERE m.status = :s") + " ORDER BY m.createdAt DESC, m.id DESC", Row.class);
        if (status != null) {
            q.setParameter("s", status);
        }
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), PAGE_MAX)).getResultList();
    }

    public void resend(Long id) {
        OutboxMessage message = id == null ? null : em.find(OutboxMessage.class, id);
        if (message == null) {
            throw new NotFoundException("Message");
        }
        try {
            message.resend(clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        audit.record("EMAIL_RESENT", "OutboxMessage", id, message.getMessageId());
    }
}
