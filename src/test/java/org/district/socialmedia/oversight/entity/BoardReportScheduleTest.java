package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoardReportScheduleTest {

    private static Predicate<LocalDate> weekdaysBut(LocalDate... holidays) {
        Set<LocalDate> off = Set.of(holidays);
        return d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !off.contains(d);
    }

    @Test
    void dueFromTheFirstSchoolDayOfTheMonthOnForThePreviousMonth() {
        // August 2026 begins on a Saturday: the first school day is Monday the 3rd
        assertNull(BoardReportSchedule.dueMonth(LocalDate.of(2026, 8, 1), weekdaysBut()));
        assertNull(BoardReportSchedule.dueMonth(LocalDate.of(2026, 8, 2), weekdaysBut()));
        assertEquals(YearMonth.of(2026, 7), BoardReportSchedule.dueMonth(LocalDate.of(2026, 8, 3), weekdaysBut()));
        // a server down that day sends it later in the month
        assertEquals(YearMonth.of(2026, 7), BoardReportSchedule.dueMonth(LocalDate.of(2026, 8, 20), weekdaysBut()));
    }

    @Test
    void aHolidayOnTheFirstWeekdayMovesItToTheNextSchoolDay() {
        Predicate<LocalDate> calendar = weekdaysBut(LocalDate.of(2027, 1, 1));
        assertNull(BoardReportSchedule.dueMonth(LocalDate.of(2027, 1, 1), calendar));
        assertEquals(LocalDate.of(2027, 1, 4), BoardReportSchedule.firstSchoolDay(YearMonth.of(2027, 1), calendar));
        assertEquals(YearMonth.of(2026, 12), BoardReportSchedule.dueMonth(LocalDate.of(2027, 1, 4), calendar));
    }

    @Test
    void aMonthWithoutSchoolDaysSendsOnItsFirstDay() {
        assertEquals(YearMonth.of(2026, 6), BoardReportSchedule.dueMonth(LocalDate.of(2026, 7, 1), d -> false));
    }
}
