package org.district.socialmedia.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.notifications.entity.OutboxAttachment;
import org.district.socialmedia.notifications.entity.OutboxMessage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The relay's steps on the outbox, each in its own short transaction: what is due, claim one message
 * (only one server wins a claim: optimistic lock), record the outcome of the attempt.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    public static final String BACKOFF_PROPERTY = "social-media.mail-backoff";
    private static final Logger LOG = Logger.getLogger(OutboxStore.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    /** A snapshot of what to send, taken with the claim. */
    public record Claimed(Long id, String messageId, String recipients, String subject, String text, String html,
                          OutboxWriter.Attachment attachment) {
    }

    public List<Long> due(int limit) {
        return em.createNamedQuery(OutboxMessage.DUE, Long.class)
                .setParameter("pending", OutboxMessage.Status.PENDING).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
    }

    /** Messages whose claim expired (the server holding them stopped mid-send), to be claimed again. */
    public List<Long> abandoned(int limit) {
        return em.createQuery("SELECT m.id FROM OutboxMessage m WHERE m.status = :sending AND m.nextAttemptAt <= :now", Long.class)
                .setParameter("sending", OutboxMessage.Status.SENDING).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
    }

    public Optional<Claimed> claim(Long id) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        if (message == null || !message.claim(clock.instant())) {
            return Optional.empty();
        }
        try {
            em.flush();
        } catch (OptimisticLockException anotherServerWon) {
            return Optional.empty();
        }
        OutboxAttachment file = em.find(OutboxAttachment.class, message.getId());
        return Optional.of(new Claimed(message.getId(), message.getMessageId(), message.getRecipients(), message.getSubject(),
                message.getTextBody(), message.getHtmlBody(), file == null ? null
                : new OutboxWriter.Attachment(file.getFileName(), file.getContentType(), file.getContent())));
    }

    public void sent(Long id) {
        em.find(OutboxMessage.class, id).sent(clock.instant());
    }

    public void failed(Long id, String error) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        message.attemptFailed(error, clock.instant(), backoff());
        if (message.getStatus() == OutboxMessage.Status.FAILED) {
            LOG.warning("Email " + message.getMessageId() + " failed " + message.getAttempts() + " times and is given up: " + error);
        }
    }

    static Duration backoff() {
        try {
            return Duration.parse(System.getProperty(BACKOFF_PROPERTY, OutboxMessage.FIRST_BACKOFF.toString()));
        } catch (RuntimeException e) {
            return OutboxMessage.FIRST_BACKOFF;
        }
    }
}
