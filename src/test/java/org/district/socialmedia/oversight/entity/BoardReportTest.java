package org.district.socialmedia.oversight.entity;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoardReportTest {

    static BoardReport sample(long answered, long late) {
        Double rate = answered == 0 ? null : Durations.share(answered - late, answered);
        RequestFigures requests = new RequestFigures("2026-11-01", "2026-11-30", rate, answered, late, 30.0, 100.0, List.of(),
                List.of(), List.of(new RequestFigures.Count("AUTHORIZED", "Authorized as proposed", answered)),
                List.of(new RequestFigures.Count("UP_TO_2_DAYS", "0 to 2 days", 2)));
        AccountFigures accounts = new AccountFigures("2026-12-01", 40, 12,
                List.of(new AccountFigures.ComplianceRow(1L, "Lincoln High School", 40, 12, 1, 2, 3, 4)), List.of(), 5, 1, 1, 0);
        ConsentCoverage coverage = new ConsentCoverage("2026-11-30", List.of("PHOTO"),
                List.of(new ConsentCoverage.Row(1L, "Lincoln High School", "Lincoln High School", 50, Map.of("PHOTO", 39L),
                        Map.of("PHOTO", 0.78))), List.of(), 4);
        TakedownFigures takedowns = new TakedownFigures("2026-11-01", "2026-11-30", 1, 3, 5.0, 9.0);
        return new BoardReport("Example Unified School District", YearMonth.of(2026, 11), "7 days", requests, accounts, coverage,
                takedowns);
    }

    @Test
    void oneSentencePerAreaInPlainWords() {
        BoardReport r = sample(50, 3);
        assertEquals("94% of requests were answered within 7 days in November 2026; 3 were late.", r.requestSentence());
        assertEquals("12 of 40 accounts in use had a compliance issue on 1 December 2026; 5 grants of rights end within 30 days.",
                r.accountSentence());
        assertEquals("78% of enrolled students could appear in photographs on 30 November 2026; 4 consent forms end within 30 days.",
                r.consentSentence());
        assertEquals("3 takedowns were done in November 2026, in a median of 5.0 hours; 1 takedown is open.", r.takedownSentence());
    }

    @Test
    void aMonthWithALateAnswerNeverReadsOneHundredPercent() {
        assertEquals("99% of requests were answered within 7 days in November 2026; 1 was late.", sample(1000, 1).requestSentence());
        assertEquals("100% of requests were answered within 7 days in November 2026; none was late.", sample(4, 0).requestSentence());
        assertEquals("No request was answered in November 2026; 2 requests are open.", sample(0, 0).requestSentence());
    }
}
