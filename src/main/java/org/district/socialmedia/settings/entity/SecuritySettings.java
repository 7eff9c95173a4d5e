package org.district.socialmedia.settings.entity;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Sign-in and session rules: how many failed sign-ins within what time lock a username, for how long,
 * and when an idle page session ends.
 */
public record SecuritySettings(int lockFailures, Duration lockWindow, Duration lockDuration, Duration sessionIdle)
        implements Serializable {

    public static final SecuritySettings DEFAULTS = new SecuritySettings(5, Duration.ofMinutes(15), Duration.ofMinutes(15),
            Duration.ofMinutes(30));

    static SecuritySettings of(Map<SettingKey, String> values) {
        return new SecuritySettings(Integer.parseInt(values.get(SettingKey.LOGIN_LOCK_FAILURES)),
                Duration.parse(values.get(SettingKey.LOGIN_LOCK_WINDOW)), Duration.parse(values.get(SettingKey.LOGIN_LOCK_DURATION)),
                Duration.parse(values.get(SettingKey.SESSION_IDLE_TIMEOUT)));
    }
}
