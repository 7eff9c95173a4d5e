package org.district.socialmedia.requests;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.browser.Accessibility;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.ErrorSummary;
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
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

        // the home page says what waits for the employee (employee1 has a demo draft)
        PortalScreen employee = new LoginScreen(driver, BASE).open().signInAs("employee1", Api.DEMO_PASSWORD);
        driver.get(BASE + "/index.xhtml");
        String waiting = driver.findElement(By.id("waitingForYou")).getText();
        assertTrue(waiting.contains("not sent to the Superintendent yet") && waiting.contains("Continue draft"), waiting);
        employee.go("My requests");
        int requestsBefore = driver.findElements(By.cssSelector("#requests a")).size();

        // a refused submit: every problem at once, in a summary that has the focus; nothing is stored
        employee.go("New request");
        Accessibility.assertNoViolations(driver, "the new request page");
        driver.findElement(By.id("request:lines:0:objectives")).sendKeys("x");
        employee.submit(By.id("request:submit"));
        ErrorSummary requestErrors = new ErrorSummary(driver, "request");
        String problems = requestErrors.assertShown("request:lines:0:platform", "request:lines:0:objectives",
                "request:lines:0:audience", "request:lines:0:account", "request:lines:0:districtEmail", "request:acknowledged");
        assertTrue(problems.contains("There are 6 problems") && problems.contains("at least 20 characters"), problems);
        requestErrors.assertLinkFocuses("request:lines:0:objectives");
        Accessibility.assertNoViolations(driver, "the request form with its errors");
        employee.go("My requests");
        assertEquals(requestsBefore, driver.findElements(By.cssSelector("#requests a")).size(), "a refused submit saves no draft");
        employee.go("New request");

        // the employee writes two lines and submits them
        fillLine(0, "Instagram", "Share game results with parents", "PARENTS", account, "coach@district.example.org");
        // adding and removing lines redraws only the lines, and focus goes where the keyboard user works next
        employee.submit(By.id("request:addLine"));
        assertFocusOn("request:lines:1:platform", "the new line's first field");
        employee.submit(By.id("request:addLine"));
        assertFocusOn("request:lines:2:platform", "the new third line's first field");
        employee.submit(By.id("request:lines:1:removeLine"));
        assertFocusOn("request:lines:1:platform", "the first field of the line that took the removed one's place");
        assertEquals(2, driver.findElements(By.cssSelector("fieldset.line")).size());
        assertEquals("Instagram", new Select(driver.findElement(By.id("request:lines:0:platform"))).getFirstSelectedOption().getText(),
                "the first line keeps what was typed");
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
        assertTrue(driver.findElement(By.id("timeLeft")).getText().endsWith(" left"), driver.findElement(By.id("deadlineInfo")).getText());
        assertFalse(driver.findElement(By.id("deadline")).getText().isBlank());
        chooseOutcome(0, "AMEND");
        driver.findElement(By.id("decision:lines:0:limits")).sendKeys("Announcements and results only; no student photographs");
        driver.findElement(By.id("decision:lines:0:explanation")).sendKeys("Student photographs need the parents' written consent.");
        chooseOutcome(1, "REJECT");
        reviewer.submit(By.id("decision:decide"));
        String refusal = driver.findElement(By.xpath("//*[@id='decision:lines:1:explanation']/following-sibling::*[contains(@class,'field-error')]")).getText();
        assertTrue(refusal.contains("explanation"), refusal);
        new ErrorSummary(driver, "decision").assertShown("decision:lines:1:explanation");
        Accessibility.assertNoViolations(driver, "the decision page with an error");

        // "Use this reason" asks before it replaces what the reviewer typed
        WebElement explanation = driver.findElement(By.id("decision:lines:1:explanation"));
        explanation.sendKeys("Typed by the reviewer");
        new Select(driver.findElement(By.id("decision:lines:1:reason"))).selectByVisibleText("Use the school's existing official account");
        driver.findElement(By.id("decision:lines:1:useReason")).click();
        Alert ask = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertTrue(ask.getText().contains("Replace the explanation you typed"), ask.getText());
        ask.dismiss();
        assertEquals("Typed by the reviewer", explanation.getAttribute("value"), "kept when the reviewer says no");
        driver.findElement(By.id("decision:lines:1:useReason")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.gone(explanation));
        assertTrue(driver.findElement(By.id("decision:lines:1:explanation")).getAttribute("value").contains("official District account"));
        driver.findElement(By.id("decision:note")).sendKeys("Call me before the first post about the limits.");
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
        assertEquals("Call me before the first post about the limits.", driver.findElement(By.id("decisionNote")).getText());
        PlainWords.assertNoEnumNames(driver, "the decided request with its timeline");
        assertTrue(driver.findElement(By.id("timeline")).getText().contains("Answered by Robert Chen"), page);
        String href = driver.findElement(By.id("letter")).getAttribute("href");
        // the letter's address is a portal page: without a session it leads to the portal's sign-in, not a password box
        assertTrue(href.contains("/requests/letter?id=" + id), href);
        HttpResponse<String> fresh = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, fresh.statusCode());
        assertTrue(fresh.headers().firstValue("Location").orElse("").contains("/login.xhtml"), fresh.headers().toString());
        assertTrue(fresh.headers().firstValue("WWW-Authenticate").isEmpty());
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

    private void assertFocusOn(String id, String what) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> id.equals(d.switchTo().activeElement().getDomAttribute("id")));
        } catch (TimeoutException e) {
            throw new AssertionError("focus should be on " + what + " (" + id + "), not on "
                    + driver.switchTo().activeElement().getDomAttribute("id"), e);
        }
    }

    private void chooseOutcome(int index, String outcome) {
        WebElement radio = driver.findElement(By.xpath("//input[starts-with(@id,'decision:lines:" + index + ":outcome') and @value='" + outcome + "']"));
        if (!radio.isSelected()) {
            radio.click();
        }
    }
}
