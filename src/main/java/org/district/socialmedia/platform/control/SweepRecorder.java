package org.district.socialmedia.platform.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.entity.SweepStatus;

import java.time.Clock;
import java.time.Instant;

/** Writes a sweep pass's figures to its {@link SweepStatus} row, in a transaction of its own. */
@Stateless
public class SweepRecorder {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String sweep, Instant started, int processed, int failures, String error) {
        SweepStatus status = em.find(SweepStatus.class, sweep);
        if (status != null) {
            status.record(started, clock.instant(), processed, failures, error);
        }
    }
}
