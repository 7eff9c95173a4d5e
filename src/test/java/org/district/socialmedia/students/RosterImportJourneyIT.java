package org.district.socialmedia.students;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.browser.Accessibility;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the Roster import page while its job runs: after the upload the run's status region (an
 * aria-live status with a progress bar) tells how far the preview is, and after Import how far the write is
 * (changes written of the total, files and rows read and rejected, time left), updating without a reload; the
 * page passes axe while the job works and once it is done, and is used by keyboard alone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterImportJourneyIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private static final int STUDENTS = 12_000;
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

    private static WebDriverWait waiting(int seconds) {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    @Test
    void theProgressOfAnImportShowsWhileItsJobWorksAndThePagePassesAxe() throws Exception {
        String tag = "Journey" + UUID.randomUUID().toString().substring(0, 6);
        Path zip = Files.createTempFile("roster-journey", ".zip");
        Files.write(zip, roster(tag));
        PortalScreen admin = new LoginScreen(driver, BASE).open().signInAs("sysadmin", Api.DEMO_PASSWORD);
        admin.open("/admin/roster.xhtml");
        Accessibility.assertNoViolations(driver, "the Roster import page");

        driver.findElement(By.id("roster:file")).sendKeys(zip.toString());
        admin.submit(By.id("roster:preview"));
        WebElement status = driver.findElement(By.id("jobStatus"));
        assertEquals("status", status.getAttribute("role"));
        assertEquals("polite", status.getAttribute("aria-live"));
        assertTrue(status.findElements(By.tagName("progress")).size() == 1, "a progress bar while the preview works");
        assertTrue(driver.findElement(By.id("jobStatusText")).getText().contains("nothing is written"), status.getText());
        Accessibility.assertNoViolations(driver, "the Roster import page while its preview works");

        // the poll brings the preview without a reload
        waiting(120).until(d -> !d.findElements(By.id("decision:confirm")).isEmpty());
        Accessibility.assertNoViolations(driver, "the Roster import page with a preview");
        // by keyboard: Import is reached and pressed with the Enter key
        WebElement confirm = driver.findElement(By.id("decision:confirm"));
        confirm.sendKeys(Keys.ENTER);

        boolean sawFigures = false;
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            List<WebElement> text = driver.findElements(By.id("jobStatusText"));
            try {
                if (text.isEmpty()) {
                    // findElements: between the confirmation's navigation and the first poll the heading may be absent
                    List<WebElement> heading = driver.findElements(By.id("runHeading"));
                    if (!heading.isEmpty() && heading.get(0).getText().contains("COMPLETED")) {
                        break;
                    }
                } else if (text.get(0).getText().contains("changes written")) {
                    if (!sawFigures) {
                        WebElement progress = driver.findElement(By.id("jobProgress"));
                        assertTrue(Integer.parseInt(progress.getAttribute("max")) > 0, "a determinate bar: " + progress.getAttribute("outerHTML"));
                        assertTrue(driver.findElement(By.id("jobFigures")).getText().contains("Changes written"));
                        Accessibility.assertNoViolations(driver, "the Roster import page while its write works");
                    }
                    sawFigures = true;
                }
            } catch (StaleElementReferenceException updated) {
                // the poll replaced the region meanwhile
            }
            Thread.sleep(200);
        }
        waiting(30).until(d -> d.findElements(By.id("runHeading")).stream().anyMatch(h -> h.getText().contains("COMPLETED")));
        assertTrue(sawFigures, "the write's figures were shown while it worked");
        Accessibility.assertNoViolations(driver, "the Roster import page after the import");
        Files.deleteIfExists(zip);
    }

    /** A delta export of STUDENTS students, each with a guardian, enough for the write to take a few polls. */
    private static byte[] roster(String tag) throws Exception {
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
                + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n");
        for (int i = 0; i < STUDENTS; i++) {
            String n = tag + "-" + i;
            users.append("s-").append(n).append(",,,true,org-lhs,student,,,Jo,").append(tag).append(",,").append(n)
                    .append(",,,,g-").append(n).append(",10,\n");
            users.append("g-").append(n).append(",,,true,org-lhs,parent,,,Lee,").append(tag).append(",,,")
                    .append("j").append(i).append('@').append(tag.toLowerCase()).append(".example.org,,,s-").append(n).append(",,\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,delta\nfile.users,delta\n"
                + "file.classes,absent\nfile.enrollments,absent\n");
        files.put("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + "org-lhs,,,Lincoln High School,school,LHS,\n");
        files.put("users.csv", users.toString());
        return RosterImportIT.zip(files);
    }
}
