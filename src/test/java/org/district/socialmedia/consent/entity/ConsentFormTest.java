package org.district.socialmedia.consent.entity;

import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.Student;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Set;

import static org.district.socialmedia.consent.entity.ConsentFixtures.NOW;
import static org.district.socialmedia.consent.entity.ConsentFixtures.SIGNED;
import static org.district.socialmedia.consent.entity.ConsentFixtures.TODAY;
import static org.district.socialmedia.consent.entity.ConsentFixtures.form;
import static org.district.socialmedia.consent.entity.ConsentItem.FIRST_NAME;
import static org.district.socialmedia.consent.entity.ConsentItem.FULL_NAME;
import static org.district.socialmedia.consent.entity.ConsentItem.PHOTO;
import static org.district.socialmedia.consent.entity.ConsentItem.VIDEO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsentFormTest {

    @Test
    void withoutDatesTheFormCoversTheSchoolYearOfItsSigning() {
        ConsentForm form = form(PHOTO);
        assertEquals(LocalDate.of(2026, 7, 1), form.getPeriodStart());
        assertEquals(LocalDate.of(2027, 6, 30), form.getPeriodEnd());
        assertEquals(ConsentStatus.ACTIVE, form.getStatus());
        LocalDate[] spring = ConsentForm.schoolYear(LocalDate.of(2027, 3, 1), MonthDay.of(7, 1));
        assertEquals(LocalDate.of(2026, 7, 1), spring[0]);
    }

    @Test
    void theRulesOfAFormAreCheckedFieldByField() {
        Student student = ConsentFixtures.student();
        Guardian stranger = new Guardian("x", "Sam", "Other", null, null, GuardianRole.RELATIVE, NOW);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ConsentForm(
                new ConsentFormInput(student, stranger, TODAY.plusDays(1), " ", null, Set.of(PHOTO),
                        ConsentChannel.ACCOUNTS, Set.of(), Set.of(), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 1), null),
                MonthDay.of(7, 1), TODAY, "clerk", NOW));
        assertEquals(Set.of("signer", "signedOn", "formVersion", "receivedBy", "accountIds", "periodEnd"),
                e.getFieldErrors().keySet());
    }

    @Test
    void aPartialRevocationKeepsTheRestInForceAndAFurtherOneEndsIt() {
        ConsentForm form = form(PHOTO, VIDEO, FULL_NAME);
        ConsentRevocation first = form.revoke(LocalDate.of(2026, 9, 10), "Ms. Park, front office", Set.of(PHOTO), TODAY, "clerk", NOW);
        assertEquals(Set.of(PHOTO), first.items());
        assertEquals(EnumSet.of(VIDEO, FULL_NAME), form.itemsAfterRevocations(TODAY));
        assertEquals(EnumSet.of(PHOTO, VIDEO, FULL_NAME), form.itemsAfterRevocations(LocalDate.of(2026, 9, 9)));
        assertEquals(ConsentStatus.ACTIVE, form.getStatus());

        ConsentRevocation rest = form.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        assertEquals(EnumSet.of(VIDEO, FULL_NAME), rest.items());
        assertEquals(ConsentStatus.REVOKED, form.getStatus());
        assertThrows(ConsentStateException.class, () -> form.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW));
    }

    @Test
    void revokingAnItemTwiceIsRefused() {
        ConsentForm form = form(PHOTO, VIDEO);
        form.revoke(TODAY, "Ms. Park", Set.of(PHOTO), TODAY, "clerk", NOW);
        assertThrows(ConsentStateException.class, () -> form.revoke(TODAY, "Ms. Park", Set.of(PHOTO), TODAY, "clerk", NOW));
    }

    @Test
    void revokingTheFirstNameTakesTheFullNameToo() {
        ConsentForm form = form(FULL_NAME, FIRST_NAME, PHOTO);
        form.revoke(TODAY, "Ms. Park", Set.of(FIRST_NAME), TODAY, "clerk", NOW);
        assertEquals(EnumSet.of(PHOTO), form.itemsAfterRevocations(TODAY));
    }

    @Test
    void aRevocationNeedsItsDateAndWhoReceivedIt() {
        ConsentForm form = form(PHOTO);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> form.revoke(SIGNED.minusDays(1), " ", null, TODAY, "clerk", NOW));
        assertEquals(Set.of("revokedOn", "receivedBy"), e.getFieldErrors().keySet());
        assertThrows(InvalidInputException.class, () -> form.revoke(TODAY.plusDays(1), "Ms. Park", null, TODAY, "clerk", NOW));
        assertEquals(ConsentStatus.ACTIVE, form.getStatus());
    }

    @Test
    void expiryHappensOnceAfterTheLastDay() {
        ConsentForm form = form(PHOTO);
        assertFalse(form.expireIfEnded(LocalDate.of(2027, 6, 30), NOW));
        assertTrue(form.expireIfEnded(LocalDate.of(2027, 7, 1), NOW));
        assertEquals(ConsentStatus.EXPIRED, form.getStatus());
        assertNotNull(form.getExpiredAt());
        assertFalse(form.expireIfEnded(LocalDate.of(2027, 7, 2), NOW.plusSeconds(60)));
        assertEquals(NOW, form.getExpiredAt());
    }

    @Test
    void aFullyRevokedFormDoesNotExpireButAnExpiredOneCanStillBeRevoked() {
        ConsentForm revoked = form(PHOTO);
        revoked.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        assertFalse(revoked.expireIfEnded(LocalDate.of(2027, 7, 1), NOW));
        assertEquals(ConsentStatus.REVOKED, revoked.getStatus());

        ConsentForm expired = form(PHOTO);
        expired.expireIfEnded(LocalDate.of(2027, 7, 1), NOW);
        expired.revoke(LocalDate.of(2027, 7, 5), "Ms. Park", null, LocalDate.of(2027, 7, 5), "clerk", NOW);
        assertEquals(ConsentStatus.REVOKED, expired.getStatus());
    }

    @Test
    void takedownTaskIsDoneOnceAndStopsReminders() {
        ConsentForm form = form(PHOTO);
        ConsentRevocation revocation = form.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        TakedownTask task = new TakedownTask(revocation, ConsentFixtures.ACCOUNT, "clerk", NOW, NOW.plusSeconds(86400));
        task.assign(Set.of("operator1", " "));
        assertEquals(Set.of("operator1"), task.getAssignees());
        task.reminderSent(NOW.plusSeconds(86400), java.time.Duration.ofDays(1));
        assertEquals(1, task.getRemindersSent());
        assertEquals(NOW.plusSeconds(2 * 86400), task.getNextReminderAt());
        task.markDone("operator1", "Removed 2 posts", NOW.plusSeconds(90000));
        assertEquals(TakedownTask.Status.DONE, task.getStatus());
        assertEquals(null, task.getNextReminderAt());
        assertThrows(ConsentStateException.class, () -> task.markDone("operator1", null, NOW));
    }
}
