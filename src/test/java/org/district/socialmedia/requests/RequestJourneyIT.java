package org.district.socialmedia.requests;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.browser.Accessibility;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.LoginScreen;
import org.district.socialmedia.it.browser.PlainWords;
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
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy's steps in a real browser: an employee submits two platforms; a designee amends one and
 * rejects the other, first without an explanation (refused), then with one; the employee sees the
 * response and downloads the letter. The request, queue and decision pages pass axe.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestJourneyIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private WebDriver driver;

    @BeforeEach
    void start() {
        driver = Browser.start();
    }

    @AfterEach
    void stop() {
        driver.quit();
    }

    @Test
    void submitAmendRejectAndReadTheLetter() throws Exception {
        String account = "@journey_" + UUID.randomUUID().toString().substring(0, 6);

        // the employee writes two lines and submits them
        PortalScreen employee = new LoginScreen(driver, BASE).open().signInAs("employee1", Api.DEMO_PASSWORD).go("New request");
        Accessibility.assertNoViolations(driver, "the new request page");
        fillLine(0, "Instagram", "Share game results with parents", "PARENTS", account, "coach@district.example.org");
        employee.submit(By.id("request:addLine"));
        fillLine(1, "YouTube", "Post recorded practice drills for the team", "STUDENTS", account + "_tv", "coach@district.example.org");
        driver.findElement(By.id("request:acknowledged")).click();
        employee.submit(By.id("request:submit"));
        assertEquals("Submitted", driver.findElement(By.id("status")).getText());
        assertTrue(employee.messages().isEmpty() || !employee.messages().contains("error"));
        String requestUrl = driver.getCurrentUrl();
        String id = requestUrl.substring(requestUrl.indexOf("id=") + 3);
        Accessibility.assertNoViolations(driver, "the request page");
        PlainWords.assertNoEnumNames(driver, "the request page");
        String timeline = driver.findElement(By.id("timeline")).getText();
        assertTrue(timeline.contains("Submitted by ") && timeline.contains("answer due by") && !timeline.contains("T07:59"), timeline);
        employee.signOut();

        // the designee finds it in the queue and answers
        PortalScreen reviewer = new LoginScreen(driver, BASE).open().signInAs("designee", Api.DEMO_PASSWORD).go("Review queue");
        Accessibility.assertNoViolations(driver, "the review queue");
        PlainWords.assertNoEnumNames(driver, "the review queue");
        driver.get(BASE + "/review/decide.xhtml?id=" + id);
        Accessibility.assertNoViolations(driver, "the decision page");
        chooseOutcome(0, "AMEND");
        driver.findElement(By.id("decision:lines:0:limits")).sendKeys("Announcements and results only; no student photographs");
        driver.findElement(By.id("decision:lines:0:explanation")).sendKeys("Student photographs need the parents' written consent.");
        chooseOutcome(1, "REJECT");
        reviewer.submit(By.id("decision:decide"));
        String refusal = driver.findElement(By.xpath("//*[@id='decision:lines:1:explanation']/following-sibling::*[contains(@class,'field-error')]")).getText();
        assertTrue(refusal.contains("explanation"), refusal);
        Accessibility.assertNoViolations(driver, "the decision page with an error");

        new Select(driver.findElement(By.id("decision:lines:1:reason"))).selectByVisibleText("Use the school's existing official account");
        reviewer.submit(By.id("decision:lines:1:useReason"));
        assertTrue(driver.findElement(By.id("decision:lines:1:explanation")).getAttribute("value").contains("official District account"));
        chooseOutcome(0, "AMEND");
        chooseOutcome(1, "REJECT");
        reviewer.submit(By.id("decision:decide"));
        assertEquals("Decided", driver.findElement(By.id("status")).getText());
        reviewer.signOut();

        // the employee sees the written response and downloads the letter
        new LoginScreen(driver, BASE).open().signInAs("employee1", Api.DEMO_PASSWORD);
        driver.get(BASE + "/requests/view.xhtml?id=" + id);
        String outcome = driver.findElement(By.id("outcome")).getText();
        assertTrue(outcome.contains("Authorized with modifications or limits") && outcome.contains("Robert Chen")
                && outcome.contains("Designee of the Superintendent"), outcome);
        String page = driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Announcements and results only; no student photographs"), page);
        assertTrue(page.contains("official District account"), page);
        PlainWords.assertNoEnumNames(driver, "the decided request with its timeline");
        assertTrue(driver.findElement(By.id("timeline")).getText().contains("Answered by Robert Chen"), page);
        String href = driver.findElement(By.id("letter")).getAttribute("href");
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF-"));
        driver.get(BASE + "/requests/authorizations.xhtml");
        assertTrue(driver.findElement(By.id("authorizations")).getText().contains(account), "the amended line is authorized with limits");
        Accessibility.assertNoViolations(driver, "my authorizations");
    }

    @Test
    void aDoubleClickOnSubmitFilesOneRequest() {
        String account = "@double_" + UUID.randomUUID().toString().substring(0, 6);
        PortalScreen employee = new LoginScreen(driver, BASE).open().signInAs("employee3", Api.DEMO_PASSWORD).go("New request");
        fillLine(0, "Blog", "A class blog about the history project", "PARENTS", account, "atanaka@district.example.org");
        driver.findElement(By.id("request:acknowledged")).click();
        WebElement submit = driver.findElement(By.id("request:submit"));
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(submit).perform();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/requests/view.xhtml"));
        driver.get(BASE + "/requests/mine.xhtml");
        String mine = driver.findElement(By.id("requests")).getText();
        assertEquals(1, countRequestsFor(account), "one request: " + mine);
        employee.signOut();
    }

    /** How many of the signed-in employee's requests name the account, through the API's view of each. */
    private long countRequestsFor(String account) {
        return driver.findElements(By.cssSelector("#requests a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*id=", ""))
                .filter(id -> Api.onTestServer().get("/api/requests/" + id, "employee3").body().contains(account))
                .count();
    }

    private void fillLine(int index, String platform, String objectives, String audience, String account, String email) {
        String prefix = "request:lines:" + index + ":";
        new Select(driver.findElement(By.id(prefix + "platform"))).selectByVisibleText(platform);
        driver.findElement(By.id(prefix + "objectives")).sendKeys(objectives);
        driver.findElement(By.xpath("//input[starts-with(@id,'" + prefix + "audience') and @value='" + audience + "']")).click();
        driver.findElement(By.id(prefix + "account")).sendKeys(account);
        driver.findElement(By.id(prefix + "districtEmail")).sendKeys(email);
    }

    private void chooseOutcome(int index, String outcome) {
        WebElement radio = driver.findElement(By.xpath("//input[starts-with(@id,'decision:lines:" + index + ":outcome') and @value='" + outcome + "']"));
        if (!radio.isSelected()) {
            radio.click();
        }
    }
}
