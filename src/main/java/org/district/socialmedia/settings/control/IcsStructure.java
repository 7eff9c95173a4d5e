package org.district.socialmedia.settings.control;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The unfolded lines of an iCalendar file, repaired where calendar exports are commonly
 * broken before ical4j, which is strict about structure, reads them: lines that are no
 * property, END lines without BEGIN and components left open are reported as warnings and
 * mended rather than refusing the whole calendar. Keeps the physical line of each line it
 * hands on, so that ical4j's errors and the warnings point the administrator at the file.
 */
final class IcsStructure {

    private static final int MAX_QUOTED_LINE = 60;
    private static final Set<String> DATE_PROPERTIES = Set.of("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE");
    private static final int DATE_LENGTH = 8;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss['Z']").withResolverStyle(ResolverStyle.STRICT);

    private final List<String> lines = new ArrayList<>();
    private final List<Integer> physical = new ArrayList<>();
    private final List<Integer> eventLines = new ArrayList<>();
    private final Set<Integer> unclosedEvents = new HashSet<>();
    private final Map<Integer, Integer> ruleLines = new HashMap<>();

    private IcsStructure() {
    }

    static IcsStructure repair(List<IcsLineReader.Line> input, List<String> warnings) {
        IcsStructure structure = new IcsStructure();
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> openedOn = new ArrayDeque<>();
        for (IcsLineReader.Line line : input) {
            int colon = colon(line.text());
            if (colon <= 0) {
                warnings.add("Line " + line.number() + ": ignored, not an iCalendar property: '"
                        + abbreviate(line.text()) + "'");
                continue;
            }
            String text = upperCaseName(line.text(), colon);
            String name = text.substring(0, colon).trim();
            String component = text.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
            if (name.equals("BEGIN")) {
                if (component.equals("VEVENT") && open.size() == 1) {
                    structure.eventLines.add(line.number());
                }
                open.push(component);
                openedOn.push(line.number());
                structure.add("BEGIN:" + component, line.number());
            } else if (name.equals("END")) {
                if (!open.contains(component)) {
                    warnings.add("Line " + line.number() + ": END:" + component + " without BEGIN, ignored");
                    continue;
                }
                String closed;
                do {
                    closed = open.pop();
                    int begin = openedOn.pop();
                    if (!closed.equals(component)) {
                        structure.unclosed(closed, begin);
                    }
                    structure.add("END:" + closed, line.number());
                } while (!closed.equals(component));
            } else {
                checkDates(name, text.substring(colon + 1), line.number());
                if (name.equals("RRULE") && open.size() == 2 && "VEVENT".equals(open.peek())) {
                    structure.ruleLines.putIfAbsent(structure.eventLines.size() - 1, line.number());
                }
                structure.add(text, line.number());
            }
        }
        int last = input.isEmpty() ? 0 : input.get(input.size() - 1).number();
        while (!open.isEmpty()) {
            String closed = open.pop();
            structure.unclosed(closed, openedOn.pop());
            structure.add("END:" + closed, last);
        }
        return structure;
    }

    private void unclosed(String component, int begin) {
        int event = eventLines.indexOf(begin);
        if (component.equals("VEVENT") && event >= 0) {
            unclosedEvents.add(event);
        }
    }

    private void add(String text, int number) {
        lines.add(text);
        physical.add(number);
    }

    /** The repaired calendar, one unfolded line each, for ical4j. */
    String text() {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** The physical line of the n-th (0-based) VEVENT's BEGIN. */
    int eventLine(int index) {
        return index < eventLines.size() ? eventLines.get(index) : 0;
    }

    /** The physical line of the n-th (0-based) VEVENT's RRULE, else of its BEGIN. */
    int ruleLine(int index) {
        return ruleLines.getOrDefault(index, eventLine(index));
    }

    /** Whether the n-th (0-based) VEVENT lacked its END:VEVENT and was closed here. */
    boolean eventUnclosed(int index) {
        return unclosedEvents.contains(index);
    }

    /** An error ical4j reported for a line of {@link #text()} (1-based), in the words of the file. */
    IllegalArgumentException refusal(int lineNumber, Throwable cause) {
        if (lineNumber < 1 || lineNumber > lines.size()) {
            return new IllegalArgumentException("the calendar could not be read: " + cause.getMessage(), cause);
        }
        String text = lines.get(lineNumber - 1);
        int colon = colon(text);
        String name = text.substring(0, colon);
        int parameters = name.indexOf(';');
        return new IllegalArgumentException("Line " + physical.get(lineNumber - 1) + ": malformed value '"
                + text.substring(colon + 1) + "' in " + (parameters < 0 ? name : name.substring(0, parameters))
                + " (" + cause.getMessage() + ")", cause);
    }

    // java.time, as ical4j uses it, quietly moves February 30 to the 28th; a school calendar with an
    // impossible date is refused instead, as is a value that is no date at all.
    private static void checkDates(String name, String value, int lineNumber) {
        int parameters = name.indexOf(';');
        String property = parameters < 0 ? name : name.substring(0, parameters);
        if (!DATE_PROPERTIES.contains(property)) {
            return;
        }
        for (String date : value.split(",", -1)) {
            String text = date.trim().toUpperCase(Locale.ROOT);
            if (text.contains("/")) {
                continue; // an RDATE period, checked by ical4j
            }
            try {
                (text.length() == DATE_LENGTH ? DATE : DATE_TIME).parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Line " + lineNumber + ": malformed date '" + date + "' in "
                        + property + " (expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ)", e);
            }
        }
    }

    // Quoted parameter values (ALTREP="mailto:...", TZID="...") may contain ':' and ';'.
    private static int colon(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    // RFC 5545 makes property and parameter names case-insensitive; ical4j expects them upper case.
    private static String upperCaseName(String text, int colon) {
        int end = text.indexOf(';');
        if (end < 0 || end > colon) {
            end = colon;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT) + text.substring(end);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED_LINE ? text : text.substring(0, MAX_QUOTED_LINE) + "...";
    }
}
