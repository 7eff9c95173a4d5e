package org.district.socialmedia.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/** Page object: any page of the signed-in portal (header, navigation, heading). */
public final class PortalScreen {

    private final WebDriver driver;
    private final String base;

    public PortalScreen(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public List<String> navigation() {
        return driver.findElements(By.cssSelector("#mainNav a")).stream().map(WebElement::getText).toList();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String signedInAs() {
        return driver.findElement(By.id("signedInAs")).getText();
    }

    public PortalScreen go(String label) {
        WebElement link = driver.findElement(By.linkText(label));
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(Browser.gone(link));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("mainNav")));
        return this;
    }

    /** Clicks a button that submits the whole page and waits for the new page. */
    public PortalScreen submit(By button) {
        WebElement element = driver.findElement(button);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.gone(element));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        return this;
    }


    /** The text of the page's messages (empty when there are none). */
    public String messages() {
        return driver.findElements(By.id("messages")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public PortalScreen open(String path) {
        driver.get(base + path);
        return this;
    }

    public LoginScreen signOut() {
        driver.findElement(By.id("logoutForm:logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("login:signIn")));
        return new LoginScreen(driver, base);
    }

    public WebDriver driver() {
        return driver;
    }
}
