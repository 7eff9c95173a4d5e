package org.district.socialmedia.settings.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.DistrictTime;

import java.time.Duration;
import java.time.ZoneId;

/** The District's time zone and timer interval as the settings say now (an override or the environment). */
@ApplicationScoped
public class SettingsDistrictTime implements DistrictTime {

    @Inject
    DistrictSettingsService settings;

    @Override
    public ZoneId timeZone() {
        return settings.current().timeZone();
    }

    @Override
    public Duration sweepInterval() {
        return settings.current().sweepInterval();
    }
}
