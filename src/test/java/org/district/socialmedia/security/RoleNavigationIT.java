package org.district.socialmedia.security;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.browser.Accessibility;
import org.district.socialmedia.it.browser.PlainWords;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.LoginScreen;
import org.district.socialmedia.it.browser.PortalScreen;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: every demo role signs in and sees only its own navigation; a wrong password
 * gets a clear message; the login page and each role's home page pass axe (WCAG 2.1 A/AA).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleNavigationIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private static WebDriver driver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest(name = "{0} sees {2}")
    @CsvSource(delimiter = ';', value = {
            "employee1;Employee;Home|My requests|New request|My authorizations|District accounts|Posts about students|Check before posting|Takedowns|Official accounts|Social media policy",
            "employee2;Employee;Home|My requests|New request|My authorizations|District accounts|Posts about students|Check before posting|Takedowns|Official accounts|Social media policy",
            "employee3;Employee;Home|My requests|New request|My authorizations|District accounts|Posts about students|Check before posting|Takedowns|Official accounts|Social media policy",
            "superintendent;Superintendent;Home|Review queue|Designees and reasons|District accounts|Administrative rights|Access review|Account compliance|Oversight dashboard|Official accounts|Social media policy|Policy acknowledgements",
            "designee;Reviewer;Home|Review queue|District accounts|Administrative rights|Access review|Account compliance|Oversight dashboard|Official accounts|Social media policy",
            "siteadmin;Site administrator;Home|District accounts|Administrative rights|Posts about students|Check before posting|Takedowns|Official accounts|Social media policy",
            "siteadmin2;Site administrator;Home|District accounts|Administrative rights|Posts about students|Check before posting|Takedowns|Official accounts|Social media policy",
            "clerk;Consent clerk;Home|Students and consent|Consent renewals|Consent requests to parents|Takedowns|Official accounts|Social media policy",
            "clerk2;Consent clerk;Home|Students and consent|Consent renewals|Consent requests to parents|Takedowns|Official accounts|Social media policy",
            "auditor;Auditor;Home|District accounts|Administrative rights|Access review|Account compliance|Oversight dashboard|Students and consent|Consent renewals|Consent requests to parents|Takedowns|Audit log|Official accounts|Social media policy|Policy acknowledgements",
            "sysadmin;System administrator;Home|District accounts|Administrative rights|Account compliance|Audit log|Official accounts|Social media policy|Policy acknowledgements|Staff users|Schools and departments|District settings|Platforms|Roster import|Outbox|Deadline timer"})
    void eachRoleSeesOnlyItsNavigationAndAnAccessibleHomePage(String username, String roleSection, String expectedNav) {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs(username, Api.DEMO_PASSWORD);
        assertEquals(Arrays.asList(expectedNav.split("\\|")), portal.navigation(), username + "'s navigation");
        assertTrue(portal.heading().startsWith("Welcome,"), portal.heading());
        List<String> sections = driver.findElements(By.cssSelector("section.card h2")).stream()
                .map(e -> e.getText()).toList();
        assertTrue(sections.contains(roleSection), username + " sees the " + roleSection + " section: " + sections);
        Accessibility.assertNoViolations(driver, username + "'s home page");
        portal.signOut();
    }

    /** Where each home count's link leads: the rows of the list it opens (null: a status page, not a list). */
    private static final Map<String, String> LIST_ROWS = Map.ofEntries(
            Map.entry("count-home-review-dueSoon", "[id='queue:requests'] tbody tr[data-ri]"),
            Map.entry("count-home-review-overdue", "[id='queue:requests'] tbody tr[data-ri]"),
            Map.entry("count-home-review-waiting", "[id='queue:requests'] tbody tr[data-ri]"),
            Map.entry("count-home-requests-open", "#requests tbody tr"),
            Map.entry("count-home-takedowns-assigned", "[id='tasks:table'] tbody tr"),
            Map.entry("count-home-consent-renewals", "#renewals tbody tr"),
            Map.entry("count-home-authorizations-ending", "#authorizations tbody tr"),
            Map.entry("count-home-parents-unanswered", "#unanswered tbody tr"),
            Map.entry("count-home-rights-expiring", "[id='grants:table'] tbody tr[data-ri]"),
            Map.entry("count-home-accounts-fewAdmins", "[id='accounts:table'] tbody tr[data-ri]"),
            Map.entry("count-home-attestations-due", "[id='accounts:table'] tbody tr[data-ri]"),
            Map.entry("count-home-outbox-failed", "[id='outbox:messages'] tbody tr[data-ri]"),
            Map.entry("count-home-acknowledgements-due", "#mine li"),
            Map.entry("count-home-imports-awaiting", "[id='awaitingRuns:awaiting'] tbody tr"));
    private static final Pattern LEADING_COUNT = Pattern.compile("^(No|\\d+) ");

    /**
     * Issue 22: each role's home page lists what needs that person as links with the count in their text, in
     * the page itself (no AJAX), and each link opens the list filtered to exactly the rows it counted.
     */
    @ParameterizedTest(name = "{0}''s home counts lead to the lists they count")
    @CsvSource(delimiter = ';', value = {
            "designee;REVIEWER;count-home-review-dueSoon|count-home-review-overdue|count-home-review-waiting",
            "employee1;EMPLOYEE;count-home-requests-open|count-home-authorizations-ending|count-home-takedowns-assigned|count-home-acknowledgements-due",
            "employee3;EMPLOYEE;count-home-requests-open|count-home-authorizations-ending|count-home-takedowns-assigned|count-home-acknowledgements-due",
            "siteadmin;SITE_ADMIN;count-home-takedowns-assigned|count-home-rights-expiring|count-home-accounts-fewAdmins|count-home-attestations-due",
            "clerk;CONSENT_CLERK;count-home-consent-renewals|count-home-parents-unanswered",
            "sysadmin;SYSTEM_ADMIN;count-home-imports-awaiting|count-home-outbox-failed|count-home-timers-attention"})
    void eachRolesHomeCountsLeadToTheListsTheyCount(String username, String role, String expectedIds) {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs(username, Api.DEMO_PASSWORD);
        List<WebElement> links = driver.findElements(By.cssSelector("#homeCounts-" + role + " li a"));
        assertEquals(Arrays.stream(expectedIds.split("\\|")).sorted().toList(),
                links.stream().map(a -> a.getAttribute("id")).sorted().toList(), username + "'s home counts");
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> hrefs = new LinkedHashMap<>();
        for (WebElement link : links) {
            Matcher m = LEADING_COUNT.matcher(link.getText());
            assertTrue(m.find(), "the count is in the link's text: " + link.getText());
            counts.put(link.getAttribute("id"), "No".equals(m.group(1)) ? 0L : Long.parseLong(m.group(1)));
            hrefs.put(link.getAttribute("id"), link.getAttribute("href"));
        }
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            driver.get(hrefs.get(count.getKey()));
            String rows = LIST_ROWS.get(count.getKey());
            if (rows == null) {
                assertEquals("Deadline timer", portal.heading(), count.getKey());
                continue;
            }
            long shown = driver.findElements(By.cssSelector(rows)).size();
            List<WebElement> pager = driver.findElements(By.cssSelector(".ui-paginator-current"));
            if (count.getValue() > 25 && !pager.isEmpty()) {
                // a paged table: its report says "... of N" (earlier tests may have added rows, e.g. takedown tasks)
                String report = pager.get(0).getText();
                assertTrue(report.endsWith("of " + count.getValue()), count.getKey() + ": " + report);
            } else {
                assertEquals(count.getValue(), shown, count.getKey() + " counts the rows of " + hrefs.get(count.getKey()));
            }
        }
        if (role.equals("REVIEWER")) {
            // the demo requests hold one overdue and one waiting for the employee (docs/demo-data.md)
            assertTrue(counts.get("count-home-review-overdue") >= 1 && counts.get("count-home-review-waiting") >= 1, counts.toString());
        }
        if (role.equals("CONSENT_CLERK")) {
            // 100024's consent ends in 20 days, 100025's has expired: Washington Elementary's renewal list is never empty
            assertTrue(counts.get("count-home-consent-renewals") >= 2, counts.toString());
        }
        portal.open("/index.xhtml").signOut();
    }

    @Test
    void theLoginPageIsAccessibleAndAWrongPasswordGetsAClearMessage() {
        LoginScreen login = new LoginScreen(driver, BASE).open();
        Accessibility.assertNoViolations(driver, "the login page");
        login.signInExpectingFailure("employee1", "not-the-password");
        assertEquals("Sign-in failed: the username or password is not correct, the account is not active, "
                + "or it is locked for a while after repeated failed sign-ins.", login.error());
        assertTrue(login.isShown(), "still on the login page");
        login.signInExpectingFailure("no-such-user", "whatever");
        assertEquals("Sign-in failed: the username or password is not correct, the account is not active, "
                + "or it is locked for a while after repeated failed sign-ins.", login.error(),
                "the same message for an unknown user");
        Accessibility.assertNoViolations(driver, "the login page with an error");
    }

    @Test
    void theSystemAdministratorsPagesAreAccessible() {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs("sysadmin", Api.DEMO_PASSWORD);
        portal.go("Staff users");
        assertEquals("Staff users", portal.heading());
        Accessibility.assertNoViolations(driver, "the staff users page");
        portal.go("Schools and departments");
        assertEquals("Schools and departments", portal.heading());
        Accessibility.assertNoViolations(driver, "the schools and departments page");
        portal.go("District settings");
        assertEquals("District settings", portal.heading());
        Accessibility.assertNoViolations(driver, "the settings page");
        portal.go("Platforms");
        Accessibility.assertNoViolations(driver, "the platforms page");
        portal.go("Outbox");
        Accessibility.assertNoViolations(driver, "the outbox page");
        portal.go("Deadline timer");
        assertTrue(driver.findElement(By.id("status")).getText().contains("Next sweep"));
        String timer = driver.findElement(By.id("status")).getText();
        assertTrue(timer.matches("(?s).*Runs\\s+every \\d+ (second|minute|hour).*") && !timer.contains("PT"), timer);
        PlainWords.assertNoEnumNames(driver, "the deadline timer page");
        Accessibility.assertNoViolations(driver, "the deadline timer page");
        // the recount's check, by keyboard: every tally listed with what differs from a recount (nothing here)
        driver.findElement(By.id("tallies:checkTallies")).sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("tallyTable")));
        String tallies = driver.findElement(By.id("tallyTable")).getText();
        assertTrue(tallies.contains("request-responses") && tallies.contains("Checked"), tallies);
        Accessibility.assertNoViolations(driver, "the deadline timer page with the tallies checked");
        portal.open("/policy.xhtml");
        Accessibility.assertNoViolations(driver, "the policy page");
        portal.go("Policy acknowledgements");
        assertEquals("Policy acknowledgements", portal.heading());
        Accessibility.assertNoViolations(driver, "the acknowledgement coverage page");
        portal.open("/policy/publish.xhtml");
        assertEquals("Publish a policy version", portal.heading());
        assertTrue(driver.findElement(By.id("publishForm:body")).getAttribute("value").contains("concerted activity"),
                "a new version starts from the text in force");
        Accessibility.assertNoViolations(driver, "the publish page");
        portal.signOut();
    }

    /** A campaign by hand: the banner on every page until employee1 acknowledges with its button; then it is gone. */
    @Test
    void theAcknowledgementBannerShowsOnEveryPageUntilAcknowledged() {
        Api api = Api.onTestServer();
        var started = api.post("/api/acknowledgements/campaigns", "superintendent", "{\"reason\":\"Banner test.\"}");
        assertEquals(201, started.statusCode(), started.body());
        String id = started.body().replaceAll("\\D+", "");
        try {
            PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs("employee1", Api.DEMO_PASSWORD);
            String banner = driver.findElement(By.id("ackBanner")).getText();
            assertTrue(banner.contains("Please acknowledge") && banner.contains("Adopted May 11, 2023"), banner);
            assertEquals("1 policy acknowledgement due", driver.findElement(By.id("count-home-acknowledgements-due")).getText());
            Accessibility.assertNoViolations(driver, "the home page with the banner");
            driver.findElement(By.id("count-home-acknowledgements-due")).click();
            assertEquals(1, driver.findElements(By.cssSelector("#mine li")).size(), "the count's link lists what is due");
            Accessibility.assertNoViolations(driver, "the acknowledgements due");
            portal.go("My requests");
            assertTrue(driver.findElement(By.id("ackBanner")).isDisplayed(), "on every page");
            portal.open("/acknowledge.xhtml");
            assertEquals("Acknowledge the policy", portal.heading());
            assertTrue(driver.findElement(By.id("ackText")).getText().contains("concerted activity"));
            Accessibility.assertNoViolations(driver, "the acknowledge page");
            portal.go("My requests");
            portal.submit(By.id("ackBannerForm:acknowledge"));
            String notice = driver.findElement(By.id("notice")).getText();
            assertTrue(notice.contains("you acknowledged"), notice);
            assertTrue(driver.findElements(By.id("ackBanner")).isEmpty(), "gone once acknowledged");
            assertEquals("My requests", portal.heading());
            portal.signOut();
        } finally {
            api.post("/api/acknowledgements/campaigns/" + id + "/closing", "superintendent", "{}");
        }
    }

    @Test
    void theSuperintendentsAdministrationPageIsAccessibleAndClosedToDesignees() {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs("superintendent", Api.DEMO_PASSWORD).go("Designees and reasons");
        assertEquals("Designees and reasons", portal.heading().replace("Designees and standard reasons", "Designees and reasons"));
        assertTrue(driver.findElement(By.id("designations")).getText().contains("Robert Chen"));
        Accessibility.assertNoViolations(driver, "the designees and reasons page");
        portal.signOut();
        PortalScreen designee = new LoginScreen(driver, BASE).open().signInAs("designee", Api.DEMO_PASSWORD);
        designee.open("/review/administration.xhtml");
        assertEquals("You are not allowed to open this page", designee.heading());
        designee.open("/index.xhtml").signOut();
    }

    @Test
    void anEmployeeOpeningAnAdministratorsPageSeesTheFriendly403Page() {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs("employee1", Api.DEMO_PASSWORD);
        portal.open("/admin/staff.xhtml");
        assertEquals("You are not allowed to open this page", portal.heading());
        Accessibility.assertNoViolations(driver, "the 403 page");
        portal.open("/index.xhtml").signOut();
    }
}
