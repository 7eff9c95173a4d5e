package org.district.socialmedia.consent;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a consent clerk records a parent's signed form with its scan and then the
 * parent's revocation; a teacher who operates a school account checks a whole class before
 * posting. axe on each of these pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentJourneyIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    private static WebDriver driver;
    private final Api api = Api.onTestServer();

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

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies();
    }

    private void setValue(By input, String value) {
        // date inputs type differently in each browser locale; the value property does not
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(input), value);
    }

    @Test
    void aClerkRecordsASignedFormWithItsScanAndThenTheParentsRevocation() throws IOException {
        Path scan = Files.createTempFile("signed-form", ".pdf");
        Files.write(scan, ConsentApiIT.realPdf());
        LocalDate yesterday = LocalDate.now(DISTRICT).minusDays(1);

        PortalScreen clerk = new LoginScreen(driver, BASE).open().signInAs("clerk", Api.DEMO_PASSWORD);
        clerk.go("Students and consent");
        Accessibility.assertNoViolations(driver, "the clerk's students");
        clerk.open("/consent/student.xhtml?id=100031");
        assertTrue(clerk.heading().startsWith("Consent records:"), clerk.heading());
        Accessibility.assertNoViolations(driver, "a student's consent records");

        // a file that is no scan, and nothing else: every problem at once, the refused file among them
        Path notAScan = Files.createTempFile("not-a-scan", ".pdf");
        Files.writeString(notAScan, "plain text, not a PDF");
        driver.findElement(By.id("newForm:scan")).sendKeys(notAScan.toString());
        clerk.submit(By.id("newForm:record"));
        String errors = driver.findElement(By.id("newForm")).getText();
        assertTrue(errors.contains("Choose the parent or guardian who signed"), errors);
        String summary = new ErrorSummary(driver, "newForm").assertShown("newForm:signer", "newForm:scan");
        assertTrue(summary.contains("Attach the scan again"), summary);
        Accessibility.assertNoViolations(driver, "the consent form with its errors");

        // a good scan with a form still incomplete: the scan is kept, only the missing field is redone
        setValue(By.id("newForm:signedOn"), yesterday.toString());
        driver.findElement(By.id("newForm:formVersion")).sendKeys("2026-1");
        driver.findElement(By.cssSelector("input[name='newForm:items'][value='PHOTO']")).click();
        driver.findElement(By.cssSelector("input[name='newForm:items'][value='FIRST_NAME']")).click();
        driver.findElement(By.id("newForm:scan")).sendKeys(scan.toString());
        clerk.submit(By.id("newForm:record"));
        assertEquals(List.of("newForm:signer"), new ErrorSummary(driver, "newForm").fields());
        assertTrue(driver.findElement(By.id("keptScan")).getText().contains("is kept"), driver.findElement(By.id("newForm")).getText());

        new Select(driver.findElement(By.id("newForm:signer"))).selectByIndex(1);
        clerk.submit(By.id("newForm:record"));
        assertTrue(clerk.messages().contains("The form is recorded"), clerk.messages() + driver.findElement(By.id("newForm")).getText());
        assertTrue(!driver.findElements(By.cssSelector("a.scan-link")).isEmpty(), "the scan can be downloaded");
        PlainWords.assertNoEnumNames(driver, "a student's consent records");

        java.util.List<org.openqa.selenium.WebElement> starts = driver.findElements(By.cssSelector("input[id$='startRevoke']"));
        clerk.submit(By.id(starts.get(0).getAttribute("id")));
        setValue(By.id("revokeForm:revokedOn"), LocalDate.now(DISTRICT).toString());
        driver.findElement(By.id("revokeForm:receivedBy")).sendKeys("Front office, phone call");
        Accessibility.assertNoViolations(driver, "the revocation form");
        // no item ticked: the page says that this revokes everything and asks for that in so many words
        clerk.submit(By.id("revokeForm:revoke"));
        String everything = new ErrorSummary(driver, "revokeForm").assertShown("revokeForm:items");
        assertTrue(everything.contains("this revokes everything"), everything);
        assertFalse(clerk.messages().contains("The revocation is recorded"), clerk.messages());
        clerk.submit(By.id("revokeForm:revokeAll"));
        assertTrue(clerk.messages().contains("The revocation is recorded"), clerk.messages());
        PlainWords.assertNoEnumNames(driver, "a student's consent records with a revocation");

        clerk.go("Consent renewals");
        Accessibility.assertNoViolations(driver, "the renewal list");
        clerk.go("Takedowns");
        Accessibility.assertNoViolations(driver, "the clerk's takedowns");
        clerk.signOut();
        Files.deleteIfExists(scan);
        Files.deleteIfExists(notAScan);
    }

    @Test
    void aTeacherRecordsAPostWhoseCheckNamesTheStudentsNotAllowedThenAddsItsAddress() {
        long account = accountOperatedByEmployee2();
        PortalScreen teacher = new LoginScreen(driver, BASE).open().signInAs("employee2", Api.DEMO_PASSWORD);
        teacher.go("Posts about students");
        assertEquals("Posts about students", teacher.heading());
        Accessibility.assertNoViolations(driver, "the posts page");

        // 100027 has a demo form for everything; 100040 has no guardian, so no form: the post is refused for him
        fillPost(account, "100027 100040");
        teacher.submit(By.id("record:save"));
        String summary = driver.findElement(By.id("recordSummary")).getText();
        assertTrue(summary.contains("Not recorded: 1 student"), summary);
        String refused = driver.findElement(By.id("refused")).getText();
        assertTrue(refused.contains("100040") && !refused.contains("100027"), refused);
        PlainWords.assertNoEnumNames(driver, "the refused post");
        Accessibility.assertNoViolations(driver, "the posts page with a refused post");

        fillPost(account, "100027");
        teacher.submit(By.id("record:save"));
        summary = driver.findElement(By.id("recordSummary")).getText();
        assertTrue(summary.startsWith("Recorded as post") || summary.contains("Recorded as post"), summary);
        setValue(By.id("address:url"), "https://www.facebook.com/wes-room/posts/1");
        teacher.submit(By.id("address:saveUrl"));
        assertTrue(teacher.messages().contains("is saved"), teacher.messages());
        assertTrue(driver.findElement(By.id("list:posts")).getText().contains("https://www.facebook.com/wes-room/posts/1"));
        Accessibility.assertNoViolations(driver, "the posts page with a recorded post");
        teacher.signOut();
    }

    private void fillPost(long account, String students) {
        new Select(driver.findElement(By.id("record:accountId"))).selectByValue(String.valueOf(account));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> new Select(d.findElement(By.id("record:classId"))).getOptions().size() > 1);
        setValue(By.id("record:plannedOn"), LocalDate.now(DISTRICT).plusDays(1).toString());
        WebElement photo = driver.findElement(By.cssSelector("input[name='record:items'][value='PHOTO']"));
        if (!photo.isSelected()) {
            photo.click();
        }
        WebElement ids = driver.findElement(By.id("record:studentIds"));
        ids.clear();
        ids.sendKeys(students);
    }

    /** employee2 asks for a Facebook account, is authorized, and the account is registered from the authorization. */
    private long accountOperatedByEmployee2() {
        HttpResponse<String> submitted = api.post("/api/requests", "employee2", """
                {"lines":[{"platform":"Facebook","objectives":"Class news and events for families.","audience":["PARENTS"],
                  "accountName":"WES Room %s","districtEmail":"jcarter@district.example.org"}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonObject request = JsonBodies.object(submitted.body());
        long line = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/requests/" + request.getJsonNumber("id") + "/decision", "superintendent",
                "{\"lines\":[{\"lineId\":" + line + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
        long authorization = JsonBodies.array(api.get("/api/me/authorizations", "employee2").body()).stream()
                .map(v -> v.asJsonObject()).filter(a -> a.getJsonNumber("requestId").longValue() == request.getJsonNumber("id").longValue())
                .mapToLong(a -> a.getJsonNumber("id").longValue()).findFirst().orElseThrow();
        HttpResponse<String> account = api.post("/api/accounts", "sysadmin",
                "{\"authorizationId\":" + authorization + ",\"url\":\"https://www.facebook.com/wes-room\"}");
        assertEquals(201, account.statusCode(), account.body());
        return JsonBodies.object(account.body()).getJsonNumber("id").longValue();
    }

    @Test
    void aTeacherChecksAWholeClassBeforePosting() {
        long account = accountOperatedByEmployee2();
        PortalScreen teacher = new LoginScreen(driver, BASE).open().signInAs("employee2", Api.DEMO_PASSWORD);
        // the home page says what waits for employee2: the reviewer's question on a demo request
        teacher.open("/index.xhtml");
        String waiting = driver.findElement(By.id("waitingForYou")).getText();
        assertTrue(waiting.contains("the reviewer asks for more information") && waiting.contains("Answer the reviewer on request"), waiting);
        teacher.go("Check before posting");
        Accessibility.assertNoViolations(driver, "the check page");

        Select accounts = new Select(driver.findElement(By.id("check:accountId")));
        accounts.selectByValue(String.valueOf(account));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> new Select(d.findElement(By.id("check:classId"))).getOptions().size() > 1);
        driver.findElement(By.cssSelector("input[name='check:items'][value='PHOTO']")).click();
        new Select(driver.findElement(By.id("check:classId"))).selectByValue("cls-wes-4a");
        teacher.submit(By.id("check:run"));

        String results = driver.findElement(By.id("results")).getText();
        assertTrue(results.contains("Allowed") || results.contains("Not allowed"), results);
        List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
        assertTrue(rows.size() > 1, "one answer per student of the class");
        // the students to act on come first; each answer carries a mark and words for screen readers, not colour alone
        boolean seenAllowed = false;
        long refused = 0;
        for (WebElement row : rows) {
            boolean allowed = !row.findElements(By.cssSelector(".answer.allowed")).isEmpty();
            assertFalse(seenAllowed && !allowed, "a refused student after an allowed one: " + results);
            seenAllowed |= allowed;
            refused += allowed ? 0 : 1;
            assertEquals(1, row.findElements(By.cssSelector(".answer .mark[aria-hidden='true']")).size(), row.getText());
            String hidden = row.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent").strip();
            assertEquals(allowed ? "Allowed:" : "Not allowed:", hidden);
            if (!allowed) {
                assertFalse(row.findElements(By.tagName("td")).get(2).getText().isBlank(), "a refusal gives its reason: " + row.getText());
            }
        }
        WebElement summary = driver.findElement(By.id("checkSummary"));
        assertEquals("status", summary.getAttribute("role"));
        assertTrue(summary.getAttribute("class").contains(refused > 0 ? "warn" : "info"), summary.getAttribute("class"));
        assertTrue(summary.getText().contains(refused > 0 ? refused + " of " + rows.size() : "Allowed for every student"),
                summary.getText());
        assertFalse(results.matches("(?s).*\\b(NO_CONSENT|ITEM_NOT_CONSENTED|CHANNEL_NOT_COVERED|EXPIRED|REVOKED)\\b.*"), results);
        PlainWords.assertNoEnumNames(driver, "the check's answers");
        Accessibility.assertNoViolations(driver, "the check's answers");
        teacher.signOut();
    }
}
