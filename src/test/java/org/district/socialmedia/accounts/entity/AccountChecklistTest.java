package org.district.socialmedia.accounts.entity;

import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.ScanType;
import org.district.socialmedia.requests.entity.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.district.socialmedia.accounts.entity.AccountFixtures.NOW;
import static org.district.socialmedia.accounts.entity.AccountFixtures.TODAY;
import static org.district.socialmedia.accounts.entity.AccountFixtures.ZONE;
import static org.district.socialmedia.accounts.entity.AccountFixtures.account;
import static org.district.socialmedia.accounts.entity.AccountFixtures.grant;
import static org.district.socialmedia.accounts.entity.AccountFixtures.siteAdmin;
import static org.district.socialmedia.accounts.entity.AccountFixtures.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yearly checklist of an account: when it is due, what signing it off needs, and what it records. */
class AccountChecklistTest {

    private static final List<String> ITEMS = List.of("Direct messages from strangers are off", "Location sharing is off");
    private static final AccountAttestation.EvidenceFacts SCREENSHOT =
            new AccountAttestation.EvidenceFacts(ScanType.PNG, "settings.png", 1234, "ab".repeat(32));

    private static DistrictAccount twoAdmins() {
        DistrictAccount a = withId(account(), 5L);
        grant(a, siteAdmin("principal"));
        grant(a, siteAdmin("vprincipal"));
        return a;
    }

    private static DistrictAccount.Checklist everything() {
        return new DistrictAccount.Checklist(true, ITEMS, true);
    }

    @Test
    void aNewAccountsFirstChecklistIsDueThirtyDaysOnAndBecomesOverdueTheDayAfterInTheDistrictsZone() {
        DistrictAccount a = account();
        assertEquals(TODAY.plusDays(30), a.getAttestationDueOn());
        Instant overdue = TODAY.plusDays(31).atStartOfDay(ZONE).toInstant();
        assertEquals(overdue, a.getAttestationOverdueAt());
        assertEquals(NOW, a.getAttestationNextCheckAt(), "the timer plans the reminders at its next pass");
        assertFalse(a.complianceIssues(overdue.minusSeconds(1), 1).contains(ComplianceIssue.CHECKLIST_OVERDUE));
        assertTrue(a.complianceIssues(overdue, 1).contains(ComplianceIssue.CHECKLIST_OVERDUE));
    }

    @Test
    void signingOffRecordsWhoWhenWhatAndMovesTheDueDateAYearOn() {
        DistrictAccount a = twoAdmins();
        LocalDate due = a.getAttestationDueOn();
        Instant later = NOW.plus(Duration.ofDays(40));
        AccountAttestation signed = a.signOffChecklist(everything(), ITEMS, SCREENSHOT, "Principal", later, ZONE);
        assertEquals("principal", signed.getSignedBy());
        assertEquals(later, signed.getSignedAt());
        assertEquals(due, signed.getDueOn(), "the sign-off answers the checklist that was due");
        LocalDate signedOn = later.atZone(ZONE).toLocalDate();
        assertEquals(signedOn.plusYears(1), signed.getNextDueOn());
        assertEquals(signedOn.plusYears(1), a.getAttestationDueOn());
        assertEquals(ITEMS, signed.getPrivacyItems());
        assertEquals(2, signed.getAdminsAtSignOff());
        assertEquals(ScanType.PNG, signed.getEvidenceType());
        assertEquals(5L, signed.getAccountId());
        assertEquals("account-5-checklist-" + due + ".png", signed.storedName(), "never the uploader's name");
        // the old one-click facts follow the checklist
        assertTrue(a.isIdentifiesDistrict());
        assertEquals(later, a.getPrivacyReviewedAt());
        assertEquals(Set.of(), a.complianceIssues(later, 1), "signed off late, the overdue flag goes");
    }

    @Test
    void everyItemAtFaultIsNamedAndNothingChanges() {
        DistrictAccount a = withId(account(), 6L);
        grant(a, siteAdmin("principal"));
        LocalDate due = a.getAttestationDueOn();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> a.signOffChecklist(
                new DistrictAccount.Checklist(false, List.of(ITEMS.get(0)), false), ITEMS, null, "principal", NOW, ZONE));
        Map<String, String> errors = e.getFieldErrors();
        assertEquals(Set.of("identifiesDistrict", "privacyItems", "recoveryIsDistrict", "admins", "evidence"), errors.keySet());
        assertTrue(errors.get("privacyItems").contains("Location sharing is off"), errors.toString());
        assertTrue(errors.get("admins").contains("1 District administrator"), errors.toString());
        assertEquals(due, a.getAttestationDueOn());
        assertNull(a.getPrivacyReviewedAt());
    }

    @Test
    void aPrivacyItemNotOnThePlatformsChecklistDoesNotStandInForOneThatIs() {
        DistrictAccount a = twoAdmins();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> a.signOffChecklist(
                new DistrictAccount.Checklist(true, List.of(ITEMS.get(0), "Something else"), true), ITEMS, SCREENSHOT, "principal", NOW, ZONE));
        assertEquals(Set.of("privacyItems"), e.getFieldErrors().keySet());
    }

    @Test
    void anArchivedAccountOwesNoChecklist() {
        DistrictAccount a = twoAdmins();
        a.changeStatus(AccountStatus.ARCHIVED);
        assertThrows(InvalidInputException.class, () -> a.signOffChecklist(everything(), ITEMS, SCREENSHOT, "principal", NOW, ZONE));
        assertEquals(Set.of(), a.complianceIssues(NOW.plus(Duration.ofDays(400)), 0));
    }

    @Test
    void aPlatformsPrivacyChecklistIsOneItemPerLineWithAGeneralItemUntilOneIsWritten() {
        Platform p = new Platform("Mastodon", false, 5);
        assertEquals(List.of(Platform.DEFAULT_PRIVACY_ITEM), p.privacyItems());
        assertEquals(ITEMS, p.changePrivacyChecklist("  " + ITEMS.get(0) + "\n\n" + ITEMS.get(1) + "  \r\n"));
        assertEquals(ITEMS, p.privacyItems());
        assertThrows(InvalidInputException.class, () -> p.changePrivacyChecklist(" \n "));
        assertThrows(InvalidInputException.class, () -> p.changePrivacyChecklist("x".repeat(Platform.PRIVACY_ITEM_MAX + 1)));
        assertThrows(InvalidInputException.class, () -> p.changePrivacyChecklist("item\n".repeat(Platform.PRIVACY_ITEMS_MAX + 1)));
        assertEquals(ITEMS, p.privacyItems(), "a refused change keeps the checklist");
    }
}
