package org.district.socialmedia.settings.entity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Computes when the Superintendent's review period for a request ends.
 * <p>
 * Whole-day periods end at the end of the due date in the District's time zone, so the
 * employee always gets full local days whatever the hour of submission, and daylight
 * saving changes are absorbed by the zone rules instead of shifting the deadline by an hour.
 * Exact durations are added to the submission instant as they are.
 */
public final class DeadlineCalculator {

    /** The end of a due date; a second before midnight so the deadline stays on the due date. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /**
     * Longest run of consecutive non-school days tolerated while counting (about three years).
     * Real calendars never come close; a longer run means the holiday import went wrong,
     * and failing beats looping through the whole calendar.
     */
    static final int MAX_CONSECUTIVE_NON_SCHOOL_DAYS = 3 * 366;

    private final ZoneId zone;
    private final DayCounting counting;
    private final Set<LocalDate> holidays;

    public DeadlineCalculator(ZoneId zone, DayCounting counting, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.counting = Objects.requireNonNull(counting, "counting");
        // Copied so later changes to the caller's set cannot move deadlines already computed.
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
    }

    /** The instant the review period of a request submitted at {@code submittedAt} ends. */
    public Instant deadline(Instant submittedAt, ReviewPeriod period) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(period, "period");
        if (!period.isWholeDays()) {
            return submittedAt.plus(period.exact());
        }
        return ZonedDateTime.of(dueDate(submittedAt, period), END_OF_DAY, zone).toInstant();
    }

    /**
     * The local date on which a whole-day review period ends.
     *
     * @throws IllegalArgumentException for an exact-duration period, which has no due date of its own
     * @throws IllegalStateException    when school days cannot be found (broken holiday calendar)
     */
    public LocalDate dueDate(Instant submittedAt, ReviewPeriod period) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(period, "period");
        if (!period.isWholeDays()) {
            throw new IllegalArgumentException(
                    "Review period " + period + " is an exact duration; only whole-day periods have a due date");
        }
        LocalDate submittedOn = submittedAt.atZone(zone).toLocalDate();
        return switch (counting) {
            case CALENDAR -> submittedOn.plusDays(period.days());
            case SCHOOL -> nthSchoolDayAfter(submittedOn, period.days());
        };
    }

    /** Monday to Friday and not a District holiday. */
    public boolean isSchoolDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    // Strictly after: the day of submission never counts, even when it is a school day,
    // and a submission on a weekend or holiday starts counting at the next school day.
    private LocalDate nthSchoolDayAfter(LocalDate start, int n) {
        LocalDate date = start;
        int found = 0;
        int nonSchoolRun = 0;
        while (found < n) {
            date = date.plusDays(1);
            if (isSchoolDay(date)) {
                found++;
                nonSchoolRun = 0;
            } else if (++nonSchoolRun > MAX_CONSECUTIVE_NON_SCHOOL_DAYS) {
                throw new IllegalStateException("No school day found in the " + MAX_CONSECUTIVE_NON_SCHOOL_DAYS
                        + " days after " + date.minusDays(nonSchoolRun)
                        + "; the holiday calendar seems broken (it marks years of consecutive days as holidays)");
            }
        }
        return date;
    }
}
