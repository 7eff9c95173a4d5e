package org.district.socialmedia.it.browser;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.4.7 Focus Visible, measured: Tab walks through a page as a keyboard user does, and every
 * control that gets focus must show an outline at least 2 px wide whose colour has a contrast of at
 * least 3:1 with the surface around it (the nearest background behind the control). The walk must meet
 * each kind of control: links, text fields, select menus, checkboxes, buttons, text areas, and
 * PrimeFaces' type-ahead box and table paginator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FocusRingIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private static final int MAX_TABS = 150;
    private static final Pattern RGB = Pattern.compile("rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)");

    /** What the browser says about the focused element: its kind, its outline and the surface behind it. */
    private static final String FOCUSED = """
            const el = document.activeElement;
            if (!el || el === document.body) { return null; }
            if (el.dataset.focusWalk) { return { repeat: true }; }
            el.dataset.focusWalk = 'met';
            const style = getComputedStyle(el);
            // the ring sits around the control, on its container's background; an inset ring on the control's own
            let surface = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement, background = 'rgb(255, 255, 255)';
            while (surface) {
                const colour = getComputedStyle(surface).backgroundColor;
                if (colour !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(colour)) { background = colour; break; }
                surface = surface.parentElement;
            }
            const type = (el.getAttribute('type') || '').toLowerCase();
            const kind = el.closest('.ui-autocomplete') ? 'type-ahead'
                : el.closest('.ui-paginator') ? 'paginator'
                : el.tagName === 'A' ? 'link'
                : el.tagName === 'TEXTAREA' ? 'text area'
                : el.tagName === 'SELECT' ? 'select menu'
                : el.tagName === 'BUTTON' || ['submit', 'button', 'reset'].includes(type) ? 'button'
                : type === 'checkbox' ? 'checkbox'
                : type === 'radio' ? 'radio button'
                : el.tagName === 'INPUT' ? 'text field' : el.tagName.toLowerCase();
            return { kind: kind, id: el.id || el.textContent.trim().slice(0, 30), visible: el.matches(':focus-visible'),
                     style: style.outlineStyle, width: style.outlineWidth, colour: style.outlineColor, background: background };
            """;

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

    @Test
    void everyControlOfTheRequestFormShowsAStrongFocusRing() {
        PortalScreen employee = new LoginScreen(driver, BASE).open().signInAs("employee1", Api.DEMO_PASSWORD).go("New request");
        Set<String> kinds = tabThroughAndCheckEachRing("the new request page");
        assertTrue(kinds.containsAll(List.of("link", "text field", "select menu", "checkbox", "button", "text area")),
                "the walk met every kind of control: " + kinds);
        employee.signOut();
    }

    @Test
    void primeFacesControlsShowTheSameRing() {
        PortalScreen reviewer = new LoginScreen(driver, BASE).open().signInAs("superintendent", Api.DEMO_PASSWORD).go("District accounts");
        Set<String> kinds = tabThroughAndCheckEachRing("the District accounts page");
        assertTrue(kinds.containsAll(List.of("type-ahead", "paginator", "link", "button")), "the walk met: " + kinds);
        reviewer.signOut();
    }

    /** Tabs from the top of the page to its end; answers the kinds of control met. */
    @SuppressWarnings("unchecked")
    private static Set<String> tabThroughAndCheckEachRing(String page) {
        Set<String> kinds = new TreeSet<>();
        List<String> weak = new ArrayList<>();
        for (int tab = 0; tab < MAX_TABS; tab++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            Map<String, Object> focused = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(FOCUSED);
            if (focused == null || focused.containsKey("repeat")) {
                break; // past the page's last control, or round to its first again
            }
            String id = focused.get("kind") + " " + focused.get("id");
            kinds.add((String) focused.get("kind"));
            double width = Double.parseDouble(((String) focused.get("width")).replace("px", ""));
            double contrast = contrast((String) focused.get("colour"), (String) focused.get("background"));
            if (!Boolean.TRUE.equals(focused.get("visible")) || "none".equals(focused.get("style")) || width < 2 || contrast < 3) {
                weak.add(id + ": outline " + focused.get("style") + " " + focused.get("width") + " " + focused.get("colour")
                        + " on " + focused.get("background") + String.format(" (contrast %.2f:1)", contrast));
            }
        }
        assertEquals(List.of(), weak, "controls on " + page + " without a visible 2 px, 3:1 focus ring");
        return kinds;
    }

    /** WCAG's contrast ratio of two CSS colours (the outline's alpha is taken as opaque). */
    static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String colour) {
        Matcher rgb = RGB.matcher(colour);
        if (!rgb.find()) {
            throw new IllegalArgumentException("not an rgb colour: " + colour);
        }
        return 0.2126 * channel(rgb.group(1)) + 0.7152 * channel(rgb.group(2)) + 0.0722 * channel(rgb.group(3));
    }

    private static double channel(String value) {
        double c = Double.parseDouble(value) / 255;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
