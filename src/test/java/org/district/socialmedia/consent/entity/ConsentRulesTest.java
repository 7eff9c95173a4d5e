package org.district.socialmedia.consent.entity;

import org.district.socialmedia.consent.entity.ConsentRules.Answer;
import org.district.socialmedia.consent.entity.ConsentRules.Post;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.district.socialmedia.consent.entity.ConsentFixtures.ACCOUNT;
import static org.district.socialmedia.consent.entity.ConsentFixtures.NOW;
import static org.district.socialmedia.consent.entity.ConsentFixtures.OTHER_ACCOUNT;
import static org.district.socialmedia.consent.entity.ConsentFixtures.PLATFORM;
import static org.district.socialmedia.consent.entity.ConsentFixtures.TODAY;
import static org.district.socialmedia.consent.entity.ConsentFixtures.form;
import static org.district.socialmedia.consent.entity.ConsentItem.FIRST_NAME;
import static org.district.socialmedia.consent.entity.ConsentItem.FULL_NAME;
import static org.district.socialmedia.consent.entity.ConsentItem.PHOTO;
import static org.district.socialmedia.consent.entity.ConsentItem.VIDEO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsentRulesTest {

    private static Post post(ConsentItem... items) {
        return new Post(ACCOUNT, PLATFORM, Set.of(items), TODAY);
    }

    private static ConsentReason reason(Post post, ConsentForm... forms) {
        Answer answer = ConsentRules.check(post, List.of(forms));
        assertFalse(answer.allowed());
        return answer.reason();
    }

    @Test
    void aFormInForceCoveringEverythingAllows() {
        assertTrue(ConsentRules.check(post(PHOTO, FULL_NAME), List.of(form(PHOTO, FULL_NAME, VIDEO))).allowed());
    }

    @Test
    void noFormMeansNoConsent() {
        assertEquals(ConsentReason.NO_CONSENT, reason(post(PHOTO)));
        // a form whose period has not begun is no form yet
        ConsentForm nextYear = form(Set.of(PHOTO), ConsentChannel.ALL, Set.of(), Set.of(),
                LocalDate.of(2026, 10, 1), LocalDate.of(2027, 6, 30));
        assertEquals(ConsentReason.NO_CONSENT, reason(post(PHOTO), nextYear));
    }

    @Test
    void eachReasonAppearsWhenItShould() {
        assertEquals(ConsentReason.ITEM_NOT_CONSENTED, reason(post(PHOTO, VIDEO), form(PHOTO)));
        ConsentForm otherAccount = form(Set.of(PHOTO), ConsentChannel.ACCOUNTS, Set.of(OTHER_ACCOUNT), Set.of(), null, null);
        assertEquals(ConsentReason.CHANNEL_NOT_COVERED, reason(post(PHOTO), otherAccount));
        ConsentForm revoked = form(PHOTO);
        revoked.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        assertEquals(ConsentReason.REVOKED, reason(post(PHOTO), revoked));
        ConsentForm lastYear = form(Set.of(PHOTO), ConsentChannel.ALL, Set.of(), Set.of(),
                LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30));
        assertEquals(ConsentReason.EXPIRED, reason(post(PHOTO), lastYear));
    }

    @Test
    void channelsByAccountAndByPlatform() {
        ConsentForm byAccount = form(Set.of(PHOTO), ConsentChannel.ACCOUNTS, Set.of(ACCOUNT), Set.of(), null, null);
        ConsentForm byPlatform = form(Set.of(PHOTO), ConsentChannel.PLATFORMS, Set.of(), Set.of(PLATFORM), null, null);
        assertTrue(ConsentRules.check(post(PHOTO), List.of(byAccount)).allowed());
        assertTrue(ConsentRules.check(post(PHOTO), List.of(byPlatform)).allowed());
        assertEquals(ConsentReason.CHANNEL_NOT_COVERED,
                reason(new Post(ACCOUNT, PLATFORM + 1, Set.of(PHOTO), TODAY), byPlatform));
    }

    @Test
    void anyAllowingFormWinsOverOthers() {
        ConsentForm revoked = form(PHOTO);
        revoked.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        Answer answer = ConsentRules.check(post(PHOTO), List.of(revoked, form(PHOTO)));
        assertTrue(answer.allowed());
    }

    @Test
    void precedenceIsItemThenChannelThenRevokedThenExpired() {
        ConsentForm itemMissing = form(VIDEO);
        ConsentForm otherChannel = form(Set.of(PHOTO), ConsentChannel.ACCOUNTS, Set.of(OTHER_ACCOUNT), Set.of(), null, null);
        ConsentForm revoked = form(PHOTO);
        revoked.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        ConsentForm expired = form(Set.of(PHOTO), ConsentChannel.ALL, Set.of(), Set.of(),
                LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30));
        assertEquals(ConsentReason.ITEM_NOT_CONSENTED, reason(post(PHOTO), expired, revoked, otherChannel, itemMissing));
        assertEquals(ConsentReason.CHANNEL_NOT_COVERED, reason(post(PHOTO), expired, revoked, otherChannel));
        assertEquals(ConsentReason.REVOKED, reason(post(PHOTO), expired, revoked));
        assertEquals(ConsentReason.EXPIRED, reason(post(PHOTO), expired));
    }

    @Test
    void aRevokedItemOnAFormInForceSaysRevokedEvenBesideANarrowerForm() {
        ConsentForm photoRevoked = form(PHOTO, VIDEO);
        photoRevoked.revoke(TODAY, "Ms. Park", java.util.Set.of(PHOTO), TODAY, "clerk", NOW);
        assertEquals(ConsentReason.REVOKED, reason(post(PHOTO), form(VIDEO), photoRevoked));
        assertTrue(ConsentRules.check(post(VIDEO), List.of(photoRevoked)).allowed());
    }

    @Test
    void aCheckOfAnEarlierDayIgnoresALaterRevocation() {
        ConsentForm form = form(PHOTO);
        form.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        assertTrue(ConsentRules.check(new Post(ACCOUNT, PLATFORM, Set.of(PHOTO), TODAY.minusDays(1)), List.of(form)).allowed());
    }

    @Test
    void fullNameAllowsFirstNameButNotTheOtherWayRound() {
        assertTrue(ConsentRules.check(post(FIRST_NAME), List.of(form(FULL_NAME))).allowed());
        assertEquals(ConsentReason.ITEM_NOT_CONSENTED, reason(post(FULL_NAME), form(FIRST_NAME)));
    }

    @Test
    void thePeriodsLastDayEndsAtMidnightInTheDistrictsTimeZone() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        List<ConsentForm> forms = List.of(form(PHOTO)); // 2026-07-01 .. 2027-06-30
        // 23:30 on June 30 in California is already July 1 in UTC
        Post lastEvening = Post.at(ACCOUNT, PLATFORM, Set.of(PHOTO), Instant.parse("2027-07-01T06:30:00Z"), la);
        assertEquals(LocalDate.of(2027, 6, 30), lastEvening.day());
        assertTrue(ConsentRules.check(lastEvening, forms).allowed());
        Post nextMorning = Post.at(ACCOUNT, PLATFORM, Set.of(PHOTO), Instant.parse("2027-07-01T07:30:00Z"), la);
        assertEquals(ConsentReason.EXPIRED, ConsentRules.check(nextMorning, forms).reason());
        Post firstDay = Post.at(ACCOUNT, PLATFORM, Set.of(PHOTO), Instant.parse("2026-07-01T07:00:00Z"), la);
        // the form was signed on 2026-08-20: no consent before its signing even within the period
        assertEquals(ConsentReason.NO_CONSENT, ConsentRules.check(firstDay, forms).reason());
    }

    @Test
    void aClassIsAnsweredStudentByStudentInOrder() {
        Map<Long, List<ConsentForm>> forms = Map.of(1L, List.of(form(PHOTO)), 3L, List.of(form(VIDEO)));
        Map<Long, Answer> answers = ConsentRules.check(post(PHOTO), List.of(3L, 1L, 2L), forms);
        assertEquals(List.of(3L, 1L, 2L), List.copyOf(answers.keySet()));
        assertEquals(ConsentReason.ITEM_NOT_CONSENTED, answers.get(3L).reason());
        assertTrue(answers.get(1L).allowed());
        assertEquals(ConsentReason.NO_CONSENT, answers.get(2L).reason());
        ConsentCheck record = new ConsentCheck(post(PHOTO), answers, "employee1", NOW);
        assertEquals(3, record.getResults().size());
        assertFalse(record.allAllowed());
        assertEquals(Set.of(PHOTO), record.getItems());
    }
}
