package org.district.socialmedia.platform.control;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The two District settings that the lowest components need (audit's export and sealing timer, the sweeps):
 * the District's time zone and how often the timers run. The settings component provides it; declaring it
 * here lets those components read it without depending on settings, which itself audits every change.
 */
public interface DistrictTime {

    ZoneId timeZone();

    Duration sweepInterval();
}
