package org.district.socialmedia.settings.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DayRangeTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void consecutiveDaysWithOneNameBecomeOneRange() {
        List<HolidayDate> days = List.of(new HolidayDate(d("2026-12-22"), "Winter break"), new HolidayDate(d("2026-12-21"), "Winter break"),
                new HolidayDate(d("2026-12-23"), "Winter break"), new HolidayDate(d("2026-12-24"), "Christmas Eve"),
                new HolidayDate(d("2027-01-18"), "Martin Luther King Jr. Day"), new HolidayDate(d("2026-12-28"), "Winter break"));
        List<DayRange> ranges = DayRange.merge(days);
        assertEquals(List.of(new DayRange(d("2026-12-21"), d("2026-12-23"), "Winter break"),
                new DayRange(d("2026-12-24"), d("2026-12-24"), "Christmas Eve"),
                new DayRange(d("2026-12-28"), d("2026-12-28"), "Winter break"),
                new DayRange(d("2027-01-18"), d("2027-01-18"), "Martin Luther King Jr. Day")), ranges);
        assertEquals(3, ranges.get(0).days());
        assertEquals("Mon 21 Dec 2026 to Wed 23 Dec 2026", ranges.get(0).shown());
        assertEquals("Mon 18 Jan 2027", ranges.get(3).shown());
    }

    @Test
    void datesSplitWhereADayIsMissing() {
        assertEquals(List.of(new DayRange(d("2026-11-26"), d("2026-11-27"), "Thanksgiving"),
                        new DayRange(d("2026-11-30"), d("2026-11-30"), "Thanksgiving")),
                DayRange.of(List.of(d("2026-11-30"), d("2026-11-26"), d("2026-11-27")), "Thanksgiving"));
        assertEquals(List.of(), DayRange.of(List.of(), "none"));
    }

    @Test
    void onlyAllDayEventsNamedAsDaysOffAreSuggested() {
        assertTrue(DayRange.looksLikeDayOff("Thanksgiving Break", true));
        assertTrue(DayRange.looksLikeDayOff("Presidents' Day holiday", true));
        assertTrue(DayRange.looksLikeDayOff("NO SCHOOL - staff development", true));
        assertTrue(DayRange.looksLikeDayOff("District offices closed", true));
        assertFalse(DayRange.looksLikeDayOff("Term 1 Start", true));
        assertFalse(DayRange.looksLikeDayOff("Term 4 End", true));
        assertFalse(DayRange.looksLikeDayOff("Holiday concert", false), "an evening event is no day off");
    }
}
