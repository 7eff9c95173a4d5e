package org.district.socialmedia.accounts.control;

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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rights timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the deadline timer) that
 * only triggers the work; the database says what is due (grants and reviews by their next check).
 * A run missed while the server was down is caught up by the next one.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RightsSweep {

    static final String TIMER_NAME = "account-rights-sweep";
    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(RightsSweep.class.getName());

    @Resource
    TimerService timers;
    @Inject
    RightsWorker worker;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = settings.current().sweepInterval().toMillis();
        IntervalTimers.keepOne(timers, TIMER_NAME, interval, 1500);
        LOG.info("Account rights sweep every " + Duration.ofMillis(interval));
    }

    @Timeout
    void onTimer(Timer timer) {
        sweep();
    }

    /** One pass: open a term's review, move reviews on, end or announce the end of rights. Returns how many things happened. */
    public int sweep() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        Instant started = clock.instant();
        int done = 0;
        int failures = 0;
        String lastError = null;
        try {
            try {
                if (worker.openTermReviewIfDue() != null) {
                    done++;
                }
            } catch (RuntimeException e) {
                // another server opened it first (unique key): nothing to do
                failures++;
                lastError = "opening the term's review: " + Errors.rootMessage(e);
                LOG.log(Level.FINE, "Access review not opened now", e);
            }
            for (Long id : worker.dueReviews()) {
                try {
                    // a closing review may need several slices: keep going while there is work
                    for (int slice = 0; slice < 100; slice++) {
                        String result = worker.processReview(id);
                        if (result == null) {
                            break;
                        }
                        done++;
                        if (!result.startsWith("FLAGGED_")) {
                            break;
                        }
                    }
                } catch (RuntimeException e) {
                    failures++;
                    lastError = "review " + id + ": " + Errors.rootMessage(e);
                    LOG.log(Level.FINE, "Access review " + id + " not processed now", e);
                }
            }
            List<Long> due = worker.dueGrants(BATCH);
            for (Long id : due) {
                try {
                    if (worker.processGrant(id) != null) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    failures++;
                    lastError = "grant " + id + ": " + Errors.rootMessage(e);
                    LOG.log(Level.FINE, "Grant " + id + " not processed now", e);
                }
            }
        } catch (RuntimeException e) {
            failures++;
            lastError = Errors.rootMessage(e);
            LOG.log(Level.WARNING, "Account rights sweep failed", e);
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
