package org.district.socialmedia.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.platform.control.LogThrottle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Wakes every few seconds and sends what the outbox holds. Stateless between runs: the database
 * says what is due, a claim makes sure one server sends each message, and a failed attempt is
 * retried later with exponential backoff. Each server runs its own relay timer (not persistent).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailRelay {

    public static final String INTERVAL_PROPERTY = "social-media.mail-relay-interval";
    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(MailRelay.class.getName());

    @Resource
    TimerService timers;
    @Inject
    OutboxStore outbox;
    @Inject
    MailSender sender;
    @Inject
    DatabaseReadiness readiness;

    private final AtomicBoolean running = new AtomicBoolean();
    // a wrong SMTP password fails every message: its first failure is logged with the reason, then once a
    // minute with a count, then its end
    private final LogThrottle delivery = new LogThrottle(LOG);

    @PostConstruct
    void schedule() {
        Duration interval = interval();
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("mail-relay", false));
    }

    @Timeout
    void onTimer(Timer timer) {
        // a slow SMTP server may make a run outlast the interval: never two runs at once on one server;
        // nothing while the schema is not ready
        if (!readiness.isReady() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            relay();
            readiness.works("Mail relay");
        } catch (RuntimeException e) {
            // the database is down: once a minute in the log, not every few seconds
            readiness.failed("Mail relay", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * Sends what is due now, batch after batch over one SMTP connection, while batches come back full and for at
     * most one interval (a campaign's 150,000 notices are sent on without waiting for the next timer); stops
     * early when a batch sent nothing and failed (the SMTP server is down: the backoff decides the retries).
     * Returns how many messages were sent.
     */
    public int relay() {
        long until = System.nanoTime() + interval().toNanos();
        int sent = 0;
        try (MailSender.Connection smtp = sender.open()) {
            List<Long> abandoned = outbox.abandoned(BATCH);
            List<Long> due = outbox.due(BATCH);
            while (true) {
                List<Long> ids = new ArrayList<>(abandoned);
                ids.addAll(due);
                int sentNow = 0;
                int failedNow = 0;
                for (Long id : ids) {
                    var claimed = outbox.claim(id);
                    if (claimed.isEmpty()) {
                        continue;
                    }
                    try {
                        smtp.send(claimed.get());
                        outbox.sent(id);
                        delivery.recovered("Mail delivery");
                        sentNow++;
                    } catch (Exception e) {
                        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                        delivery.failed("Mail delivery", "email " + claimed.get().messageId() + ": " + error, e);
                        outbox.failed(id, error);
                        failedNow++;
                    }
                }
                sent += sentNow;
                if (due.size() < BATCH || (sentNow == 0 && failedNow > 0) || System.nanoTime() >= until) {
                    return sent;
                }
                abandoned = List.of();
                due = outbox.due(BATCH);
            }
        }
    }

    static Duration interval() {
        try {
            Duration d = Duration.parse(System.getProperty(INTERVAL_PROPERTY, "PT15S"));
            return d.isNegative() || d.isZero() ? Duration.ofSeconds(15) : d;
        } catch (RuntimeException e) {
            return Duration.ofSeconds(15);
        }
    }
}
