package org.district.socialmedia.accounts.control;

import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplianceMomentsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");

    @Test
    void theNextChangeIsTheEarlierOfAPrivacyReviewGrowingOldAndAChecklistFallingOverdue() {
        Instant review = NOW.minus(Duration.ofDays(300));
        Instant reviewOld = review.plus(DistrictAccount.PRIVACY_REVIEW_VALID);
        Instant overdueSoon = NOW.plus(Duration.ofDays(10));
        Instant overdueLate = NOW.plus(Duration.ofDays(100));
        assertEquals(overdueSoon, ComplianceMoments.nextChange(review, overdueSoon));
        assertEquals(reviewOld, ComplianceMoments.nextChange(review, overdueLate));
        assertEquals(reviewOld, ComplianceMoments.nextChange(review, null));
        assertEquals(overdueSoon, ComplianceMoments.nextChange(null, overdueSoon));
        assertNull(ComplianceMoments.nextChange(null, null), "nothing changes with time alone");
    }

    @Test
    void aReviewFailsOnlyAfterItsValidityEndsAndTheRowStopsHoldingThen() {
        // AccountQueries counts a review as outdated when older than the validity: at the very moment it is still valid
        Instant review = NOW.minus(DistrictAccount.PRIVACY_REVIEW_VALID);
        Instant next = ComplianceMoments.nextChange(review, null);
        assertEquals(NOW, next);
        // the row stops holding at that moment (counted again, which then sees it valid or outdated as it is)
        assertFalse(ComplianceMoments.holds(false, NOW.minusSeconds(5), next, NOW));
        assertTrue(ComplianceMoments.holds(false, NOW.minusSeconds(5), next, NOW.minusNanos(1000)));
    }

    @Test
    void aRowHoldsWhenNotStaleAndBeforeItsNextChange() {
        Instant counted = NOW.minusSeconds(60);
        assertTrue(ComplianceMoments.holds(false, counted, null, NOW));
        assertTrue(ComplianceMoments.holds(false, counted, NOW.plusSeconds(1), NOW));
        assertTrue(ComplianceMoments.holds(false, NOW, null, NOW), "counted at this very moment");
        assertFalse(ComplianceMoments.holds(false, counted, NOW, NOW), "a checklist is overdue from its overdue moment on");
        assertFalse(ComplianceMoments.holds(false, counted, NOW.minusSeconds(1), NOW));
        assertFalse(ComplianceMoments.holds(true, counted, null, NOW));
        assertFalse(ComplianceMoments.holds(true, counted, NOW.plusSeconds(60), NOW));
    }

    @Test
    void aRowCountedLaterThanNowDoesNotHold() {
        // a test server's clock moved forward, the unit counted, the clock set back: the count saw a later moment
        assertFalse(ComplianceMoments.holds(false, NOW.plus(Duration.ofDays(40)), null, NOW));
        assertFalse(ComplianceMoments.holds(false, NOW.plusMillis(1), NOW.plus(Duration.ofDays(400)), NOW));
    }

    @Test
    void figuresCompareEveryColumn() {
        AccountQueries.UnitCompliance a = new AccountQueries.UnitCompliance(1L, "A", 10, 4, 1, 2, 3, 1, 0);
        assertTrue(StoredCompliance.sameFigures(a, new AccountQueries.UnitCompliance(1L, null, 10, 4, 1, 2, 3, 1, 0)),
                "the name is not a figure");
        long[][] changed = {{11, 4, 1, 2, 3, 1, 0}, {10, 5, 1, 2, 3, 1, 0}, {10, 4, 2, 2, 3, 1, 0}, {10, 4, 1, 3, 3, 1, 0},
                {10, 4, 1, 2, 4, 1, 0}, {10, 4, 1, 2, 3, 2, 0}, {10, 4, 1, 2, 3, 1, 1}};
        for (long[] c : changed) {
            assertFalse(StoredCompliance.sameFigures(a, new AccountQueries.UnitCompliance(1L, "A", c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
        }
        assertEquals("accounts 10, failing 4, identification 1, privacy 2, admins 3, operators 1, checklists 0",
                StoredCompliance.figuresText(a));
    }

    @Test
    void aRowDiffersFromItsRecountByItsFlaggedRightsToo() {
        AccountQueries.UnitCompliance c = new AccountQueries.UnitCompliance(7L, null, 10, 4, 1, 2, 3, 1, 0);
        long[] bands = {0, 1, 2, 7};
        long[] slots = new long[UnitRights.SLOTS];
        StoredCompliance row = new StoredCompliance(c, bands, LocalDate.of(2026, 12, 6), slots, 3);
        assertEquals(List.of(), row.differences(c, bands, slots, 3L));
        assertEquals(List.of("unit 7: stored rights flagged by an access review 3; recounted 2"), row.differences(c, bands, slots, 2L));
        assertEquals(List.of("unit 7: stored rights flagged by an access review 3; recounted 0"), row.differences(c, bands, slots, null),
                "none flagged in the unit: no row in the recount's map");
        assertEquals(List.of(), new StoredCompliance(c, bands, LocalDate.of(2026, 12, 6), slots, 0).differences(c, bands, slots, null));
    }
}
