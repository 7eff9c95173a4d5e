package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.Sweep;
import org.district.socialmedia.platform.control.SweepTimer;
import org.district.socialmedia.platform.entity.SweepStatus;

import java.util.List;

/**
 * The acknowledgement timer: a persistent interval timer (SWEEP_INTERVAL) that only triggers the work; the
 * database says what is due (campaigns to start, staff to enroll, obligations whose next look has come).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AckSweep extends SweepTimer {

    static final String TIMER_NAME = "acknowledgement-sweep";
    static final int BATCH = 500;
    /** Batches per pass: a campaign for the whole District is worked through in a few passes, not one per minute per batch. */
    static final int BATCHES = 20;

    @Inject
    AckWorker worker;

    public AckSweep() {
        super("Policy acknowledgement sweep", TIMER_NAME, SweepStatus.ACKNOWLEDGEMENTS, 1000);
    }

    /** One pass: campaigns due start, staff activated since are enrolled, and each due stage fires once. */
    @Override
    protected void pass(Sweep.Pass pass) {
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
    }
}
