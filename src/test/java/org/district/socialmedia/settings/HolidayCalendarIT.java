package org.district.socialmedia.settings;

import jakarta.inject.Inject;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.control.IcsHolidayParser;
import org.district.socialmedia.settings.entity.HolidayDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Inside the server: ical4j, bundled in the WAR, reads an Outlook calendar with its own time zone
 * definition and a weekly rule, with the District's time zone, without reaching for the network.
 */
@ExtendWith(ArquillianExtension.class)
class HolidayCalendarIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    DistrictSettingsService settings;

    @Test
    void anOutlookCalendarWithATimeZoneDefinitionAndAWeeklyRuleIsRead() throws IOException {
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
                "VERSION:2.0",
                "BEGIN:VTIMEZONE",
                "TZID:Eastern Standard Time",
                "BEGIN:STANDARD",
                "DTSTART:16011104T020000",
                "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
                "TZOFFSETFROM:-0400",
                "TZOFFSETTO:-0500",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "DTSTART:16010311T020000",
                "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0400",
                "END:DAYLIGHT",
                "END:VTIMEZONE",
                "BEGIN:VEVENT",
                "UID:late-night@district.example.org",
                // 1 a.m. in New York: the evening before in California
                "DTSTART;TZID=\"Eastern Standard Time\":20261104T010000",
                "DTEND;TZID=\"Eastern Standard Time\":20261104T020000",
                "RRULE:FREQ=WEEKLY;COUNT=3",
                "EXDATE;TZID=\"Eastern Standard Time\":20261111T010000",
                "SUMMARY:Late night",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:winter@district.example.org",
                "DTSTART;VALUE=DATE:20261221",
                "DTEND;VALUE=DATE:20261223",
                "SUMMARY:Winter Re",
                " cess",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        IcsHolidayParser.ParseResult result = IcsHolidayParser.parse(
                new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), settings.current().timeZone());
        assertEquals(List.of(
                new HolidayDate(LocalDate.of(2026, 11, 3), "Late night"),
                new HolidayDate(LocalDate.of(2026, 11, 17), "Late night"),
                new HolidayDate(LocalDate.of(2026, 12, 21), "Winter Recess"),
                new HolidayDate(LocalDate.of(2026, 12, 22), "Winter Recess")), result.holidays());
        assertEquals(List.of(), result.warnings());
    }
}
