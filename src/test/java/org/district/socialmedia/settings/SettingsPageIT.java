package org.district.socialmedia.settings;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.browser.Accessibility;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.LoginScreen;
import org.district.socialmedia.it.browser.PortalScreen;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A system administrator edits District settings and imports the holiday calendar in the browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsPageIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private WebDriver driver;

    @BeforeEach
    void open() {
        driver = Browser.start();
    }

    @AfterEach
    void restore() {
        driver.quit();
        Api.onTestServer().put("/api/settings", "sysadmin", """
                {"districtName":"Example Unified School District","timeZone":"America/Los_Angeles",
                 "reviewPeriod":"P7D","reviewDays":"calendar"}""");
    }

    @Test
    void badValuesAreRefusedBesideTheirFieldAndGoodOnesAreSavedAndAudited() {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs("sysadmin", Api.DEMO_PASSWORD).go("District settings");
        type("settings:timeZone", "Mars/Olympus");
        type("settings:districtName", "Never saved");
        portal.submit(By.id("settings:save"));
        String error = driver.findElement(By.xpath("//*[@id='settings:timeZone']/following-sibling::*[contains(@class,'field-error')]")).getText();
        assertTrue(error.contains("not a time zone"), error);
        Accessibility.assertNoViolations(driver, "the settings page with an error");

        type("settings:timeZone", "America/New_York");
        type("settings:districtName", "Harbor Unified School District");
        portal.submit(By.id("settings:save"));
        assertTrue(portal.messages().contains("Settings saved."));
        assertTrue(driver.findElement(By.cssSelector(".app-header .district")).getText().contains("Harbor Unified School District"));
        assertTrue(driver.findElement(By.id("deadlinePreview")).getText().contains("E"), "shown in Eastern time");
        String history = driver.findElement(By.id("historyTable")).getText();
        assertTrue(history.contains("district.name") && history.contains("Harbor Unified School District"), history);
        assertTrue(history.contains("sysadmin"), history);
        portal.signOut();
    }

    @Test
    void holidaysImportedFromAnIcsFileAreSkippedWhenSchoolDaysCount() throws URISyntaxException {
        PortalScreen portal = new LoginScreen(driver, BASE).open().signInAs("sysadmin", Api.DEMO_PASSWORD).go("District settings");
        Path ics = Path.of(getClass().getResource("/holidays/school-year-2026-27.ics").toURI());
        driver.findElement(By.id("holidays:holidayFile")).sendKeys(ics.toAbsolutePath().toString());
        portal.submit(By.id("holidays:import"));
        // a preview first: the breaks are ticked by their names, the day named otherwise is not
        String preview = driver.findElement(By.id("previewTable")).getText();
        assertTrue(preview.contains("Mon 21 Dec 2026 to Fri 1 Jan 2027"), "an event shows as one range: " + preview);
        assertTrue(previewBox("Thanksgiving break").isSelected() && previewBox("Winter break").isSelected(), preview);
        assertFalse(previewBox("Martin Luther King Jr. Day").isSelected(), "not named as a day off, so not ticked");
        Accessibility.assertNoViolations(driver, "the holiday preview");
        previewBox("Martin Luther King Jr. Day").click();
        portal.submit(By.id("holidayPreview:useTicked"));
        String confirm = driver.findElement(By.id("confirmImport")).getText();
        assertTrue(confirm.contains("with these 15 days?"), confirm);
        portal.submit(By.id("holidayPreview:replace"));
        assertTrue(portal.messages().contains("15 holidays imported"),
                portal.messages());
        String table = driver.findElement(By.id("holidayTable")).getText();
        assertTrue(table.contains("Thu 26 Nov 2026 to Fri 27 Nov 2026") && table.contains("Thanksgiving break"), table);
        assertTrue(table.contains("Mon 18 Jan 2027") && table.contains("Martin Luther King Jr. Day"), table);
        assertTrue(table.contains("15 days without school, in 3 ranges"), table);

        driver.findElement(By.xpath("//input[@type='radio' and @value='school']")).click();
        portal.submit(By.id("settings:save"));
        assertTrue(portal.messages().contains("Settings saved."));
        assertEquals("school", JsonBodies.object(
                Api.onTestServer().get("/api/settings", "sysadmin").body()).getString("reviewDays"));
        Accessibility.assertNoViolations(driver, "the settings page with holidays");

        Path notIcs = Path.of(getClass().getResource("/arquillian.xml").toURI());
        driver.findElement(By.id("holidays:holidayFile")).sendKeys(notIcs.toAbsolutePath().toString());
        portal.submit(By.id("holidays:import"));
        String refused = portal.messages();
        assertTrue(refused.contains("Not an iCalendar file"), refused);
        assertTrue(driver.findElement(By.id("holidayTable")).getText().contains("Thanksgiving break"), "the list is unchanged");
        portal.signOut();
    }

    private WebElement previewBox(String eventName) {
        return driver.findElement(By.xpath("//table[@id='previewTable']//tr[td[normalize-space()='" + eventName + "']]//input[@type='checkbox']"));
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
