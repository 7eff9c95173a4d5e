package org.district.socialmedia.requests.control;

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
 * The deadline timer: a persistent EJB interval timer (SWEEP_INTERVAL, default one minute) that
 * only triggers the work; the database says what is due. At start it keeps one timer with the
 * configured interval, so a restart neither loses nor doubles it; a sweep missed while the server
 * was down is caught up by the first run (one message per request, for the latest stage reached).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscalationSweep {

    static final String TIMER_NAME = "escalation-sweep";
    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(EscalationSweep.class.getName());

    @Resource
    TimerService timers;
    @Inject
    EscalationWorker worker;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = settings.current().sweepInterval().toMillis();
        IntervalTimers.keepOne(timers, TIMER_NAME, interval, 1000);
        LOG.info("Deadline escalation sweep every " + Duration.ofMillis(interval));
    }

    @Timeout
    void onTimer(Timer timer) {
        sweep();
    }

    /** One pass over what is due; returns how many stages fired. Never two passes at once on one server. */
    public int sweep() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        Instant started = clock.instant();
        int fired = 0;
        int failures = 0;
        String lastError = null;
        try {
            List<Long> due = worker.due(BATCH);
            for (Long id : due) {
                try {
                    if (worker.escalate(id) != null) {
                        fired++;
                    }
                } catch (RuntimeException e) {
                    // another sweep recorded the same stage first (unique key), or this request failed: the next run retries
                    failures++;
                    lastError = "request " + id + ": " + Errors.rootMessage(e);
                    LOG.log(Level.FINE, "Escalation of request " + id + " not done now", e);
                }
            }
        } catch (RuntimeException e) {
            failures++;
            lastError = Errors.rootMessage(e);
            LOG.log(Level.WARNING, "Escalation sweep failed", e);
        } finally {
            try {
                worker.recordRun(started, fired, failures, lastError);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Sweep status not recorded", e);
            }
            running.set(false);
        }
        return fired;
    }

    public Instant nextRun() {
        return IntervalTimers.nextRun(timers, TIMER_NAME);
    }
}
