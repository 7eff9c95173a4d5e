package org.district.socialmedia.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.district.socialmedia.platform.entity.SchemaReady;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The timer half of every sweep bean (deadline escalation, account rights, consent, parents' reminders, policy
 * acknowledgements): one persistent interval timer kept at start, or once the database is back when it was down
 * at deployment, that only triggers a pass; the subclass, a {@code @Singleton @Startup} bean, says what a pass
 * does. Its methods run outside a transaction (each item of a pass opens its own), so a failure rolls back one
 * item, not the pass.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class SweepTimer {

    @Resource
    TimerService timers;
    @Inject
    DistrictTime districtTime;
    @Inject
    SweepRecorder recorder;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    /** Longer than any test server's pass; a pass still running then is stuck, and the caller is told so. */
    private static final Duration SWEEP_NOW_WAIT = Duration.ofMinutes(2);

    private final Sweep loop;
    private final long firstDelayMillis;

    /**
     * @param firstDelayMillis after deployment; the sweeps start apart so that their first passes do not meet
     */
    protected SweepTimer(String title, String timerName, String statusName, long firstDelayMillis) {
        this.loop = new Sweep(title, timerName, statusName, Logger.getLogger(getClass().getName()));
        this.firstDelayMillis = firstDelayMillis;
    }

    @PostConstruct
    void schedule() {
        if (readiness.isReady()) {
            loop.schedule(timers, districtTime, firstDelayMillis);
        }
    }

    /** The database was down at deployment and is back (after the demo data). */
    public void scheduleWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) SchemaReady ready) {
        loop.schedule(timers, districtTime, firstDelayMillis);
    }

    @Timeout
    protected void onTimer(Timer timer) {
        // a timer kept from before: nothing to do while the schema is not ready
        if (readiness.isReady()) {
            sweep();
        }
    }

    /** One pass over what is due, never two at once on one server; returns how many things happened. */
    public int sweep() {
        return loop.run(clock, recorder, this::pass);
    }

    /**
     * One pass that starts after this call, a pass in progress on this server waited for first: the test server's
     * "run the timer now" ({@link Sweep#runAfterCurrent}).
     */
    public int sweepNow() {
        return loop.runAfterCurrent(clock, recorder, this::pass, SWEEP_NOW_WAIT);
    }

    /** When this sweep runs next, or null when it has no timer. */
    public Instant nextRun() {
        return loop.nextRun(timers);
    }

    /** What one pass does: each item through {@link Sweep.Pass#attempt}, so that one failure does not stop the rest. */
    protected abstract void pass(Sweep.Pass pass);
}
