package org.district.socialmedia.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Page object: the summary of a refused form (issue 24, part 2). {@link #assertShown} checks what a
 * person relies on: the summary has the focus and is an alert, each problem links to its field, and
 * each such field is marked invalid and described by a message that says what is wrong.
 */
public final class ErrorSummary {

    private final WebDriver driver;
    private final String formId;

    public ErrorSummary(WebDriver driver, String formId) {
        this.driver = driver;
        this.formId = formId;
    }

    private WebElement summary() {
        return driver.findElement(By.cssSelector("form[id='" + formId + "'] [data-error-summary]"));
    }

    /** The summary's links, as the field ids they point at. */
    public List<String> fields() {
        return summary().findElements(By.cssSelector("a[data-field]")).stream().map(a -> a.getAttribute("data-field")).toList();
    }

    public String text() {
        return summary().getText();
    }

    /**
     * Asserts the summary and its ties for the given fields (client ids, each listed in the summary).
     *
     * @return the summary's text
     */
    public String assertShown(String... fieldIds) {
        WebElement summary = summary();
        assertEquals("alert", summary.getAttribute("role"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> summary.equals(d.switchTo().activeElement()));
        List<String> listed = fields();
        for (String id : fieldIds) {
            assertTrue(listed.contains(id), id + " is listed in the summary: " + listed);
            WebElement link = summary.findElement(By.cssSelector("a[data-field='" + id + "']"));
            assertEquals("#" + id, URLDecoder.decode(link.getAttribute("hash"), StandardCharsets.UTF_8), "the link leads to the field");
            WebElement control = control(id);
            assertEquals("true", control.getAttribute("aria-invalid"), id + " is marked invalid");
            String describedBy = control.getAttribute("aria-describedby");
            assertNotNull(describedBy, id + " is described by its message");
            String description = driver.findElement(By.id(describedBy.strip().split(" ")[0])).getText();
            assertFalse(description.isBlank(), id + "'s description says what is wrong");
        }
        return summary.getText();
    }

    /** Following a link of the summary puts the focus in its field. */
    public void assertLinkFocuses(String fieldId) {
        summary().findElement(By.cssSelector("a[data-field='" + fieldId + "']")).click();
        WebElement control = control(fieldId);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> control.equals(d.switchTo().activeElement()));
    }

    /** The field itself, or the first control of a group (checkboxes, radio buttons). */
    private WebElement control(String id) {
        WebElement field = driver.findElement(By.id(id));
        String tag = field.getTagName();
        if (List.of("input", "select", "textarea").contains(tag)) {
            return field;
        }
        return field.findElement(By.cssSelector("input, select, textarea"));
    }
}
