package org.district.socialmedia.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Page object: the login page. */
public final class LoginScreen {

    private final WebDriver driver;
    private final String base;

    public LoginScreen(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public LoginScreen open() {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.xhtml");
        return this;
    }

    public PortalScreen signInAs(String username, String password) {
        submit(username, password);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("mainNav")));
        return new PortalScreen(driver, base);
    }

    public LoginScreen signInExpectingFailure(String username, String password) {
        // the page before this sign-in may show an error already: wait for the answer's page, not that one
        WebElement before = driver.findElement(By.id("login:signIn"));
        submit(username, password);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(Browser.gone(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login .message.error")));
        return this;
    }

    private void submit(String username, String password) {
        driver.findElement(By.id("login:username")).clear();
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:signIn")).click();
    }

    public String error() {
        return driver.findElement(By.cssSelector("#login .message.error")).getText();
    }

    public boolean isShown() {
        return !driver.findElements(By.id("login:signIn")).isEmpty();
    }
}
