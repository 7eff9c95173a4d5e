package org.district.socialmedia.consent.control;

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
 * The consent timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the other timers) that only
 * triggers the work; the database says what is due (forms past their period, takedown reminders).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsentSweep extends SweepTimer {

    static final String TIMER_NAME = "consent-sweep";

    @Inject
    ConsentWorker worker;

    public ConsentSweep() {
        super("Consent sweep", TIMER_NAME, SweepStatus.CONSENT, 2000);
    }

    /**
     * One pass: expire forms whose period ended, remind operators of open takedowns, count the coverage of the
     * schools that have no clean count for the District's day (all of them on a new day, the changed ones after).
     */
    @Override
    protected void pass(Sweep.Pass pass) {
        for (int batch = 0; batch < 50; batch++) {
            // a failure: another server expired the same forms first (their versions moved); the next pass goes on
            if (pass.attempt("expiry", worker::expireBatch) < ConsentWorker.BATCH) {
                break;
            }
        }
        for (Long id : worker.dueReminders()) {
            pass.attempt("takedown task " + id, () -> worker.remind(id) ? 1 : 0);
        }
        for (Long unitId : worker.coverageDue()) {
            pass.attempt("consent coverage of unit " + unitId, () -> worker.countCoverage(unitId));
        }
    }
}
