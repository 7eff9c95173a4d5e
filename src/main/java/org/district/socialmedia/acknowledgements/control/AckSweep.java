package org.district.socialmedia.acknowledgements.control;

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
import java.util.List;
import java.util.logging.Logger;

/**
 * The acknowledgement timer: a persistent interval timer (SWEEP_INTERVAL) that only triggers the work; the
 * database says what is due (campaigns to start, staff to enroll, obligations whose next look has come).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AckSweep {

    static final String TIMER_NAME = "acknowledgement-sweep";
    static final int BATCH = 500;
    /** Batches per pass: a campaign for the whole District is worked through in a few passes, not one per minute per batch. */
    static final int BATCHES = 20;
    private static final Logger LOG = Logger.getLogger(AckSweep.class.getName());

    @Resource
    TimerService timers;
    @Inject
    AckWorker worker;
    @Inject
    DistrictTime districtTime;
    @Inject
    SweepRecorder recorder;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    private final Sweep loop = new Sweep("Policy acknowledgement sweep", TIMER_NAME, SweepStatus.ACKNOWLEDGEMENTS, LOG);

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
        if (readiness.isReady()) {
            sweep();
        }
    }

    /** One pass; returns how many campaigns started, staff enrolled late and stages fired. Never two at once on one server. */
    public int sweep() {
        return loop.run(clock, recorder, pass -> {
            pass.attempt("campaigns", worker::startDueCampaigns);
            pass.attempt("new staff", worker::enrollNewStaff);
            for (int batch = 0; batch < BATCHES; batch++) {
                List<AckWorker.Due> due = worker.due(BATCH);
                for (AckWorker.Due d : due) {
                    // a failure: another sweep recorded the same stage first (primary key), or this one failed; the next run retries
                    pass.attempt("acknowledgement " + d, () -> worker.look(d) != null ? 1 : 0);
                }
                if (due.size() < BATCH) {
                    break;
                }
            }
        });
    }

    public Instant nextRun() {
        return loop.nextRun(timers);
    }
}
