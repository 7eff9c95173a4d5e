package org.district.socialmedia.settings.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.district.socialmedia.audit.boundary.AuditTrail;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.settings.entity.DayRange;
import org.district.socialmedia.settings.entity.Holiday;
import org.district.socialmedia.settings.entity.SettingKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A system administrator's District settings page: the values in force, where they come from, holidays. */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a z");

    @Inject
    DistrictSettingsService service;
    @Inject
    AuditTrail auditTrail;

    private final Map<String, String> values = new LinkedHashMap<>();
    private List<DistrictSettingsService.SettingView> views;
    private List<Holiday> holidays;
    private List<AuditEntry> history;
    private transient Part holidayFile;
    private List<DayRange> holidayRanges;
    private DistrictSettingsService.HolidayPreview preview;
    private List<PreviewRow> previewRows = List.of();
    private boolean confirming;

    @PostConstruct
    void load() {
        views = service.view();
        views.forEach(v -> values.put(v.key().fieldName(), v.value()));
        holidays = service.holidays();
        holidayRanges = service.holidayRanges();
        history = auditTrail.recent(List.of("DistrictSetting", "HolidayCalendar"), 20);
    }

    public void save() {
        try {
            Map<SettingKey, String> typed = new EnumMap<>(SettingKey.class);
            for (SettingKey key : SettingKey.values()) {
                typed.put(key, values.get(key.fieldName()));
            }
            service.update(typed);
            Messages.info("Settings saved.");
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("settings", e);
        }
    }

    /** Reads the chosen calendar and shows its events as ranges to choose from; nothing changes yet. */
    public void importHolidays() {
        if (holidayFile == null || holidayFile.getSize() == 0) {
            Messages.error("Choose an iCalendar (.ics) file to import.");
            return;
        }
        if (holidayFile.getSize() > DistrictSettingsService.HOLIDAY_FILE_MAX_BYTES) {
            Messages.error("The file is larger than 1 MB; an .ics school calendar is much smaller.");
            return;
        }
        try (InputStream in = holidayFile.getInputStream()) {
            preview = service.previewHolidays(holidayFile.getSubmittedFileName(), in.readAllBytes());
            previewRows = preview.candidates().stream().map(PreviewRow::new).toList();
            confirming = false;
            preview.warnings().forEach(w -> Messages.info("Note: " + w));
        } catch (InvalidInputException e) {
            cancelImport();
            Messages.fieldErrors("holidays", e);
        } catch (IOException e) {
            cancelImport();
            Messages.error("The file could not be read: " + e.getMessage());
        }
    }

    /** The administrator's choice made: ask before replacing the list. */
    public void reviewChoice() {
        if (chosen().isEmpty()) {
            Messages.error("Tick at least one event that is a day without school.");
            return;
        }
        confirming = true;
    }

    public void confirmImport() {
        try {
            DistrictSettingsService.HolidayImport result = service.replaceHolidays(preview.fileName(), chosen());
            Messages.info(result.imported() + " holidays imported; the previous list was replaced.");
            cancelImport();
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("holidayPreview", e);
        }
    }

    public void backToChoice() {
        confirming = false;
    }

    public void cancelImport() {
        preview = null;
        previewRows = List.of();
        confirming = false;
    }

    private List<DistrictSettingsService.HolidayCandidate> chosen() {
        return previewRows.stream().filter(PreviewRow::isChosen).map(PreviewRow::getCandidate).toList();
    }

    /** "Replace the 15 holidays with these 12 days?" */
    public String getConfirmation() {
        long days = chosen().stream().flatMap(c -> c.first().datesUntil(c.last().plusDays(1))).distinct().count();
        return "Replace the " + holidays.size() + (holidays.size() == 1 ? " holiday" : " holidays") + " with these " + days
                + (days == 1 ? " day" : " days") + "?";
    }

    public List<DistrictSettingsService.HolidayCandidate> getChosen() {
        return chosen();
    }

    /** One event range of the calendar read, with the administrator's tick. */
    public static class PreviewRow implements Serializable {
        private final DistrictSettingsService.HolidayCandidate candidate;
        private boolean chosen;

        PreviewRow(DistrictSettingsService.HolidayCandidate candidate) {
            this.candidate = candidate;
            this.chosen = candidate.suggested();
        }

        public DistrictSettingsService.HolidayCandidate getCandidate() { return candidate; }
        public boolean isChosen() { return chosen; }
        public void setChosen(boolean chosen) { this.chosen = chosen; }
    }

    public DistrictSettingsService.HolidayPreview getPreview() { return preview; }
    public List<PreviewRow> getPreviewRows() { return previewRows; }
    public boolean isConfirming() { return confirming; }
    public List<DayRange> getHolidayRanges() { return holidayRanges; }

    public void clearHolidays() {
        int removed = service.clearHolidays();
        Messages.info(removed + " holidays removed.");
        load();
    }

    /** What the current settings mean for a request submitted now. */
    public String getDeadlinePreview() {
        return service.deadlineIfSubmittedNow().format(SHOWN);
    }

    /** Where the value in force comes from, for the field's description. */
    public String source(String field) {
        return views.stream().filter(v -> v.key().fieldName().equals(field)).findFirst()
                .map(v -> v.isOverridden()
                        ? "Saved here by " + v.overriddenBy() + " on " + ZonedDateTime.ofInstant(v.overriddenAt(),
                        service.current().timeZone()).format(SHOWN) + ". Environment value: " + v.environmentValue()
                        : "From the environment (" + v.key().environmentVariable() + ").")
                .orElse("");
    }

    public String help(String field) {
        return views.stream().filter(v -> v.key().fieldName().equals(field)).findFirst()
                .map(v -> v.key().help()).orElse("");
    }

    public List<AuditEntry> getHistory() {
        return history;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public List<DistrictSettingsService.SettingView> getViews() {
        return views;
    }

    public List<Holiday> getHolidays() {
        return holidays;
    }

    public Part getHolidayFile() {
        return holidayFile;
    }

    public void setHolidayFile(Part holidayFile) {
        this.holidayFile = holidayFile;
    }

    public String getTimeZone() {
        return service.current().timeZone().getId();
    }
}
