package org.district.socialmedia.oversight.boundary;

import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;
import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HomeCountTextTest {

    private static String text(String key, long count) {
        return HomeCountText.text(HomeCount.of(Role.REVIEWER, key, count, "/review/queue.xhtml"));
    }

    @Test
    void theCountIsInTheWordsWithItsPlural() {
        assertEquals("No requests overdue", text("home.review.overdue", 0));
        assertEquals("1 request overdue", text("home.review.overdue", 1));
        assertEquals("3 requests overdue", text("home.review.overdue", 3));
        assertEquals("1,200 consent renewals due", text("home.consent.renewals", 1200));
        assertEquals("1 timer needs attention", text("home.timers.attention", 1));
    }

    @Test
    void aCountPastTheListsLimitSaysMoreThan() {
        HomeCount many = new HomeCount(Role.REVIEWER, "home.review.overdue", 10_000, true, "/review/queue.xhtml?show=OVERDUE");
        assertEquals("More than 10,000 requests overdue", HomeCountText.text(many));
    }

    @Test
    void everyHomeKeyOfTheBundleIsAValidPatternWithTheCountInEachChoice() {
        ResourceBundle bundle = ResourceBundle.getBundle("messages");
        long keys = bundle.keySet().stream().filter(k -> k.startsWith("home.")).peek(key -> {
            assertTrue(text(key, 0).startsWith("No "), key);
            assertTrue(text(key, 1).startsWith("1 "), key);
            assertTrue(text(key, 7).startsWith("7 "), key);
            assertFalse(text(key, 7).contains("{"), key);
        }).count();
        assertTrue(keys >= 10, "home keys: " + keys);
    }

    @Test
    void aLineHasAStableIdAndThePortalPath() {
        HomeCountText.Line line = HomeCountText.line(HomeCount.of(Role.SYSTEM_ADMIN, "home.outbox.failed", 2, "/admin/outbox.xhtml?status=FAILED"));
        assertEquals(new HomeCountText.Line("2 emails failed to send", "/admin/outbox.xhtml?status=FAILED", "count-home-outbox-failed", 2), line);
    }

    @Test
    void aCountLinksInsideThePortalOnly() {
        assertThrows(IllegalArgumentException.class, () -> HomeCount.of(Role.EMPLOYEE, "home.requests.open", 1, "https://elsewhere.example"));
        assertThrows(IllegalArgumentException.class, () -> HomeCount.of(Role.EMPLOYEE, "home.requests.open", -1, "/requests/mine.xhtml"));
        assertThrows(IllegalArgumentException.class, () -> HomeCount.of(null, "home.requests.open", 1, "/requests/mine.xhtml"));
    }
}
