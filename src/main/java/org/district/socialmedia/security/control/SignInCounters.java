package org.district.socialmedia.security.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed sign-ins counted on this server since it started, for the metrics (smu_signin_failures_total):
 * a counter per server is what Prometheus expects (it sums the servers and survives restarts by rate()).
 */
@ApplicationScoped
public class SignInCounters {

    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong refusedWhileLocked = new AtomicLong();

    void countFailure() {
        failures.incrementAndGet();
    }

    void countRefusedWhileLocked() {
        refusedWhileLocked.incrementAndGet();
    }

    public long failures() {
        return failures.get();
    }

    public long refusedWhileLocked() {
        return refusedWhileLocked.get();
    }
}
