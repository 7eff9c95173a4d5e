package org.district.socialmedia.students.control;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.NoSuchJobExecutionException;
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
import org.district.socialmedia.students.entity.ImportStatus;

import java.util.logging.Logger;

/**
 * Resumes roster imports cut off by a crash: a run PREVIEWING or RUNNING whose claim's heartbeat is older than
 * {@link ImportRunClaims#STALE} runs on no server. One server claims it (a conditional update: two servers never
 * both resume it) and restarts its job from the last checkpoint (the JDBC job repository keeps it). A job that
 * cannot be restarted (its execution is finished or unknown, e.g. with the in-memory repository) is replaced: a
 * RUNNING run's write starts again, planned anew against what is written by now, which writes the rest and
 * nothing twice; a PREVIEWING run is previewed again.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RosterResumeSweep extends SweepTimer {

    static final String TIMER_NAME = "roster-resume-sweep";
    static final int PASS_MAX = 20;
    private static final Logger LOG = Logger.getLogger(RosterResumeSweep.class.getName());

    @Inject
    ImportRunClaims claims;
    @Inject
    ImportRuns runs;
    @Inject
    RosterJobs jobs;
    @Inject
    RosterJobHeartbeat heartbeat;

    public RosterResumeSweep() {
        super("Roster import resume sweep", TIMER_NAME, SweepStatus.ROSTER_RESUME, 3500);
    }

    @Override
    protected void pass(Sweep.Pass pass) {
        for (Long runId : claims.orphaned(PASS_MAX)) {
            pass.attempt("resume import run " + runId, () -> resume(runId));
        }
    }

    /** @return 1 when this server took the run over, 0 when another server was first */
    int resume(Long runId) {
        // its job runs here and only the heartbeat lagged (the database was away): the next beat renews the claim
        if (heartbeat.holds(runId) || !claims.claim(runId, heartbeat.server())) {
            return 0;
        }
        Long execution = claims.executionOf(runId);
        try {
            long restarted = jobs.resume(runId, execution);
            LOG.info("Import run " + runId + ": its job (execution " + execution + ") ran on no server; restarted here"
                    + " from its last checkpoint as execution " + restarted);
        } catch (JobExecutionAlreadyCompleteException | NoSuchJobExecutionException e) {
            boolean writing = runs.find(runId).getStatus() == ImportStatus.RUNNING;
            long started = writing ? jobs.write(runId) : jobs.preview(runId, false);
            LOG.info("Import run " + runId + ": its job (execution " + execution + ") cannot be restarted ("
                    + e.getClass().getSimpleName() + "); " + (writing ? "its write" : "its preview") + " started again"
                    + " as execution " + started);
        }
        return 1;
    }
}
