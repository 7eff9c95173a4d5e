package org.district.socialmedia.parents;

import org.district.socialmedia.it.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/** The parent's consent page (their personal link), driven by the keyboard alone. */
final class ParentConsentScreen {

    private final WebDriver driver;

    ParentConsentScreen(WebDriver driver) {
        this.driver = driver;
    }

    ParentConsentScreen open(String url) {
        driver.get(url);
        return this;
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    String text(String id) {
        return driver.findElements(By.id(id)).stream().map(WebElement::getText).findFirst().orElse("");
    }

    boolean canSign() {
        return !driver.findElements(By.id("sign:signButton")).isEmpty();
    }

    /** Chooses another language with the page's own selector. */
    ParentConsentScreen language(String tag) {
        new Select(driver.findElement(By.id("lang"))).selectByValue(tag);
        submitWithEnter(By.id("changeLanguage"));
        return this;
    }

    /** Answers yes or no for every item, in order ("yes"/"no"). */
    ParentConsentScreen answer(List<Boolean> yes) {
        List<WebElement> groups = driver.findElements(By.cssSelector("#sign fieldset"));
        for (int i = 0; i < yes.size(); i++) {
            List<WebElement> radios = groups.get(i).findElements(By.cssSelector("input[type=radio]"));
            radios.get(yes.get(i) ? 0 : 1).sendKeys(Keys.SPACE);
        }
        return this;
    }

    ParentConsentScreen sign(String name) {
        WebElement typed = driver.findElement(By.id("sign:typedName"));
        typed.clear();
        typed.sendKeys(name);
        driver.findElement(By.id("sign:intent")).sendKeys(Keys.SPACE);
        driver.findElement(By.id("sign:relationship")).sendKeys(Keys.SPACE);
        return submit();
    }

    ParentConsentScreen submit() {
        submitWithEnter(By.id("sign:signButton"));
        return this;
    }

    ParentConsentScreen revoke(String itemValue) {
        driver.findElement(By.cssSelector("input[name='revoke:items'][value='" + itemValue + "']")).sendKeys(Keys.SPACE);
        submitWithEnter(By.id("revoke:revokeButton"));
        return this;
    }


    private void submitWithEnter(By button) {
        WebElement element = driver.findElement(button);
        element.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.gone(element));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }
}
