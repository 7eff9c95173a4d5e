package org.district.socialmedia.settings.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.settings.entity.DayCounting;
import org.district.socialmedia.settings.entity.DistrictSettings;

/** The District settings for pages (name in the header, time zone for dates), read once per request. */
@Named
@RequestScoped
public class DistrictInfo {

    @Inject
    DistrictSettingsService service;

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a z", java.util.Locale.US);

    private DistrictSettings settings;

    public DistrictSettings getSettings() {
        if (settings == null) {
            settings = service.current();
        }
        return settings;
    }

    public String getName() {
        return getSettings().districtName();
    }

    /** An instant as people in the District read it: "Tue 8 Dec 2026, 11:59 PM PST". */
    public String shown(java.time.Instant instant) {
        return instant == null ? "" : instant.atZone(getSettings().timeZone()).format(SHOWN);
    }

    /** The review period as people say it: "7 calendar days", "5 school days", "5 minutes". */
    public String getReviewPeriodText() {
        var period = getSettings().reviewPeriod();
        if (period.isWholeDays()) {
            return period.days() + (getSettings().reviewDays() == DayCounting.SCHOOL
                    ? " school" : " calendar") + (period.days() == 1 ? " day" : " days");
        }
        java.time.Duration d = period.exact();
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toSeconds() + " seconds";
    }

    public String getEmailDomainList() {
        return String.join(", ", getSettings().emailDomains());
    }

    public String getTimeZone() {
        return getSettings().timeZone().getId();
    }
}
