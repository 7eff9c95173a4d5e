package org.district.socialmedia.platform.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The words people read for the codes the application stores: an enum constant's label from the bundle
 * {@code messages} (key "ConsentItem.PHOTO", nested enums "RequestEvent.Type.SUBMITTED"), times in the
 * District's zone, durations in words. Pages use it through the {@code labels} bean, emails and letters directly.
 * One bundle, so that a translation (parent-facing Spanish) is one more properties file.
 */
public final class Labels {

    public static final String BUNDLE = "messages";
    public static final Locale LOCALE = Locale.US;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", LOCALE);

    private Labels() {
    }

    /** The bundle key of a constant: its class's name within the package, with nested classes joined by dots. */
    public static String key(Enum<?> constant) {
        Class<?> type = constant.getDeclaringClass();
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        return name + "." + constant.name();
    }

    /** The label, or the constant's name in lowercase words when the bundle lacks it (a test keeps the bundle complete). */
    public static String of(Enum<?> constant) {
        if (constant == null) {
            return "";
        }
        try {
            return ResourceBundle.getBundle(BUNDLE, LOCALE).getString(key(constant));
        } catch (MissingResourceException e) {
            String words = constant.name().replace('_', ' ').toLowerCase(LOCALE);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    /** The constant of {@code type} named {@code name} in words: for codes kept as text (an API record, a stored row). */
    public static <E extends Enum<E>> String of(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        try {
            return of(Enum.valueOf(type, name.strip()));
        } catch (IllegalArgumentException notAConstant) {
            return name;
        }
    }

    /** Labels joined with commas, in the collection's order: "Photographs, Video". */
    public static String list(Collection<? extends Enum<?>> constants) {
        return constants == null ? "" : constants.stream().map(Labels::of).collect(Collectors.joining(", "));
    }

    /** "4 Dec 2026 at 9:14 AM" in the given zone. */
    public static String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        return DAY.format(instant.atZone(zone)) + " at " + TIME.format(instant.atZone(zone));
    }

    /** "4 Dec 2026". */
    public static String date(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** "every 5 seconds", "every 2 hours", "every 1 hour 30 minutes". */
    public static String every(Duration interval) {
        return "every " + duration(interval);
    }

    /** "5 seconds", "2 hours 30 minutes", "7 days". */
    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toDaysPart(), "day");
        append(out, d.toHoursPart(), "hour");
        append(out, d.toMinutesPart(), "minute");
        append(out, d.toSecondsPart(), "second");
        return out.length() == 0 ? "0 seconds" : out.toString();
    }

    /** "7 calendar days", "1 school day": a count with its unit words (the DayCounting label, plural). */
    public static String days(long count, Enum<?> counting) {
        String unit = of(counting);
        if (count == 1 && unit.endsWith("days")) {
            unit = unit.substring(0, unit.length() - 1);
        }
        return count + " " + unit;
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(out.length() == 0 ? "" : " ").append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
        }
    }
}
