package org.district.socialmedia.settings.control;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.district.socialmedia.settings.entity.HolidayDate;

/**
 * Reads the District's holidays from an iCalendar (.ics) file, as exported by Google
 * Calendar or Outlook, implementing just enough of RFC 5545 for school calendars.
 * <p>
 * Every VEVENT that is not cancelled makes each date it covers a holiday. What cannot be
 * read faithfully (unsupported recurrences, absurdly long events) is still imported as
 * well as possible and reported in {@link ParseResult#warnings()}, so the administrator
 * can check the calendar; what cannot be read at all (malformed dates) is refused.
 */
public final class IcsHolidayParser {

    /**
     * @param holidays one entry per date, sorted by date; when events overlap, the first
     *                 event in the file names the date
     * @param warnings messages for the administrator about parts that were ignored or cut short
     */
    public record ParseResult(List<HolidayDate> holidays, List<String> warnings) {

        public ParseResult {
            holidays = List.copyOf(holidays);
            warnings = List.copyOf(warnings);
        }
    }

    private static final int MAX_QUOTED_LINE = 60;

    private IcsHolidayParser() {
    }

    /**
     * Parses a UTF-8 iCalendar file. The stream is read to its end but not closed.
     *
     * @throws IllegalArgumentException when the content is not an iCalendar file, is over
     *                                  1,000,000 characters, or holds a malformed date
     *                                  (the message gives the line number and the value)
     */
    public static ParseResult parse(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        List<IcsLineReader.Line> lines = IcsLineReader.read(in);
        if (lines.isEmpty() || !lines.get(0).text().trim().equalsIgnoreCase("BEGIN:VCALENDAR")) {
            throw new IllegalArgumentException("Not an iCalendar file: it must begin with BEGIN:VCALENDAR");
        }
        List<String> warnings = new ArrayList<>();
        List<IcsEvent> events = readEvents(lines, warnings);
        return new ParseResult(holidays(events, warnings), warnings);
    }

    private static List<IcsEvent> readEvents(List<IcsLineReader.Line> lines, List<String> warnings) {
        List<IcsEvent> events = new ArrayList<>();
        // Open components: properties of a VALARM or a VTIMEZONE's STANDARD/DAYLIGHT
        // (which has its own DTSTART) must not be taken for the event's.
        Deque<String> open = new ArrayDeque<>();
        IcsEvent event = null;
        for (IcsLineReader.Line line : lines) {
            IcsContentLine content = IcsContentLine.parse(line.number(), line.text());
            if (content == null) {
                warnings.add("Line " + line.number() + ": ignored, not an iCalendar property: '"
                        + abbreviate(line.text()) + "'");
                continue;
            }
            String component = content.value().trim().toUpperCase(Locale.ROOT);
            switch (content.name()) {
                case "BEGIN" -> {
                    open.push(component);
                    if (component.equals("VEVENT")) {
                        event = new IcsEvent(line.number());
                    }
                }
                case "END" -> {
                    if (!open.contains(component)) {
                        warnings.add("Line " + line.number() + ": END:" + component + " without BEGIN, ignored");
                        continue;
                    }
                    String closed;
                    do {
                        closed = open.pop();
                        if (closed.equals("VEVENT") && event != null) {
                            if (!component.equals("VEVENT")) {
                                warnings.add(event.describe() + " is not closed by END:VEVENT; it was used anyway");
                            }
                            events.add(event);
                            event = null;
                        }
                    } while (!closed.equals(component));
                }
                default -> {
                    if (event != null && "VEVENT".equals(open.peek())) {
                        event.accept(content);
                    }
                }
            }
        }
        if (event != null) {
            warnings.add(event.describe() + " is not closed by END:VEVENT; it was used anyway");
            events.add(event);
        }
        return events;
    }

    private static List<HolidayDate> holidays(List<IcsEvent> events, List<String> warnings) {
        // Outlook and Google export a moved or cancelled occurrence of a recurring event as a
        // separate VEVENT with the same UID and a RECURRENCE-ID naming the original date.
        Map<String, Set<LocalDate>> replacedByUid = new HashMap<>();
        for (IcsEvent event : events) {
            if (event.isOverride() && event.uid() != null) {
                replacedByUid.computeIfAbsent(event.uid(), uid -> new HashSet<>()).add(event.replacedOccurrence());
            }
        }
        Map<LocalDate, String> names = new TreeMap<>();
        for (IcsEvent event : events) {
            if (event.isCancelled()) {
                continue;
            }
            Set<LocalDate> replaced = event.isOverride() || event.uid() == null
                    ? Set.of()
                    : replacedByUid.getOrDefault(event.uid(), Set.of());
            for (LocalDate date : event.dates(replaced, warnings)) {
                names.putIfAbsent(date, event.name());
            }
        }
        List<HolidayDate> holidays = new ArrayList<>(names.size());
        names.forEach((date, name) -> holidays.add(new HolidayDate(date, name)));
        return holidays;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED_LINE ? text : text.substring(0, MAX_QUOTED_LINE) + "...";
    }
}
