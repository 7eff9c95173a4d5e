package org.district.socialmedia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.entity.SweepLag;
import org.district.socialmedia.platform.entity.SweepStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The sweeps' part of health: a sweep that has not completed a pass within three intervals (SweepLag). */
// a CDI bean, not an EJB: health finds it among every DegradationCheck by its type
@ApplicationScoped
public class SweepHealth implements DegradationCheck {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictTime districtTime;

    @Override
    public List<String> reasons() {
        Instant now = clock.instant();
        return statuses().stream().map(s -> SweepLag.reason(s, districtTime.sweepInterval(), now))
                .flatMap(Optional::stream).toList();
    }

    /** Every sweep's row (three: one per sweep timer). */
    public List<SweepStatus> statuses() {
        return em.createQuery("SELECT s FROM SweepStatus s ORDER BY s.name", SweepStatus.class).getResultList();
    }
}
