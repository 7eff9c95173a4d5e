package org.district.socialmedia.settings.entity;

import org.district.socialmedia.platform.entity.Usernames;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Each District setting: the system property that server-config fills from the environment, the
 * built-in default, and the rule that turns typed text into its canonical value (or refuses it with
 * a message a system administrator can act on). The keys are a contract: extend, never rename.
 */
public enum SettingKey {

    DISTRICT_NAME("district.name", "DISTRICT_NAME", "Example Unified School District", "District name",
            "Shown on every page, letter and email.", SettingKey::name),
    EMAIL_DOMAINS("district.email-domains", "DISTRICT_EMAIL_DOMAINS", "district.example.org", "District email domains",
            "Comma-separated. Only addresses in these domains may be used on District-related accounts.",
            SettingKey::domains),
    TIME_ZONE("district.time-zone", "DISTRICT_TIME_ZONE", "America/Los_Angeles", "Time zone",
            "IANA time zone (e.g. America/Los_Angeles). Deadlines end at the end of a day in this zone.",
            SettingKey::zone),
    REVIEW_PERIOD("district.review-period", "REVIEW_PERIOD", "P7D", "Review period",
            "ISO-8601 duration the Superintendent has to answer a request: P7D is 7 days. Shorter periods such as PT5M are added exactly (demos).",
            SettingKey::period),
    REVIEW_DAYS("district.review-days", "REVIEW_DAYS", "calendar", "Count review days as",
            "calendar: every day counts; school: weekends and imported holidays are skipped.",
            SettingKey::counting),
    PUBLIC_BASE_URL("district.public-base-url", "PUBLIC_BASE_URL", "http://localhost:8080", "Public base URL",
            "The address staff use to reach this application; links in emails start with it.",
            SettingKey::baseUrl),
    REMINDERS_BEFORE("district.reminders-before", "REMINDERS_BEFORE", "P2D,P1D", "Reminders before the deadline",
            "Comma-separated ISO-8601 durations before the deadline when reviewers are reminded, e.g. P2D,P1D.",
            SettingKey::reminders),
    OVERDUE_REPEAT("district.overdue-repeat", "OVERDUE_REPEAT", "P1D", "Overdue reminder every",
            "While a request is overdue, the Superintendent and the escalation contact are reminded this often.",
            SettingKey::positiveDuration),
    ESCALATION_CONTACT("district.escalation-contact", "ESCALATION_CONTACT", "none", "Escalation contact",
            "Username of the staff member (e.g. a Deputy Superintendent) told when a request is overdue, and the fallback when the Superintendent is the requester; none for nobody.",
            SettingKey::username),
    SWEEP_INTERVAL("district.sweep-interval", "SWEEP_INTERVAL", "PT1M", "Timers run every",
            "How often the deadline timer looks for requests to remind or escalate, the rights timer for rights ending and access reviews, and the consent timer for forms ending and takedown reminders (seconds work: PT10S). Takes effect at the next server start.",
            SettingKey::positiveDuration),
    SCHOOL_YEAR_END("district.school-year-end", "SCHOOL_YEAR_END", "06-30", "Last day of the school year",
            "Month and day (MM-DD). Administrative rights on District accounts end then unless the Superintendent gives another date.",
            SettingKey::monthDay),
    GRANT_NOTICE_BEFORE("district.grant-notice-before", "GRANT_NOTICE_BEFORE", "P14D", "Tell holders before rights end",
            "Whole days (ISO-8601, e.g. P14D) before administrative rights end when the holder and the Superintendent are told.",
            SettingKey::wholeDays),
    ACCESS_REVIEW_TERMS("district.access-review-terms", "ACCESS_REVIEW_TERMS", "09-01/09-30,02-01/02-28", "Access review terms",
            "Comma-separated MM-DD/MM-DD pairs: the day each term's review of administrative rights opens, and its deadline; none for no reviews.",
            RightsSettings::canonicalTerms),
    ACCESS_REVIEW_REMINDERS("district.access-review-reminders", "ACCESS_REVIEW_REMINDERS", "P7D,P1D", "Access review reminders",
            "Comma-separated ISO-8601 durations before an access review's deadline when the Superintendent and the designees who may grant rights are reminded.",
            SettingKey::reminders),
    ACCESS_REVIEW_LAPSE("district.access-review-lapse", "ACCESS_REVIEW_LAPSE", "false", "Unreviewed rights lapse",
            "true: rights not confirmed by an access review's deadline end then; false: they are only flagged.",
            SettingKey::bool),
    AUTHORIZATION_TERM("district.authorization-term", "AUTHORIZATION_TERM", AuthorizationTerm.SCHOOL_YEAR, "Authorizations last until",
            "school-year: the last day of the school year (SCHOOL_YEAR_END); --MM-DD: that day each year; YYYY-MM-DD: that date; or a period such as P1Y after the decision. The Superintendent may give another last day when deciding. Holders are reminded 30 days before the end.",
            AuthorizationTerm::canonical),
    TAKEDOWN_REMINDER_EVERY("district.takedown-reminder-every", "TAKEDOWN_REMINDER_EVERY", "P1D", "Takedown reminder every",
            "After a parent revokes consent, the operators of each account that posted about the student are reminded this often until they mark the takedown done.",
            SettingKey::positiveDuration),
    CONSENT_LINK_TTL("district.consent-link-ttl", "CONSENT_LINK_TTL", "P14D", "Parents' consent links work for",
            "ISO-8601 duration a parent's personal consent link works (to sign, view and revoke) after it is sent; a parent can ask for a new one.",
            SettingKey::positiveDuration),
    CONSENT_REMINDERS("district.consent-reminders", "CONSENT_REMINDERS", "2", "Reminders to parents",
            "How many times a parent who has not answered a consent request is reminded, spread evenly over the link's life (0: never).",
            SettingKey::reminderCount),
    LOGIN_LOCK_FAILURES("district.login-lock-failures", "LOGIN_LOCK_FAILURES", "5", "Failed sign-ins before a lock",
            "After this many failed sign-ins for one username within LOGIN_LOCK_WINDOW, that username is locked for LOGIN_LOCK_DURATION, the right password included (form and API alike); 0 never locks.",
            SettingKey::count),
    LOGIN_LOCK_WINDOW("district.login-lock-window", "LOGIN_LOCK_WINDOW", "PT15M", "Failed sign-ins counted over",
            "ISO-8601 duration: the failures that lock a username must fall within this time.",
            SettingKey::positiveDuration),
    LOGIN_LOCK_DURATION("district.login-lock-duration", "LOGIN_LOCK_DURATION", "PT15M", "Lock lasts",
            "ISO-8601 duration a locked username stays locked after its last counted failure.",
            SettingKey::positiveDuration),
    SESSION_IDLE_TIMEOUT("district.session-idle-timeout", "SESSION_IDLE_TIMEOUT", "PT30M", "Sessions end after idle",
            "ISO-8601 duration: a signed-in page session without a request for this long ends (sign-ins from now on).",
            SettingKey::positiveDuration),
    ACK_PERIOD("district.ack-period", "ACK_PERIOD", "P14D", "Acknowledgement period",
            "ISO-8601 duration each staff member has to acknowledge a policy version once a campaign reaches them (a new hire: from activation).",
            SettingKey::positiveDuration),
    ACK_REMINDERS("district.ack-reminders", "ACK_REMINDERS", "P7D,P2D", "Acknowledgement reminders",
            "Comma-separated ISO-8601 durations before the end of the acknowledgement period when a staff member who has not acknowledged is reminded.",
            SettingKey::reminders),
    ATTESTATION_REMINDERS("district.attestation-reminders", "ATTESTATION_REMINDERS", "P30D,P7D", "Account checklist reminders",
            "Comma-separated ISO-8601 durations before an account's yearly checklist is due when its operators and District administrators are reminded.",
            SettingKey::reminders),
    BOARD_REPORT_RECIPIENTS("district.board-report-recipients", "BOARD_REPORT_RECIPIENTS", "none", "Board report recipients",
            "Comma-separated email addresses that receive the monthly Board report (PDF) on the first school day of each month; none for nobody.",
            SettingKey::emails),
    ROSTER_STUDENT_ID_SOURCE("district.roster-student-id-source", "ROSTER_STUDENT_ID_SOURCE", "identifier",
            "Roster: student id from",
            "Where a OneRoster import finds the District student id: identifier (the default), sourcedId, or a userIds type such as Local or FED. The import preview shows which one fills the most rows.",
            RosterSettings::canonicalIdSource),
    ROSTER_DEACTIVATION_LIMIT("district.roster-deactivation-limit", "ROSTER_DEACTIVATION_LIMIT", "5%",
            "Roster: deactivation limit",
            "A bulk roster import that would deactivate more than this share of the active students, guardians or staff stops before writing and waits for a system administrator's confirmation (e.g. 5%).",
            RosterSettings::canonicalPercent),
    ROSTER_REJECTION_LIMIT("district.roster-rejection-limit", "ROSTER_REJECTION_LIMIT", "2%",
            "Roster: rejection limit",
            "A bulk roster import whose rejected rows are more than this share of its rows stops before writing and waits for a system administrator's confirmation (e.g. 2%).",
            RosterSettings::canonicalPercent),
    ROSTER_STAFF_ROLES("district.roster-staff-roles", "ROSTER_STAFF_ROLES", "none",
            "Roster: staff roles",
            "Roles given to staff imported from the roster besides EMPLOYEE, per OneRoster role, e.g. administrator=SITE_ADMIN; aide=EMPLOYEE (roster roles: teacher, administrator, aide); none for EMPLOYEE only.",
            RosterSettings::canonicalStaffRoles);

    public static final int VALUE_MAX = 1000;
    public static final int NAME_MAX = 200;
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private final String property;
    private final String environmentVariable;
    private final String builtInDefault;
    private final String label;
    private final String help;
    private final UnaryOperator<String> canonical;

    SettingKey(String property, String environmentVariable, String builtInDefault, String label, String help,
               UnaryOperator<String> canonical) {
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.builtInDefault = builtInDefault;
        this.label = label;
        this.help = help;
        this.canonical = canonical;
    }

    /** The canonical form of a typed value; IllegalArgumentException with a readable message if invalid. */
    public String canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(label + " is required");
        }
        if (raw.length() > VALUE_MAX) {
            throw new IllegalArgumentException(label + " has at most " + VALUE_MAX + " characters");
        }
        return canonical.apply(raw.strip());
    }

    public String property() {
        return property;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String builtInDefault() {
        return builtInDefault;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    private static String name(String value) {
        if (value.length() > NAME_MAX) {
            throw new IllegalArgumentException("District name has at most " + NAME_MAX + " characters");
        }
        return value;
    }

    private static String domains(String value) {
        Set<String> domains = new LinkedHashSet<>();
        for (String part : value.split("[,\\s]+")) {
            String domain = part.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.isEmpty()) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a domain name (example: district.example.org)");
            }
            domains.add(domain);
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("Enter at least one District email domain");
        }
        return String.join(",", domains);
    }

    private static String zone(String value) {
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time zone; use an IANA name such as America/Los_Angeles");
        }
    }

    private static String period(String value) {
        return ReviewPeriod.parse(value).toString();
    }

    private static String counting(String value) {
        return DayCounting.fromSetting(value).settingValue();
    }

    private static String reminders(String value) {
        return EscalationPlan.format(
                EscalationPlan.parseReminders(value));
    }

    private static String positiveDuration(String value) {
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 duration such as P1D, PT1M or PT10S");
        }
        if (d.toSeconds() < 1) {
            throw new IllegalArgumentException("The duration must be at least one second: '" + value + "'");
        }
        return EscalationPlan.iso(d);
    }

    private static String monthDay(String value) {
        return RightsSettings.parseMonthDay(value).toString().substring(2);
    }

    private static String count(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 1000) {
                return String.valueOf(n);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("Give a whole number from 0 to 1000, not '" + value + "'");
    }

    private static String reminderCount(String value) {
        String n = count(value);
        if (Integer.parseInt(n) > 10) {
            throw new IllegalArgumentException("Give a whole number from 0 to 10, not '" + value + "'");
        }
        return n;
    }

    private static String wholeDays(String value) {
        java.time.Period p;
        try {
            p = java.time.Period.parse(value.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number of days such as P14D");
        }
        if (p.getYears() != 0 || p.getMonths() != 0 || p.getDays() < 0 || p.getDays() > 366) {
            throw new IllegalArgumentException("Give whole days between P0D and P366D, not '" + value + "'");
        }
        return "P" + p.getDays() + "D";
    }

    private static String bool(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v;
        }
        throw new IllegalArgumentException("'" + value + "' is neither true nor false");
    }

    private static String emails(String value) {
        if (value.equalsIgnoreCase("none")) {
            return "none";
        }
        Set<String> emails = new LinkedHashSet<>();
        for (String part : value.split("[,;\\s]+")) {
            String email = part.strip().toLowerCase(Locale.ROOT);
            if (email.isEmpty()) {
                continue;
            }
            int at = email.lastIndexOf('@');
            if (at <= 0 || !DOMAIN.matcher(email.substring(at + 1)).matches() || !email.substring(0, at).matches("[a-z0-9._%+'-]+")) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not an email address (example: board@district.example.org)");
            }
            emails.add(email);
        }
        return emails.isEmpty() ? "none" : String.join(",", emails);
    }

    private static String username(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.matches(Usernames.PATTERN)) {
            return v;
        }
        throw new IllegalArgumentException("'" + value + "' is not a username (or none)");
    }

    private static String baseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("bad");
            }
            String text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (Exception e) {
            throw new IllegalArgumentException("'" + value + "' is not an http(s) address such as https://socialmedia.district.example.org");
        }
    }

    public static SettingKey ofProperty(String property) {
        return Arrays.stream(values()).filter(k -> k.property.equals(property)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown setting " + property));
    }

    /** The key's name in the API and on the settings page: REVIEW_DAYS is reviewDays. */
    public String fieldName() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
