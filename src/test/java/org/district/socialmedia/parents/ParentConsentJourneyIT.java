package org.district.socialmedia.parents;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.Inbox;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.browser.Accessibility;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.LoginScreen;
import org.district.socialmedia.it.browser.PageWalk;
import org.district.socialmedia.it.browser.PortalScreen;
import org.district.socialmedia.it.browser.Reflow;
import org.district.socialmedia.it.browser.TakedownsScreen;
import org.district.socialmedia.parents.control.ParentRateLimits;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the whole way of a parent's consent online: a consent clerk sends the request, the parent
 * opens the link from the email (GreenMail), reads the form in Spanish, signs it by keyboard at 360 px, gets the
 * PDF receipt by email, cannot sign again, and revokes; the page to ask for a new link answers the same for an
 * address on file and one that is not; the post recorded with the child's photo before the revocation is taken
 * down, and the person the takedown is assigned to closes it. axe on every parent page in both languages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParentConsentJourneyIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+(/parent/consent\\.xhtml\\?t=[A-Za-z0-9_-]{43})");
    private static WebDriver driver;
    private static Inbox inbox;
    private final Api api = Api.onTestServer();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @BeforeAll
    static void start() {
        inbox = Inbox.start();
        driver = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void aParentSignsOnlineInSpanishGetsTheReceiptAndRevokes() throws Exception {
        String districtId = "P" + UUID.randomUUID().toString().substring(0, 8);
        String email = "parent." + districtId.toLowerCase() + "@example.org";
        HttpResponse<String> student = api.post("/api/students", "clerk",
                "{\"districtId\":\"" + districtId + "\",\"givenName\":\"Lucía\",\"familyName\":\"Journey\",\"grade\":\"03\"}");
        assertEquals(201, student.statusCode(), student.body());
        HttpResponse<String> guardian = api.post("/api/students/" + districtId + "/guardians", "clerk",
                "{\"givenName\":\"Rosa\",\"familyName\":\"Journey\",\"email\":\"" + email + "\",\"relationship\":\"PARENT\"}");
        assertTrue(guardian.statusCode() < 300, guardian.body());

        // the clerk sends the request from their page
        PortalScreen clerk = new LoginScreen(driver, BASE).open().signInAs("clerk", Api.DEMO_PASSWORD);
        clerk.go("Consent requests to parents");
        Accessibility.assertNoViolations(driver, "the clerk's consent requests");
        driver.findElement(By.cssSelector("input[name='send:kind'][value='STUDENT']")).click();
        driver.findElement(By.id("send:studentId")).sendKeys(districtId);
        clerk.submit(By.id("send:sendRequest"));
        assertTrue(clerk.messages().contains("1 personal link"), clerk.messages());
        assertTrue(driver.findElement(By.id("progress")).getText().contains("Whole school"), "the progress table");
        clerk.signOut();
        driver.manage().deleteAllCookies();

        // the parent opens the link from the email
        MimeMessage request = awaitMail(email, "Consent for social media");
        String link = linkIn(Inbox.text(request));

        // five days later the parent has not answered: the first of two reminders goes out, once however often the timer runs
        try {
            assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"P5D\"}").statusCode());
            for (int i = 0; i < 3; i++) {
                api.post("/api/test/parent-reminder-sweep", "sysadmin", "{}");
            }
            MimeMessage reminder = awaitMail(email, "Reminder");
            assertTrue(linkIn(Inbox.text(reminder)).length() > 0, "the reminder carries a link");
            api.post("/api/test/parent-reminder-sweep", "sysadmin", "{}");
            api.post("/api/test/mail-relay", "sysadmin", "{}");
            assertEquals(1, count(email, "Reminder"), "reminder 1 once");
        } finally {
            api.post("/api/test/clock/reset", "sysadmin", "{}");
        }
        ParentConsentScreen parent = new ParentConsentScreen(driver).open(BASE + link);
        assertEquals("en", parent.language());
        assertTrue(parent.text("intro").contains("Lucía"), parent.text("intro"));
        assertFalse(driver.getPageSource().contains("Journey"), "only the child's first name is shown");
        Accessibility.assertNoViolations(driver, "the parent's consent page in English");

        parent.language("es");
        assertEquals("es", parent.language());
        assertTrue(parent.heading().startsWith("¿Podemos"), parent.heading());
        Accessibility.assertNoViolations(driver, "the parent's consent page in Spanish");
        PageWalk.viewport(driver, 360, 800);
        assertEquals(List.of(), Reflow.problems(driver), "the parent's page at 360 px");

        // nothing chosen: every problem named, in Spanish
        parent.submit();
        assertTrue(parent.text("errorSummary").contains("Escriba su nombre completo"), parent.text("errorSummary"));
        Accessibility.assertNoViolations(driver, "the parent's consent page with its errors");

        parent.answer(List.of(true, false, false, true, true, false)).sign("Rosa Journey");
        assertEquals("Su respuesta", parent.heading());
        assertTrue(parent.text("agreed").contains("Fotografías"), parent.text("agreed"));
        assertFalse(parent.canSign(), "an answered link does not sign again");
        Accessibility.assertNoViolations(driver, "the parent's answer in Spanish");
        assertEquals(List.of(), Reflow.problems(driver), "the answer at 360 px");

        MimeMessage receipt = awaitMail(email, "comprobante");
        assertTrue(hasPdf(receipt), "the receipt carries its PDF");

        // with the consent in force, siteadmin2 records a post showing the child's photo on a school account
        HttpResponse<String> post = api.post("/api/posts", "siteadmin2", "{\"accountId\":" + schoolAccount() + ",\"plannedOn\":\""
                + LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(2) + "\",\"items\":[\"PHOTO\"],\"studentIds\":[\"" + districtId + "\"]}");
        assertEquals(201, post.statusCode(), post.body());

        // the same link again: it shows the answer, never the form to sign
        parent.open(BASE + link + "&lang=es");
        assertFalse(parent.canSign());
        assertEquals("Su respuesta", parent.heading());

        parent.revoke("PHOTO");
        assertTrue(parent.text("notice").contains("revocación"), parent.text("notice"));
        assertFalse(parent.text("inForce").contains("Fotografías"), parent.text("inForce"));

        // the public page for a new link says the same for an address on file and one that is not
        driver.get(BASE + "/parent/link.xhtml?lang=en");
        Accessibility.assertNoViolations(driver, "the page to ask for a new link");
        String known = askForLink(email);
        driver.get(BASE + "/parent/link.xhtml?lang=en");
        String unknown = askForLink("nobody." + districtId.toLowerCase() + "@example.org");
        assertEquals(known, unknown, "the answer never tells whether an address is on file");
        awaitMail(email, "Your new link");
        PageWalk.viewport(driver, 1280, 900);

        // the revocation took the post down: the person the task is assigned to sees it and closes it by keyboard
        PortalScreen siteAdmin = new LoginScreen(driver, BASE).open().signInAs("siteadmin2", Api.DEMO_PASSWORD);
        TakedownsScreen takedowns = new TakedownsScreen(siteAdmin).open();
        String task = takedowns.row(districtId).orElseThrow(() -> new AssertionError("no takedown for the post: " + siteAdmin.heading()));
        assertTrue(task.contains("siteadmin2"), "assigned to the account's administrator: " + task);
        Accessibility.assertNoViolations(driver, "the takedowns of the person they are assigned to");
        takedowns.markDone(districtId, "Photo removed from the post");
        assertTrue(takedowns.row(districtId).isEmpty(), "a closed task leaves the open list");
        assertTrue(takedowns.all().row(districtId).orElse("").contains("by siteadmin2"), "closed, and by whom");
        siteAdmin.signOut();
    }

    /** An account of Washington Elementary (the clerk's school, so the child's) on which siteadmin2 holds rights. */
    private long schoolAccount() {
        String handle = "parents_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"@%s","url":"https://example.org/%s","unit":"WES","purpose":"Class news.",
                 "registeredEmail":"wes-office@district.example.org","operatorException":"Its administrator holds rights (test)."}"""
                .formatted(handle, handle));
        assertEquals(201, created.statusCode(), created.body());
        long id = JsonBodies.object(created.body()).getJsonNumber("id").longValue();
        assertEquals(201, api.post("/api/accounts/" + id + "/grants", "superintendent",
                "{\"holder\":\"siteadmin2\",\"reason\":\"Posts for the school.\"}").statusCode());
        return id;
    }

    @Test
    void oneLinkUsedTooOftenIsRefusedWhicheverServerCounts() throws Exception {
        // a link-shaped token that opens nothing; its 20 uses a minute are a rate_limit_window row, not a count in
        // this server's memory (the cluster test spreads the same over two nodes)
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String page = BASE + "/parent/consent.xhtml?lang=en&t=" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // all 21 uses in one fixed minute
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 40) {
            Thread.sleep((61 - second) * 1000);
        }
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= ParentRateLimits.PER_TOKEN; i++) {
            String body = http.send(HttpRequest.newBuilder(URI.create(page)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            assertFalse(body.contains("id=\"limited\""), "use " + i + " is within the limit");
        }
        String refused = http.send(HttpRequest.newBuilder(URI.create(page)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(refused.contains("id=\"limited\"") && refused.contains("Too many attempts"), "use 21 is refused");
    }

    private String askForLink(String address) {
        driver.findElement(By.id("newLink:email")).sendKeys(address);
        driver.findElement(By.id("newLink:sendLink")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("sent")).isEmpty());
        return driver.findElement(By.id("sent")).getText();
    }

    private MimeMessage awaitMail(String to, String subjectPart) throws Exception {
        return inbox.await(subjectPart, to, () -> api.post("/api/test/mail-relay", "sysadmin", "{}"));
    }

    private static long count(String to, String subjectPart) {
        return inbox.count(subjectPart, to);
    }

    private static boolean hasPdf(Part part) throws Exception {
        if (part.isMimeType("application/pdf")) {
            return true;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart p = multipart.getBodyPart(i);
                if (hasPdf(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The link's path and token (the email's host is the public base URL, not the test server). */
    private static String linkIn(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "a personal link in: " + text);
        return m.group(1);
    }
}
