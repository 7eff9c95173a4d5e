package org.district.socialmedia.settings.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Consecutive days with one name ("Winter break, 21 Dec 2026 to 1 Jan 2027"): how people read a list of days off. */
public record DayRange(LocalDate first, LocalDate last, String name) implements Serializable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);

    public DayRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A range ends on or after its first day");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** "Mon 21 Dec 2026" or "Mon 21 Dec 2026 to Fri 1 Jan 2027". */
    public String shown() {
        return first.equals(last) ? DAY.format(first) : DAY.format(first) + " to " + DAY.format(last);
    }

    /** Dates merged into ranges of consecutive days, each named {@code name}. */
    public static List<DayRange> of(Collection<LocalDate> dates, String name) {
        List<DayRange> ranges = new ArrayList<>();
        LocalDate start = null;
        LocalDate previous = null;
        for (LocalDate date : new TreeSet<>(dates)) {
            if (previous != null && !date.equals(previous.plusDays(1))) {
                ranges.add(new DayRange(start, previous, name));
                start = null;
            }
            start = start == null ? date : start;
            previous = date;
        }
        if (start != null) {
            ranges.add(new DayRange(start, previous, name));
        }
        return ranges;
    }

    /** Named days (sorted by date) merged into ranges of consecutive days that share a name. */
    public static List<DayRange> merge(List<HolidayDate> days) {
        List<DayRange> ranges = new ArrayList<>();
        DayRange open = null;
        for (HolidayDate day : days.stream().sorted(Comparator.comparing(HolidayDate::date)).toList()) {
            if (open != null && open.name().equals(day.name()) && day.date().equals(open.last().plusDays(1))) {
                open = new DayRange(open.first(), day.date(), open.name());
            } else {
                if (open != null) {
                    ranges.add(open);
                }
                open = new DayRange(day.date(), day.date(), day.name());
            }
        }
        if (open != null) {
            ranges.add(open);
        }
        return ranges;
    }

    private static final Pattern DAY_OFF = Pattern.compile("(?i)holiday|break|no\\s+school|closed");

    /** Whether a calendar event looks like a day without school: all day, and named so. */
    public static boolean looksLikeDayOff(String name, boolean allDay) {
        return allDay && name != null && DAY_OFF.matcher(name).find();
    }
}
