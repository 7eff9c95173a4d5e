package org.district.socialmedia.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.control.IntervalTimers;
import org.district.socialmedia.platform.entity.SchemaReady;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit chain's timer (SWEEP_INTERVAL, as the other timers): it only triggers the sealing; what is
 * due is the queue in the database, and sealing the same queue twice is impossible (AuditChain locks).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealer {

    static final String TIMER_NAME = "audit-seal";
    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

    @Resource
    TimerService timers;
    @Inject
    AuditChain chain;
    @Inject
    DistrictTime districtTime;
    @Inject
    DatabaseReadiness readiness;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void scheduleAtDeployment() {
        if (readiness.isReady()) {
            schedule();
        }
    }

    /** The database was down at deployment and is back. */
    public void scheduleWhenReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) SchemaReady ready) {
        schedule();
    }

    void schedule() {
        long interval = districtTime.sweepInterval().toMillis();
        IntervalTimers.keepOne(timers, TIMER_NAME, interval, 1000);
        LOG.info("Audit chain sealed every " + Duration.ofMillis(interval));
    }

    @Timeout
    void onTimer(Timer timer) {
        if (readiness.isReady()) {
            sealAll();
        }
    }

    /** Seals everything queued now; how many rows. Another server sealing at the same time waits on the lock, then finds less. */
    public int sealAll() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int sealed = 0;
        try {
            int batch;
            do {
                batch = chain.sealBatch();
                sealed += batch;
            } while (batch == AuditChain.SEAL_BATCH);
        } catch (RuntimeException e) {
            // e.g. the lock wait timed out behind another server's sealing: the next run goes on
            LOG.log(Level.FINE, "Audit sealing stopped for now", e);
        } finally {
            running.set(false);
        }
        return sealed;
    }
}
