package org.district.socialmedia.oversight.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Predicate;

/** When the Board report of a month is due: from the first school day of the next month on. */
public final class BoardReportSchedule {

    private BoardReportSchedule() {
    }

    /**
     * The month whose report is due on {@code today}: the previous month, once today is the month's first
     * school day or later (a server that was down that day sends it the next day); null before. A month
     * without a school day (a summer month whose days are all holidays) sends it on its first day.
     */
    public static YearMonth dueMonth(LocalDate today, Predicate<LocalDate> isSchoolDay) {
        YearMonth month = YearMonth.from(today);
        LocalDate first = firstSchoolDay(month, isSchoolDay);
        return !today.isBefore(first == null ? month.atDay(1) : first) ? month.minusMonths(1) : null;
    }

    /** The month's first school day; null for a month without one (a holiday month). */
    public static LocalDate firstSchoolDay(YearMonth month, Predicate<LocalDate> isSchoolDay) {
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (isSchoolDay.test(day)) {
                return day;
            }
        }
        return null;
    }
}
