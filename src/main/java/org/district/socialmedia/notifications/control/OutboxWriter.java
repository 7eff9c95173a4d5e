package org.district.socialmedia.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.notifications.entity.OutboxAttachment;
import org.district.socialmedia.notifications.entity.OutboxMessage;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one email into the outbox, in the caller's transaction (the change and its emails commit
 * or roll back together). The Message-ID names what the mail is about and is stable across retries.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OutboxWriter {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    /**
     * @param about a short key for the Message-ID, such as "decided.42" or "account-expired.17"
     */
    public void enqueue(String eventType, Long requestId, String about, Set<String> recipients, MailTemplates.Parts parts) {
        enqueue(eventType, requestId, about, recipients, MailTemplates.render(parts), parts.linkUrl(), null);
    }

    /** A file sent with a message (a parent's PDF receipt, the Board's monthly report). */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * A message in another language than the staff's English ({@link MailTemplates#render(MailTemplates.Parts, String, String)}),
     * optionally with one attachment.
     */
    public void enqueue(String eventType, String about, Set<String> recipients, MailTemplates.Parts parts, String language,
                        String footer, Attachment attachment) {
        enqueue(eventType, null, about, recipients, MailTemplates.render(parts, language, footer), parts.linkUrl(), attachment);
    }

    private void enqueue(String eventType, Long requestId, String about, Set<String> recipients, MailTemplates.Rendered mail,
                         String linkUrl, Attachment attachment) {
        if (recipients.isEmpty()) {
            return;
        }
        // the link already starts with the public base URL: its host names the Message-ID's domain
        String host = linkUrl == null ? null : URI.create(linkUrl).getHost();
        String messageId = "<" + about.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID() + "@" + (host == null ? "localhost" : host) + ">";
        OutboxMessage message = new OutboxMessage(messageId, eventType, requestId, String.join(",", recipients), mail.subject(),
                mail.text(), mail.html(), clock.instant());
        em.persist(message);
        if (attachment != null) {
            em.flush();
            em.persist(new OutboxAttachment(message, attachment.fileName(), attachment.contentType(), attachment.content()));
        }
    }
}
