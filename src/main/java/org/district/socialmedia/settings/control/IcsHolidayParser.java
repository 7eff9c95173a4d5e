package org.district.socialmedia.settings.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Status;
import org.district.socialmedia.settings.entity.HolidayDate;

/**
 * Reads the District's holidays from an iCalendar (.ics) file, as exported by Google
 * Calendar or Outlook. ical4j parses the file and expands recurrence rules (RFC 5545);
 * this class turns each event into the District's local dates.
 * <p>
 * Every VEVENT that is not cancelled makes each date it covers a holiday: its recurrences
 * (RRULE and RDATE, less EXDATE and the occurrences that RECURRENCE-ID overrides move or
 * cancel), each expanded over the event's length (DTEND exclusive). Times with a TZID or in
 * UTC are converted to the District's time zone before taking their date; floating times
 * are the District's. What cannot be read faithfully (rules repeating past the horizon,
 * absurdly long events, broken structure) is still imported as well as possible and
 * reported in {@link ParseResult#warnings()}, so the administrator can check the calendar;
 * what cannot be read at all (malformed dates) is refused.
 */
public final class IcsHolidayParser {

    /**
     * @param holidays one entry per date, sorted by date; when events overlap, the first
     *                 event in the file names the date
     * @param warnings messages for the administrator about parts that were ignored or cut short
     */
    public record ParseResult(List<HolidayDate> holidays, List<String> warnings, List<CalendarEvent> events) {

        public ParseResult {
            holidays = List.copyOf(holidays);
            warnings = List.copyOf(warnings);
            events = List.copyOf(events);
        }

        public ParseResult(List<HolidayDate> holidays, List<String> warnings) {
            this(holidays, warnings, List.of());
        }
    }

    /**
     * One event of the file that is not cancelled, in file order, with every date it covers (sorted): what the
     * administrator chooses from. {@code allDay}: its start is a date, not a time of day.
     */
    public record CalendarEvent(String name, boolean allDay, List<LocalDate> dates) {

        public CalendarEvent {
            dates = List.copyOf(new TreeSet<>(dates));
        }
    }

    static final int MAX_DAYS_PER_EVENT = 366;
    /** Recurrences are expanded this far after the event's first occurrence, as the old yearly limit of ten did. */
    static final int HORIZON_YEARS = 10;
    private static final Pattern NOT_POSITIVE = Pattern.compile("(?i)(?:^|;)\\s*(?:COUNT|INTERVAL)\\s*=\\s*(?:-|0*(?:;|$))");

    private IcsHolidayParser() {
    }

    /**
     * Parses a UTF-8 iCalendar file. The stream is read to its end but not closed.
     *
     * @param districtZone the zone whose dates the holidays are: times with a TZID or in UTC are converted to it
     * @throws IllegalArgumentException when the content is not an iCalendar file, is over
     *                                  1,000,000 characters, or holds a malformed date
     *                                  (the message gives the line number and the value)
     */
    public static ParseResult parse(InputStream in, ZoneId districtZone) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(districtZone, "districtZone");
        List<IcsLineReader.Line> lines = IcsLineReader.read(in);
        if (lines.isEmpty() || !lines.get(0).text().trim().equalsIgnoreCase("BEGIN:VCALENDAR")) {
            throw new IllegalArgumentException("Not an iCalendar file: it must begin with BEGIN:VCALENDAR");
        }
        List<String> warnings = new ArrayList<>();
        IcsStructure structure = IcsStructure.repair(lines, warnings);
        Calendar calendar = build(structure);
        List<VEvent> components = calendar.getComponents(Component.VEVENT);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Event event = new Event(components.get(i), structure.eventLine(i), structure.ruleLine(i), districtZone);
            if (structure.eventUnclosed(i)) {
                warnings.add(event.describe() + " is not closed by END:VEVENT; it was used anyway");
            }
            events.add(event);
        }
        List<CalendarEvent> read = new ArrayList<>();
        return new ParseResult(holidays(events, warnings, read), warnings, read);
    }

    // Known cost: ical4j registers a java.time ZoneRulesProvider for every calendar it builds (for the
    // VTIMEZONEs a file defines), which the JDK keeps for good. Holiday imports are rare administrator
    // actions, so this is a few hundred bytes each, but after one the old deployment's class loader
    // stays in memory across a redeploy until the server restarts.
    private static Calendar build(IcsStructure structure) throws IOException {
        try {
            return new CalendarBuilder().build(new StringReader(structure.text()));
        } catch (ParserException e) {
            throw structure.refusal(e.getLineNo(), e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            // ical4j reports some malformed values unwrapped, without a line
            throw new IllegalArgumentException("the calendar could not be read: " + e.getMessage(), e);
        }
    }

    private static List<HolidayDate> holidays(List<Event> events, List<String> warnings, List<CalendarEvent> read) {
        // Outlook and Google export a moved or cancelled occurrence of a recurring event as a
        // separate VEVENT with the same UID and a RECURRENCE-ID naming the original date.
        Map<String, Set<LocalDate>> replacedByUid = new HashMap<>();
        for (Event event : events) {
            if (event.isOverride() && event.uid() != null) {
                replacedByUid.computeIfAbsent(event.uid(), uid -> new HashSet<>()).add(event.replacedOccurrence());
            }
        }
        Map<LocalDate, String> names = new TreeMap<>();
        for (Event event : events) {
            if (event.isCancelled()) {
                continue;
            }
            Set<LocalDate> replaced = event.isOverride() || event.uid() == null
                    ? Set.of()
                    : replacedByUid.getOrDefault(event.uid(), Set.of());
            List<LocalDate> dates = event.dates(replaced, warnings);
            for (LocalDate date : dates) {
                names.putIfAbsent(date, event.name());
            }
            if (!dates.isEmpty()) {
                read.add(new CalendarEvent(event.name(), event.isAllDay(), dates));
            }
        }
        List<HolidayDate> holidays = new ArrayList<>(names.size());
        names.forEach((date, name) -> holidays.add(new HolidayDate(date, name)));
        return holidays;
    }

    /** One VEVENT as ical4j read it, seen in the District's time zone. */
    private static final class Event {

        private final VEvent event;
        private final int lineNumber;
        private final int ruleLineNumber;
        private final ZoneId zone;

        Event(VEvent event, int lineNumber, int ruleLineNumber, ZoneId zone) {
            this.event = event;
            this.lineNumber = lineNumber;
            this.ruleLineNumber = ruleLineNumber;
            this.zone = zone;
        }

        boolean isCancelled() {
            return event.<Status>getProperty(Property.STATUS)
                    .map(status -> status.getValue().trim().equalsIgnoreCase("CANCELLED")).orElse(false);
        }

        boolean isAllDay() {
            return event.<DateProperty<Temporal>>getProperty(Property.DTSTART).map(start -> start.getDate() instanceof LocalDate)
                    .orElse(false);
        }

        String uid() {
            return event.getUid().map(uid -> uid.getValue().trim()).orElse(null);
        }

        boolean isOverride() {
            return event.getProperty(Property.RECURRENCE_ID).isPresent();
        }

        LocalDate replacedOccurrence() {
            DateProperty<?> recurrenceId = event.<DateProperty<?>>getProperty(Property.RECURRENCE_ID).orElseThrow();
            return local(recurrenceId.getDate()).toLocalDate();
        }

        String name() {
            String text = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("").trim();
            return text.isEmpty() ? "Untitled event" : text;
        }

        String describe() {
            return "Event '" + name() + "' (line " + lineNumber + ")";
        }

        /**
         * Every date the event covers: each occurrence, expanded over the event's length.
         *
         * @param replacedOccurrences occurrence dates that override VEVENTs move or cancel
         */
        List<LocalDate> dates(Set<LocalDate> replacedOccurrences, List<String> warnings) {
            Optional<DateProperty<Temporal>> start = event.getProperty(Property.DTSTART);
            if (start.isEmpty()) {
                warnings.add(describe() + " has no DTSTART and was ignored");
                return List.of();
            }
            Temporal seed = start.get().getDate();
            LocalDateTime first = local(seed);
            long length = lengthInDays(first, seed, warnings);
            Set<LocalDate> excluded = new HashSet<>(replacedOccurrences);
            for (DateListProperty<Temporal> exdate : event.<DateListProperty<Temporal>>getProperties(Property.EXDATE)) {
                exdate.getDates().forEach(date -> excluded.add(local(date).toLocalDate()));
            }
            Set<LocalDate> occurrences = new TreeSet<>(occurrences(seed, first, warnings));
            for (RDate<Temporal> rdate : event.<RDate<Temporal>>getProperties(Property.RDATE)) {
                rdate.getPeriods().ifPresentOrElse(
                        periods -> periods.forEach(period -> occurrences.add(local(period.getStart()).toLocalDate())),
                        () -> rdate.getDates().forEach(date -> occurrences.add(local(date).toLocalDate())));
            }
            List<LocalDate> dates = new ArrayList<>();
            for (LocalDate occurrence : occurrences) {
                if (!excluded.contains(occurrence)) {
                    for (long day = 0; day < length; day++) {
                        dates.add(occurrence.plusDays(day));
                    }
                }
            }
            return dates;
        }

        private List<LocalDate> occurrences(Temporal seed, LocalDateTime first, List<String> warnings) {
            List<RRule<Temporal>> rules = event.getProperties(Property.RRULE);
            if (rules.isEmpty() || isOverride()) {
                return List.of(first.toLocalDate());
            }
            RRule<Temporal> rule = rules.get(0);
            // ical4j takes COUNT=-1 for "no count" and an INTERVAL of 0 or less as 1
            if (NOT_POSITIVE.matcher(rule.getValue()).find()) {
                throw new IllegalArgumentException("Line " + ruleLineNumber + ": invalid COUNT or INTERVAL in RRULE '"
                        + rule.getValue() + "' (expected a positive whole number)");
            }
            Recur<Temporal> recur = rule.getRecur();
            LocalDate firstDate = first.toLocalDate();
            // the last day inside the horizon, counted in days because a UTC seed (an Instant) knows no years
            Temporal last = seed.plus(ChronoUnit.DAYS.between(firstDate, firstDate.plusYears(HORIZON_YEARS)) - 1,
                    ChronoUnit.DAYS);
            List<LocalDate> dates = new ArrayList<>();
            Temporal next;
            try {
                for (Temporal occurrence : recur.getDates(seed, seed, last)) {
                    dates.add(local(occurrence).toLocalDate());
                }
                next = recur.getNextDate(seed, last);
            } catch (DateTimeException | ArithmeticException beyondYear9999) {
                next = null;
            }
            if (dates.isEmpty() || !firstDate.equals(dates.get(0))) {
                // RFC 5545: DTSTART is the first occurrence even where the rule would not produce it
                dates.add(0, firstDate);
            }
            if (next != null) {
                warnings.add(describe() + " repeats by RRULE '" + rule.getValue() + "' for more than "
                        + HORIZON_YEARS + " years; only the occurrences up to "
                        + dates.get(dates.size() - 1) + " are used");
            }
            return dates;
        }

        // DTEND (and an end computed from DURATION) is exclusive: an all-day event from
        // 20261221 to 20270102 ends with Jan 1, and a timed event ending at midnight does
        // not cover the day that midnight starts.
        private long lengthInDays(LocalDateTime first, Temporal seed, List<String> warnings) {
            LocalDateTime endExclusive;
            Optional<DateProperty<Temporal>> end = event.getProperty(Property.DTEND);
            Optional<Duration> duration = event.getProperty(Property.DURATION);
            if (end.isPresent()) {
                endExclusive = local(end.get().getDate());
            } else if (duration.isPresent()) {
                TemporalAmount amount = duration.get().getDuration();
                endExclusive = first.plus(amount);
            } else {
                endExclusive = seed instanceof LocalDate ? first.plusDays(1) : first;
            }
            if (endExclusive.isBefore(first)) {
                warnings.add(describe() + " ends before it starts; only its first day is used");
                return 1;
            }
            LocalDate last = endExclusive.isAfter(first) ? endExclusive.minusNanos(1).toLocalDate() : first.toLocalDate();
            long days = ChronoUnit.DAYS.between(first.toLocalDate(), last) + 1;
            if (days > MAX_DAYS_PER_EVENT) {
                warnings.add(describe() + " spans " + days + " days; only its first " + MAX_DAYS_PER_EVENT + " are used");
                return MAX_DAYS_PER_EVENT;
            }
            return days;
        }

        /** The District's wall-clock time of a DATE (its start) or DATE-TIME. */
        private LocalDateTime local(Temporal temporal) {
            try {
                if (temporal instanceof LocalDate date) {
                    return date.atStartOfDay();
                }
                if (temporal instanceof LocalDateTime floating) {
                    return floating;
                }
                return LocalDateTime.ofInstant(Instant.from(temporal), zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(describe() + ": the date '" + temporal + "' could not be read", e);
            }
        }
    }
}
