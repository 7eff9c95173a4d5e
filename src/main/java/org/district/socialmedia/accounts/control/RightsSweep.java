package org.district.socialmedia.accounts.control;

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
 * The rights timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the deadline timer) that
 * only triggers the work; the database says what is due (grants, reviews and account checklists by their next check).
 * A run missed while the server was down is caught up by the next one.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RightsSweep extends SweepTimer {

    static final String TIMER_NAME = "account-rights-sweep";
    static final int BATCH = 200;

    @Inject
    RightsWorker worker;
    @Inject
    ChecklistWorker checklists;

    public RightsSweep() {
        super("Account rights sweep", TIMER_NAME, SweepStatus.ACCOUNT_RIGHTS, 1500);
    }

    /**
     * One pass: open a term's review, move reviews on, end or announce the end of rights, remind of account checklists,
     * count again the compliance figures of the units whose tally row no longer holds.
     */
    @Override
    protected void pass(Sweep.Pass pass) {
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
        for (Long id : checklists.dueAccounts(BATCH)) {
            pass.attempt("checklist of account " + id, () -> checklists.process(id) != null ? 1 : 0);
        }
        // after the rest of the pass, which may have marked some units stale
        for (Long unitId : worker.complianceDue(BATCH)) {
            pass.attempt("compliance figures of unit " + unitId, () -> {
                worker.prepareCompliance(unitId);
                return worker.storeCompliance(unitId) ? 1 : 0;
            });
        }
    }
}
