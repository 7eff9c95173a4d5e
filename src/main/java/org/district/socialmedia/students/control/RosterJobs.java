package org.district.socialmedia.students.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Properties;

/**
 * Starts the roster import's Jakarta Batch jobs (JBeret, {@code META-INF/batch-jobs/}): {@value #PREVIEW}
 * reads an uploaded run's files and stores its preview, then writes it at once when asked to and no safety
 * limit was passed; {@value #WRITE} writes a confirmed run. The job runs as whoever started it (the batch
 * subsystem's security domain), on the server that started it.
 */
@ApplicationScoped
public class RosterJobs {

    public static final String PREVIEW = "roster-preview";
    public static final String WRITE = "roster-write";
    static final String RUN_ID = "runId";
    static final String WRITE_WHEN_CLEAR = "writeWhenClear";

    /** @param writeWhenClear write the run after its preview unless it passed a limit */
    public long preview(Long runId, boolean writeWhenClear) {
        Properties parameters = parameters(runId);
        parameters.setProperty(WRITE_WHEN_CLEAR, Boolean.toString(writeWhenClear));
        return operator().start(PREVIEW, parameters);
    }

    /** Writes a run that is RUNNING (confirmed). */
    public long write(Long runId) {
        return operator().start(WRITE, parameters(runId));
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
