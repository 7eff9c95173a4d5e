package org.district.socialmedia.it.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** axe-core on the page in the browser: no violation of WCAG 2.0/2.1 A and AA is allowed. */
public final class Accessibility {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    public static void assertNoViolations(WebDriver driver, String pageName) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), () -> pageName + " (" + driver.getCurrentUrl() + ") has accessibility violations:\n"
                + violations.stream().map(v -> "- " + v.getId() + ": " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }
}
