package org.district.socialmedia.accounts.control;

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
    DistrictTime districtTime;
    @Inject
    SweepRecorder recorder;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    private final Sweep loop = new Sweep("Account rights sweep", TIMER_NAME, SweepStatus.ACCOUNT_RIGHTS, LOG);

    @PostConstruct
    void schedule() {
        if (readiness.isReady()) {
            loop.schedule(timers, districtTime, 1500);
        }
    }

    /** The database was down at deployment and is back (after the demo data). */
    public void scheduleWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) SchemaReady ready) {
        loop.schedule(timers, districtTime, 1500);
    }

    @Timeout
    void onTimer(Timer timer) {
        // a timer kept from before: nothing to do while the schema is not ready
        if (readiness.isReady()) {
            sweep();
        }
    }

    /** One pass: open a term's review, move reviews on, end or announce the end of rights. Returns how many things happened. */
    public int sweep() {
        return loop.run(clock, recorder, pass -> {
            // a failure: another server opened it first (unique key), nothing to do
            pass.attempt("opening the term's review", () -> worker.openTermReviewIfDue() != null ? 1 : 0);
            for (Long id : worker.dueReviews()) {
                pass.attempt("review " + id, () -> {
                    // a closing review may need several slices: keep going while there is work
                    for (int slice = 0; slice < 100; slice++) {
                        String result = worker.processReview(id);
                        if (result == null) {
                            break;
                        }
                        pass.done(1);
                        if (!result.startsWith("FLAGGED_")) {
                            break;
                        }
                    }
                    return 0;
                });
            }
            for (Long id : worker.dueGrants(BATCH)) {
                pass.attempt("grant " + id, () -> worker.processGrant(id) != null ? 1 : 0);
            }
        });
    }

    public Instant nextRun() {
        return loop.nextRun(timers);
    }
}
