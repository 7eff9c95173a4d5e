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
import org.openqa.selenium.WebDriver;

import java.util.Arrays;
import java.util.List;

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
            "employee1;Employee;Home|My requests|New request|My authorizations|District accounts|Check before posting|Takedowns|Official accounts|Social media policy",
            "employee2;Employee;Home|My requests|New request|My authorizations|District accounts|Check before posting|Takedowns|Official accounts|Social media policy",
            "employee3;Employee;Home|My requests|New request|My authorizations|District accounts|Check before posting|Takedowns|Official accounts|Social media policy",
            "superintendent;Superintendent;Home|Review queue|Designees and reasons|District accounts|Administrative rights|Access review|Account compliance|Official accounts|Social media policy",
            "designee;Reviewer;Home|Review queue|District accounts|Administrative rights|Access review|Account compliance|Official accounts|Social media policy",
            "siteadmin;Site administrator;Home|District accounts|Administrative rights|Check before posting|Takedowns|Official accounts|Social media policy",
            "siteadmin2;Site administrator;Home|District accounts|Administrative rights|Check before posting|Takedowns|Official accounts|Social media policy",
            "clerk;Consent clerk;Home|Students and consent|Consent renewals|Consent requests to parents|Takedowns|Official accounts|Social media policy",
            "clerk2;Consent clerk;Home|Students and consent|Consent renewals|Consent requests to parents|Takedowns|Official accounts|Social media policy",
            "auditor;Auditor;Home|District accounts|Administrative rights|Access review|Account compliance|Students and consent|Consent renewals|Consent requests to parents|Takedowns|Audit log|Official accounts|Social media policy",
            "sysadmin;System administrator;Home|District accounts|Administrative rights|Account compliance|Audit log|Official accounts|Social media policy|Staff users|Schools and departments|District settings|Platforms|Roster import|Outbox|Deadline timer"})
    void eachRoleSeesOnlyItsNavigationAndAnAccessibleHomePage(String username, String roleSection, String expectedNav) {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs(username, Api.DEMO_PASSWORD);
        assertEquals(Arrays.asList(expectedNav.split("\\|")), portal.navigation(), username + "'s navigation");
        assertTrue(portal.heading().startsWith("Welcome,"), portal.heading());
        List<String> sections = driver.findElements(org.openqa.selenium.By.cssSelector("section.card h2")).stream()
                .map(e -> e.getText()).toList();
        assertTrue(sections.contains(roleSection), username + " sees the " + roleSection + " section: " + sections);
        Accessibility.assertNoViolations(driver, username + "'s home page");
        portal.signOut();
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
        assertTrue(driver.findElement(org.openqa.selenium.By.id("status")).getText().contains("Next sweep"));
        String timer = driver.findElement(org.openqa.selenium.By.id("status")).getText();
        assertTrue(timer.matches("(?s).*Runs\\s+every \\d+ (second|minute|hour).*") && !timer.contains("PT"), timer);
        PlainWords.assertNoEnumNames(driver, "the deadline timer page");
        Accessibility.assertNoViolations(driver, "the deadline timer page");
        portal.open("/policy.xhtml");
        Accessibility.assertNoViolations(driver, "the policy page");
        portal.signOut();
    }

    @Test
    void theSuperintendentsAdministrationPageIsAccessibleAndClosedToDesignees() {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs("superintendent", Api.DEMO_PASSWORD).go("Designees and reasons");
        assertEquals("Designees and reasons", portal.heading().replace("Designees and standard reasons", "Designees and reasons"));
        assertTrue(driver.findElement(org.openqa.selenium.By.id("designations")).getText().contains("Robert Chen"));
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
