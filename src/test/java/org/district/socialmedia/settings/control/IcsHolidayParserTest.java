package org.district.socialmedia.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.district.socialmedia.settings.control.IcsHolidayParser.ParseResult;
import org.district.socialmedia.settings.entity.HolidayDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcsHolidayParserTest {

    private static final String CRLF = "\r\n";
    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    /** A calendar around the given lines, with CRLF line ends as RFC 5545 prescribes. */
    private static String calendar(String... lines) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n");
        for (String line : lines) {
            ics.append(line).append(CRLF);
        }
        return ics.append("END:VCALENDAR").append(CRLF).toString();
    }

    /** The lines of one VEVENT, to be passed to {@link #calendar(String...)}. */
    private static String event(String... properties) {
        return "BEGIN:VEVENT" + CRLF + String.join(CRLF, properties) + CRLF + "END:VEVENT";
    }

    private static ParseResult parse(String ics) throws IOException {
        return parse(ics.getBytes(StandardCharsets.UTF_8));
    }

    private static ParseResult parse(byte[] bytes) throws IOException {
        return IcsHolidayParser.parse(new ByteArrayInputStream(bytes), DISTRICT);
    }

    private static HolidayDate holiday(String date, String name) {
        return new HolidayDate(LocalDate.parse(date), name);
    }

    private static List<LocalDate> dates(ParseResult result) {
        return result.holidays().stream().map(HolidayDate::date).toList();
    }

    private static List<LocalDate> range(String firstInclusive, String lastInclusive) {
        return LocalDate.parse(firstInclusive).datesUntil(LocalDate.parse(lastInclusive).plusDays(1)).toList();
    }

    private static void assertWarning(ParseResult result, String... fragments) {
        boolean found = result.warnings().stream()
                .anyMatch(warning -> List.of(fragments).stream().allMatch(warning::contains));
        assertTrue(found, "no warning containing " + List.of(fragments) + " in " + result.warnings());
    }

    private static IllegalArgumentException assertRefused(String ics) {
        return assertThrows(IllegalArgumentException.class, () -> parse(ics));
    }

    @Nested
    class AllDayEvents {

        @Test
        void aSingleDayWithoutDtend() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART;VALUE=DATE:20261225", "SUMMARY:Winter Holiday")));
            assertEquals(List.of(holiday("2026-12-25", "Winter Holiday")), result.holidays());
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void dtendIsExclusive() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261221", "DTEND;VALUE=DATE:20270102", "SUMMARY:Winter Break")));
            assertEquals(range("2026-12-21", "2027-01-01"), dates(result));
            assertTrue(result.holidays().stream().allMatch(h -> h.name().equals("Winter Break")));
        }

        @Test
        void dtendOnTheNextDayIsOneDay() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261126", "DTEND;VALUE=DATE:20261127", "SUMMARY:Thanksgiving")));
            assertEquals(List.of(holiday("2026-11-26", "Thanksgiving")), result.holidays());
        }

        @Test
        void dtendEqualToDtstartIsOneDay() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261126", "DTEND;VALUE=DATE:20261126", "SUMMARY:Thanksgiving")));
            assertEquals(List.of(LocalDate.of(2026, 11, 26)), dates(result));
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void aBareDateWithoutValueParameterIsAlsoAllDay() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART:20261126", "DTEND:20261128", "SUMMARY:Thanksgiving")));
            assertEquals(range("2026-11-26", "2026-11-27"), dates(result));
        }

        @Test
        void durationInDaysOrWeeksInsteadOfDtend() throws IOException {
            ParseResult result = parse(calendar(
                    event("DTSTART;VALUE=DATE:20261126", "DURATION:P2D", "SUMMARY:Thanksgiving"),
                    event("DTSTART;VALUE=DATE:20261221", "DURATION:P2W", "SUMMARY:Winter Break")));
            assertEquals(2 + 14, result.holidays().size());
            assertEquals(LocalDate.of(2027, 1, 3), result.holidays().get(15).date());
        }

        @Test
        void aMalformedDurationIsRefusedWithItsLine() {
            IllegalArgumentException e = assertRefused(calendar(event("DTSTART;VALUE=DATE:20261126", "DURATION:two days")));
            assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
            assertTrue(e.getMessage().contains("'two days'"), e.getMessage());
        }

        @Test
        void anEventEndingBeforeItStartsIsOneDayWithAWarning() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261126", "DTEND;VALUE=DATE:20261120", "SUMMARY:Backwards")));
            assertEquals(List.of(LocalDate.of(2026, 11, 26)), dates(result));
            assertWarning(result, "Backwards", "line 4", "ends before it starts");
        }

        @Test
        void aLongEventIsCutAt366DaysWithAWarning() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20290101", "SUMMARY:Sabbatical")));
            assertEquals(366, result.holidays().size());
            assertEquals(LocalDate.of(2027, 1, 1), result.holidays().get(365).date());
            assertWarning(result, "Sabbatical", "1096 days", "366");
        }

        @Test
        void exactly366DaysIsNotCut() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20280102", "SUMMARY:Leap year")));
            assertEquals(366, result.holidays().size());
            assertEquals(List.of(), result.warnings());
        }
    }

    @Nested
    class DateTimes {

        @Test
        void utcTimesGiveTheDistrictsDate() throws IOException {
            ParseResult result = parse(calendar(
                    event("DTSTART:20261225T080000Z", "SUMMARY:Morning"),
                    // Dec 26 in UTC, but still Dec 25 21:00 in California.
                    event("DTSTART:20261226T050000Z", "SUMMARY:Evening"),
                    event("DTSTART:20261227T090000Z", "SUMMARY:Next day")));
            assertEquals(List.of(holiday("2026-12-25", "Morning"), holiday("2026-12-27", "Next day")), result.holidays());
        }

        @Test
        void tzidTimesInAnotherZoneGiveTheDistrictsDate() throws IOException {
            ParseResult result = parse(calendar(event(
                    // 1 a.m. on Dec 26 in New York is 10 p.m. on Dec 25 in California
                    "DTSTART;TZID=America/New_York:20261226T010000",
                    "DTEND;TZID=America/New_York:20261226T020000",
                    "SUMMARY:East Coast")));
            assertEquals(List.of(holiday("2026-12-25", "East Coast")), result.holidays());
        }

        @Test
        void theDistrictZoneDecidesTheDate() throws IOException {
            byte[] ics = calendar(event("DTSTART:20261226T050000Z", "SUMMARY:Evening")).getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(LocalDate.of(2026, 12, 26)),
                    dates(IcsHolidayParser.parse(new ByteArrayInputStream(ics), ZoneId.of("Europe/Berlin"))));
        }

        @Test
        void tzidTimesGiveTheDateAsWritten() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;TZID=America/Los_Angeles:20261225T080000",
                    "DTEND;TZID=America/Los_Angeles:20261225T170000",
                    "SUMMARY:Staff Holiday")));
            assertEquals(List.of(holiday("2026-12-25", "Staff Holiday")), result.holidays());
        }

        @Test
        void floatingTimesGiveTheDateAsWritten() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART:20261225T233000", "SUMMARY:Late")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25)), dates(result));
        }

        @Test
        void aTimedEventSpanningDaysCoversEachDay() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;TZID=America/Los_Angeles:20261221T080000",
                    "DTEND;TZID=America/Los_Angeles:20261223T120000",
                    "SUMMARY:Conference")));
            assertEquals(range("2026-12-21", "2026-12-23"), dates(result));
        }

        @Test
        void anEndAtMidnightDoesNotCoverTheNextDay() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;TZID=America/Los_Angeles:20261126T000000",
                    "DTEND;TZID=America/Los_Angeles:20261128T000000",
                    "SUMMARY:Thanksgiving")));
            assertEquals(range("2026-11-26", "2026-11-27"), dates(result));
        }

        @Test
        void aTimedDurationCoversTheDaysItTouches() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART:20261225T200000", "DURATION:PT8H", "SUMMARY:Night")));
            assertEquals(range("2026-12-25", "2026-12-26"), dates(result));
        }

        @Test
        void aDateTimeMislabelledAsDateIsOneDay() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART;VALUE=DATE:20261225T080000", "SUMMARY:Odd")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25)), dates(result));
        }

        @Test
        void aLeapSecondIsRefusedWithItsLine() {
            // java.time, which ical4j builds on, knows no second 60
            IllegalArgumentException e = assertRefused(calendar(event("DTSTART:20261231T235960Z", "SUMMARY:Leap")));
            assertTrue(e.getMessage().startsWith("Line 5:"), e.getMessage());
            assertTrue(e.getMessage().contains("'20261231T235960Z'"), e.getMessage());
        }
    }

    @Nested
    class MalformedDates {

        @ParameterizedTest
        @ValueSource(strings = {"2026-12-25", "20261332", "20260230", "2026122", "202612250", "20261225T08",
                "20261225T250000", "20261225T086000", "20261225X080000", "tomorrow", ""})
        void aMalformedDtstartIsRefusedWithLineAndValue(String value) {
            IllegalArgumentException e = assertRefused(calendar(event("SUMMARY:Bad", "DTSTART;VALUE=DATE:" + value)));
            assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("DTSTART"), e.getMessage());
        }

        @Test
        void aMalformedDtendIsRefused() {
            IllegalArgumentException e = assertRefused(calendar(event("DTSTART:20261225", "DTEND:2026-12-26")));
            assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
            assertTrue(e.getMessage().contains("'2026-12-26'"), e.getMessage());
        }

        @Test
        void theLineNumberIsThePhysicalLineWhereTheFoldedPropertyStarts() {
            String ics = "BEGIN:VCALENDAR\r\n"
                    + "BEGIN:VEVENT\r\n"
                    + "SUMMARY:A very long\r\n"
                    + "  summary folded\r\n"
                    + "  over three lines\r\n"
                    + "DTSTART;VALUE=DATE:2026\r\n"
                    + " 1299\r\n"
                    + "END:VEVENT\r\n"
                    + "END:VCALENDAR\r\n";
            IllegalArgumentException e = assertRefused(ics);
            assertTrue(e.getMessage().startsWith("Line 6:"), e.getMessage());
            assertTrue(e.getMessage().contains("'20261299'"), e.getMessage());
        }

        @Test
        void datesOfCancelledEventsAreCheckedToo() {
            // ical4j reads every property; a cancelled override still names the occurrence it cancels
            IllegalArgumentException e = assertRefused(calendar(event("STATUS:CANCELLED", "DTSTART:garbage")));
            assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
            assertTrue(e.getMessage().contains("'garbage'"), e.getMessage());
        }
    }

    @Nested
    class Lines {

        private static final String EVENT_LINES = "BEGIN:VCALENDAR|VERSION:2.0|BEGIN:VEVENT|DTSTART;VALUE=DATE:20261225"
                + "|SUMMARY:Winter|  Holiday|END:VEVENT|END:VCALENDAR|";

        @ParameterizedTest
        @ValueSource(strings = {"\r\n", "\n", "\r"})
        void anyLineEndWorks(String lineEnd) throws IOException {
            ParseResult result = parse(EVENT_LINES.replace("|", lineEnd));
            assertEquals(List.of(holiday("2026-12-25", "Winter Holiday")), result.holidays());
        }

        @Test
        void mixedLineEndsWork() throws IOException {
            String ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\nSUMMARY:Mixed\r\nEND:VEVENT\nEND:VCALENDAR";
            assertEquals(List.of(holiday("2026-12-25", "Mixed")), parse(ics).holidays());
        }

        @Test
        void foldedLinesWithSpaceOrTabAreJoined() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTST",
                    " ART;VALUE=DA",
                    "\tTE:2026",
                    " 1225",
                    "SUMMARY:Winter Holi",
                    " day and Staff Develop",
                    "\tment Day")));
            assertEquals(List.of(holiday("2026-12-25", "Winter Holiday and Staff Development Day")), result.holidays());
        }

        @Test
        void foldedLinesWithLfOnlyAreJoined() throws IOException {
            String ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nSUMMARY:Winter\n  Holiday\nEND:VEVENT\nEND:VCALENDAR\n";
            assertEquals(List.of(holiday("2026-12-25", "Winter Holiday")), parse(ics).holidays());
        }

        @Test
        void aFoldInsideAMultiByteCharacterIsRepaired() throws IOException {
            byte[] before = calendar(event("DTSTART;VALUE=DATE:20261102", "SUMMARY:D")).getBytes(StandardCharsets.UTF_8);
            String text = new String(before, StandardCharsets.UTF_8);
            int cut = text.indexOf("SUMMARY:D") + "SUMMARY:D".length();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(before, 0, cut);
            byte[] iAcute = "\u00ed".getBytes(StandardCharsets.UTF_8); // two bytes: C3 AD
            bytes.write(iAcute[0]);
            bytes.writeBytes("\r\n ".getBytes(StandardCharsets.UTF_8));
            bytes.write(iAcute[1]);
            bytes.writeBytes("a de los Muertos".getBytes(StandardCharsets.UTF_8));
            bytes.write(before, cut, before.length - cut);
            ParseResult result = parse(bytes.toByteArray());
            assertEquals(List.of(holiday("2026-11-02", "D\u00eda de los Muertos")), result.holidays());
        }

        @Test
        void utf8NamesAndAByteOrderMarkAreRead() throws IOException {
            String ics = "\uFEFF" + calendar(event("DTSTART;VALUE=DATE:20260916", "SUMMARY:D\u00eda de la Independencia \uD83C\uDDF2\uD83C\uDDFD"));
            assertEquals(List.of(holiday("2026-09-16", "D\u00eda de la Independencia \uD83C\uDDF2\uD83C\uDDFD")),
                    parse(ics).holidays());
        }

        @Test
        void blankLinesAreIgnored() throws IOException {
            ParseResult result = parse(calendar("", event("DTSTART;VALUE=DATE:20261225", "", "SUMMARY:Winter"), ""));
            assertEquals(List.of(holiday("2026-12-25", "Winter")), result.holidays());
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void aLineWithoutColonIsIgnoredWithAWarning() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART;VALUE=DATE:20261225", "this is not a property", "SUMMARY:Winter")));
            assertEquals(List.of(holiday("2026-12-25", "Winter")), result.holidays());
            assertWarning(result, "Line 6", "this is not a property");
        }
    }

    @Nested
    class Properties {

        @Test
        void namesAreCaseInsensitive() throws IOException {
            String ics = "begin:vcalendar\r\nbegin:vevent\r\ndtstart;value=date:20261225\r\nSummary:Winter\r\n"
                    + "status:confirmed\r\nend:vevent\r\nend:vcalendar\r\n";
            assertEquals(List.of(holiday("2026-12-25", "Winter")), parse(ics).holidays());
        }

        @Test
        void summaryEscapesAreResolved() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225",
                    "SUMMARY:Winter Break\\, Staff Day\\; No School \\\\ Office\\nClosed")));
            assertEquals("Winter Break, Staff Day; No School \\ Office\nClosed", result.holidays().get(0).name());
        }

        @Test
        void parametersAreSkippedEvenWhenQuotedValuesContainColonsAndSemicolons() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;X-NOTE=\"a;b:c\";VALUE=DATE:20261225",
                    "SUMMARY;LANGUAGE=en-US;ALTREP=\"http://example.org/winter:break;x\":Winter Break")));
            assertEquals(List.of(holiday("2026-12-25", "Winter Break")), result.holidays());
        }

        @Test
        void aMissingOrBlankSummaryGivesAPlaceholderName() throws IOException {
            ParseResult result = parse(calendar(
                    event("DTSTART;VALUE=DATE:20261225"),
                    event("DTSTART;VALUE=DATE:20261226", "SUMMARY:   ")));
            assertEquals(List.of(holiday("2026-12-25", "Untitled event"), holiday("2026-12-26", "Untitled event")),
                    result.holidays());
        }

        @Test
        void theFirstOfRepeatedPropertiesWins() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "SUMMARY:First", "DTSTART;VALUE=DATE:20261226", "SUMMARY:Second")));
            assertEquals(List.of(holiday("2026-12-25", "First")), result.holidays());
        }

        @Test
        void anEventWithoutDtstartIsIgnoredWithAWarning() throws IOException {
            ParseResult result = parse(calendar(event("SUMMARY:Someday")));
            assertEquals(List.of(), result.holidays());
            assertWarning(result, "Someday", "line 4", "DTSTART");
        }

        @Test
        void propertiesOutsideEventsAreIgnored() throws IOException {
            ParseResult result = parse(calendar("DTSTART;VALUE=DATE:20260101", "SUMMARY:Not an event",
                    "BEGIN:VTODO", "DTSTART;VALUE=DATE:20260102", "SUMMARY:A task", "END:VTODO"));
            assertEquals(List.of(), result.holidays());
        }
    }

    @Nested
    class Status {

        @Test
        void cancelledEventsAreSkipped() throws IOException {
            ParseResult result = parse(calendar(
                    event("DTSTART;VALUE=DATE:20261225", "SUMMARY:Winter Holiday", "STATUS:CONFIRMED"),
                    event("DTSTART;VALUE=DATE:20261130", "SUMMARY:Snow Day", "STATUS:CANCELLED"),
                    event("DTSTART;VALUE=DATE:20261201", "SUMMARY:Other", "status:cancelled ")));
            assertEquals(List.of(holiday("2026-12-25", "Winter Holiday")), result.holidays());
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void tentativeEventsCount() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART;VALUE=DATE:20261130", "SUMMARY:Snow Day", "STATUS:TENTATIVE")));
            assertEquals(List.of(holiday("2026-11-30", "Snow Day")), result.holidays());
        }
    }

    @Nested
    class Recurrence {

        @Test
        void yearlyWithCountIsExpanded() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=3", "SUMMARY:Christmas")));
            assertEquals(List.of(holiday("2026-12-25", "Christmas"), holiday("2027-12-25", "Christmas"),
                    holiday("2028-12-25", "Christmas")), result.holidays());
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void yearlyUntilADateIsInclusive() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20260704", "RRULE:FREQ=YEARLY;UNTIL=20280704", "SUMMARY:Independence Day")));
            assertEquals(List.of(LocalDate.of(2026, 7, 4), LocalDate.of(2027, 7, 4), LocalDate.of(2028, 7, 4)),
                    dates(result));
        }

        @Test
        void yearlyUntilADateTime() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;TZID=America/Los_Angeles:20260704T000000",
                    "RRULE:FREQ=YEARLY;UNTIL=20270704T070000Z", // 2027-07-04 00:00 PDT, inclusive
                    "SUMMARY:Independence Day")));
            assertEquals(List.of(LocalDate.of(2026, 7, 4), LocalDate.of(2027, 7, 4)), dates(result));
        }

        @Test
        void yearlyWithIntervalAndRestatedMonthAndDay() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225",
                    "RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=25;COUNT=3;WKST=SU",
                    "SUMMARY:Every other Christmas")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2028, 12, 25), LocalDate.of(2030, 12, 25)),
                    dates(result));
        }

        @Test
        void multiDayOccurrencesAreExpanded() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261226", "RRULE:FREQ=YEARLY;COUNT=2",
                    "SUMMARY:Christmas Eve and Day")));
            assertEquals(List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
                    LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 25)), dates(result));
        }

        @Test
        void february29OnlyRecursInLeapYears() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20280229", "RRULE:FREQ=YEARLY;COUNT=2", "SUMMARY:Leap Day")));
            assertEquals(List.of(LocalDate.of(2028, 2, 29), LocalDate.of(2032, 2, 29)), dates(result));
        }

        @Test
        void occurrencesBeyondTenYearsAreCutWithAWarning() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=50", "SUMMARY:Christmas")));
            assertEquals(10, result.holidays().size());
            assertEquals(LocalDate.of(2035, 12, 25), result.holidays().get(9).date());
            assertWarning(result, "Christmas", "10 years", "2035-12-25");
        }

        @Test
        void exactlyTenOccurrencesNeedNoWarning() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;UNTIL=20351225", "SUMMARY:Christmas")));
            assertEquals(10, result.holidays().size());
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void aNeverEndingRuleIsExpandedForTenYearsWithAWarning() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY", "SUMMARY:Christmas")));
            assertEquals(10, result.holidays().size());
            assertEquals(LocalDate.of(2035, 12, 25), result.holidays().get(9).date());
            assertWarning(result, "'Christmas'", "FREQ=YEARLY", "10 years");
        }

        @Test
        void weeklyWithCountAndExdate() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20260605", "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;VALUE=DATE:20260612",
                    "SUMMARY:Summer Friday")));
            assertEquals(List.of(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 26)),
                    dates(result));
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void weeklyOnSeveralDaysUntilADate() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20260706", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260715",
                    "SUMMARY:Summer session off")));
            assertEquals(List.of(LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 8), LocalDate.of(2026, 7, 13),
                    LocalDate.of(2026, 7, 15)), dates(result));
        }

        @Test
        void monthlyOnTheFirstMondayWithCount() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20260907", "RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "SUMMARY:Staff Day")));
            assertEquals(List.of(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 2)),
                    dates(result));
        }

        @Test
        void monthlyByMonthDayUntilADate() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261015", "RRULE:FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20270115",
                    "SUMMARY:Mid-month")));
            assertEquals(List.of(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 15), LocalDate.of(2026, 12, 15),
                    LocalDate.of(2027, 1, 15)), dates(result));
        }

        @Test
        void yearlyOnTheFourthThursdayOfNovember() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261126", "DTEND;VALUE=DATE:20261128",
                    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3", "SUMMARY:Thanksgiving")));
            assertEquals(List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27),
                    LocalDate.of(2027, 11, 25), LocalDate.of(2027, 11, 26),
                    LocalDate.of(2028, 11, 23), LocalDate.of(2028, 11, 24)), dates(result));
        }

        @Test
        void dailyWithCount() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261221", "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:Break")));
            assertEquals(range("2026-12-21", "2026-12-23"), dates(result));
        }

        @Test
        void weeklyTimedEventsWithTzidAndExdateInTheDistrictsZone() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;TZID=America/New_York:20261104T010000",
                    "DTEND;TZID=America/New_York:20261104T020000",
                    "RRULE:FREQ=WEEKLY;COUNT=3",
                    "EXDATE;TZID=America/New_York:20261111T010000",
                    "SUMMARY:Late night")));
            // 1 a.m. in New York is the evening before in California, across the end of daylight saving time
            assertEquals(List.of(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 17)), dates(result));
        }

        @Test
        void aRuleWithoutFreqIsRefusedWithItsLine() {
            IllegalArgumentException e = assertRefused(calendar(event("DTSTART;VALUE=DATE:20261126", "RRULE:COUNT=3")));
            assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
            assertTrue(e.getMessage().contains("RRULE"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"FREQ=YEARLY;COUNT=abc", "FREQ=YEARLY;COUNT=0", "FREQ=YEARLY;COUNT=-1",
                "FREQ=YEARLY;COUNT=3;INTERVAL=0"})
        void anInvalidNumberInTheRuleIsRefused(String rule) {
            IllegalArgumentException e = assertRefused(calendar(event("DTSTART;VALUE=DATE:20261225", "RRULE:" + rule)));
            assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
        }

        @Test
        void aMalformedUntilIsRefused() {
            IllegalArgumentException e = assertRefused(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;UNTIL=2030-12-25")));
            assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
            assertTrue(e.getMessage().contains("'2030-12-25'"), e.getMessage());
        }

        @Test
        void aHugeIntervalEndsTheExpansion() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;INTERVAL=2147483647;COUNT=3")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25)), dates(result));
        }

        @Test
        void exdateRemovesOccurrences() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=4",
                    "EXDATE;VALUE=DATE:20271225,20281225", "EXDATE:20291225T000000")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25)), dates(result));
        }

        @Test
        void aCancelledOccurrenceOverrideRemovesThatOccurrence() throws IOException {
            ParseResult result = parse(calendar(
                    event("UID:xmas@district", "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=3",
                            "SUMMARY:Christmas"),
                    event("UID:xmas@district", "RECURRENCE-ID;VALUE=DATE:20271225", "DTSTART;VALUE=DATE:20271225",
                            "STATUS:CANCELLED", "SUMMARY:Christmas")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2028, 12, 25)), dates(result));
        }

        @Test
        void aMovedOccurrenceOverrideReplacesThatOccurrence() throws IOException {
            ParseResult result = parse(calendar(
                    event("UID:xmas@district", "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=2",
                            "SUMMARY:Christmas"),
                    event("UID:xmas@district", "RECURRENCE-ID;VALUE=DATE:20271225", "DTSTART;VALUE=DATE:20271224",
                            "SUMMARY:Christmas (observed)")));
            assertEquals(List.of(holiday("2026-12-25", "Christmas"), holiday("2027-12-24", "Christmas (observed)")),
                    result.holidays());
        }

        @Test
        void overridesOnlyAffectTheirOwnUid() throws IOException {
            ParseResult result = parse(calendar(
                    event("UID:a", "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=2", "SUMMARY:A"),
                    event("UID:b", "RECURRENCE-ID;VALUE=DATE:20271225", "DTSTART;VALUE=DATE:20271225",
                            "STATUS:CANCELLED")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 12, 25)), dates(result));
        }

        @Test
        void rdateAddsDates() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20261225", "RDATE;VALUE=DATE:20261228,20270102", "SUMMARY:Christmas")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 2)),
                    dates(result));
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void rdateAddsToARuleAndEachOccurrenceKeepsTheEventsLength() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;VALUE=DATE:20260907", "DTEND;VALUE=DATE:20260909", "RRULE:FREQ=YEARLY;COUNT=2",
                    "RDATE;VALUE=DATE:20270104", "SUMMARY:Two days off")));
            assertEquals(List.of(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 8),
                    LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 5),
                    LocalDate.of(2027, 9, 7), LocalDate.of(2027, 9, 8)), dates(result));
        }

        @Test
        void rdateTimesInAnotherZoneGiveTheDistrictsDate() throws IOException {
            ParseResult result = parse(calendar(event(
                    "DTSTART;TZID=America/Los_Angeles:20261225T090000",
                    "RDATE;TZID=Europe/London:20270102T050000", // Jan 1, 9 p.m. in California
                    "SUMMARY:Holiday")));
            assertEquals(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)), dates(result));
        }
    }

    @Nested
    class Result {

        @Test
        void sortedByDateAndDuplicatesKeepTheFirstName() throws IOException {
            ParseResult result = parse(calendar(
                    event("DTSTART;VALUE=DATE:20261221", "DTEND;VALUE=DATE:20261224", "SUMMARY:Winter Break"),
                    event("DTSTART;VALUE=DATE:20261126", "SUMMARY:Thanksgiving"),
                    event("DTSTART;VALUE=DATE:20261222", "SUMMARY:Staff Party"),
                    event("DTSTART;VALUE=DATE:20261126", "SUMMARY:Turkey Day")));
            assertEquals(List.of(
                    holiday("2026-11-26", "Thanksgiving"),
                    holiday("2026-12-21", "Winter Break"),
                    holiday("2026-12-22", "Winter Break"),
                    holiday("2026-12-23", "Winter Break")), result.holidays());
        }

        @Test
        void anEmptyCalendarHasNoHolidaysAndNoWarnings() throws IOException {
            ParseResult result = parse(calendar());
            assertEquals(List.of(), result.holidays());
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void theListsAreUnmodifiable() throws IOException {
            ParseResult result = parse(calendar(event("DTSTART;VALUE=DATE:20261225", "SUMMARY:Winter")));
            assertThrows(UnsupportedOperationException.class, () -> result.holidays().clear());
            assertThrows(UnsupportedOperationException.class, () -> result.warnings().add("x"));
        }

        @Test
        void anUnterminatedEventIsStillUsedWithAWarning() throws IOException {
            String ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Winter\r\n";
            ParseResult result = parse(ics);
            assertEquals(List.of(holiday("2026-12-25", "Winter")), result.holidays());
            assertWarning(result, "Winter", "END:VEVENT");
        }

        @Test
        void anEventClosedByEndVcalendarIsStillUsedWithAWarning() throws IOException {
            String ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Winter\r\nEND:VCALENDAR\r\n";
            ParseResult result = parse(ics);
            assertEquals(List.of(holiday("2026-12-25", "Winter")), result.holidays());
            assertWarning(result, "Winter", "END:VEVENT");
        }

        @Test
        void aStrayEndIsIgnoredWithAWarning() throws IOException {
            ParseResult result = parse(calendar("END:VTODO", event("DTSTART;VALUE=DATE:20261225", "SUMMARY:Winter")));
            assertEquals(List.of(holiday("2026-12-25", "Winter")), result.holidays());
            assertWarning(result, "Line 4", "END:VTODO");
        }
    }

    @Nested
    class RealWorldExports {

        @Test
        void outlookWithTimeZoneDefinitionsAndAlarms() throws IOException {
            String ics = String.join("\r\n",
                    "BEGIN:VCALENDAR",
                    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
                    "VERSION:2.0",
                    "METHOD:PUBLISH",
                    "X-WR-CALNAME:District Calendar 2026-27",
                    "BEGIN:VTIMEZONE",
                    "TZID:Pacific Standard Time",
                    "BEGIN:STANDARD",
                    "DTSTART:16011104T020000",
                    "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
                    "TZOFFSETFROM:-0700",
                    "TZOFFSETTO:-0800",
                    "END:STANDARD",
                    "BEGIN:DAYLIGHT",
                    "DTSTART:16010311T020000",
                    "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
                    "TZOFFSETFROM:-0800",
                    "TZOFFSETTO:-0700",
                    "END:DAYLIGHT",
                    "END:VTIMEZONE",
                    "BEGIN:VEVENT",
                    "CLASS:PUBLIC",
                    "CREATED:20260801T171500Z",
                    "DESCRIPTION:No school for students and staff.\\n",
                    "DTEND;TZID=\"Pacific Standard Time\":20261128T000000",
                    "DTSTAMP:20260801T171500Z",
                    "DTSTART;TZID=\"Pacific Standard Time\":20261126T000000",
                    "LAST-MODIFIED:20260801T171500Z",
                    "PRIORITY:5",
                    "SEQUENCE:0",
                    "SUMMARY;LANGUAGE=en-us:Thanksgiving Recess",
                    "TRANSP:OPAQUE",
                    "UID:040000008200E00074C5B7101A82E00800000000D0B1C0A7F6A8DA01000000000000000010000000",
                    " 4B0C8E1D2A3F4E5D6C7B8A9F0E1D2C3B",
                    "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
                    "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
                    "BEGIN:VALARM",
                    "TRIGGER:-PT15M",
                    "ACTION:DISPLAY",
                    "DESCRIPTION:Reminder",
                    "SUMMARY:Alarm summary must not rename the event",
                    "END:VALARM",
                    "END:VEVENT",
                    "BEGIN:VEVENT",
                    "DTSTART;VALUE=DATE:20261221",
                    "DTEND;VALUE=DATE:20270102",
                    "SUMMARY;LANGUAGE=en-us:Winter Recess",
                    "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
                    "UID:winter-recess",
                    "END:VEVENT",
                    "END:VCALENDAR",
                    "");
            ParseResult result = parse(ics);
            assertEquals(2 + 12, result.holidays().size());
            assertEquals(holiday("2026-11-26", "Thanksgiving Recess"), result.holidays().get(0));
            assertEquals(holiday("2026-11-27", "Thanksgiving Recess"), result.holidays().get(1));
            assertEquals(range("2026-12-21", "2027-01-01"), dates(result).subList(2, 14));
            assertEquals(List.of(), result.warnings());
        }

        @Test
        void googleCalendarExport() throws IOException {
            String ics = String.join("\n",
                    "BEGIN:VCALENDAR",
                    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
                    "VERSION:2.0",
                    "CALSCALE:GREGORIAN",
                    "METHOD:PUBLISH",
                    "X-WR-CALNAME:School Holidays",
                    "X-WR-TIMEZONE:America/Los_Angeles",
                    "BEGIN:VEVENT",
                    "DTSTART;VALUE=DATE:20270118",
                    "DTEND;VALUE=DATE:20270119",
                    "DTSTAMP:20260901T120000Z",
                    "UID:abc123@google.com",
                    "CREATED:20260901T120000Z",
                    "DESCRIPTION:Martin Luther King Jr. Day \u2014 schools and offices closed\\, see https://exa",
                    " mple.org/calendar",
                    "LAST-MODIFIED:20260901T120000Z",
                    "LOCATION:",
                    "SEQUENCE:0",
                    "STATUS:CONFIRMED",
                    "SUMMARY:Martin Luther King Jr. Day",
                    "TRANSP:TRANSPARENT",
                    "END:VEVENT",
                    "END:VCALENDAR");
            ParseResult result = parse(ics);
            assertEquals(List.of(holiday("2027-01-18", "Martin Luther King Jr. Day")), result.holidays());
            assertEquals(List.of(), result.warnings());
        }
    }

    @Nested
    class NotICalendar {

        private static final String MESSAGE = "Not an iCalendar file: it must begin with BEGIN:VCALENDAR";

        @ParameterizedTest
        @ValueSource(strings = {"", "   \r\n\r\n", "hello world", "<html><body>Not found</body></html>",
                "BEGIN:VEVENT\r\nDTSTART:20261225\r\nEND:VEVENT\r\n", "Subject,Start Date\r\nWinter,12/25/2026\r\n",
                "BEGIN:VCARD\r\nEND:VCARD\r\n", "X-PROLOG:1\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                "BEGIN:VCALENDARX\r\nEND:VCALENDAR\r\n"})
        void garbageIsRefused(String text) {
            IllegalArgumentException e = assertRefused(text);
            assertEquals(MESSAGE, e.getMessage());
        }

        @Test
        void binaryIsRefused() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(png));
            assertEquals(MESSAGE, e.getMessage());
        }

        @Test
        void leadingBlankLinesAndLowercaseAreTolerated() throws IOException {
            assertEquals(List.of(), parse("\r\n\r\nbegin:vcalendar\r\nend:vcalendar\r\n").holidays());
        }
    }

    @Nested
    class Size {

        private String calendarOfLength(int length, char padding) {
            String head = "BEGIN:VCALENDAR\r\nX-PADDING:";
            String tail = "\r\nEND:VCALENDAR\r\n";
            return head + String.valueOf(padding).repeat(length - head.length() - tail.length()) + tail;
        }

        @Test
        void oneMillionCharactersAreAccepted() throws IOException {
            String ics = calendarOfLength(1_000_000, 'x');
            assertEquals(1_000_000, ics.length());
            assertEquals(List.of(), parse(ics).holidays());
        }

        @Test
        void oneMoreCharacterIsTooLarge() {
            IllegalArgumentException e = assertRefused(calendarOfLength(1_000_001, 'x'));
            assertTrue(e.getMessage().startsWith("iCalendar file too large"), e.getMessage());
        }

        @Test
        void theLimitCountsCharactersNotBytes() throws IOException {
            // Two bytes per character: two million bytes, still one million characters.
            assertEquals(List.of(), parse(calendarOfLength(1_000_000, '\u00e9')).holidays());
            IllegalArgumentException e = assertRefused(calendarOfLength(1_000_001, '\u00e9'));
            assertTrue(e.getMessage().startsWith("iCalendar file too large"), e.getMessage());
        }

        @Test
        void aHugeStreamIsNotReadToTheEnd() {
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    return 'x';
                }
            };
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IcsHolidayParser.parse(endless, DISTRICT));
            assertTrue(e.getMessage().startsWith("iCalendar file too large"), e.getMessage());
        }
    }

    @Test
    void readFailuresPropagate() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        IOException e = assertThrows(IOException.class, () -> IcsHolidayParser.parse(broken, DISTRICT));
        assertEquals("disk on fire", e.getMessage());
    }

    @Test
    void aNullStreamIsRejected() {
        assertThrows(NullPointerException.class, () -> IcsHolidayParser.parse(null, DISTRICT));
    }

    @Test
    void eachEventIsListedWithItsDaysAndWhetherItLastsWholeDays() throws IOException {
        ParseResult result = parse(calendar(
                event("UID:t1", "DTSTART;VALUE=DATE:20260817", "SUMMARY:Term 1 Start"),
                event("UID:wb", "DTSTART;VALUE=DATE:20261221", "DTEND;VALUE=DATE:20261224", "SUMMARY:Winter break"),
                event("UID:pd", "DTSTART:20261005T150000Z", "DTEND:20261005T170000Z", "SUMMARY:Staff meeting"),
                event("UID:x", "DTSTART;VALUE=DATE:20261001", "STATUS:CANCELLED", "SUMMARY:Cancelled")));
        List<IcsHolidayParser.CalendarEvent> events = result.events();
        assertEquals(List.of("Term 1 Start", "Winter break", "Staff meeting"),
                events.stream().map(IcsHolidayParser.CalendarEvent::name).toList());
        assertEquals(List.of(true, true, false), events.stream().map(IcsHolidayParser.CalendarEvent::allDay).toList());
        assertEquals(range("2026-12-21", "2026-12-23"), events.get(1).dates());
    }
}
