package org.district.socialmedia.requests.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
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
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.control.Sweep;
import org.district.socialmedia.platform.control.SweepRecorder;
import org.district.socialmedia.platform.entity.SchemaReady;
import org.district.socialmedia.platform.entity.SweepStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The deadline timer: a persistent EJB interval timer (SWEEP_INTERVAL, default one minute) that
 * only triggers the work; the database says what is due. At start it keeps one timer with the
 * configured interval, so a restart neither loses nor doubles it; a sweep missed while the server
 * was down is caught up by the first run (one message per request, for the latest stage reached).
 * It also drives authorization terms (renewal reminder, end): the same clock, the same exactly-once stages.
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
    AuthorizationTermWorker terms;
    @Inject
    DistrictTime districtTime;
    @Inject
    SweepRecorder recorder;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    private final Sweep loop = new Sweep("Deadline escalation sweep", TIMER_NAME, SweepStatus.ESCALATION, LOG);

    @PostConstruct
    void schedule() {
        if (readiness.isReady()) {
            loop.schedule(timers, districtTime, 1000);
        }
    }

    /** The database was down at deployment and is back (after the demo data). */
    public void scheduleWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) SchemaReady ready) {
        loop.schedule(timers, districtTime, 1000);
    }

    @Timeout
    void onTimer(Timer timer) {
        // a timer kept from before: nothing to do while the schema is not ready
        if (readiness.isReady()) {
            sweep();
        }
    }

    /** One pass over what is due; returns how many stages fired. Never two passes at once on one server. */
    public int sweep() {
        return loop.run(clock, recorder, pass -> {
            for (Long id : worker.due(BATCH)) {
                // a failure: another sweep recorded the same stage first (unique key), or this request failed; the next run retries
                pass.attempt("request " + id, () -> worker.escalate(id) != null ? 1 : 0);
            }
            for (Long id : terms.due(BATCH)) {
                pass.attempt("authorization " + id, () -> terms.advance(id) != null ? 1 : 0);
            }
        });
    }

    public Instant nextRun() {
        return loop.nextRun(timers);
    }
}
