package org.district.socialmedia.oversight.control;

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
import java.time.YearMonth;
import java.util.logging.Logger;

/**
 * The Board report timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the other timers) that only
 * triggers the work; the database says whether a month's report is due and not yet queued.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BoardReportSweep {

    static final String TIMER_NAME = "board-report-sweep";
    private static final Logger LOG = Logger.getLogger(BoardReportSweep.class.getName());

    @Resource
    TimerService timers;
    @Inject
    BoardReportWorker worker;
    @Inject
    DistrictTime districtTime;
    @Inject
    SweepRecorder recorder;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    private final Sweep loop = new Sweep("Board report sweep", TIMER_NAME, SweepStatus.BOARD_REPORT, LOG);

    @PostConstruct
    void schedule() {
        if (readiness.isReady()) {
            loop.schedule(timers, districtTime, 2500);
        }
    }

    /** The database was down at deployment and is back (after the demo data). */
    public void scheduleWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) SchemaReady ready) {
        loop.schedule(timers, districtTime, 2500);
    }

    @Timeout
    void onTimer(Timer timer) {
        if (readiness.isReady()) {
            sweep();
        }
    }

    /** One pass: queue last month's report when it is due. Returns how many reports were queued (0 or 1). */
    public int sweep() {
        return loop.run(clock, recorder, pass -> {
            YearMonth due = worker.dueMonth();
            if (due != null) {
                // a failure: another server queued the month first (its key); the next pass finds it done
                pass.attempt("board report " + due, () -> worker.send(due));
            }
        });
    }

    public Instant nextRun() {
        return loop.nextRun(timers);
    }
}
