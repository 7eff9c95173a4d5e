package org.district.socialmedia.settings.entity;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/** Parents' consent links: how long a link works, and how many reminders a parent who has not answered gets. */
public record ConsentLinkSettings(Duration linkTtl, int reminders) implements Serializable {

    public static ConsentLinkSettings of(Map<SettingKey, String> values) {
        return new ConsentLinkSettings(Duration.parse(values.get(SettingKey.CONSENT_LINK_TTL)),
                Integer.parseInt(values.get(SettingKey.CONSENT_REMINDERS)));
    }
}
