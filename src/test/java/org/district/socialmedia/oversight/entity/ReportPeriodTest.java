package org.district.socialmedia.oversight.entity;

import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Test
    void aMonthRunsFromMidnightToMidnightInTheDistrictsZoneAcrossTheClockChange() {
        ReportPeriod november = ReportPeriod.month(YearMonth.of(2026, 11), DISTRICT);
        // 1 November 2026 begins in daylight time (UTC-7); 1 December in standard time (UTC-8)
        assertEquals(Instant.parse("2026-11-01T07:00:00Z"), november.start());
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), november.end());
    }

    @Test
    void aResponseLateOnTheLastEveningBelongsToThatMonthThoughItIsDecemberInUtc() {
        ReportPeriod november = ReportPeriod.month(YearMonth.of(2026, 11), DISTRICT);
        Instant lastEvening = Instant.parse("2026-12-01T07:30:00Z"); // 23:30 on 30 November in the District
        assertTrue(november.contains(lastEvening));
        assertEquals(YearMonth.of(2026, 11), november.monthOf(lastEvening));
        assertFalse(november.contains(Instant.parse("2026-12-01T08:00:00Z")));
        assertFalse(november.contains(Instant.parse("2026-11-01T06:59:59Z")));
    }

    @Test
    void byDefaultTwelveMonthsUpToToday() {
        ReportPeriod p = ReportPeriod.parse(null, "", LocalDate.of(2026, 12, 5), DISTRICT);
        assertEquals(LocalDate.of(2026, 1, 1), p.from());
        assertEquals(LocalDate.of(2026, 12, 5), p.to());
    }

    @Test
    void badDatesAreRefusedWithTheFieldNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ReportPeriod.parse("2026-13-01", null, LocalDate.of(2026, 12, 5), DISTRICT));
        assertTrue(e.getFieldErrors().containsKey("from"));
        assertThrows(InvalidInputException.class, () -> ReportPeriod.parse("2026-12-01", "2026-11-30", LocalDate.now(), DISTRICT));
        assertThrows(InvalidInputException.class, () -> ReportPeriod.parse("2020-01-01", "2026-11-30", LocalDate.now(), DISTRICT));
    }
}
