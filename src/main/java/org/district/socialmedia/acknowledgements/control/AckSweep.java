package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.DistrictTime;
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
    /** Obligations per transaction: one statement reads each of a chunk's tables, its writes are JDBC batches. */
    static final int CHUNK = 100;

    @Inject
    AckWorker worker;
    @Inject
    DistrictTime districtTime;

    public AckSweep() {
        super("Policy acknowledgement sweep", TIMER_NAME, SweepStatus.ACKNOWLEDGEMENTS, 1000);
    }

    /** One pass: campaigns due start, staff activated since are enrolled, and each due stage fires once. */
    @Override
    protected void pass(Sweep.Pass pass) {
        pass.attempt("campaigns", worker::startDueCampaigns);
        pass.attempt("new staff", worker::enrollNewStaff);
        // batch after batch while there is more, for up to one interval: a campaign's start makes the whole
        // District's notices due at once, and they go out in this pass, not 10,000 a minute
        long until = System.nanoTime() + districtTime.sweepInterval().toNanos();
        while (true) {
            List<AckWorker.Due> due = worker.due(BATCH);
            int worked = 0;
            for (int from = 0; from < due.size(); from += CHUNK) {
                List<AckWorker.Due> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
                if (pass.attempt("acknowledgements from " + chunk.get(0), () -> worker.lookAll(chunk)) >= 0) {
                    worked++;
                } else {
                    // the chunk rolled back (another server recorded a stage first, or one obligation failed): one by one
                    for (AckWorker.Due d : chunk) {
                        // a failure: another sweep recorded the same stage first (primary key), or this one failed; the next run retries
                        worked += pass.attempt("acknowledgement " + d, () -> worker.look(d) != null ? 1 : 0) >= 0 ? 1 : 0;
                    }
                }
            }
            // nothing worked: the same obligations would come back at once; the next pass retries them
            if (due.size() < BATCH || worked == 0 || System.nanoTime() >= until) {
                break;
            }
        }
    }
}
