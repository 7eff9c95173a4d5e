package org.district.socialmedia.settings.control;

import jakarta.enterprise.context.RequestScoped;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.util.function.Supplier;

/**
 * The District settings as this request first read them. A page asks for them several times (its
 * dates, the caller's day, a deadline), and each read is a query and a parse of every setting: 6% of
 * the grants page's time under load at district scale. Nothing outlives the request, so every server
 * of a cluster still sees a change on its next request; a change made in this request is seen at
 * once ({@link #forget()}).
 */
@RequestScoped
public class SettingsReadOnce {

    private DistrictSettings settings;

    public DistrictSettings get(Supplier<DistrictSettings> read) {
        if (settings == null) {
            settings = read.get();
        }
        return settings;
    }

    public void forget() {
        settings = null;
    }
}
