package org.district.socialmedia.settings.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingKeyTest {

    @Test
    void builtInDefaultsAreValidAndCanonical() {
        for (SettingKey key : SettingKey.values()) {
            assertEquals(key.builtInDefault(), key.canonical(key.builtInDefault()), key.name());
        }
    }

    @Test
    void propertyNamesAndEnvironmentVariablesAreTheDocumentedOnes() {
        assertEquals("DISTRICT_NAME", SettingKey.DISTRICT_NAME.environmentVariable());
        assertEquals("DISTRICT_EMAIL_DOMAINS", SettingKey.EMAIL_DOMAINS.environmentVariable());
        assertEquals("DISTRICT_TIME_ZONE", SettingKey.TIME_ZONE.environmentVariable());
        assertEquals("REVIEW_PERIOD", SettingKey.REVIEW_PERIOD.environmentVariable());
        assertEquals("REVIEW_DAYS", SettingKey.REVIEW_DAYS.environmentVariable());
        assertEquals("PUBLIC_BASE_URL", SettingKey.PUBLIC_BASE_URL.environmentVariable());
        assertEquals(SettingKey.TIME_ZONE, SettingKey.ofProperty("district.time-zone"));
    }

    @Test
    void domainsAreLowercasedDeduplicatedAndStrippedOfAt() {
        assertEquals("district.example.org,staff.example.org",
                SettingKey.EMAIL_DOMAINS.canonical(" @District.Example.org, staff.example.org  district.example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail", "not a domain", "-bad.example.org", "example..org"})
    void badDomainsAreRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> SettingKey.EMAIL_DOMAINS.canonical(value));
    }

    @Test
    void timeZonesPeriodsCountingAndUrlsAreChecked() {
        assertEquals("Europe/Paris", SettingKey.TIME_ZONE.canonical("Europe/Paris"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.TIME_ZONE.canonical("Mars/Olympus"));
        assertEquals("P7D", SettingKey.REVIEW_PERIOD.canonical("P1W"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.REVIEW_PERIOD.canonical("P1M"));
        assertEquals("school", SettingKey.REVIEW_DAYS.canonical(" School "));
        assertEquals("https://portal.district.example.org", SettingKey.PUBLIC_BASE_URL.canonical("https://portal.district.example.org/"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.PUBLIC_BASE_URL.canonical("javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.PUBLIC_BASE_URL.canonical("ftp://x.example.org"));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.DISTRICT_NAME.canonical("  "));
        assertThrows(IllegalArgumentException.class, () -> SettingKey.DISTRICT_NAME.canonical("x".repeat(201)));
    }

    @Test
    void districtEmailsMatchTheDomainsAndTheirSubdomainsOnly() {
        DistrictSettings settings = DistrictSettings.of(defaults());
        assertTrue(settings.isDistrictEmail("coach@district.example.org"));
        assertTrue(settings.isDistrictEmail("Coach@LHS.District.Example.org"));
        assertFalse(settings.isDistrictEmail("coach@gmail.com"));
        assertFalse(settings.isDistrictEmail("coach@evil-district.example.org"));
        assertFalse(settings.isDistrictEmail("coach@district.example.org.evil.com"));
        assertFalse(settings.isDistrictEmail("district.example.org"));
        assertFalse(settings.isDistrictEmail(null));
        String refusal = settings.personalEmailRefusal("coach@gmail.com");
        assertTrue(refusal.contains("Personal e-mail addresses should not be used on District-related sites"), refusal);
    }

    @Test
    void schoolDaysNeedWholeDays() {
        Map<SettingKey, String> values = defaults();
        values.put(SettingKey.REVIEW_PERIOD, "PT5M");
        values.put(SettingKey.REVIEW_DAYS, "school");
        assertThrows(IllegalArgumentException.class, () -> DistrictSettings.of(values));
        values.put(SettingKey.REVIEW_DAYS, "calendar");
        assertEquals(DayCounting.CALENDAR, DistrictSettings.of(values).reviewDays());
    }

    private static Map<SettingKey, String> defaults() {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, key.builtInDefault());
        }
        return values;
    }

    @Test
    void boardReportRecipientsAreEmailAddressesOrNone() {
        assertEquals("BOARD_REPORT_RECIPIENTS", SettingKey.BOARD_REPORT_RECIPIENTS.environmentVariable());
        assertEquals("none", SettingKey.BOARD_REPORT_RECIPIENTS.canonical("None"));
        assertEquals("board@district.example.org,clerk.of.board@district.example.org",
                SettingKey.BOARD_REPORT_RECIPIENTS.canonical(" Board@District.example.org; clerk.of.board@district.example.org, "));
        assertThrows(IllegalArgumentException.class,
                () -> SettingKey.BOARD_REPORT_RECIPIENTS.canonical("board@, someone"));
    }
}
