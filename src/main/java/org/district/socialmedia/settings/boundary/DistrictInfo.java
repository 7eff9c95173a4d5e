package org.district.socialmedia.settings.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.settings.entity.DistrictSettings;

/** The District settings for pages (name in the header, time zone for dates), read once per request. */
@Named
@RequestScoped
public class DistrictInfo {

    @Inject
    DistrictSettingsService service;

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

    public String getEmailDomainList() {
        return String.join(", ", getSettings().emailDomains());
    }

    public String getTimeZone() {
        return getSettings().timeZone().getId();
    }
}
