package org.district.socialmedia.students.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Properties;

/**
 * Starts the roster import's Jakarta Batch jobs (JBeret, {@code META-INF/batch-jobs/}): {@value #PREVIEW}
 * reads an uploaded run's files and stores its preview, then writes it at once when asked to and no safety
 * limit was passed; {@value #WRITE} writes a confirmed run. A job runs on the server that started it, which
 * claims the run ({@link ImportRunClaims}); the job repository is the database
 * (server-config/configure-batch-repository.cli), so a job cut off by a crash is restarted from its last
 * checkpoint by whichever server takes the run over ({@link #resume}).
 */
@ApplicationScoped
public class RosterJobs {

    public static final String PREVIEW = "roster-preview";
    public static final String WRITE = "roster-write";
    static final String RUN_ID = "runId";
    static final String WRITE_WHEN_CLEAR = "writeWhenClear";
    /**
     * JBeret's restart of an execution still STARTED in the repository (its server died): "detect" restarts it
     * unless it runs in this very server. That it runs nowhere else is the claim's business (its heartbeat).
     */
    static final String RESTART_MODE = "jberet.restart.mode";
    static final String RESTART_MODE_DETECT = "detect";
    static final String RESTART_MODE_FORCE = "force";

    @Inject
    ImportRunClaims claims;
    @Inject
    RosterJobHeartbeat heartbeat;

    /** @param writeWhenClear write the run after its preview unless it passed a limit */
    public long preview(Long runId, boolean writeWhenClear) {
        Properties parameters = parameters(runId);
        parameters.setProperty(WRITE_WHEN_CLEAR, Boolean.toString(writeWhenClear));
        return started(runId, operator().start(PREVIEW, parameters));
    }

    /** Writes a run that is RUNNING (confirmed). */
    public long write(Long runId) {
        return started(runId, operator().start(WRITE, parameters(runId)));
    }

    /**
     * Restarts the job of a run this server has just claimed, from its last checkpoint: the steps it completed are
     * not run again, the chunk step reads on from its checkpoint. The original job parameters hold.
     */
    public long resume(Long runId, long executionId) {
        try {
            return started(runId, operator().restart(executionId, restartMode(RESTART_MODE_DETECT)));
        } catch (JobRestartException e) {
            // JBeret could not tell the execution crashed; it runs nowhere (the caller holds the run's claim, and
            // this server does not run it): restart it all the same
            return started(runId, operator().restart(executionId, restartMode(RESTART_MODE_FORCE)));
        }
    }

    private static Properties restartMode(String mode) {
        Properties parameters = new Properties();
        parameters.setProperty(RESTART_MODE, mode);
        return parameters;
    }

    private long started(Long runId, long executionId) {
        claims.started(runId, executionId, heartbeat.server());
        return executionId;
    }

    private static Properties parameters(Long runId) {
        Properties parameters = new Properties();
        parameters.setProperty(RUN_ID, Long.toString(runId));
        return parameters;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
