package org.district.socialmedia.parents.control;

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
 * The parents' reminder timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the other timers) that
 * only triggers the work; the database says which links are due a reminder (parent_link.next_reminder_at),
 * and each reminder is sent once (ParentReminderWorker).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ParentReminderSweep {

    static final String TIMER_NAME = "parent-reminder-sweep";
    private static final Logger LOG = Logger.getLogger(ParentReminderSweep.class.getName());

    @Resource
    TimerService timers;
    @Inject
    ParentReminderWorker worker;
    @Inject
    DistrictTime districtTime;
    @Inject
    SweepRecorder recorder;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    private final Sweep loop = new Sweep("Parent reminder sweep", TIMER_NAME, SweepStatus.PARENT_REMINDERS, LOG);

    @PostConstruct
    void schedule() {
        if (readiness.isReady()) {
            loop.schedule(timers, districtTime, 2000);
        }
    }

    /** The database was down at deployment and is back (after the demo data). */
    public void scheduleWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) SchemaReady ready) {
        loop.schedule(timers, districtTime, 2000);
    }

    @Timeout
    void onTimer(Timer timer) {
        // a timer kept from before: nothing to do while the schema is not ready
        if (readiness.isReady()) {
            sweep();
        }
    }

    /** One pass: remind the parents whose reminder is due. Returns how many were reminded. */
    public int sweep() {
        return loop.run(clock, recorder, pass -> {
            for (Long id : worker.due()) {
                pass.attempt("parent link " + id, () -> worker.remind(id) ? 1 : 0);
            }
        });
    }

    public Instant nextRun() {
        return loop.nextRun(timers);
    }
}
