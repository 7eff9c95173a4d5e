package org.district.socialmedia.it.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Walks every page a signed-in user can reach by following the portal's own links: the navigation,
 * and from each page the links to other pages (the first request, account, student, decision...).
 * One page per path: the first link found to a path stands for all of them (view.xhtml?id=1 for
 * every request). Only GET links are followed, so the walk changes nothing.
 */
public final class PageWalk {

    private final WebDriver driver;
    private final String base;

    public PageWalk(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Path (without query) to the first URL seen for it, in the order found; starts at the home page. */
    public List<String> reachablePages() {
        return visitReachablePages(page -> {
        });
    }

    /**
     * The same walk, handing each page to the visitor while it is loaded, before its links are followed: a check
     * of every page costs one load of it, not a walk and then a load per check.
     */
    public List<String> visitReachablePages(Consumer<String> visitor) {
        Map<String, String> found = new LinkedHashMap<>();
        Deque<String> toVisit = new ArrayDeque<>();
        String home = base + "/index.xhtml";
        found.put("/index.xhtml", home);
        toVisit.add(home);
        while (!toVisit.isEmpty()) {
            String page = toVisit.poll();
            driver.get(page);
            visitor.accept(page);
            for (String url : linksOnPage()) {
                String path = URI.create(url).getPath();
                if (isPortalPage(path) && !found.containsKey(path)) {
                    found.put(path, url);
                    toVisit.add(url);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    @SuppressWarnings("unchecked")
    private List<String> linksOnPage() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                        + ".filter(h => h.startsWith(arguments[0]));", base + "/");
    }

    private static boolean isPortalPage(String path) {
        // the sign-in page is walked by RoleNavigationIT, signed out
        return path.endsWith(".xhtml") && !path.equals("/login.xhtml") && !path.startsWith("/jakarta.faces.resource");
    }

    /** The viewport the page is laid out in, as a window of that size would give it (not a phone's zoom). */
    public static void viewport(WebDriver driver, int width, int height) {
        ((HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }
}
