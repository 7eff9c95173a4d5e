package org.district.socialmedia.consent.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.Errors;
import org.district.socialmedia.platform.control.IntervalTimers;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The consent timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the other timers) that only
 * triggers the work; the database says what is due (forms past their period, takedown reminders).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsentSweep {

    static final String TIMER_NAME = "consent-sweep";
    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(ConsentSweep.class.getName());

    @Resource
    TimerService timers;
    @Inject
    ConsentWorker worker;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = settings.current().sweepInterval().toMillis();
        IntervalTimers.keepOne(timers, TIMER_NAME, interval, 2000);
        LOG.info("Consent sweep every " + Duration.ofMillis(interval));
    }

    @Timeout
    void onTimer(Timer timer) {
        sweep();
    }

    /** One pass: expire forms whose period ended, remind operators of open takedowns. Returns how many things happened. */
    public int sweep() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        Instant started = clock.instant();
        int done = 0;
        int failures = 0;
        String lastError = null;
        try {
            for (int batch = 0; batch < 50; batch++) {
                try {
                    int expired = worker.expireBatch();
                    done += expired;
                    if (expired < ConsentWorker.BATCH) {
                        break;
                    }
                } catch (RuntimeException e) {
                    // another server expired the same forms first (their versions moved): the next pass goes on
                    failures++;
                    lastError = "expiry: " + Errors.rootMessage(e);
                    LOG.log(Level.FINE, "Consent expiry not done now", e);
                    break;
                }
            }
            for (Long id : worker.dueReminders()) {
                try {
                    if (worker.remind(id)) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    failures++;
                    lastError = "takedown task " + id + ": " + Errors.rootMessage(e);
                    LOG.log(Level.FINE, "Takedown reminder " + id + " not sent now", e);
                }
            }
        } catch (RuntimeException e) {
            failures++;
            lastError = Errors.rootMessage(e);
            LOG.log(Level.WARNING, "Consent sweep failed", e);
        } finally {
            try {
                worker.recordRun(started, done, failures, lastError);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Sweep status not recorded", e);
            }
            running.set(false);
        }
        return done;
    }

    public Instant nextRun() {
        return IntervalTimers.nextRun(timers, TIMER_NAME);
    }
}
