package org.district.socialmedia.accounts.entity;

import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.settings.entity.DistrictSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.district.socialmedia.accounts.entity.AccountFixtures.FACEBOOK;
import static org.district.socialmedia.accounts.entity.AccountFixtures.LINCOLN;
import static org.district.socialmedia.accounts.entity.AccountFixtures.NOW;
import static org.district.socialmedia.accounts.entity.AccountFixtures.OTHER;
import static org.district.socialmedia.accounts.entity.AccountFixtures.SETTINGS;
import static org.district.socialmedia.accounts.entity.AccountFixtures.WASHINGTON;
import static org.district.socialmedia.accounts.entity.AccountFixtures.account;
import static org.district.socialmedia.accounts.entity.AccountFixtures.details;
import static org.district.socialmedia.accounts.entity.AccountFixtures.grant;
import static org.district.socialmedia.accounts.entity.AccountFixtures.siteAdmin;
import static org.district.socialmedia.accounts.entity.AccountFixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistrictAccountTest {

    private static DistrictAccount.Details with(String handle, String url, String email) {
        DistrictAccount.Details d = details();
        return new DistrictAccount.Details(d.platform(), d.otherPlatformName(), handle, url, d.unit(), d.purpose(), email,
                d.archiveCovered());
    }

    private static DistrictAccount.Details onPlatform(Platform platform,
                                                      String otherName) {
        DistrictAccount.Details d = details();
        return new DistrictAccount.Details(platform, otherName, d.handle(), d.url(), d.unit(), d.purpose(),
                d.registeredEmail(), d.archiveCovered());
    }

    private static Map<String, String> refusal(DistrictAccount.Details details) {
        return assertThrows(InvalidInputException.class,
                () -> new DistrictAccount(details, SETTINGS, "registrar", NOW, null)).getFieldErrors();
    }

    // --- validation ---

    @Test
    void aValidAccountIsStoredCleanedAndActive() {
        DistrictAccount a = new DistrictAccount(new DistrictAccount.Details(FACEBOOK, "ignored", "  @LincolnHS ",
                " https://www.facebook.com/LincolnHS ", LINCOLN, " News for families ", " LHS-Office@District.Example.org ",
                true), SETTINGS, "Registrar", NOW, 77L);

        assertSame(FACEBOOK, a.getPlatform());
        assertNull(a.getOtherPlatformName());
        assertEquals("Facebook", a.platformLabel());
        assertEquals("@LincolnHS", a.getHandle());
        assertEquals("https://www.facebook.com/LincolnHS", a.getUrl());
        assertSame(LINCOLN, a.getUnit());
        assertEquals("News for families", a.getPurpose());
        assertEquals("lhs-office@district.example.org", a.getRegisteredEmail());
        assertTrue(a.isArchiveCovered());
        assertEquals(AccountStatus.ACTIVE, a.getStatus());
        assertEquals(0, a.getActiveAdmins());
        assertEquals(77L, a.getSourceAuthorizationId());
        assertEquals("Registrar", a.getCreatedBy());
        assertEquals(NOW, a.getCreatedAt());
        assertEquals("Facebook @LincolnHS", a.toString());
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        Map<String, String> errors = refusal(new DistrictAccount.Details(null, null, "  ", null, null, "", " ", false));
        assertEquals(Map.of(
                "platformId", "Choose the platform",
                "handle", "Enter the account's handle or name as it appears on the platform",
                "url", "Enter the account's web address",
                "unitId", "Choose the school or department that owns the account",
                "purpose", "Describe the account's purpose",
                "registeredEmail", "Enter the District email address the account is registered with"), errors);
    }

    @Test
    void noDetailsAtAllIsRefused() {
        assertEquals(Map.of("handle", "Describe the account"), refusal(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"coach@gmail.com", "Coach@Yahoo.com", "coach@evil-district.example.org",
            "coach@district.example.org.evil.com"})
    void aPersonalAddressIsRefusedQuotingThePolicy(String email) {
        Map<String, String> errors = refusal(with("@LincolnHS", "https://www.facebook.com/LincolnHS", email));
        assertEquals(Set.of("registeredEmail"), errors.keySet());
        String message = errors.get("registeredEmail");
        String normalized = email.toLowerCase(Locale.ROOT);
        assertTrue(message.startsWith("'" + normalized + "' is not a District email address (District domains: district.example.org)"),
                message);
        assertTrue(message.endsWith(DistrictSettings.SEPARATE_EMAIL_RULE), message);
        assertTrue(message.contains("Personal e-mail addresses should not be used on District-related sites."), message);
    }

    @Test
    void aSubdomainOfADistrictDomainIsAccepted() {
        DistrictAccount a = new DistrictAccount(with("@LincolnHS", "https://www.facebook.com/LincolnHS",
                "Office@LHS.District.Example.org"), SETTINGS, "registrar", NOW, null);
        assertEquals("office@lhs.district.example.org", a.getRegisteredEmail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "two@@district.example.org", "sp ace@district.example.org"})
    void aMalformedAddressIsRefused(String email) {
        assertEquals(Map.of("registeredEmail", "Enter a valid email address"),
                refusal(with("@LincolnHS", "https://www.facebook.com/LincolnHS", email)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.org/lhs", "javascript:alert(1)", "www.facebook.com/LincolnHS",
            "https://", "mailto:lhs@district.example.org", "https://exa mple.org"})
    void onlyHttpAddressesWithAHostAreAccepted(String url) {
        assertEquals(Map.of("url", "Enter a full web address starting with https:// (or http://)"),
                refusal(with("@LincolnHS", url, "lhs@district.example.org")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.facebook.com/LincolnHS", "HTTPS://www.instagram.com/lincoln_hs/"})
    void httpAndHttpsAddressesAreAccepted(String url) {
        assertEquals(url, new DistrictAccount(with("@LincolnHS", url, "lhs@district.example.org"), SETTINGS, "registrar",
                NOW, null).getUrl());
    }

    @Test
    void addressesAndHandlesAreLimited() {
        assertEquals(Map.of("url", "A web address has at most 500 characters"),
                refusal(with("@LincolnHS", "https://example.org/" + "x".repeat(481), "lhs@district.example.org")));
        assertEquals(Map.of("handle", "A handle has at most 200 characters"),
                refusal(with("x".repeat(201), "https://example.org/", "lhs@district.example.org")));
        assertEquals(200, new DistrictAccount(with("x".repeat(200), "https://example.org/" + "x".repeat(480),
                "lhs@district.example.org"), SETTINGS, "registrar", NOW, null).getHandle().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@Lincoln\nHS", "@Lincoln\rHS", "@Lincoln\tHS", "@Lincoln\u0000HS", "@Lincoln\u001bHS", "@Lincoln\u007fHS"})
    void controlCharactersInAHandleAreRefused(String handle) {
        assertEquals(Map.of("handle", "A handle cannot contain line breaks or control characters"),
                refusal(with(handle, "https://www.facebook.com/LincolnHS", "lhs@district.example.org")));
    }

    @Test
    void surroundingLineBreaksAreStrippedNotRefused() {
        assertEquals("@LincolnHS", new DistrictAccount(with("\n@LincolnHS\r\n", "https://www.facebook.com/LincolnHS",
                "lhs@district.example.org"), SETTINGS, "registrar", NOW, null).getHandle());
    }

    @Test
    void theOtherPlatformNeedsItsName() {
        assertEquals(Map.of("otherPlatformName", "Name the platform"), refusal(onPlatform(OTHER, "  ")));
        assertEquals(Map.of("otherPlatformName", "A platform name has at most 60 characters"),
                refusal(onPlatform(OTHER, "x".repeat(61))));

        DistrictAccount a = new DistrictAccount(onPlatform(OTHER, " Mastodon "), SETTINGS, "registrar", NOW, null);
        assertEquals("Mastodon", a.getOtherPlatformName());
        assertEquals("Mastodon", a.platformLabel());
    }

    @Test
    void otherPlatformsDropATypedPlatformName() {
        DistrictAccount a = new DistrictAccount(onPlatform(FACEBOOK, "Mastodon"), SETTINGS, "registrar", NOW, null);
        assertNull(a.getOtherPlatformName());
        assertEquals("Facebook", a.platformLabel());
    }

    // --- handle key ---

    @Test
    void theHandleKeyIgnoresCaseAndSurroundingSpace() {
        assertEquals(DistrictAccount.handleKey("@lincoln_hs"), DistrictAccount.handleKey("  @Lincoln_HS "));
        assertEquals("@lincoln_hs", DistrictAccount.handleKey("@Lincoln_HS"));
        assertNull(DistrictAccount.handleKey(null));
    }

    @Test
    void theHandleKeyDoesNotDependOnTheServersLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("@lincoln_district", DistrictAccount.handleKey("@LINCOLN_DISTRICT"), "no dotless i");
        } finally {
            Locale.setDefault(before);
        }
    }

    // --- update and status ---

    @Test
    void anUpdateReturnsOnlyTheChangedFields() {
        DistrictAccount a = account();
        DistrictAccount.Details d = details();
        Map<String, String> changes = a.update(new DistrictAccount.Details(d.platform(), null, "@LincolnHigh", d.url(),
                WASHINGTON, d.purpose(), d.registeredEmail(), false), SETTINGS);

        assertEquals(Map.of(
                "handle", "\"@LincolnHS\" -> \"@LincolnHigh\"",
                "unit", "\"LHS\" -> \"WES\"",
                "archiveCovered", "\"true\" -> \"false\""), changes);
        assertEquals("@LincolnHigh", a.getHandle());
        assertEquals("@lincolnhigh", DistrictAccount.handleKey(a.getHandle()));
        assertSame(WASHINGTON, a.getUnit());
    }

    @Test
    void anUpdateThatOnlyChangesCaseOrSpacesOfTheEmailChangesNothing() {
        DistrictAccount a = account();
        assertTrue(a.update(with(" @LincolnHS ", details().url(), " LHS-OFFICE@district.example.org"), SETTINGS).isEmpty());
    }

    @Test
    void switchingToOtherRecordsThePlatformLabel() {
        DistrictAccount a = account();
        assertEquals(Map.of("platform", "\"Facebook\" -> \"Mastodon\""), a.update(onPlatform(OTHER, "Mastodon"), SETTINGS));
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        DistrictAccount a = account();
        assertThrows(InvalidInputException.class,
                () -> a.update(with("@NewHandle", "ftp://bad.example.org", "lhs-office@district.example.org"), SETTINGS));
        assertEquals("@LincolnHS", a.getHandle());
        assertEquals("https://www.facebook.com/LincolnHS", a.getUrl());
    }

    @Test
    void changingTheStatusReportsTheChangeOrNullWhenUnchanged() {
        DistrictAccount a = account();
        assertNull(a.changeStatus(AccountStatus.ACTIVE));
        assertEquals("status: \"ACTIVE\" -> \"SUSPENDED\"", a.changeStatus(AccountStatus.SUSPENDED));
        assertEquals(AccountStatus.SUSPENDED, a.getStatus());
        assertNull(a.changeStatus(AccountStatus.SUSPENDED));
        assertEquals("status: \"SUSPENDED\" -> \"ARCHIVED\"", a.changeStatus(AccountStatus.ARCHIVED));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> a.changeStatus(null));
        assertEquals(Set.of("status"), e.getFieldErrors().keySet());
        assertEquals(AccountStatus.ARCHIVED, a.getStatus());
    }

    // --- compliance ---

    private static DistrictAccount compliant() {
        DistrictAccount a = account();
        a.recordIdentificationCheck(true, "Principal", NOW);
        a.recordPrivacyReview("principal", NOW);
        grant(a, siteAdmin("principal"));
        grant(a, siteAdmin("vprincipal"));
        return a;
    }

    @Test
    void aNewAccountFailsEveryCheckButItsFirstChecklistWhichIsDueLater() {
        assertEquals(EnumSet.complementOf(EnumSet.of(ComplianceIssue.CHECKLIST_OVERDUE)), account().complianceIssues(NOW, 0));
    }

    @Test
    void aCompliantAccountFailsNone() {
        DistrictAccount a = compliant();
        assertEquals(Set.of(), a.complianceIssues(NOW, 1));
        assertEquals("principal", a.getIdentificationCheckedBy());
        assertEquals(NOW, a.getIdentificationCheckedAt());
        assertEquals("principal", a.getPrivacyReviewedBy());
    }

    @Test
    void identificationMustBeConfirmedPositively() {
        DistrictAccount a = compliant();
        a.recordIdentificationCheck(false, "principal", NOW);
        assertEquals(Set.of(ComplianceIssue.IDENTIFICATION_NOT_CONFIRMED), a.complianceIssues(NOW, 1));
    }

    @Test
    void aPrivacyReviewHoldsForExactly365Days() {
        DistrictAccount a = compliant();
        Instant reviewed = Instant.parse("2024-03-03T16:00:00Z");
        a.recordPrivacyReview("principal", reviewed);
        Instant exactlyAYear = reviewed.plus(Duration.ofDays(365));
        assertEquals(Set.of(), a.complianceIssues(exactlyAYear, 1));
        assertEquals(Set.of(ComplianceIssue.PRIVACY_REVIEW_OUTDATED), a.complianceIssues(exactlyAYear.plusSeconds(1), 1));
    }

    @Test
    void oneAdministratorIsTooFew() {
        DistrictAccount a = account();
        a.recordIdentificationCheck(true, "principal", NOW);
        a.recordPrivacyReview("principal", NOW);
        AccountGrant only = grant(a, siteAdmin("principal"));
        assertEquals(Set.of(ComplianceIssue.FEWER_THAN_TWO_ADMINS), a.complianceIssues(NOW, 3));
        AccountGrant second = grant(a, siteAdmin("vprincipal"));
        assertEquals(Set.of(), a.complianceIssues(NOW, 3));
        a.endGrant(second, GrantStatus.REVOKED, "Moved school", "superintendent", NOW);
        assertEquals(Set.of(ComplianceIssue.FEWER_THAN_TWO_ADMINS), a.complianceIssues(NOW, 3));
        assertEquals(GrantStatus.ACTIVE, only.getStatus());
    }

    @Test
    void anAccountWithoutAnActiveOperatorIsFlagged() {
        assertEquals(Set.of(ComplianceIssue.NO_ACTIVE_OPERATOR), compliant().complianceIssues(NOW, 0));
    }

    @Test
    void anArchivedAccountFailsNoCheck() {
        DistrictAccount a = account();
        a.changeStatus(AccountStatus.ARCHIVED);
        assertEquals(Set.of(), a.complianceIssues(NOW, 0));
        a.changeStatus(AccountStatus.SUSPENDED);
        assertEquals(EnumSet.allOf(ComplianceIssue.class), a.complianceIssues(NOW.plus(Duration.ofDays(40)), 0),
                "suspended accounts are still checked");
    }

    // --- what the public directory shows ---

    @Test
    void anActiveAccountIsListedWithItsPlatformHandleAddressAndSchool() {
        assertEquals(new DistrictAccount.Listing("Facebook", "@LincolnHS", "https://www.facebook.com/LincolnHS", 20L),
                account().listing());
        assertEquals("Mastodon", new DistrictAccount(onPlatform(OTHER, "Mastodon"), SETTINGS, "registrar", NOW, null).listing().platform(),
                "the name typed for Other, as the directory shows it");
    }

    @Test
    void onlyChangesOfWhatThePublicSeesChangeTheListing() {
        DistrictAccount a = account();
        DistrictAccount.Listing before = a.listing();
        a.update(new DistrictAccount.Details(FACEBOOK, null, "@LincolnHS", "https://www.facebook.com/LincolnHS", LINCOLN,
                "Another purpose", "office@district.example.org", false), SETTINGS);
        a.recordIdentificationCheck(true, "registrar", NOW);
        a.recordPrivacyReview("registrar", NOW);
        a.grant(siteAdmin("principal"), AccountFixtures.SUPERINTENDENT, "Runs it", null, null, null, AccountFixtures.TODAY,
                AccountFixtures.SCHOOL_YEAR_END, NOW);
        assertEquals(before, a.listing(), "purpose, email, archive, checks and rights are not published");

        a.update(new DistrictAccount.Details(FACEBOOK, null, "@LincolnHS", "https://www.facebook.com/LincolnHS", WASHINGTON,
                "Another purpose", "office@district.example.org", false), SETTINGS);
        assertEquals(21L, a.listing().unitId(), "moved to another school");
        a.update(with("@Lincoln_High", "https://www.facebook.com/LincolnHS", "office@district.example.org"), SETTINGS);
        assertEquals("@Lincoln_High", a.listing().handle());
    }

    @Test
    void anAccountThatIsNotActiveIsNotListed() {
        DistrictAccount a = account();
        a.changeStatus(AccountStatus.SUSPENDED);
        assertNull(a.listing());
        a.changeStatus(AccountStatus.ARCHIVED);
        assertNull(a.listing(), "from suspended to archived: still not listed, the directory is the same");
        a.changeStatus(AccountStatus.ACTIVE);
        assertEquals("@LincolnHS", a.listing().handle());
    }

    // --- who may hold rights, operators ---

    @Test
    void onlyActiveSiteAdministratorsMayHoldRights() {
        StaffUser admin = siteAdmin("principal");
        assertTrue(DistrictAccount.mayHoldRights(admin));
        assertFalse(DistrictAccount.mayHoldRights(staff("teacher", Role.EMPLOYEE)));
        assertFalse(DistrictAccount.mayHoldRights(null));
        admin.deactivate(NOW);
        assertFalse(DistrictAccount.mayHoldRights(admin));
    }

    @Test
    void onlyAnActiveAuthorizationCanBeLinkedAsOperator() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> account().addOperator(null, "registrar", NOW));
        assertEquals(Map.of("authorizationId", "Only an active authorization from a request decision can be linked"),
                e.getFieldErrors());
    }

    @Test
    void anAccountIsRegisteredWithAnAuthorizedOperatorOrAWrittenException() {
        assertNull(DistrictAccount.operatorOrException(7L, null), "an operator needs no exception");
        assertNull(DistrictAccount.operatorOrException(7L, "   "));
        InvalidInputException neither = assertThrows(InvalidInputException.class, () -> DistrictAccount.operatorOrException(null, " "));
        assertTrue(neither.getFieldErrors().get("operatorException").contains("authorization"), neither.getFieldErrors().toString());
        InvalidInputException both = assertThrows(InvalidInputException.class,
                () -> DistrictAccount.operatorOrException(7L, "The operator starts next month at the school."));
        assertTrue(both.getFieldErrors().containsKey("operatorException"));
        assertThrows(InvalidInputException.class, () -> DistrictAccount.operatorOrException(null, "later"));
        assertThrows(InvalidInputException.class, () -> DistrictAccount.operatorOrException(null, "x".repeat(1001)));
        assertEquals("The operator starts next month at the school.",
                DistrictAccount.operatorOrException(null, "  The operator starts next month at the school. "));
    }

    @Test
    void theExceptionIsRecordedWithWhoAndWhen() {
        DistrictAccount account = new DistrictAccount(new DistrictAccount.Details(FACEBOOK, null, "@lincoln_news",
                "https://facebook.com/lincoln", LINCOLN, "News for families.", "office@district.example.org", false),
                SETTINGS, "sysadmin", NOW, null);
        account.recordOperatorException("The operator starts next month at the school.", "SysAdmin", NOW);
        assertEquals("The operator starts next month at the school.", account.getOperatorExceptionReason());
        assertEquals("sysadmin", account.getOperatorExceptionBy());
        assertEquals(NOW, account.getOperatorExceptionAt());
    }
}
