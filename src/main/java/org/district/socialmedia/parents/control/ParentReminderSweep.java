package org.district.socialmedia.parents.control;

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
 * The parents' reminder timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the other timers) that
 * only triggers the work; the database says which links are due a reminder (parent_link.next_reminder_at),
 * and each reminder is sent once (ParentReminderWorker). It also deletes the parent pages' ended rate limit
 * windows (ParentRateLimits).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ParentReminderSweep extends SweepTimer {

    static final String TIMER_NAME = "parent-reminder-sweep";

    @Inject
    ParentReminderWorker worker;
    @Inject
    ParentRateLimits limits;

    public ParentReminderSweep() {
        super("Parent reminder sweep", TIMER_NAME, SweepStatus.PARENT_REMINDERS, 2000);
    }

    /** One pass: remind the parents whose reminder is due, then drop the rate limits' ended windows. */
    @Override
    protected void pass(Sweep.Pass pass) {
        for (Long id : worker.due()) {
            pass.attempt("parent link " + id, () -> worker.remind(id) ? 1 : 0);
        }
        // housekeeping, not counted: the pass's count is the reminders sent
        pass.attempt("ended rate limit windows", () -> {
            limits.prune();
            return 0;
        });
    }
}
