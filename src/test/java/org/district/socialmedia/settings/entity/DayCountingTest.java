package org.district.socialmedia.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DayCountingTest {

    @ParameterizedTest
    @ValueSource(strings = {"calendar", "CALENDAR", "Calendar", "  calendar ", "\tcalendar\n"})
    void acceptsCalendarInAnyCaseAndWithBlanks(String setting) {
        assertEquals(DayCounting.CALENDAR, DayCounting.fromSetting(setting));
    }

    @ParameterizedTest
    @ValueSource(strings = {"school", "SCHOOL", "School", " school  "})
    void acceptsSchoolInAnyCaseAndWithBlanks(String setting) {
        assertEquals(DayCounting.SCHOOL, DayCounting.fromSetting(setting));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "weekdays", "business", "calendar days", "school-days", "cal", "0"})
    void refusesAnythingElseNamingTheAcceptedValues(String setting) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DayCounting.fromSetting(setting));
        assertTrue(e.getMessage().contains("'calendar'"), e.getMessage());
        assertTrue(e.getMessage().contains("'school'"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + setting + "'"), e.getMessage());
    }

    @Test
    void settingValueIsLowercase() {
        assertEquals("calendar", DayCounting.CALENDAR.settingValue());
        assertEquals("school", DayCounting.SCHOOL.settingValue());
    }

    @ParameterizedTest
    @EnumSource(DayCounting.class)
    void settingValueRoundTrips(DayCounting counting) {
        assertEquals(counting, DayCounting.fromSetting(counting.settingValue()));
    }

    @Test
    void doesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            // Turkish lowercases "I" to a dotless i, which breaks naive case handling.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals(DayCounting.SCHOOL, DayCounting.fromSetting("SCHOOL"));
            assertEquals("calendar", DayCounting.CALENDAR.settingValue());
        } finally {
            Locale.setDefault(saved);
        }
    }
}
