package org.district.socialmedia.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One email, written in the same transaction as the change that caused it (transactional outbox),
 * then sent by the relay. It carries a stable Message-ID so that a receiving system can drop a
 * duplicate if a crash between "sent" and "recorded as sent" makes the relay send it again.
 */
@Entity
@Table(name = "outbox_message")
// ordered exactly as the index (status, next_attempt_at) is, the filtered status first: H2 then reads the first 50
// rows of it; ordered by next_attempt_at, id it read and sorted every pending row for each batch (150,000 after
// a campaign's start: the relay sent 41 messages a second instead of 140)
@NamedQuery(name = OutboxMessage.DUE, query = "SELECT m.id FROM OutboxMessage m WHERE m.status = :pending"
        + " AND m.nextAttemptAt <= :now ORDER BY m.status, m.nextAttemptAt")
public class OutboxMessage implements Serializable {

    public static final String DUE = "OutboxMessage.due";
    public static final int RECIPIENTS_MAX = 2000;
    public static final int SUBJECT_MAX = 300;
    public static final int BODY_MAX = 20000;
    public static final int ERROR_MAX = 1000;
    public static final int MAX_ATTEMPTS = 8;
    /** First retry after this; doubled each time (1 min, 2, 4, ... 64 min): hours of SMTP outage lose nothing. */
    public static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    /** A claim older than this is taken again: the server that held it died mid-send. */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    public enum Status { PENDING, SENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    private Long id;

    @Column(name = "message_id", length = 200, nullable = false, unique = true, updatable = false)
    private String messageId;

    @Column(name = "event_type", length = 40, nullable = false, updatable = false)
    private String eventType;

    @Column(name = "request_id", updatable = false)
    private Long requestId;

    @Column(name = "recipients", length = RECIPIENTS_MAX, nullable = false, updatable = false)
    private String recipients;

    @Column(name = "subject", length = SUBJECT_MAX, nullable = false, updatable = false)
    private String subject;

    @Column(name = "text_body", length = BODY_MAX, nullable = false, updatable = false)
    private String textBody;

    @Column(name = "html_body", length = BODY_MAX, nullable = false, updatable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private Status status = Status.PENDING;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxMessage() {
    }

    public OutboxMessage(String messageId, String eventType, Long requestId, String recipients, String subject,
                         String textBody, String htmlBody, Instant now) {
        if (recipients == null || recipients.isBlank()) {
            throw new IllegalArgumentException("An email needs at least one recipient");
        }
        this.messageId = Objects.requireNonNull(messageId);
        this.eventType = eventType;
        this.requestId = requestId;
        this.recipients = cut(recipients, RECIPIENTS_MAX);
        this.subject = cut(subject, SUBJECT_MAX);
        this.textBody = cut(textBody, BODY_MAX);
        this.htmlBody = cut(htmlBody, BODY_MAX);
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** The relay takes the message for one attempt; false if it is not due or another server holds it. */
    public boolean claim(Instant now) {
        boolean due = status == Status.PENDING && !nextAttemptAt.isAfter(now);
        boolean abandoned = status == Status.SENDING && !nextAttemptAt.isAfter(now);
        if (!due && !abandoned) {
            return false;
        }
        status = Status.SENDING;
        attempts++;
        nextAttemptAt = now.plus(CLAIM_LEASE);
        return true;
    }

    public void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
        lastError = null;
    }

    /** A failed attempt: try again later with exponential backoff, or give up after MAX_ATTEMPTS. */
    public void attemptFailed(String error, Instant now, Duration firstBackoff) {
        lastError = cut(error, ERROR_MAX);
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
            return;
        }
        status = Status.PENDING;
        nextAttemptAt = now.plus(firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20)));
    }

    /** A system administrator sends a failed message again: a fresh set of attempts, same Message-ID. */
    public void resend(Instant now) {
        if (status != Status.FAILED) {
            throw new IllegalStateException("Only a failed message can be sent again; this one is " + status);
        }
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public String getMessageId() { return messageId; }
    public String getEventType() { return eventType; }
    public Long getRequestId() { return requestId; }
    public String getRecipients() { return recipients; }
    public String getSubject() { return subject; }
    public String getTextBody() { return textBody; }
    public String getHtmlBody() { return htmlBody; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
