package org.district.socialmedia.operations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.control.SweepHealth;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.platform.entity.SweepLag;
import org.district.socialmedia.platform.entity.SweepStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The system administrator's home count of the timers: sweeps whose last pass failed on some item or that
 * have not completed a pass within three intervals (health's rule, SweepLag). Three rows read by key.
 */
@ApplicationScoped
public class HomeTimerCounts implements HomeCountSource {

    @Inject
    SweepHealth health;
    @Inject
    DistrictTime districtTime;
    @Inject
    Clock clock;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.SYSTEM_ADMIN)) {
            return List.of();
        }
        long attention = needingAttention(health.statuses(), districtTime.sweepInterval(), clock.instant());
        return List.of(HomeCount.of(Role.SYSTEM_ADMIN, "home.timers.attention", attention, "/admin/escalation.xhtml"));
    }

    /** A sweep needs attention when its last pass failed on some item or it lags (SweepLag). */
    static long needingAttention(List<SweepStatus> statuses, Duration interval, Instant now) {
        return statuses.stream().filter(s -> s.getLastFailures() > 0 || SweepLag.reason(s, interval, now).isPresent()).count();
    }
}
