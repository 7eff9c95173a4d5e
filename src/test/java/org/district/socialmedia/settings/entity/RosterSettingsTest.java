package org.district.socialmedia.settings.entity;

import org.district.socialmedia.platform.entity.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterSettingsTest {

    @Test
    void defaultsAreIdentifierFivePercentTwoPercentAndEmployeeOnly() {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, key.canonical(key.builtInDefault()));
        }
        RosterSettings settings = RosterSettings.of(values);
        assertEquals("identifier", settings.idSource());
        assertEquals(0, new BigDecimal("5").compareTo(settings.deactivationLimitPercent()));
        assertEquals(0, new BigDecimal("2").compareTo(settings.rejectionLimitPercent()));
        assertEquals(Set.of(Role.EMPLOYEE), settings.rolesOf("teacher"));
    }

    @Test
    void valuesAreCheckedAndMadeCanonical() {
        assertEquals("sourcedId", SettingKey.ROSTER_STUDENT_ID_SOURCE.canonical("SOURCEDID"));
        assertEquals("Local", SettingKey.ROSTER_STUDENT_ID_SOURCE.canonical("Local"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.ROSTER_STUDENT_ID_SOURCE.canonical("{Local}"));
        assertEquals("2.5%", SettingKey.ROSTER_DEACTIVATION_LIMIT.canonical("2.50 %"));
        assertEquals("5%", SettingKey.ROSTER_REJECTION_LIMIT.canonical("5"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.ROSTER_REJECTION_LIMIT.canonical("150%"));
        assertEquals("administrator=CONSENT_CLERK+SITE_ADMIN",
                SettingKey.ROSTER_STAFF_ROLES.canonical("Administrator = site_admin+CONSENT_CLERK"));
        IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
                () -> SettingKey.ROSTER_STAFF_ROLES.canonical("administrator=SYSTEM_ADMIN"));
        assertTrue(never.getMessage().contains("never"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.ROSTER_STAFF_ROLES.canonical("janitor=EMPLOYEE"));
    }
}
