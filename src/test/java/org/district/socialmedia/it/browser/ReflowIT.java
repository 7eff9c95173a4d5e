package org.district.socialmedia.it.browser;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 1.4.10 Reflow for every page of every role: each demo role's pages (found by following the
 * portal's links, so detail pages such as a request, a decision, an account and a student are among
 * them) are laid out 320 CSS px wide, and none may scroll sideways, put a control outside the
 * viewport or cut text, except inside a {@code table-scroll} wrapper. Then the same pages at 1280 px
 * pass axe (WCAG 2.0/2.1 A and AA), each path once in a run: by the first role whose test reaches it. A screenshot at 320 px of each page that fails (of every page with
 * -Dreflow.screenshots=true) is kept under target/reflow/ to look at.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReflowIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private static final Path SCREENSHOTS = Path.of("target", "reflow");
    /** A full-page screenshot costs a few hundred ms: kept for the pages that fail, or all with -Dreflow.screenshots=true. */
    private static final boolean ALL_SCREENSHOTS = Boolean.getBoolean("reflow.screenshots");
    /**
     * Headings of the error pages (error/*.xhtml): a linked page that shows one is broken, however it
     * reflows. Not the 403 page: the deadline timer's request links lead the system administrator there.
     */
    private static final Set<String> ERROR_PAGES = Set.of("Something went wrong", "Page not found", "This page has expired");
    /** Paths checked with axe by an earlier role's test of this run (each role's own test checks all its paths when run alone). */
    private static final Set<String> AXE_CHECKED = ConcurrentHashMap.newKeySet();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    /** One user per role: the employee with requests in every state, and each other role. */
    @ParameterizedTest(name = "{0}''s pages reflow at 320 px")
    @ValueSource(strings = {"employee1", "superintendent", "designee", "siteadmin", "clerk", "auditor", "sysadmin"})
    void everyPageReflowsAt320PxAndPassesAxeAt1280Px(String username) throws IOException {
        WebDriver driver = Browser.start();
        try {
            new LoginScreen(driver, BASE).open().signInAs(username, Api.DEMO_PASSWORD);
            List<String> failures = new ArrayList<>();
            List<String> violations = new ArrayList<>();
            // each page loaded once at 320 px, then widened to 1280 px for axe, as a user widens the window
            PageWalk.viewport(driver, 320, 800);
            List<String> pages = new PageWalk(driver, BASE).visitReachablePages(page -> {
                failures.addAll(reflowProblems(driver, username, page));
                // Swagger UI draws the API page with its own colours (ApiReferenceIT tests it). A path another role's
                // test already passed through axe in this run is not checked again: axe is most of this class's time
                if (!page.contains("/api-reference.xhtml") && AXE_CHECKED.add(URI.create(page).getPath())) {
                    PageWalk.viewport(driver, 1280, 1024);
                    try {
                        Accessibility.assertNoViolations(driver, username + "'s " + page.substring(BASE.length()) + " at 1280 px");
                    } catch (AssertionError e) {
                        violations.add(e.getMessage());
                    }
                    PageWalk.viewport(driver, 320, 800);
                }
            });
            assertTrue(pages.size() >= 5, username + " reaches only " + pages);
            assertAll(
                    () -> assertTrue(failures.isEmpty(), username + "'s pages that do not reflow at 320 px:\n"
                            + String.join("\n", failures)),
                    () -> assertTrue(violations.isEmpty(), String.join("\n", violations)));
        } finally {
            driver.quit();
        }
    }

    @Test
    void onANarrowScreenTheHeaderFoldsIntoAMenuButtonThatTheKeyboardOpens() {
        WebDriver driver = Browser.start();
        try {
            new LoginScreen(driver, BASE).open().signInAs("auditor", Api.DEMO_PASSWORD);
            PageWalk.viewport(driver, 320, 800);
            driver.get(BASE + "/index.xhtml");
            WebElement toggle = driver.findElement(By.id("navToggle"));
            WebElement navigation = driver.findElement(By.id("mainNavigation"));
            assertTrue(toggle.isDisplayed(), "the Menu button shows at 320 px");
            assertEquals("false", toggle.getDomAttribute("aria-expanded"));
            assertFalse(navigation.isDisplayed(), "the navigation is folded");
            assertFalse(driver.findElement(By.id("logoutForm:logout")).isDisplayed(), "so is the sign-out");
            long headerHeight = driver.findElement(By.cssSelector(".app-header")).getRect().getHeight();
            assertTrue(headerHeight <= 120, "the folded header is " + headerHeight + " px high");
            assertTrue(driver.findElement(By.tagName("h1")).getRect().getY() < 240, "the page's heading shows at once");

            new Actions(driver).sendKeys(Keys.TAB, Keys.TAB).perform();
            assertEquals("navToggle", driver.switchTo().activeElement().getDomAttribute("id"), "after the skip link, Tab reaches the button");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            assertEquals("true", toggle.getDomAttribute("aria-expanded"));
            assertTrue(navigation.isDisplayed() && driver.findElement(By.id("logoutForm:logout")).isDisplayed(), "Enter opens it");
            for (WebElement link : navigation.findElements(By.tagName("a"))) {
                assertTrue(link.getRect().getX() + link.getRect().getWidth() <= 320, link.getText() + " is inside the screen");
            }
            assertEquals(List.of(), Reflow.problems(driver), "the open menu reflows");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            assertEquals("false", toggle.getDomAttribute("aria-expanded"));
            assertFalse(navigation.isDisplayed(), "Escape folds it again");
            assertEquals("navToggle", driver.switchTo().activeElement().getDomAttribute("id"), "and leaves focus on the button");

            PageWalk.viewport(driver, 1280, 1024);
            assertFalse(toggle.isDisplayed(), "no Menu button on a wide screen");
            assertTrue(navigation.isDisplayed(), "where the navigation always shows");
        } finally {
            driver.quit();
        }
    }

    /** What is wrong with the loaded page at 320 px, as one line, or nothing. */
    private static List<String> reflowProblems(WebDriver driver, String username, String page) {
        assertEquals(320, Reflow.viewportWidth(driver), "the emulated viewport's width");
        List<String> problems = new ArrayList<>(Reflow.problems(driver));
        String heading = driver.findElement(By.tagName("h1")).getText();
        if (ERROR_PAGES.contains(heading)) {
            problems.add(0, "answers with the error page \"" + heading + "\"");
        }
        if (!problems.isEmpty() || ALL_SCREENSHOTS) {
            try {
                screenshot(driver, username, page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems.isEmpty() ? List.of() : List.of(page.substring(BASE.length()) + ":\n    " + String.join("\n    ", problems));
    }

    /** The whole page, not only the viewport, as a PNG under target/reflow/ (at most 6000 px high). */
    private static void screenshot(WebDriver driver, String username, String page) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        String name = username + URI.create(page).getPath().replace('/', '_').replace(".xhtml", "") + ".png";
        long height = Math.min(6000, (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;"));
        Map<String, Object> shot = ((HasCdp) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", Reflow.viewportWidth(driver), "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
