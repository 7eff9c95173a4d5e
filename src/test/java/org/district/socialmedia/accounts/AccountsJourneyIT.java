package org.district.socialmedia.accounts;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.browser.Accessibility;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.ErrorSummary;
import org.district.socialmedia.it.browser.LoginScreen;
import org.district.socialmedia.it.browser.PortalScreen;
import org.district.socialmedia.it.browser.TypeAhead;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: the Superintendent grants rights in the dialog, the holder sees the account,
 * the rights expire and the account disappears from the holder's console; every console page and
 * dialog passes axe; the "School or department" type-ahead boxes of the console, the rights page and
 * the editor, used by keyboard, filter and set the owner; the public directory opens without signing in,
 * on its schools, and shows a chosen school's accounts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsJourneyIT {

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

    @AfterEach
    void resetClock() {
        api.post("/api/test/clock/reset", "sysadmin", "{}");
    }

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
    }

    private void setDate(By input, LocalDate day) {
        // typing into a date input depends on the browser's locale; the value property does not
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(input), day.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LocalDate today() {
        Instant now = Instant.parse(JsonBodies.object(api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").body()).getString("now"));
        return now.atZone(DISTRICT).toLocalDate();
    }

    @Test
    void theSuperintendentGrantsRightsTheHolderSeesTheAccountAndItDisappearsWhenTheyExpire() {
        String handle = AccountsApiIT.unique("@journey_");
        long account = AccountsApiIT.createAccount(api, handle, "LHS").getJsonNumber("id").longValue();
        LocalDate lastDay = today().plusDays(3);

        PortalScreen superintendent = new LoginScreen(driver, BASE).open().signInAs("superintendent", Api.DEMO_PASSWORD);
        superintendent.open("/accounts/view.xhtml?id=" + account);
        assertTrue(superintendent.heading().contains(handle), superintendent.heading());
        Accessibility.assertNoViolations(driver, "an account page");

        driver.findElement(By.id("openGrant")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("grantForm:holderId")));
        Accessibility.assertNoViolations(driver, "the grant dialog");

        superintendent.submit(By.id("grantForm:grant"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("grantForm:holderId")));
        String errors = driver.findElement(By.id("grantDialog")).getText();
        assertTrue(errors.contains("Choose the District administrator or supervisor"), "the dialog comes back with its errors: " + errors);
        assertTrue(errors.contains("Give the reason"), errors);
        Accessibility.assertNoViolations(driver, "the grant dialog with errors");

        driver.findElement(By.id("grantForm:holderId")).sendKeys("siteadmin");
        driver.findElement(By.id("grantForm:reason")).sendKeys("Runs the athletics account this season.");
        setDate(By.id("grantForm:endsOn"), lastDay);
        superintendent.submit(By.id("grantForm:grant"));
        assertTrue(superintendent.messages().contains("Patricia Gomez now holds administrative rights"), superintendent.messages());
        assertTrue(driver.findElement(By.id("grants:grantTable")).getText().contains("Patricia Gomez"));
        assertEquals("1", driver.findElement(By.id("adminCount")).getText());
        superintendent.signOut();

        PortalScreen holder = new LoginScreen(driver, BASE).open().signInAs("siteadmin", Api.DEMO_PASSWORD);
        holder.go("District accounts");
        assertFalse(driver.findElements(By.linkText(handle)).isEmpty(), "the holder sees the account");
        Accessibility.assertNoViolations(driver, "the holder's accounts");

        assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + Duration.between(
                Instant.parse(JsonBodies.object(api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").body()).getString("now")),
                lastDay.plusDays(1).atStartOfDay(DISTRICT).toInstant().plusSeconds(60)) + "\"}").statusCode());
        // a sweep the timer is running already answers at once: ask again until the expiry is done
        boolean gone = false;
        for (int attempt = 0; attempt < 30 && !gone; attempt++) {
            api.post("/api/test/rights-sweep", "sysadmin", "{}");
            holder.open("/accounts/index.xhtml");
            gone = driver.findElements(By.linkText(handle)).isEmpty();
            if (!gone) {
                sleep(1000);
            }
        }
        assertTrue(gone, "after the last day the account is gone from the holder's view");
        holder.signOut();
    }

    /** Presses Enter on a button that submits the page, and waits for the next page. */
    private void pressEnter(By button) {
        WebElement element = driver.findElement(button);
        element.sendKeys(Keys.ENTER);
        waiting().until(Browser.gone(element));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    /** Issue 20 item 4: a District administrator signs off the yearly checklist with a screenshot, by keyboard. */
    @Test
    void anAdministratorSignsOffTheYearlyChecklistWithAScreenshotByKeyboard() throws IOException {
        String handle = AccountsApiIT.unique("@checklist_");
        long account = AccountsApiIT.createAccount(api, handle, "LHS").getJsonNumber("id").longValue();
        for (String holder : new String[]{"siteadmin", "siteadmin2"}) {
            assertEquals(201, api.post("/api/accounts/" + account + "/grants", "superintendent",
                    "{\"holder\":\"" + holder + "\",\"reason\":\"Runs the account.\"}").statusCode());
        }
        PortalScreen admin = new LoginScreen(driver, BASE).open().signInAs("siteadmin", Api.DEMO_PASSWORD);
        admin.open("/accounts/view.xhtml?id=" + account);
        assertTrue(driver.findElement(By.id("checklistState")).getText().startsWith("Due "), driver.findElement(By.id("checklistState")).getText());
        Accessibility.assertNoViolations(driver, "an account page with its checklist");

        // everything ticked but no screenshot: refused, with the error next to the file field
        driver.findElement(By.id("checklistForm:identifiesDistrict")).sendKeys(Keys.SPACE);
        for (WebElement item : driver.findElements(By.name("checklistForm:privacyItems"))) {
            item.sendKeys(Keys.SPACE);
        }
        driver.findElement(By.id("checklistForm:recoveryIsDistrict")).sendKeys(Keys.SPACE);
        pressEnter(By.id("checklistForm:signOff"));
        assertTrue(driver.findElement(By.id("checklistForm")).getText().contains("Upload a screenshot"),
                driver.findElement(By.id("checklistForm")).getText());
        Accessibility.assertNoViolations(driver, "the checklist with its errors");

        Path screenshot = Files.createTempFile("privacy-settings", ".png");
        Files.write(screenshot, HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489"
                + "0000000D49444154789C6360000002000154A24F5D0000000049454E44AE426082"));
        try {
            // the ticks are kept: what was confirmed is not asked again
            assertTrue(driver.findElement(By.id("checklistForm:recoveryIsDistrict")).isSelected());
            driver.findElement(By.id("checklistForm:evidence")).sendKeys(screenshot.toString());
            pressEnter(By.id("checklistForm:signOff"));
        } finally {
            Files.deleteIfExists(screenshot);
        }
        assertTrue(admin.messages().contains("The checklist is signed off"), admin.messages());
        String signOffs = driver.findElement(By.id("signOffs")).getText();
        assertTrue(signOffs.contains("siteadmin") && signOffs.contains("Download"), signOffs);
        Accessibility.assertNoViolations(driver, "the account page after the sign-off");
        admin.signOut();
    }

    @Test
    void everyConsolePageAndTheRevokeDialogPassAxe() {
        String handle = AccountsApiIT.unique("@axe_");
        long account = AccountsApiIT.createAccount(api, handle, "WES").getJsonNumber("id").longValue();
        api.post("/api/accounts/" + account + "/grants", "superintendent", "{\"holder\":\"siteadmin2\",\"reason\":\"Axe check.\"}");

        PortalScreen superintendent = new LoginScreen(driver, BASE).open().signInAs("superintendent", Api.DEMO_PASSWORD);
        superintendent.go("District accounts");
        Accessibility.assertNoViolations(driver, "the accounts console");
        driver.findElement(By.id("accounts:text")).sendKeys(handle.substring(1));
        driver.findElement(By.id("accounts:apply")).click();
        waiting().until(d -> d.findElement(By.id("accounts:table")).getText().contains(handle)
                && d.findElements(By.cssSelector("#accounts\\:table tbody tr")).size() == 1);

        superintendent.go("Administrative rights");
        Accessibility.assertNoViolations(driver, "the rights console");
        driver.findElement(By.id("grants:holder")).sendKeys("siteadmin2");
        driver.findElement(By.id("grants:apply")).click();
        waiting().until(d -> d.findElement(By.id("grants:table")).getText().contains(handle));
        // located in one step, after the table's last re-render: a row element found earlier may be replaced by then
        By revoke = By.xpath("//*[@id='grants:table']//tr[contains(., '" + handle + "')]//input[@value='Revoke']");
        // the filter's ajax answer may replace the table once more: a stale click is tried again
        waiting().until(d -> {
            d.findElement(revoke).click();
            return true;
        });
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("revokeForm:reason")));
        Accessibility.assertNoViolations(driver, "the revoke dialog");
        driver.findElement(By.id("revokeForm:reason")).sendKeys("No longer at the school.");
        superintendent.submit(By.id("revokeForm:revoke"));
        assertTrue(superintendent.messages().contains("are revoked"), superintendent.messages());

        superintendent.go("Access review");
        Accessibility.assertNoViolations(driver, "the access review page");
        superintendent.go("Account compliance");
        Accessibility.assertNoViolations(driver, "the compliance page");
        assertTrue(driver.findElement(By.id("compliance")).getText().contains("Washington Elementary School"));
        superintendent.open("/accounts/edit.xhtml");
        Accessibility.assertNoViolations(driver, "the account editor");
        superintendent.submit(By.id("account:save"));
        assertTrue(driver.findElement(By.id("account")).getText().contains("Enter the account's web address"),
                "each field says what is missing");
        new ErrorSummary(driver, "account").assertShown("account:platformId", "account:handle", "account:url", "account:unitId",
                "account:operatorException");
        Accessibility.assertNoViolations(driver, "the account editor with its errors");
        superintendent.signOut();
    }

    /** Waits until the handles with the prefix that the table's links show ("Instagram @x" or "@x") are exactly these. */
    private void waitForHandles(String table, String prefix, java.util.Set<String> expected) {
        waiting().until(d -> expected.equals(d.findElements(By.cssSelector("#" + table.replace(":", "\\:") + " tbody tr a")).stream()
                .map(org.openqa.selenium.WebElement::getText).filter(h -> h.contains(prefix)).map(h -> h.substring(h.indexOf(prefix)))
                .collect(java.util.stream.Collectors.toSet())));
    }

    @Test
    void typingPartOfASchoolsNameAndPickingItFiltersTheConsoleTheRightsAndSetsTheOwner() {
        String prefix = AccountsApiIT.unique("@unitbox_");
        String roosevelt = prefix + "_rms";
        String lincoln = prefix + "_lhs";
        JsonObject rms = AccountsApiIT.createAccount(api, roosevelt, "RMS");
        long lincolnId = AccountsApiIT.createAccount(api, lincoln, "LHS").getJsonNumber("id").longValue();
        for (long account : new long[]{rms.getJsonNumber("id").longValue(), lincolnId}) {
            int status = api.post("/api/accounts/" + account + "/grants", "superintendent",
                    "{\"holder\":\"siteadmin2\",\"reason\":\"Unit filter check.\"}").statusCode();
            assertTrue(status == 200 || status == 201, "granted: " + status);
        }

        PortalScreen superintendent = new LoginScreen(driver, BASE).open().signInAs("superintendent", Api.DEMO_PASSWORD);
        superintendent.go("District accounts");
        TypeAhead unit = new TypeAhead(driver, "accounts:unit");
        // a combobox that screen readers announce, named by its visible label
        assertEquals("combobox", unit.input().getDomAttribute("role"));
        assertEquals("accounts:unit_panel", unit.input().getDomAttribute("aria-controls"));
        assertEquals("list", unit.input().getDomAttribute("aria-autocomplete"));
        assertEquals("false", unit.input().getDomAttribute("aria-expanded"));
        assertEquals("School or department", driver.findElement(By.cssSelector("label[for='accounts:unit_input']")).getText());
        assertEquals("", unit.text(), "no school chosen: all of them");

        driver.findElement(By.id("accounts:text")).sendKeys(prefix.substring(1));
        unit.choose("roosev", "Roosevelt Middle School (RMS)");
        assertEquals(String.valueOf(rms.getJsonNumber("unitId").longValue()), unit.chosenValue());
        driver.findElement(By.id("accounts:apply")).click();
        waitForHandles("accounts:table", prefix, java.util.Set.of(roosevelt));
        Accessibility.assertNoViolations(driver, "the accounts console with a school chosen");

        assertEquals("No active school or department has that in its name or code", unit.typeMatchingNothing("zzqx no such school"));
        // shown in the open list, and said to screen readers through the box's live region
        waiting().until(d -> "true".equals(unit.input().getDomAttribute("aria-expanded"))
                && unit.status().contains("No active school or department has that in its name or code"));
        unit.leave();
        waiting().until(d -> unit.text().isEmpty() && unit.chosenValue().isEmpty());
        driver.findElement(By.id("accounts:apply")).click();
        waitForHandles("accounts:table", prefix, java.util.Set.of(roosevelt, lincoln));

        // the compliance view links here with a unitId: that school shows in the box and filters the table
        superintendent.open("/accounts/index.xhtml?unitId=" + rms.getJsonNumber("unitId").longValue());
        assertEquals("Roosevelt Middle School (RMS)", new TypeAhead(driver, "accounts:unit").text());
        driver.findElement(By.id("accounts:text")).sendKeys(prefix.substring(1));
        driver.findElement(By.id("accounts:apply")).click();
        waitForHandles("accounts:table", prefix, java.util.Set.of(roosevelt));

        superintendent.go("Administrative rights");
        TypeAhead grantsUnit = new TypeAhead(driver, "grants:unit");
        assertEquals("School or department", driver.findElement(By.cssSelector("label[for='grants:unit_input']")).getText());
        driver.findElement(By.id("grants:holder")).sendKeys("siteadmin2");
        grantsUnit.choose("LINCOLN h", "Lincoln High School (LHS)");
        driver.findElement(By.id("grants:apply")).click();
        waitForHandles("grants:table", prefix, java.util.Set.of(lincoln));
        Accessibility.assertNoViolations(driver, "the rights console with a school chosen");
        grantsUnit.clear();
        driver.findElement(By.id("grants:apply")).click();
        waitForHandles("grants:table", prefix, java.util.Set.of(roosevelt, lincoln));

        // the editor's owner box: it shows the account's school, and another one is chosen the same way
        superintendent.open("/accounts/edit.xhtml?id=" + lincolnId);
        TypeAhead owner = new TypeAhead(driver, "account:unitId");
        assertEquals("Lincoln High School (LHS)", owner.text());
        assertEquals("Owning school or department", driver.findElement(By.cssSelector("label[for='account:unitId_input']")).getText());
        owner.choose("rms", "Roosevelt Middle School (RMS)");
        superintendent.submit(By.id("account:save"));
        assertTrue(driver.findElement(By.id("notice")).getText().contains("The account's description is saved."));
        assertEquals("Roosevelt Middle School", JsonBodies.object(api.get("/api/accounts/" + lincolnId, "superintendent").body())
                .getString("unit"));
        superintendent.signOut();
    }

    @Test
    void thePublicDirectoryOpensWithoutSigningInOnTheSchoolsAndShowsAChosenSchoolsAccounts() {
        String handle = AccountsApiIT.unique("@public_");
        AccountsApiIT.createAccount(api, handle, "RMS");
        driver.get(BASE + "/directory.xhtml");
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Official social media accounts"));
        assertTrue(driver.getCurrentUrl().endsWith("/directory.xhtml"), "no detour through the login page: " + driver.getCurrentUrl());
        assertTrue(driver.findElements(By.id("mainNav")).isEmpty(), "no staff navigation for the public");
        assertTrue(driver.findElement(By.cssSelector("#units caption")).getText().startsWith("Schools and departments"));
        assertTrue(driver.findElements(By.linkText(handle)).isEmpty(), "the first view lists schools, not their accounts");
        Accessibility.assertNoViolations(driver, "the public directory's schools");

        // by keyboard: the search box has its label, Enter sends it
        driver.findElement(By.xpath("//label[@for='q']")).click();
        driver.switchTo().activeElement().sendKeys("roosevelt" + org.openqa.selenium.Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("q=roosevelt"));
        assertTrue(driver.findElement(By.cssSelector("#units caption")).getText().contains("matching “roosevelt”"));
        assertEquals(1, driver.findElements(By.cssSelector("#units tbody tr")).size(), "only the school asked for");
        Accessibility.assertNoViolations(driver, "the public directory's search");

        driver.findElement(By.linkText("Roosevelt Middle School")).click();
        waiting().until(ExpectedConditions.urlContains("unit=RMS"));
        assertEquals("Roosevelt Middle School", driver.findElement(By.id("unitName")).getText());
        assertTrue(driver.findElement(By.cssSelector("#accounts caption")).getText().startsWith("Official accounts of Roosevelt Middle School"));
        assertFalse(driver.findElements(By.linkText(handle)).isEmpty(), "the new account is listed with its school");
        Accessibility.assertNoViolations(driver, "the public directory's school");
    }
}
