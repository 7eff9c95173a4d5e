package org.district.socialmedia.consent.control;

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
    private static final Logger LOG = Logger.getLogger(ConsentSweep.class.getName());

    @Resource
    TimerService timers;
    @Inject
    ConsentWorker worker;
    @Inject
    DistrictTime districtTime;
    @Inject
    SweepRecorder recorder;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    private final Sweep loop = new Sweep("Consent sweep", TIMER_NAME, SweepStatus.CONSENT, LOG);

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

    /** One pass: expire forms whose period ended, remind operators of open takedowns. Returns how many things happened. */
    public int sweep() {
        return loop.run(clock, recorder, pass -> {
            for (int batch = 0; batch < 50; batch++) {
                // a failure: another server expired the same forms first (their versions moved); the next pass goes on
                if (pass.attempt("expiry", worker::expireBatch) < ConsentWorker.BATCH) {
                    break;
                }
            }
            for (Long id : worker.dueReminders()) {
                pass.attempt("takedown task " + id, () -> worker.remind(id) ? 1 : 0);
            }
        });
    }

    public Instant nextRun() {
        return loop.nextRun(timers);
    }
}
