package org.district.socialmedia.settings.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One unfolded iCalendar content line ({@code NAME;PARAM=VALUE:value}, RFC 5545 section 3.1),
 * remembering the physical line it started on so errors can point the user at it.
 * Names and parameter names are upper-cased because the RFC makes them case-insensitive.
 */
record IcsContentLine(int lineNumber, String name, Map<String, String> parameters, String value) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z?");

    /**
     * Splits a content line into name, parameters and value.
     *
     * @return null when the line has no ':' outside quotes, i.e. it is not a content line at all
     */
    static IcsContentLine parse(int lineNumber, String text) {
        int colon = -1;
        boolean quoted = false;
        // Quoted parameter values (ALTREP="mailto:...", TZID="...") may contain ':' and ';'.
        for (int i = 0; i < text.length() && colon < 0; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
            }
        }
        if (colon <= 0) {
            return null;
        }
        String head = text.substring(0, colon);
        String[] parts = splitOutsideQuotes(head);
        String name = parts[0].trim().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0) {
                String value = parts[i].substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.putIfAbsent(parts[i].substring(0, equals).trim().toUpperCase(Locale.ROOT), value);
            }
        }
        return new IcsContentLine(lineNumber, name, Collections.unmodifiableMap(parameters), text.substring(colon + 1));
    }

    private static String[] splitOutsideQuotes(String head) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(head.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(head.substring(from));
        return parts.toArray(String[]::new);
    }

    /** The value with TEXT escapes ({@code \\ \; \, \n \N}) resolved. */
    String unescapedText() {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The value as a DATE or DATE-TIME (see {@link #parseDateTime(String)}). */
    LocalDateTime dateTimeValue() {
        return parseDateTime(value);
    }

    /**
     * Parses one DATE ({@code 20261225}, read as its start of day) or DATE-TIME
     * ({@code 20261225T080000}, optionally followed by {@code Z}).
     * Times are kept as written: for TZID and floating times the date written is the
     * District's date, and for UTC times the date written is the date in UTC.
     *
     * @throws IllegalArgumentException naming this line and the bad value
     */
    LocalDateTime parseDateTime(String raw) {
        String text = raw.trim().toUpperCase(Locale.ROOT);
        try {
            Matcher date = DATE.matcher(text);
            if (date.matches()) {
                return toDate(date).atStartOfDay();
            }
            Matcher dateTime = DATE_TIME.matcher(text);
            if (dateTime.matches()) {
                int second = Integer.parseInt(dateTime.group(6));
                // RFC 5545 allows second 60 for leap seconds; java.time does not.
                LocalTime time = LocalTime.of(Integer.parseInt(dateTime.group(4)),
                        Integer.parseInt(dateTime.group(5)), second == 60 ? 59 : second);
                return LocalDateTime.of(toDate(dateTime), time);
            }
        } catch (DateTimeException outOfRange) {
            throw malformedDate(raw, outOfRange);
        }
        throw malformedDate(raw, null);
    }

    /**
     * Whether the value is a date only (an all-day event). Judged by the value's shape, not
     * by VALUE=DATE, so a mislabelled date-time is still treated as the time it holds.
     */
    boolean isDateOnly() {
        return DATE.matcher(value.trim()).matches();
    }

    private static LocalDate toDate(Matcher m) {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private IllegalArgumentException malformedDate(String raw, Exception cause) {
        return new IllegalArgumentException("Line " + lineNumber + ": malformed date '" + raw + "' in " + name
                + " (expected YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ)", cause);
    }
}
