package org.district.socialmedia.students.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Both roster jobs: while one runs on this server, its run's claim is renewed here ({@link RosterJobHeartbeat}). */
@Named("rosterJobListener")
@Dependent
public class RosterJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String runId;
    @Inject
    RosterJobHeartbeat heartbeat;

    @Override
    public void beforeJob() {
        heartbeat.hold(Long.valueOf(runId));
    }

    @Override
    public void afterJob() {
        heartbeat.release(Long.valueOf(runId));
    }
}
