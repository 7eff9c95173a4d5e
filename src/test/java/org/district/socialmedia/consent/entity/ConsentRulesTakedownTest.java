package org.district.socialmedia.consent.entity;

import org.district.socialmedia.consent.entity.ConsentRules.Post;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which posts a revocation takes down (ConsentRules.takenDownBy), and a takedown task about one recorded post. */
class ConsentRulesTakedownTest {

    private static Post post(ConsentItem... items) {
        return new Post(ACCOUNT, PLATFORM, Set.of(items), TODAY);
    }

    /** Revokes {@code items} of the form and asks whether the post comes down. */
    private static boolean takenDown(ConsentForm form, Set<ConsentItem> items, Post post, ConsentForm... others) {
        ConsentRevocation revocation = form.revoke(TODAY, "Ms. Park", items, TODAY, "clerk", NOW);
        Set<ConsentItem> after = form.itemsAfterRevocations(null);
        Set<ConsentItem> before = EnumSet.noneOf(ConsentItem.class);
        before.addAll(after);
        before.addAll(revocation.items());
        List<ConsentForm> all = new java.util.ArrayList<>(List.of(others));
        all.add(form);
        return ConsentRules.takenDownBy(form, before, after, post, all);
    }

    @Test
    void aPostShowingARevokedItemComesDown() {
        assertTrue(takenDown(form(PHOTO, FULL_NAME), Set.of(PHOTO), post(PHOTO)));
    }

    @Test
    void aPostShowingOnlyWhatIsStillConsentedStaysUp() {
        assertFalse(takenDown(form(PHOTO, FULL_NAME), Set.of(PHOTO), post(FULL_NAME)));
    }

    @Test
    void revokingTheFirstNameTakesDownAPostWithTheFullName() {
        assertTrue(takenDown(form(PHOTO, FIRST_NAME, FULL_NAME), Set.of(FIRST_NAME), post(FULL_NAME)));
    }

    @Test
    void aPostOnAnAccountTheFormDidNotCoverIsNotItsToTakeDown() {
        ConsentForm otherAccount = form(Set.of(PHOTO), ConsentChannel.ACCOUNTS, Set.of(OTHER_ACCOUNT), Set.of(), null, null);
        assertFalse(takenDown(otherAccount, Set.of(PHOTO), post(PHOTO)));
    }

    @Test
    void anotherFormThatStillAllowsThePostKeepsItUp() {
        assertFalse(takenDown(form(PHOTO, VIDEO), Set.of(PHOTO), post(PHOTO), form(PHOTO)));
    }

    @Test
    void aTaskAboutOneRecordedPostNamesItAndATaskFromChecksNamesNone() {
        ConsentForm form = form(PHOTO);
        ConsentRevocation revocation = form.revoke(TODAY, "Ms. Park", null, TODAY, "clerk", NOW);
        assertEquals(42L, new TakedownTask(revocation, ACCOUNT, 42L, "clerk", NOW, null).getPostId());
        assertNull(new TakedownTask(revocation, ACCOUNT, "clerk", NOW, null).getPostId());
        assertThrows(IllegalArgumentException.class, () -> new TakedownTask(revocation, ACCOUNT, TakedownTask.NO_POST, "clerk", NOW, null),
                "0 means no post in the unique key, so it is no post's id");
    }
}
