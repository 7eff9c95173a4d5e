package org.district.socialmedia.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.notifications.entity.MailAlert;
import org.district.socialmedia.notifications.entity.OutboxMessage;
import org.district.socialmedia.platform.control.DegradationCheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mail's part of health (MailAlert). Two reads on the outbox's (status, next_attempt_at) index: the last
 * successful send, and the unsent messages (few) that failed since.
 */
// a CDI bean, not an EJB: health finds it among every DegradationCheck by its type
@ApplicationScoped
public class MailHealth implements DegradationCheck {

    /** Servers' clocks differ a little: a send this much "later than now" is still taken as a send. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    @Override
    public List<String> reasons() {
        Instant now = clock.instant();
        Duration alertAfter = MailAlert.alertAfter(System.getProperty(MailAlert.PROPERTY));
        return MailAlert.reason(failingSince(now), now, alertAfter).stream().toList();
    }

    /** When the oldest message written after the last successful send, and whose last attempt failed, was written. */
    Instant failingSince(Instant now) {
        Instant lastSent = lastSuccessfulAttempt(now);
        // the column, not MIN() of it: EclipseLink applies the Instant converter to a column only (PostgreSQL)
        TypedQuery<Instant> failed = em.createQuery("SELECT m.createdAt FROM OutboxMessage m WHERE m.status IN :unsent"
                        + " AND m.lastError IS NOT NULL" + (lastSent == null ? "" : " AND m.createdAt > :lastSent")
                        + " ORDER BY m.createdAt", Instant.class)
                .setParameter("unsent", List.of(OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING, OutboxMessage.Status.FAILED))
                .setMaxResults(1);
        if (lastSent != null) {
            failed.setParameter("lastSent", lastSent);
        }
        return failed.getResultStream().findFirst().orElse(null);
    }

    /**
     * When the last message that went out was claimed. A sent message keeps the claim's lease end as its
     * next_attempt_at, so the index answers it; the send itself followed the claim within seconds. A send
     * "from the future" (a clock set back, as on a test server) says nothing about mail now: left out.
     */
    Instant lastSuccessfulAttempt(Instant now) {
        return em.createQuery("SELECT m.nextAttemptAt FROM OutboxMessage m WHERE m.status = :sent AND m.nextAttemptAt <= :latest"
                        + " ORDER BY m.nextAttemptAt DESC", Instant.class)
                .setParameter("sent", OutboxMessage.Status.SENT).setParameter("latest", now.plus(OutboxMessage.CLAIM_LEASE).plus(CLOCK_SKEW))
                .setMaxResults(1).getResultStream().findFirst()
                .map(leaseEnd -> leaseEnd.minus(OutboxMessage.CLAIM_LEASE)).orElse(null);
    }
}
