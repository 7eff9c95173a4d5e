package org.district.socialmedia.oversight.control;

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

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The Board report timer: a persistent EJB interval timer (SWEEP_INTERVAL, as the other timers) that only
 * triggers the work; the database says whether a month's report is due and not yet queued, and which days the
 * requests report has not rolled up yet.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BoardReportSweep extends SweepTimer {

    static final String TIMER_NAME = "board-report-sweep";

    @Inject
    BoardReportWorker worker;
    @Inject
    RequestRollups rollups;
    @Inject
    TakedownRollups takedownRollups;

    public BoardReportSweep() {
        super("Board report sweep", TIMER_NAME, SweepStatus.BOARD_REPORT, 2500);
    }

    /**
     * One pass: queue last month's report when it is due (at most one a pass), then roll up the requests and takedowns
     * reports' days that are over (a month's worth at most, each day in its own transaction, oldest first: a day that fails
     * ends the roll-ups of the pass, and the next pass tries it again).
     */
    @Override
    protected void pass(Sweep.Pass pass) {
        YearMonth due = worker.dueMonth();
        if (due != null) {
            // a failure: another server queued the month first (its key); the next pass finds it done
            pass.attempt("board report " + due, () -> worker.send(due));
        }
        rollUp(pass, "request roll-up", rollups::dropUnfinished, rollups::dueDays, rollups::rollUp);
        rollUp(pass, "takedown roll-up", takedownRollups::dropUnfinished, takedownRollups::dueDays, takedownRollups::rollUp);
    }

    private static void rollUp(Sweep.Pass pass, String what, IntSupplier dropUnfinished, Supplier<List<LocalDate>> dueDays,
                               ToIntFunction<LocalDate> rollUp) {
        pass.attempt(what + "s of days not over", dropUnfinished);
        List<LocalDate> days = new ArrayList<>();
        pass.attempt(what + "s due", () -> {
            days.addAll(dueDays.get());
            return 0;
        });
        for (LocalDate day : days) {
            // a failure: another server rolled the day up first (its key); the next pass goes on after it
            if (pass.attempt(what + " of " + day, () -> rollUp.applyAsInt(day)) < 0) {
                break;
            }
        }
    }
}
