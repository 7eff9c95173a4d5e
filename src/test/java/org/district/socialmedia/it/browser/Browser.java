package org.district.socialmedia.it.browser;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedCondition;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's headless Chromium and its chromedriver (the build's first step installs them when missing); never a
 * downloaded browser. The flags keep Chromium off the network, which this machine does not have.
 */
public final class Browser {

    private Browser() {
    }

    /**
     * The element's page was replaced (a postback or a navigation answered). Selenium's stalenessOf, except that
     * Chromium sometimes answers a node of a replaced page with an inspector error ("Node with given id does not
     * belong to the document") instead of "stale element", which stalenessOf lets through as a failure.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /**
     * Chromium leaves its profile (7 to 9 MB) when it quits; under the build directory it goes with the build tree
     * instead of piling up in /tmp, one per browser test, on a machine that runs the suite many times a day.
     */
    private static Path profile() throws IOException {
        Path profiles = Files.createDirectories(Path.of(System.getProperty("chromium.profiles", "target/chromium-profiles")));
        return Files.createTempDirectory(profiles, "chromium-it").toAbsolutePath();
    }

    public static WebDriver start() {
        String binary = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String driverPath = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(driverPath).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + binary + ", " + driverPath + "): sudo bash src/build/provision-test-tools.sh");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1024",
                    "--user-data-dir=" + profile());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driverPath)).usingAnyFreePort().build();
            // a browser that stops answering fails the test within a minute instead of hanging the build
            ChromeDriver driver = new ChromeDriver(service, options,
                    ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
