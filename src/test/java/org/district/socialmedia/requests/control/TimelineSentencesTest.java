package org.district.socialmedia.requests.control;

import org.district.socialmedia.audit.entity.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TimelineSentencesTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private final TimelineSentences sentences = new TimelineSentences(LA,
            u -> Map.of("employee1", "Maria Lopez", "superintendent", "Dana Reyes").getOrDefault(u, u));

    @Test
    void aSubmissionReadsWithItsLocalDeadlineAndPeriodInWords() {
        String s = sentences.sentence(entry("2026-12-04T17:14:00Z", "employee1", "REQUEST_SUBMITTED",
                "status: \"DRAFT\" -> \"SUBMITTED\"; deadline: 2026-12-12T07:59:59Z (P7D, calendar days); acknowledged 2025-1"));
        assertEquals("Submitted by Maria Lopez on 4 Dec 2026 at 9:14 AM; answer due by 11 Dec 2026 at 11:59 PM (7 calendar days).", s);
    }

    @Test
    void aDecisionReadsWithItsOutcomeAndEachLineInWords() {
        String s = sentences.sentence(entry("2026-12-05T18:00:00Z", "superintendent", "REQUEST_DECIDED",
                "status: -> \"DECIDED\"; outcome: \"AUTHORIZED_WITH_MODIFICATIONS\"; by Dana Reyes (Superintendent); lines: 1=AUTHORIZE, 2=AMEND"));
        assertEquals("Answered by Dana Reyes (Superintendent) on 5 Dec 2026 at 10:00 AM: Authorized with modifications or limits"
                + " (platform 1: authorize as proposed; platform 2: authorize with modifications or limits).", s);
    }

    @Test
    void escalationsWithdrawalsAndOthersCarryNoCodesOrUtcTimes() {
        String reminder = sentences.sentence(entry("2026-12-10T16:00:00Z", "system", "ESCALATION_REMINDER",
                "REMINDER_P2D (due 2026-12-10T07:59:59Z) reached [superintendent, employee1]"));
        assertEquals("Reminder about the coming deadline sent on 10 Dec 2026 at 8:00 AM to Dana Reyes, Maria Lopez"
                + " (it was due 9 Dec 2026 at 11:59 PM).", reminder);
        assertEquals("Withdrawn by Maria Lopez on 4 Dec 2026 at 9:14 AM.", sentences.sentence(entry("2026-12-04T17:14:00Z",
                "employee1", "REQUEST_WITHDRAWN", "status: \"SUBMITTED\" -> \"WITHDRAWN\"")));
        assertEquals("7 calendar days", TimelineSentences.period("P7D", "calendar"));
        assertEquals("5 school days", TimelineSentences.period("P5D", "school"));
        assertEquals("5 minutes", TimelineSentences.period("PT5M", "calendar"));
        String other = sentences.sentence(entry("2026-12-04T17:14:00Z", "employee1", "SOMETHING_NEW",
                "status: \"INFO_REQUESTED\" at 2026-12-04T17:14:00Z"));
        assertEquals("Something new by Maria Lopez on 4 Dec 2026 at 9:14 AM: status: Information requested at 4 Dec 2026 at 9:14 AM", other);
        assertFalse(other.contains("Z"));
    }

    @Test
    void escalationStagesReadAsWords() {
        assertEquals("Reminder, 2 days before the deadline", TimelineSentences.stage("REMINDER_P2D"));
        assertEquals("Reminder, 5 minutes before the deadline", TimelineSentences.stage("REMINDER_PT5M"));
        assertEquals("Overdue notice, at the deadline", TimelineSentences.stage("OVERDUE"));
        assertEquals("Overdue notice repeated (2)", TimelineSentences.stage("OVERDUE_REPEAT_2"));
    }

    private static AuditEntry entry(String at, String actor, String action, String details) {
        return new AuditEntry(Instant.parse(at), actor, "", "127.0.0.1", action, "SocialMediaRequest", "1",
                AuditEntry.Outcome.DONE, details);
    }
}
