package org.district.socialmedia.settings.entity;

import java.util.Locale;

/**
 * How whole-day review periods are counted: every calendar day, or only school days
 * (Monday to Friday, excluding the District's holidays).
 */
public enum DayCounting {
    CALENDAR,
    SCHOOL;

    /**
     * Reads the District setting value ("calendar" or "school").
     *
     * @throws IllegalArgumentException for anything else, so a typo in the settings
     *                                  is reported instead of silently falling back to a default
     */
    public static DayCounting fromSetting(String value) {
        if (value != null) {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            for (DayCounting counting : values()) {
                if (counting.settingValue().equals(normalized)) {
                    return counting;
                }
            }
        }
        throw new IllegalArgumentException(
                "Day counting must be 'calendar' or 'school': '" + value + "'");
    }

    /** The form stored in the District settings. */
    public String settingValue() {
        // Locale.ROOT: in a Turkish locale "I" would otherwise lowercase to a dotless i.
        return name().toLowerCase(Locale.ROOT);
    }
}
