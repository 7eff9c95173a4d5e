package org.district.socialmedia.requests.control;

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
public class EscalationSweep extends SweepTimer {

    static final String TIMER_NAME = "escalation-sweep";
    static final int BATCH = 200;

    @Inject
    EscalationWorker worker;
    @Inject
    AuthorizationTermWorker terms;

    public EscalationSweep() {
        super("Deadline escalation sweep", TIMER_NAME, SweepStatus.ESCALATION, 1000);
    }

    /** One pass over what is due. */
    @Override
    protected void pass(Sweep.Pass pass) {
        for (Long id : worker.due(BATCH)) {
            // a failure: another sweep recorded the same stage first (unique key), or this request failed; the next run retries
            pass.attempt("request " + id, () -> worker.escalate(id) != null ? 1 : 0);
        }
        for (Long id : terms.due(BATCH)) {
            pass.attempt("authorization " + id, () -> terms.advance(id) != null ? 1 : 0);
        }
    }
}
