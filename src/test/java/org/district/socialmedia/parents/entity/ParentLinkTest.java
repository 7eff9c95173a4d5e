package org.district.socialmedia.parents.entity;

import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.Student;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentLinkTest {

    private static final Instant SENT = Instant.parse("2026-09-01T16:00:00Z");
    private static final Duration TTL = Duration.ofDays(14);

    private static <T> T blank(Class<T> type) throws Exception {
        Constructor<T> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static ParentLink link(int reminders) throws Exception {
        return new ParentLink(null, blank(Student.class), blank(Guardian.class), null, "parent@example.org", SENT, TTL, null, reminders);
    }

    @Test
    void aLinkIsOpenUntilItsTimeToLiveEnds() throws Exception {
        ParentLink link = link(2);
        assertEquals(SENT.plus(TTL), link.getExpiresAt());
        assertEquals(LinkState.OPEN, link.state(SENT));
        assertEquals(LinkState.OPEN, link.state(SENT.plus(TTL).minusSeconds(1)));
        assertEquals(LinkState.EXPIRED, link.state(SENT.plus(TTL)));
    }

    @Test
    void aLinkSignsOnceThenOnlyViewsAndRevokes() throws Exception {
        ParentLink link = link(2);
        link.answered(42L, false, SENT.plusSeconds(60));
        assertEquals(LinkState.ANSWERED, link.state(SENT.plusSeconds(61)));
        assertEquals(42L, link.getFormId());
        assertTrue(link.getOpenedAt() != null, "signing counts as opened");
        LinkStateException again = assertThrows(LinkStateException.class, () -> link.answered(43L, false, SENT.plusSeconds(120)));
        assertEquals(LinkState.ANSWERED, again.getState());
        assertEquals(42L, link.getFormId());
        assertNull(link.getNextReminderAt(), "an answered link is not reminded");
    }

    @Test
    void anExpiredLinkCannotSign() throws Exception {
        ParentLink link = link(2);
        LinkStateException e = assertThrows(LinkStateException.class, () -> link.answered(1L, false, SENT.plus(TTL)));
        assertEquals(LinkState.EXPIRED, e.getState());
    }

    @Test
    void remindersAreSpreadOverTheLinkAndStopAtTheLimit() throws Exception {
        ParentLink link = link(2);
        Instant first = SENT.plus(TTL.dividedBy(3));
        assertEquals(first, link.getNextReminderAt());
        assertFalse(link.reminderDue(first.minusSeconds(1)));
        assertTrue(link.reminderDue(first));
        assertEquals(1, link.reminderSent(2));
        assertEquals(SENT.plus(TTL.multipliedBy(2).dividedBy(3)), link.getNextReminderAt());
        assertEquals(2, link.reminderSent(2));
        assertNull(link.getNextReminderAt(), "at most CONSENT_REMINDERS reminders");
    }

    @Test
    void noRemindersWhenTheSettingIsZeroOrTheLinkShowsASignedForm() throws Exception {
        assertNull(link(0).getNextReminderAt());
        ParentLink again = new ParentLink(null, blank(Student.class), blank(Guardian.class), null, "p@example.org", SENT, TTL, 7L, 2);
        assertNull(again.getNextReminderAt());
        assertEquals(LinkState.ANSWERED, again.state(SENT));
    }

    @Test
    void aReminderIsNotDueAfterTheLinkEnded() throws Exception {
        ParentLink link = link(2);
        assertFalse(link.reminderDue(SENT.plus(TTL)));
    }
}
