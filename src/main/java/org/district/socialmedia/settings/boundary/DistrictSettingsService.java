package org.district.socialmedia.settings.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.control.FieldChanges;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.control.IcsHolidayParser;
import org.district.socialmedia.settings.control.SettingsReadOnce;
import org.district.socialmedia.settings.entity.ConsentLinkSettings;
import org.district.socialmedia.settings.entity.DayRange;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.district.socialmedia.settings.entity.Holiday;
import org.district.socialmedia.settings.entity.HolidayDate;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.settings.entity.SettingKey;
import org.district.socialmedia.settings.entity.SettingOverride;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one place District settings are read and changed. A value comes from, in order: an override
 * saved on the Settings page (audited), the system property server-config sets from the
 * environment, the built-in default. Nothing is kept beyond a request: every server of a cluster
 * reads the same rows.
 */
@Stateless
public class DistrictSettingsService {

    private static final Logger LOG = Logger.getLogger(DistrictSettingsService.class.getName());
    public static final int HOLIDAY_FILE_MAX_BYTES = 1_000_000;

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Principal caller;
    @Inject
    SettingsReadOnce readOnce;

    /** Where a setting's value comes from, for the Settings page. */
    public record SettingView(SettingKey key, String value, String environmentValue, String overriddenBy,
                              Instant overriddenAt) implements java.io.Serializable {
        public boolean isOverridden() {
            return overriddenBy != null;
        }
    }

    public record HolidayImport(int imported, List<String> warnings) implements java.io.Serializable {
    }

    @PermitAll
    public DistrictSettings current() {
        return readOnce.get(this::read);
    }

    /** The roster import's settings in force (read for each import, not cached). */
    @PermitAll
    public RosterSettings roster() {
        Map<SettingKey, String> values = environmentValues();
        overrides().forEach((key, override) -> values.put(key, override.getValue()));
        try {
            return RosterSettings.of(values);
        } catch (IllegalArgumentException e) {
            LOG.warning("Roster settings are not valid (" + e.getMessage() + "); using the environment's values");
            return RosterSettings.of(environmentValues());
        }
    }

    private DistrictSettings read() {
        Map<SettingKey, String> values = environmentValues();
        overrides().forEach((key, override) -> values.put(key, override.getValue()));
        try {
            return DistrictSettings.of(values);
        } catch (IllegalArgumentException e) {
            // an override valid alone but not with a later environment change: the environment wins
            LOG.warning("District settings do not fit together (" + e.getMessage() + "); using the environment's values");
            return DistrictSettings.of(environmentValues());
        }
    }

    /** Parents' consent links: how long they work (CONSENT_LINK_TTL) and how many reminders (CONSENT_REMINDERS). */
    @PermitAll
    public ConsentLinkSettings consentLinks() {
        Map<SettingKey, String> values = environmentValues();
        overrides().forEach((key, override) -> values.put(key, override.getValue()));
        return ConsentLinkSettings.of(values);
    }

    /** One setting's canonical value in force, for settings that belong to a component above (ACK_PERIOD...). */
    @PermitAll
    public String value(SettingKey key) {
        SettingOverride override = overrides().get(key);
        return override != null ? override.getValue() : environmentValues().get(key);
    }

    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public List<SettingView> view() {
        Map<SettingKey, String> environment = environmentValues();
        Map<SettingKey, SettingOverride> overrides = overrides();
        return java.util.Arrays.stream(SettingKey.values()).map(key -> {
            SettingOverride o = overrides.get(key);
            return new SettingView(key, o != null ? o.getValue() : environment.get(key), environment.get(key),
                    o == null ? null : o.getUpdatedBy(), o == null ? null : o.getUpdatedAt());
        }).toList();
    }

    /**
     * Saves the given values. Each is checked, then all together; any error refuses the whole change.
     * A value equal to the environment's removes the override, so the environment rules it again.
     */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public DistrictSettings update(Map<SettingKey, String> typed) {
        Map<SettingKey, String> environment = environmentValues();
        Map<SettingKey, SettingOverride> overrides = overrides();
        Map<SettingKey, String> next = new EnumMap<>(environment);
        overrides.forEach((k, o) -> next.put(k, o.getValue()));
        Map<String, String> errors = new LinkedHashMap<>();
        typed.forEach((key, raw) -> {
            try {
                next.put(key, key.canonical(raw));
            } catch (IllegalArgumentException e) {
                errors.put(key.fieldName(), e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DistrictSettings result;
        try {
            result = DistrictSettings.of(next);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(SettingKey.REVIEW_DAYS.fieldName(), e.getMessage());
        }
        Instant now = clock.instant();
        String by = caller.getName();
        for (SettingKey key : typed.keySet()) {
            SettingOverride existing = overrides.get(key);
            String before = existing != null ? existing.getValue() : environment.get(key);
            String after = next.get(key);
            if (after.equals(before)) {
                continue;
            }
            if (after.equals(environment.get(key))) {
                em.remove(existing);
            } else if (existing != null) {
                existing.change(after, by, now);
            } else {
                em.persist(new SettingOverride(key, after, by, now));
            }
            audit.record("SETTING_CHANGED", "DistrictSetting", key.property(),
                    FieldChanges.describe(Map.of(key.property(), new Object[]{before, after})));
        }
        // after every change: a read in between would keep half of them for the rest of the request
        readOnce.forget();
        return result;
    }

    /** The deadline a request submitted now would get, in the District's time zone. */
    @PermitAll
    public java.time.ZonedDateTime deadlineIfSubmittedNow() {
        DistrictSettings settings = current();
        Instant deadline = settings.deadlineCalculator(holidayDates()).deadline(clock.instant(), settings.reviewPeriod());
        return deadline.atZone(settings.timeZone());
    }

    /** BOARD_REPORT_RECIPIENTS: who gets the monthly Board report; empty for nobody. */
    @PermitAll
    public List<String> boardReportRecipients() {
        SettingOverride override = overrides().get(SettingKey.BOARD_REPORT_RECIPIENTS);
        String value = override != null ? override.getValue() : environmentValues().get(SettingKey.BOARD_REPORT_RECIPIENTS);
        return "none".equals(value) ? List.of() : List.of(value.split(","));
    }

    @PermitAll
    public List<Holiday> holidays() {
        return em.createQuery("SELECT h FROM Holiday h ORDER BY h.date", Holiday.class).getResultList();
    }

    @PermitAll
    public Set<LocalDate> holidayDates() {
        return em.createQuery("SELECT h.date FROM Holiday h", LocalDate.class).getResultStream()
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Replaces the holiday list with the dates of an iCalendar file (the District's school calendar). */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public HolidayImport importHolidays(String fileName, byte[] content) {
        IcsHolidayParser.ParseResult parsed = parse(fileName, content);
        replaceWith(fileName, parsed.holidays());
        return new HolidayImport(parsed.holidays().size(), parsed.warnings());
    }

    /**
     * One event's consecutive days in a calendar, offered as days without school. {@code suggested}: ticked at
     * first, because the event lasts whole days and its name says so; a term's start or end is school in session.
     */
    public record HolidayCandidate(String name, LocalDate first, LocalDate last, boolean allDay, boolean suggested)
            implements Serializable {

        public DayRange range() {
            return new DayRange(first, last, name);
        }
    }

    public record HolidayPreview(String fileName, List<HolidayCandidate> candidates, List<String> warnings) implements Serializable {
    }

    /** Reads a calendar without changing anything: its events as ranges of days, the likely days off ticked. */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public HolidayPreview previewHolidays(String fileName, byte[] content) {
        IcsHolidayParser.ParseResult parsed = parse(fileName, content);
        List<HolidayCandidate> candidates = new ArrayList<>();
        for (IcsHolidayParser.CalendarEvent event : parsed.events()) {
            for (DayRange range : DayRange.of(event.dates(), event.name())) {
                candidates.add(new HolidayCandidate(event.name(), range.first(), range.last(), event.allDay(),
                        DayRange.looksLikeDayOff(event.name(), event.allDay())));
            }
        }
        candidates.sort(Comparator.comparing(HolidayCandidate::first));
        return new HolidayPreview(fileName, candidates, parsed.warnings());
    }

    /** Replaces the holiday list with the days of the events the administrator chose from a preview. */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public HolidayImport replaceHolidays(String fileName, List<HolidayCandidate> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            throw new InvalidInputException("holidays", "Tick at least one event; to empty the list, remove all holidays");
        }
        Map<LocalDate, String> names = new TreeMap<>();
        for (HolidayCandidate candidate : chosen) {
            for (LocalDate day = candidate.first(); !day.isAfter(candidate.last()); day = day.plusDays(1)) {
                names.putIfAbsent(day, candidate.name());
            }
        }
        List<HolidayDate> days = names.entrySet().stream().map(e -> new HolidayDate(e.getKey(), e.getValue())).toList();
        replaceWith(fileName, days);
        return new HolidayImport(days.size(), List.of());
    }

    /** The holiday list as ranges of consecutive days with one name. */
    @PermitAll
    public List<DayRange> holidayRanges() {
        return DayRange.merge(holidays().stream().map(h -> new HolidayDate(h.getDate(), h.getName())).toList());
    }

    private IcsHolidayParser.ParseResult parse(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("holidays", "Choose an iCalendar (.ics) file to import");
        }
        if (content.length > HOLIDAY_FILE_MAX_BYTES) {
            throw new InvalidInputException("holidays", "The file is larger than 1 MB; an .ics school calendar is much smaller");
        }
        IcsHolidayParser.ParseResult parsed;
        try {
            parsed = IcsHolidayParser.parse(new ByteArrayInputStream(content), current().timeZone());
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidInputException("holidays", "'" + fileName + "' could not be read: " + e.getMessage());
        }
        if (parsed.holidays().isEmpty()) {
            throw new InvalidInputException("holidays", "'" + fileName + "' holds no events; the holiday list is unchanged");
        }
        return parsed;
    }

    private void replaceWith(String fileName, List<HolidayDate> days) {
        int before = em.createQuery("DELETE FROM Holiday h").executeUpdate();
        Instant now = clock.instant();
        for (HolidayDate date : days) {
            em.persist(new Holiday(date.date(), date.name(), now, caller.getName()));
        }
        audit.record("HOLIDAYS_IMPORTED", "HolidayCalendar", fileName,
                "replaced " + before + " holidays with " + days.size() + " from " + fileName
                        + " (" + days.get(0).date() + " to " + days.get(days.size() - 1).date() + ")");
    }

    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public int clearHolidays() {
        int removed = em.createQuery("DELETE FROM Holiday h").executeUpdate();
        audit.record("HOLIDAYS_CLEARED", "HolidayCalendar", null, "removed " + removed + " holidays");
        return removed;
    }

    private Map<SettingKey, SettingOverride> overrides() {
        Map<SettingKey, SettingOverride> result = new EnumMap<>(SettingKey.class);
        for (SettingOverride o : em.createQuery("SELECT o FROM SettingOverride o", SettingOverride.class).getResultList()) {
            try {
                result.put(o.getKey(), o);
            } catch (IllegalArgumentException unknownKey) {
                LOG.warning("Ignoring an unknown stored setting: " + unknownKey.getMessage());
            }
        }
        return result;
    }

    /** Values from server-config's system properties; an invalid one falls back to the built-in default, loudly. */
    private static Map<SettingKey, String> environmentValues() {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            String raw = System.getProperty(key.property(), key.builtInDefault());
            try {
                values.put(key, key.canonical(raw));
            } catch (IllegalArgumentException e) {
                LOG.warning(key.environmentVariable() + " is not valid (" + e.getMessage() + "); using " + key.builtInDefault());
                values.put(key, key.builtInDefault());
            }
        }
        return values;
    }
}
