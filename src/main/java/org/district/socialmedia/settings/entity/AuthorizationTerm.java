package org.district.socialmedia.settings.entity;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * How long an authorization from a request decision lasts unless the Superintendent gives another
 * last day (AUTHORIZATION_TERM). One of:
 * <ul>
 * <li>{@code school-year} (the default): the District's school year end, SCHOOL_YEAR_END, so there is
 *     one place that says when the school year ends;</li>
 * <li>{@code --MM-DD}: that day each year;</li>
 * <li>{@code YYYY-MM-DD}: that one day; once it has passed, new authorizations fall back to the school
 *     year end rather than ending the day they are granted;</li>
 * <li>an ISO-8601 period such as {@code P1Y}: that long after the day of the decision.</li>
 * </ul>
 * A yearly end that falls within {@link #REMINDER_DAYS} of the grant moves to the next year: an
 * authorization granted on June 20 is not due for renewal the day it is granted.
 */
public record AuthorizationTerm(String setting, MonthDay yearly, LocalDate fixed, Period period) implements Serializable {

    public static final String SCHOOL_YEAR = "school-year";
    /** The holder is reminded, and offered a renewal, this many days before the last day. */
    public static final int REMINDER_DAYS = 30;

    public static final AuthorizationTerm DEFAULT = new AuthorizationTerm(SCHOOL_YEAR, null, null, null);

    /** The term a typed value means; IllegalArgumentException with a readable message if it means none. */
    public static AuthorizationTerm parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.equalsIgnoreCase(SCHOOL_YEAR)) {
            return DEFAULT;
        }
        try {
            if (v.startsWith("--")) {
                return new AuthorizationTerm(v, MonthDay.parse(v), null, null);
            }
            if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
                Period p = Period.parse(v.toUpperCase(Locale.ROOT)).normalized();
                if (p.isNegative() || p.isZero() || p.toTotalMonths() * 31 + p.getDays() <= REMINDER_DAYS) {
                    throw new IllegalArgumentException("An authorization term such as '" + v + "' must be longer than "
                            + REMINDER_DAYS + " days (the renewal reminder comes " + REMINDER_DAYS + " days before the end)");
                }
                return new AuthorizationTerm(p.toString(), null, null, p);
            }
            return new AuthorizationTerm(v, null, LocalDate.parse(v), null);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + v + "' is not an authorization term: use school-year, a day each year"
                    + " (--06-30), a date (2027-06-30) or a period (P1Y)");
        }
    }

    /** The canonical form of a typed value, for the settings. */
    public static String canonical(String value) {
        return parse(value).setting();
    }

    /**
     * The last day an authorization granted on {@code grantedOn} allows use.
     *
     * @param schoolYearEnd the District's SCHOOL_YEAR_END
     */
    public LocalDate endFor(LocalDate grantedOn, MonthDay schoolYearEnd) {
        if (period != null) {
            return grantedOn.plus(period);
        }
        if (fixed != null && fixed.isAfter(grantedOn)) {
            return fixed;
        }
        return yearlyEnd(yearly != null ? yearly : schoolYearEnd, grantedOn);
    }

    /**
     * The last day for an active authorization that has none: one decided before authorizations had terms
     * (migration V24; given one by V55). The same rule as for a new one, from the day it was granted; but when
     * that day is gone, or too near for the holder to be reminded {@link #REMINDER_DAYS} days ahead, the rule's
     * end from {@code today}, as if it were granted today: a holder who was never told of an end is not cut off
     * without the reminder and the chance to renew.
     */
    public LocalDate endForExisting(LocalDate grantedOn, LocalDate today, MonthDay schoolYearEnd) {
        LocalDate fromGrant = endFor(grantedOn, schoolYearEnd);
        return fromGrant.isAfter(today.plusDays(REMINDER_DAYS)) ? fromGrant : endFor(today, schoolYearEnd);
    }

    private static LocalDate yearlyEnd(MonthDay day, LocalDate grantedOn) {
        LocalDate end = day.atYear(grantedOn.getYear());
        while (!end.isAfter(grantedOn.plusDays(REMINDER_DAYS))) {
            end = day.atYear(end.getYear() + 1);
        }
        return end;
    }

    /** The moment use ends: the end of the last day in the District's time zone. */
    public static ZonedDateTime endsAt(LocalDate lastDay, ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone);
    }

    /** The moment the holder is reminded: the start of the day {@link #REMINDER_DAYS} before the last day. */
    public static ZonedDateTime remindAt(LocalDate lastDay, ZoneId zone) {
        return lastDay.minusDays(REMINDER_DAYS).atStartOfDay(zone);
    }

    @Override
    public String toString() {
        return setting;
    }
}
