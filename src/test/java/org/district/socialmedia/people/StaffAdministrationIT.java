package org.district.socialmedia.people;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A system administrator manages staff in the browser: a personal email is refused with the policy's
 * words, the corrected user is created and can sign in, and deactivating them ends their open
 * session at once. And keeps the District's schools and departments without a roster.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffAdministrationIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private WebDriver admin;
    private WebDriver staff;

    @BeforeEach
    void browsers() {
        admin = Browser.start();
    }

    @AfterEach
    void quit() {
        admin.quit();
        if (staff != null) {
            staff.quit();
        }
    }

    @Test
    void createSignInAndDeactivateAStaffUser() {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long password 123";
        PortalScreen portal = new LoginScreen(admin, BASE).open().signInAs("sysadmin", Api.DEMO_PASSWORD).go("Staff users");

        click(By.id("search:new"));
        waitFor(By.id("staffForm:username"));
        type("staffForm:username", username);
        type("staffForm:fullName", "Test <b>Teacher</b>");
        type("staffForm:email", username + "@gmail.com");
        // a type-ahead, not a list of every school: a district has about a thousand
        new TypeAhead(admin, "staffForm:unit").choose("linc", "Lincoln High School (LHS)");
        type("staffForm:password", password);
        click(By.id("staffForm:save"));
        String refusal = waitForText(By.cssSelector("[id='staffForm:email'] ~ .field-error, .field-error"));
        assertTrue(refusal.contains("is not a District email address"), refusal);
        assertTrue(refusal.contains("Personal e-mail addresses should not be used on District-related sites"), refusal);
        Accessibility.assertNoViolations(admin, "the staff form with an error");
        assertEquals("Lincoln High School (LHS)", new TypeAhead(admin, "staffForm:unit").text(), "the chosen school survives the error");

        type("staffForm:email", username + "@district.example.org");
        // a password field is never sent back to the browser: it is typed again after an error
        type("staffForm:password", password);
        click(By.id("staffForm:save"));
        wait(admin).until(ExpectedConditions.invisibilityOfElementLocated(By.id("staffForm:save")));
        type("search:text", username);
        new TypeAhead(admin, "search:unit").choose("LHS", "Lincoln High School (LHS)");
        click(By.id("search:find"));
        wait(admin).until(d -> d.findElement(By.id("staffTableForm")).getText().contains(username));
        String table = admin.findElement(By.id("staffTableForm")).getText();
        assertTrue(table.contains("Test <b>Teacher</b>"), "markup typed by a user is shown as text: " + table);
        assertTrue(table.contains("Lincoln High School"), "found by the school filter, with the school saved: " + table);

        staff = Browser.start();
        PortalScreen staffPortal = new LoginScreen(staff, BASE).open().signInAs(username, password);
        assertTrue(staffPortal.signedInAs().contains("Test <b>Teacher</b>"));
        assertEquals(java.util.List.of("Home", "My requests", "New request", "My authorizations", "District accounts", "Posts about students", "Check before posting", "Takedowns",
                "Official accounts", "Social media policy"),
                staffPortal.navigation());

        WebElement deactivate = admin.findElement(By.xpath("//button[@aria-label='Deactivate Test <b>Teacher</b>'] | //input[@aria-label='Deactivate Test <b>Teacher</b>']"));
        deactivate.click();
        wait(admin).until(d -> d.findElement(By.id("messages")).getText().contains("is deactivated"));

        staff.get(BASE + "/index.xhtml");
        assertTrue(new LoginScreen(staff, BASE).isShown(), "the deactivated user's session ended at once");
        new LoginScreen(staff, BASE).signInExpectingFailure(username, password);
        portal.signOut();
    }

    @Test
    void addRenameAndDeactivateADepartmentWithoutARoster() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        PortalScreen portal = new LoginScreen(admin, BASE).open().signInAs("sysadmin", Api.DEMO_PASSWORD).go("Schools and departments");
        assertEquals("Schools and departments", portal.heading());

        portal.submit(By.id("unitForm:save"));
        ErrorSummary summary = new ErrorSummary(admin, "unitForm");
        String problems = summary.assertShown("unitForm:code", "unitForm:name");
        assertTrue(problems.contains("Enter the code") && problems.contains("Enter the name"), problems);
        Accessibility.assertNoViolations(admin, "the schools and departments form with errors");

        type("unitForm:code", "Parks-" + tag);
        type("unitForm:name", "Parks " + tag + " Department");
        // the kind by keyboard: the radio group moves with the arrows
        admin.findElement(By.cssSelector("input[name='unitForm:kind'][value='SCHOOL']")).sendKeys(Keys.ARROW_DOWN);
        portal.submit(By.id("unitForm:save"));
        assertTrue(portal.messages().contains("Added Parks " + tag + " Department (Parks-" + tag + ")"), portal.messages());

        type("unitForm:code", "PARKS-" + tag);
        type("unitForm:name", "Parks again");
        portal.submit(By.id("unitForm:save"));
        assertTrue(new ErrorSummary(admin, "unitForm").assertShown("unitForm:code").contains("already used by Parks " + tag), "a taken code, in other capitals");

        type("search:text", tag);
        portal.submit(By.id("search:find"));
        String table = admin.findElement(By.id("unitTableForm")).getText();
        assertTrue(table.contains("Parks-" + tag) && table.contains("Department"), table);
        portal.submit(By.cssSelector("[aria-label='Rename Parks " + tag + " Department']"));
        type("unitForm:newName", "Parks and Recreation " + tag);
        portal.submit(By.id("unitForm:rename"));
        assertTrue(portal.messages().contains("Saved Parks and Recreation " + tag), portal.messages());
        portal.submit(By.cssSelector("[aria-label='Deactivate Parks and Recreation " + tag + "']"));
        assertTrue(portal.messages().contains("is deactivated"), portal.messages());
        assertTrue(admin.findElement(By.id("unitTableForm")).getText().contains("No school or department matches."),
                "the list shows active units: " + admin.findElement(By.id("unitTableForm")).getText());
        portal.signOut();
    }

    /** Ajax re-renders replace elements while we read them: a stale element is simply read again. */
    private static WebDriverWait wait(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private void click(By by) {
        admin.findElement(by).click();
    }

    private void type(String id, String text) {
        WebElement field = admin.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void waitFor(By by) {
        wait(admin).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String waitForText(By by) {
        return wait(admin).until(d -> {
            for (WebElement e : d.findElements(by)) {
                if (!e.getText().isBlank()) {
                    return e.getText();
                }
            }
            return null;
        });
    }
}
