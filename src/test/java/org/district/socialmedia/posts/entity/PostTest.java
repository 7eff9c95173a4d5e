package org.district.socialmedia.posts.entity;

import org.district.socialmedia.consent.entity.ConsentCheck;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentReason;
import org.district.socialmedia.consent.entity.ConsentRules;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostTest {

    private static final Instant NOW = Instant.parse("2026-09-15T16:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 15);

    /** A saved check of students 11 and 12 for account 7 on {@code day}; student 12 refused when {@code refuse12}. */
    private static ConsentCheck check(LocalDate day, boolean refuse12) {
        Map<Long, ConsentRules.Answer> answers = new LinkedHashMap<>();
        answers.put(11L, new ConsentRules.Answer(true, null, 1L));
        answers.put(12L, refuse12 ? new ConsentRules.Answer(false, ConsentReason.NO_CONSENT, null) : new ConsentRules.Answer(true, null, 2L));
        ConsentCheck check = new ConsentCheck(new ConsentRules.Post(7L, 2L, Set.of(ConsentItem.PHOTO, ConsentItem.FIRST_NAME), day),
                answers, "siteadmin", NOW, true);
        try {
            Field id = ConsentCheck.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(check, 99L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return check;
    }

    @Test
    void aPostClearedForEveryStudentKeepsWhatTheCheckSaw() {
        LocalDate day = TODAY.plusDays(2);
        Post post = new Post(check(day, false), day, TODAY, " siteadmin ", NOW);
        assertEquals(7L, post.getAccountId());
        assertEquals(2L, post.getPlatformId());
        assertEquals(99L, post.getCheckId());
        assertEquals(Set.of(11L, 12L), post.getStudentIds());
        assertEquals(Set.of(ConsentItem.PHOTO, ConsentItem.FIRST_NAME), post.getItems());
        assertEquals("siteadmin", post.getRecordedBy());
        assertNull(post.getUrl());
        assertTrue(check(day, false).isForPost());
    }

    @Test
    void aPostWithAStudentNotAllowedIsNeverRecorded() {
        assertThrows(IllegalArgumentException.class, () -> new Post(check(TODAY, true), TODAY, TODAY, "siteadmin", NOW));
    }

    @Test
    void theCheckMustBeForThePlannedDay() {
        assertThrows(IllegalArgumentException.class, () -> new Post(check(TODAY, false), TODAY.plusDays(1), TODAY, "siteadmin", NOW));
    }

    @Test
    void aPostIsPlannedFromTodayToAYearAhead() {
        Post.checkPlannedOn(TODAY, TODAY);
        Post.checkPlannedOn(TODAY.plusDays(Post.PLANNED_DAYS_MAX), TODAY);
        assertEquals("plannedOn", field(() -> Post.checkPlannedOn(TODAY.minusDays(1), TODAY)));
        assertEquals("plannedOn", field(() -> Post.checkPlannedOn(TODAY.plusDays(Post.PLANNED_DAYS_MAX + 1), TODAY)));
        assertEquals("plannedOn", field(() -> Post.checkPlannedOn(null, TODAY)));
    }

    @Test
    void theAddressIsKeptWithWhoAddedItAndWhen() {
        Post post = new Post(check(TODAY, false), TODAY, TODAY, "siteadmin", NOW);
        post.publishedAt("  https://www.facebook.com/lincoln/posts/123  ", "employee3", NOW.plusSeconds(60));
        assertEquals("https://www.facebook.com/lincoln/posts/123", post.getUrl());
        assertEquals("employee3", post.getUrlAddedBy());
        assertEquals(NOW.plusSeconds(60), post.getUrlAddedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.org/a", "data:text/html,hi", "www.facebook.com/x", "https://",
            "https://user:pw@example.org/", "http://exa mple.org/", "", "   "})
    void onlyAnHttpOrHttpsAddressWithAHostIsAccepted(String address) {
        assertEquals("url", field(() -> Post.checkUrl(address)));
    }

    @Test
    void anOverlongAddressIsRefusedAndHttpIsAccepted() {
        assertEquals("url", field(() -> Post.checkUrl("https://example.org/" + "a".repeat(Post.URL_MAX))));
        assertEquals("http://example.org/a?b=c#d", Post.checkUrl("http://example.org/a?b=c#d"));
        assertEquals("url", field(() -> Post.checkUrl(null)));
    }

    private static String field(Runnable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action::run);
        return e.getFieldErrors().keySet().iterator().next();
    }
}
