package org.district.socialmedia.settings.entity;


import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The District settings in force, parsed and checked together. Immutable. */
public record DistrictSettings(String districtName, List<String> emailDomains, ZoneId timeZone,
                               ReviewPeriod reviewPeriod, DayCounting reviewDays, String publicBaseUrl,
                               String remindersBefore, java.time.Duration overdueRepeat, String escalationContact,
                               java.time.Duration sweepInterval, RightsSettings rights,
                               java.time.Duration takedownReminder, SecuritySettings security)
        implements Serializable {

    public DistrictSettings {
        if (reviewDays == DayCounting.SCHOOL && !reviewPeriod.isWholeDays()) {
            throw new IllegalArgumentException("School days can only be counted for a review period of whole days (such as P7D), not "
                    + reviewPeriod);
        }
        emailDomains = List.copyOf(emailDomains);
        java.util.Objects.requireNonNull(rights, "rights");
        java.util.Objects.requireNonNull(security, "security");
    }

    /** From canonical values, as {@link SettingKey#canonical} produces them. */
    public static DistrictSettings of(Map<SettingKey, String> values) {
        return new DistrictSettings(
                values.get(SettingKey.DISTRICT_NAME),
                Arrays.asList(values.get(SettingKey.EMAIL_DOMAINS).split(",")),
                ZoneId.of(values.get(SettingKey.TIME_ZONE)),
                ReviewPeriod.parse(values.get(SettingKey.REVIEW_PERIOD)),
                DayCounting.fromSetting(values.get(SettingKey.REVIEW_DAYS)),
                values.get(SettingKey.PUBLIC_BASE_URL),
                values.get(SettingKey.REMINDERS_BEFORE),
                java.time.Duration.parse(values.get(SettingKey.OVERDUE_REPEAT)),
                "none".equals(values.get(SettingKey.ESCALATION_CONTACT)) ? null : values.get(SettingKey.ESCALATION_CONTACT),
                java.time.Duration.parse(values.get(SettingKey.SWEEP_INTERVAL)),
                RightsSettings.of(values),
                java.time.Duration.parse(values.get(SettingKey.TAKEDOWN_REMINDER_EVERY)),
                SecuritySettings.of(values));
    }

    /** The first day of a school year: the day after the last one (SCHOOL_YEAR_END). */
    public java.time.MonthDay schoolYearStart() {
        java.time.LocalDate next = rights.schoolYearEnd().atYear(2001).plusDays(1);
        return java.time.MonthDay.of(next.getMonth(), next.getDayOfMonth());
    }

    /** True when the address belongs to one of the District's domains (or their subdomains). */
    public boolean isDistrictEmail(String email) {
        if (email == null) {
            return false;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return false;
        }
        String domain = address.substring(at + 1);
        return emailDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }

    public DeadlineCalculator deadlineCalculator(Set<LocalDate> holidays) {
        return new DeadlineCalculator(timeZone, reviewDays, holidays);
    }

    /** The policy's rule, quoted when a personal address is refused. */
    public static final String SEPARATE_EMAIL_RULE = "Board policy, \"Separate District-Related and Personal E-Mail Accounts\": "
            + "\"Employees shall maintain separate District-related and personal email accounts. "
            + "Personal e-mail addresses should not be used on District-related sites.\"";

    public String personalEmailRefusal(String email) {
        return "'" + email + "' is not a District email address (District domains: " + String.join(", ", emailDomains)
                + "). " + SEPARATE_EMAIL_RULE;
    }
}
