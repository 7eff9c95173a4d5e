package org.district.socialmedia.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/**
 * Page object: a type-ahead box (PrimeFaces autoComplete), such as the "School or department"
 * filters. Driven by the keyboard only (type, arrows, Enter, Tab), as someone without a mouse does.
 */
public final class TypeAhead {

    private final WebDriver driver;
    private final String id;

    /** @param id the component's client id, e.g. "accounts:unit" (the text box is id + "_input") */
    public TypeAhead(WebDriver driver, String id) {
        this.driver = driver;
        this.id = id;
    }

    public WebElement input() {
        return driver.findElement(By.id(id + "_input"));
    }

    /** The value the form posts: the chosen item's id, empty for none. */
    public String chosenValue() {
        return driver.findElement(By.id(id + "_hinput")).getDomProperty("value");
    }

    public String text() {
        return input().getDomProperty("value");
    }

    private WebElement panel() {
        return driver.findElement(By.id(id + "_panel"));
    }

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    private void type(String text) {
        WebElement input = input();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** Types the text, arrows down to the suggestion with that label and takes it with Enter. */
    public TypeAhead choose(String typed, String label) {
        type(typed);
        waiting().until(d -> panel().isDisplayed() && !suggestions().isEmpty() && suggestions().contains(label));
        for (int step = 0; step <= suggestions().size() && !label.equals(highlighted()); step++) {
            input().sendKeys(Keys.ARROW_DOWN);
        }
        if (!label.equals(highlighted())) {
            throw new AssertionError("the arrows never reached " + label + " in " + suggestions());
        }
        input().sendKeys(Keys.ENTER);
        waiting().until(d -> label.equals(text()) && !chosenValue().isEmpty());
        return this;
    }

    /** Types a text that matches nothing and answers what the box says about it. */
    public String typeMatchingNothing(String typed) {
        type(typed);
        By empty = By.cssSelector("[id='" + id + "_panel'] .ui-autocomplete-empty-message");
        waiting().until(d -> !d.findElements(empty).isEmpty() && d.findElement(empty).isDisplayed());
        return driver.findElement(empty).getText();
    }

    /** What the box tells screen readers (its polite live region). */
    public String status() {
        return driver.findElement(By.id(id)).findElement(By.cssSelector("[role=status]")).getDomProperty("textContent");
    }

    /** Empties the box and leaves it with Tab: no school chosen, "All". */
    public TypeAhead clear() {
        type("");
        input().sendKeys(Keys.TAB);
        waiting().until(d -> text().isEmpty() && chosenValue().isEmpty());
        return this;
    }

    /** Leaves the box with Tab (a text that is not a suggestion does not stay). */
    public TypeAhead leave() {
        input().sendKeys(Keys.TAB);
        return this;
    }

    public List<String> suggestions() {
        return panel().findElements(By.cssSelector(".ui-autocomplete-item[data-item-label]")).stream()
                .map(item -> item.getDomAttribute("data-item-label")).toList();
    }

    private String highlighted() {
        return panel().findElements(By.cssSelector(".ui-autocomplete-item.ui-state-highlight")).stream()
                .map(item -> item.getDomAttribute("data-item-label")).findFirst().orElse(null);
    }
}
