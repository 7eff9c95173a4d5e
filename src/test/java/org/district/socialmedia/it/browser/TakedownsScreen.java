package org.district.socialmedia.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Optional;

/** The takedowns page (consent/takedowns.xhtml) as the person a takedown is assigned to sees it. */
public final class TakedownsScreen {

    private final PortalScreen portal;
    private final WebDriver driver;

    public TakedownsScreen(PortalScreen portal) {
        this.portal = portal;
        this.driver = portal.driver();
    }

    public TakedownsScreen open() {
        portal.go("Takedowns");
        return this;
    }

    /** The text of the row of the task for this student, if the list shows one. */
    public Optional<String> row(String studentDistrictId) {
        return rowElement(studentDistrictId).map(WebElement::getText);
    }

    /** Marks the student's task done by keyboard alone (focus on its button, Enter), with an optional note. */
    public TakedownsScreen markDone(String studentDistrictId, String note) {
        WebElement row = rowElement(studentDistrictId).orElseThrow(() -> new AssertionError("no takedown for " + studentDistrictId));
        if (note != null) {
            driver.findElement(By.id("tasks:note")).sendKeys(note);
        }
        WebElement button = row.findElement(By.cssSelector("input[id$=':done']"));
        button.sendKeys(Keys.ENTER);
        // the AJAX answer replaces the messages while they are read: Chrome says so as a stale element or as an
        // "unhandled inspector error" (node not in the document), both WebDriverExceptions, so both are read again
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(d -> portal.messages().contains("marked done"));
        return this;
    }

    /** Shows the closed tasks too. */
    public TakedownsScreen all() {
        WebElement openOnly = driver.findElement(By.id("tasks:openOnly"));
        if (openOnly.isSelected()) {
            openOnly.sendKeys(Keys.SPACE);
        }
        portal.submit(By.id("tasks:refresh"));
        return this;
    }

    private Optional<WebElement> rowElement(String studentDistrictId) {
        return driver.findElements(By.cssSelector("table[id='tasks:table'] tbody tr")).stream()
                .filter(r -> r.getText().contains("(" + studentDistrictId + ")")).findFirst();
    }
}
