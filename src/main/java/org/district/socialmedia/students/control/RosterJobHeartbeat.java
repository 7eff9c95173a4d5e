package org.district.socialmedia.students.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The roster jobs this server runs, and their heartbeat: every {@link #BEAT_SECONDS} s the runs' claims are
 * renewed, so that a long step between chunks (reading a large zip, planning the write) does not look like a
 * dead server to the others ({@link ImportRunClaims#STALE}). The set is this server's own: which server runs
 * which job is on the runs' rows, for every server to see.
 */
@ApplicationScoped
public class RosterJobHeartbeat {

    static final int BEAT_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(RosterJobHeartbeat.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    ImportRunClaims claims;

    /** This server while this deployment runs: a restarted server is another claimant, whose old claims are dead. */
    private final String server = System.getProperty("jboss.node.name", "server") + "/" + UUID.randomUUID();
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> beating;

    @PostConstruct
    void start() {
        beating = scheduler.scheduleWithFixedDelay(this::beat, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (beating != null) {
            beating.cancel(false);
        }
    }

    public String server() {
        return server;
    }

    public void hold(Long runId) {
        held.add(runId);
    }

    public boolean holds(Long runId) {
        return held.contains(runId);
    }

    public void release(Long runId) {
        held.remove(runId);
    }

    void beat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            claims.heartbeat(List.copyOf(held), server);
        } catch (RuntimeException e) {
            // the database is away: the next beat tries again, and the claim lives 30 s
            LOG.log(Level.FINE, "Roster job heartbeat not written", e);
        }
    }
}
