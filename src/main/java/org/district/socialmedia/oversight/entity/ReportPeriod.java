package org.district.socialmedia.oversight.entity;

import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, both included, as the District counts them: from the start of {@code from}
 * to the start of the day after {@code to} in the District's time zone, so a response given at 23:30 on
 * the last day of a month, District time, belongs to that month wherever the server runs.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) implements Serializable {

    /** The longest period one report covers: beyond it a report is an export, not a view. */
    public static final long MAX_DAYS = 3 * 366;

    public ReportPeriod {
        if (from == null || to == null || zone == null) {
            throw new InvalidInputException("from", "A report needs a first day, a last day and the District's time zone");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "The last day (" + to + ") is before the first day (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("from", "A report covers at most " + MAX_DAYS + " days");
        }
    }

    /** One calendar month. */
    public static ReportPeriod month(YearMonth month, ZoneId zone) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth(), zone);
    }

    /**
     * From the query parameters {@code from} and {@code to} (ISO dates, both optional): by default the
     * twelve months up to today, the current one included.
     */
    public static ReportPeriod parse(String from, String to, LocalDate today, ZoneId zone) {
        LocalDate last = to == null || to.isBlank() ? today : date("to", to);
        LocalDate first = from == null || from.isBlank() ? YearMonth.from(last).minusMonths(11).atDay(1) : date("from", from);
        return new ReportPeriod(first, last, zone);
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be a date such as 2026-11-30, not '" + text + "'");
        }
    }

    /** The first instant of the period (inclusive). */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /** The month, in the District's time zone, an instant falls in. */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }
}
