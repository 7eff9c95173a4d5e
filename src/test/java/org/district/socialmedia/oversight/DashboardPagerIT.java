package org.district.socialmedia.oversight;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.browser.Accessibility;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.LoginScreen;
import org.district.socialmedia.it.browser.TypeAhead;
import org.district.socialmedia.students.RosterImportIT;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's consent coverage and account compliance for a District of more schools than a page: 26 schools with
 * a student and an account each come in by a roster import and the registry (the demo District has two), the
 * Superintendent moves between the pages by keyboard, the page's line says where they are and takes the focus, and
 * no page has an axe violation; the API's pages of the account compliance put together are its whole list. The
 * students leave again by a second import and the accounts are archived, so the schools drop out of both.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardPagerIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
            + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n";
    private static final int SCHOOLS = 26;

    private final Api api = Api.onTestServer();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @Test
    void theSuperintendentPagesThroughTheSchoolsByKeyboard() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder orgs = new StringBuilder("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n");
        StringBuilder users = new StringBuilder(USERS_HEADER);
        StringBuilder leave = new StringBuilder(USERS_HEADER);
        for (int i = 1; i <= SCHOOLS; i++) {
            String n = "%s-%02d".formatted(run, i);
            orgs.append("org-pg-%s,,,Pager School %s,school,PG%s,\n".formatted(n, n, n));
            users.append("stu-pg-%s,,,true,org-pg-%s,student,pg%s,,Pat,Pager,,PGS%s,,,,,05,\n".formatted(n, n, n, n));
            leave.append("stu-pg-%s,tobedeleted,,,,student,,,,,,,,,,,,\n".formatted(n));
        }
        imported(Map.of("orgs.csv", orgs.toString(), "users.csv", users.toString()));
        List<Long> accounts = new ArrayList<>();
        try {
            for (int i = 1; i <= SCHOOLS; i++) {
                accounts.add(account("PG%s-%02d".formatted(run, i)));
            }
            long units = compliancePagesMakeTheWholeList();
            long total = JsonBodies.object(api.get("/api/reports/consent-coverage?size=1", "superintendent").body()).getJsonNumber("schoolsTotal")
                    .longValue();
            assertTrue(total > 25, "more schools with students than a page: " + total);
            WebDriver driver = Browser.start();
            try {
                new LoginScreen(driver, BASE).open().signInAs("superintendent", Api.DEMO_PASSWORD);
                driver.get(BASE + "/oversight/dashboard.xhtml");
                assertEquals("Schools 1 to 25 of " + total + ", in name order. The CSV below holds them all.", line(driver));
                assertEquals(25, driver.findElements(By.cssSelector("#schoolCoverage tbody tr")).size());
                assertNotNull(driver.findElement(By.id("schoolCoveragePager:previous")).getAttribute("disabled"), "no page before the first");
                Accessibility.assertNoViolations(driver, "the dashboard, the first page of schools");

                driver.findElement(By.id("schoolCoveragePager:next")).sendKeys(Keys.ENTER);
                long last = Math.min(50, total);
                settle(driver).until(d -> line(d).startsWith("Schools 26 to " + last + " "));
                settle(driver).until(d -> "schoolCoveragePage".equals(
                        ((JavascriptExecutor) d).executeScript("return document.activeElement && document.activeElement.id")));
                assertEquals(last - 25, driver.findElements(By.cssSelector("#schoolCoverage tbody tr")).size());
                assertNull(driver.findElement(By.id("schoolCoveragePager:previous")).getAttribute("disabled"));
                Accessibility.assertNoViolations(driver, "the dashboard, the second page of schools");

                driver.findElement(By.id("schoolCoveragePager:previous")).sendKeys(Keys.ENTER);
                settle(driver).until(d -> line(d).startsWith("Schools 1 to 25 "));

                assertEquals("Schools and departments 1 to 25 of " + units + ", in name order. The CSV below holds them all.",
                        text(driver, "compliancePage"));
                assertEquals(25, driver.findElements(By.cssSelector("#compliance tbody tr")).size());
                assertNotNull(driver.findElement(By.id("compliancePager:previous")).getAttribute("disabled"), "no page before the first");
                driver.findElement(By.id("compliancePager:next")).sendKeys(Keys.ENTER);
                long lastUnit = Math.min(50, units);
                settle(driver).until(d -> text(d, "compliancePage").startsWith("Schools and departments 26 to " + lastUnit + " "));
                settle(driver).until(d -> "compliancePage".equals(
                        ((JavascriptExecutor) d).executeScript("return document.activeElement && document.activeElement.id")));
                assertEquals(lastUnit - 25, driver.findElements(By.cssSelector("#compliance tbody tr")).size());
                Accessibility.assertNoViolations(driver, "the dashboard, the second page of account compliance");

                // the school filter: a type-ahead box (a District's thousand schools are not listed in the page), a
                // school typed and taken from its suggestions by keyboard, then the whole District again
                TypeAhead unit = new TypeAhead(driver, "filters:unit");
                assertEquals("combobox", unit.input().getDomAttribute("role"));
                assertEquals("School or department", driver.findElement(By.cssSelector("label[for='filters:unit_input']")).getText());
                unit.choose("lincoln h", "Lincoln High School (LHS)");
                driver.findElement(By.id("filters:apply")).sendKeys(Keys.ENTER);
                settle(driver).until(d -> !d.findElements(By.id("classCoverage")).isEmpty());
                assertEquals(List.of("Lincoln High School"), driver.findElements(By.cssSelector("#schoolCoverage tbody th")).stream()
                        .map(th -> th.getDomProperty("textContent").strip()).toList(), "the chosen school's row only (its table is behind a toggle)");
                assertEquals("Lincoln High School (LHS)", new TypeAhead(driver, "filters:unit").text(), "the box still shows it");
                Accessibility.assertNoViolations(driver, "the dashboard with a school chosen");
                new TypeAhead(driver, "filters:unit").clear();
                driver.findElement(By.id("filters:apply")).sendKeys(Keys.ENTER);
                settle(driver).withMessage(() -> "the whole District again; the page's filter holds '"
                                + driver.findElement(By.id("filters:unit_hinput")).getDomProperty("value") + "', its text: "
                                + driver.findElement(By.tagName("main")).getText())
                        .until(d -> line(d).startsWith("Schools 1 to 25 of " + total + ","));
            } finally {
                driver.quit();
            }
        } finally {
            for (long id : accounts) {
                HttpResponse<String> archived = api.put("/api/accounts/" + id + "/status", "sysadmin", "{\"status\":\"ARCHIVED\"}");
                assertEquals(200, archived.statusCode(), archived.body());
            }
            imported(Map.of("users.csv", leave.toString()));
        }
    }

    /** The API's pages of the District's account compliance, put together, are its whole list; how long it is. */
    private long compliancePagesMakeTheWholeList() {
        JsonObject whole = JsonBodies.object(api.get("/api/reports/accounts?size=1000", "superintendent").body());
        long total = whole.getJsonNumber("unitsTotal").longValue();
        assertTrue(total > 25, "more schools with accounts than a page: " + total);
        assertEquals(total, whole.getJsonArray("compliance").size());
        List<String> paged = new ArrayList<>();
        for (int first = 0; first < total; first += 10) {
            JsonObject page = JsonBodies.object(api.get("/api/reports/accounts?first=" + first + "&size=10", "superintendent").body());
            assertEquals(first, page.getInt("first"));
            assertEquals(total, page.getJsonNumber("unitsTotal").longValue());
            assertEquals(whole.getJsonNumber("failing").longValue(), page.getJsonNumber("failing").longValue(), "the totals are the District's");
            page.getJsonArray("compliance").forEach(row -> paged.add(row.toString()));
        }
        assertEquals(whole.getJsonArray("compliance").stream().map(Object::toString).toList(), paged);
        assertEquals(Math.min(total, 100), JsonBodies.object(api.get("/api/reports/accounts", "superintendent").body())
                .getJsonArray("compliance").size(), "100 rows by default");
        assertEquals(400, api.get("/api/reports/accounts?size=1001", "superintendent").statusCode());
        assertEquals(400, api.get("/api/reports/accounts?first=-1", "superintendent").statusCode());
        return total;
    }

    /** A new account of the school with {@code code}; its id. */
    private long account(String code) {
        String handle = "@pager_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                {"platform":"Facebook","handle":"%s","url":"https://example.org/%s","unit":"%s","purpose":"School news.",
                 "registeredEmail":"office@district.example.org","operatorException":"Registered before its operator is authorized (test)."}""".formatted(handle, handle.substring(1), code));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body()).getJsonNumber("id").longValue();
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** A wait through the ajax update, which replaces the page's line while it is read. */
    private static WebDriverWait settle(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String line(WebDriver driver) {
        return driver.findElement(By.id("schoolCoveragePage")).getText();
    }

    /** A delta import run to its end, confirmed if a safety limit stopped it. */
    private void imported(Map<String, String> files) throws IOException {
        HttpResponse<String> start = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip",
                RosterImportIT.zip(new LinkedHashMap<>(files)));
        assertEquals(202, start.statusCode(), start.body());
        long id = JsonBodies.object(start.body()).getJsonNumber("id").longValue();
        JsonObject run = settled(id);
        if (run.getString("status").equals("AWAITING_CONFIRMATION")) {
            HttpResponse<String> confirmed = api.postBytes("/api/imports/" + id + "/confirmation", "sysadmin", "application/json", new byte[0]);
            assertTrue(confirmed.statusCode() < 300, confirmed.body());
            run = settled(id);
        }
        assertEquals("COMPLETED", run.getString("status"), run.toString());
    }

    private JsonObject settled(long id) {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonObject run = JsonBodies.object(api.get("/api/imports/" + id, "sysadmin").body());
            String status = run.getString("status");
            if (!status.equals("PREVIEWING") && !status.equals("RUNNING") || System.nanoTime() > until) {
                return run;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
