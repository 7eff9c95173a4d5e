package org.district.socialmedia.settings.control;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties of one VEVENT that matter for a holiday calendar, and the local dates
 * the event covers. Anything the District could not reasonably mean is reported as a
 * warning for the administrator instead of being guessed silently.
 */
final class IcsEvent {

    static final int MAX_DAYS_PER_EVENT = 366;
    static final int MAX_OCCURRENCES = 10;

    private static final Set<String> SIMPLE_YEARLY_PARTS =
            Set.of("FREQ", "COUNT", "UNTIL", "INTERVAL", "WKST", "BYMONTH", "BYMONTHDAY");
    private static final Pattern WEEKS = Pattern.compile("\\+?P(\\d{1,6})W");

    private final int lineNumber;
    private IcsContentLine start;
    private IcsContentLine end;
    private IcsContentLine duration;
    private IcsContentLine summary;
    private IcsContentLine uid;
    private IcsContentLine status;
    private IcsContentLine rrule;
    private IcsContentLine recurrenceId;
    private IcsContentLine rdate;
    private final List<IcsContentLine> exdates = new ArrayList<>();

    IcsEvent(int lineNumber) {
        this.lineNumber = lineNumber;
    }

    /** Takes one property of the event; for repeated single-valued properties the first wins. */
    void accept(IcsContentLine line) {
        switch (line.name()) {
            case "DTSTART" -> start = first(start, line);
            case "DTEND" -> end = first(end, line);
            case "DURATION" -> duration = first(duration, line);
            case "SUMMARY" -> summary = first(summary, line);
            case "UID" -> uid = first(uid, line);
            case "STATUS" -> status = first(status, line);
            case "RRULE" -> rrule = first(rrule, line);
            case "RECURRENCE-ID" -> recurrenceId = first(recurrenceId, line);
            case "RDATE" -> rdate = first(rdate, line);
            case "EXDATE" -> exdates.add(line);
            default -> {
                // Other properties (DESCRIPTION, LOCATION, ...) do not affect which days are off.
            }
        }
    }

    private static IcsContentLine first(IcsContentLine existing, IcsContentLine candidate) {
        return existing != null ? existing : candidate;
    }

    boolean isCancelled() {
        return status != null && status.value().trim().equalsIgnoreCase("CANCELLED");
    }

    String uid() {
        return uid == null ? null : uid.value().trim();
    }

    /** Whether this VEVENT replaces (or cancels) one occurrence of a recurring event with the same UID. */
    boolean isOverride() {
        return recurrenceId != null;
    }

    /** The original date of the occurrence this override replaces. */
    LocalDate replacedOccurrence() {
        return recurrenceId.dateTimeValue().toLocalDate();
    }

    String name() {
        String text = summary == null ? "" : summary.unescapedText().trim();
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
        if (start == null) {
            warnings.add(describe() + " has no DTSTART and was ignored");
            return List.of();
        }
        LocalDateTime first = start.dateTimeValue();
        long length = lengthInDays(first, warnings);
        Set<LocalDate> excluded = new HashSet<>(replacedOccurrences);
        excluded.addAll(exceptionDates());
        if (rdate != null) {
            warnings.add(describe() + " has extra dates (RDATE), which are not supported and were ignored");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate occurrence : occurrences(first.toLocalDate(), warnings)) {
            if (!excluded.contains(occurrence)) {
                for (long day = 0; day < length; day++) {
                    dates.add(occurrence.plusDays(day));
                }
            }
        }
        return dates;
    }

    // DTEND (and an end computed from DURATION) is exclusive: an all-day event from
    // 20261221 to 20270102 ends with Jan 1, and a timed event ending at midnight does
    // not cover the day that midnight starts.
    private long lengthInDays(LocalDateTime first, List<String> warnings) {
        LocalDateTime endExclusive;
        if (end != null) {
            endExclusive = end.dateTimeValue();
        } else if (duration != null) {
            endExclusive = plusDuration(first);
        } else {
            endExclusive = start.isDateOnly() ? first.plusDays(1) : first;
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

    private LocalDateTime plusDuration(LocalDateTime first) {
        String text = duration.value().trim().toUpperCase(Locale.ROOT);
        try {
            // java.time.Duration does not know weeks, which RFC 5545 durations may use alone.
            Matcher weeks = WEEKS.matcher(text);
            return weeks.matches()
                    ? first.plusWeeks(Long.parseLong(weeks.group(1)))
                    : first.plus(Duration.parse(text));
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("Line " + duration.lineNumber() + ": malformed duration '"
                    + duration.value() + "' in DURATION", e);
        }
    }

    private Set<LocalDate> exceptionDates() {
        Set<LocalDate> dates = new HashSet<>();
        for (IcsContentLine exdate : exdates) {
            for (String value : exdate.value().split(",")) {
                dates.add(exdate.parseDateTime(value).toLocalDate());
            }
        }
        return dates;
    }

    private List<LocalDate> occurrences(LocalDate first, List<String> warnings) {
        if (rrule == null || isOverride()) {
            return List.of(first);
        }
        Map<String, String> rule = ruleParts();
        if (!isSimpleYearly(rule, first)) {
            warnings.add(describe() + " repeats by RRULE '" + rrule.value().trim()
                    + "', which is not supported; only its first occurrence on " + first + " is used");
            return List.of(first);
        }
        int interval = rule.containsKey("INTERVAL") ? positive(rule, "INTERVAL") : 1;
        Integer count = rule.containsKey("COUNT") ? positive(rule, "COUNT") : null;
        LocalDate until = rule.containsKey("UNTIL") ? rrule.parseDateTime(rule.get("UNTIL")).toLocalDate() : null;

        MonthDay monthDay = MonthDay.from(first);
        List<LocalDate> dates = new ArrayList<>();
        // Four-digit years are all iCalendar can write; the bound also ends the loop for Feb 29.
        // long: a huge INTERVAL must not overflow back below the bound.
        for (long year = first.getYear(); year <= 9999; year += interval) {
            if (!monthDay.isValidYear((int) year)) {
                continue; // RFC 5545: an occurrence on a date that does not exist (Feb 29) is skipped
            }
            LocalDate date = monthDay.atYear((int) year);
            if ((until != null && date.isAfter(until)) || (count != null && dates.size() == count)) {
                break;
            }
            if (dates.size() == MAX_OCCURRENCES) {
                warnings.add(describe() + " repeats more than " + MAX_OCCURRENCES
                        + " times; only the first " + MAX_OCCURRENCES + " occurrences are used");
                break;
            }
            dates.add(date);
        }
        return dates;
    }

    private Map<String, String> ruleParts() {
        Map<String, String> parts = new HashMap<>();
        for (String part : rrule.value().split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim().toUpperCase(Locale.ROOT),
                        part.substring(equals + 1).trim().toUpperCase(Locale.ROOT));
            }
        }
        return parts;
    }

    // Only "same day every N years, a bounded number of times" can be expanded without a
    // full RFC 5545 recurrence engine; BYMONTH/BYMONTHDAY are fine when they restate DTSTART.
    private static boolean isSimpleYearly(Map<String, String> rule, LocalDate first) {
        return "YEARLY".equals(rule.get("FREQ"))
                && (rule.containsKey("COUNT") || rule.containsKey("UNTIL"))
                && SIMPLE_YEARLY_PARTS.containsAll(rule.keySet())
                && rule.getOrDefault("BYMONTH", String.valueOf(first.getMonthValue()))
                        .equals(String.valueOf(first.getMonthValue()))
                && rule.getOrDefault("BYMONTHDAY", String.valueOf(first.getDayOfMonth()))
                        .equals(String.valueOf(first.getDayOfMonth()));
    }

    private int positive(Map<String, String> rule, String key) {
        String value = rule.get(key);
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("Line " + rrule.lineNumber() + ": invalid " + key + " '" + value
                + "' in RRULE (expected a positive whole number)");
    }
}
