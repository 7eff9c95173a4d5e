package org.district.socialmedia.platform;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.LocalCluster;
import org.district.socialmedia.it.browser.Browser;
import org.district.socialmedia.it.browser.LoginScreen;
import org.district.socialmedia.it.browser.PortalScreen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes and the balancer, started from the built WAR with server-config/cluster/local-cluster.sh on a
 * database of their own (PostgreSQL run only): what a District sees when one server dies. Not Arquillian:
 * the cluster is three server processes of its own. Each test starts the nodes a test before it killed;
 * the order only saves those restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final boolean REUSE = Boolean.getBoolean("it.cluster.reuse");
    private static final LocalCluster CLUSTER = new LocalCluster(Map.of());

    @BeforeAll
    static void start() {
        // its own servers on PostgreSQL: in the PostgreSQL run only (the H2 run excludes it in pom.xml too)
        assumeTrue(REUSE || "postgresql".equals(System.getProperty("it.database")), "the cluster runs on PostgreSQL");
        if (!(REUSE && status(CLUSTER.balancer() + "/api/health") == 200)) {
            CLUSTER.start();
        }
    }

    @AfterAll
    static void stop() {
        if (!REUSE && "postgresql".equals(System.getProperty("it.database"))) {
            CLUSTER.stop();
        }
    }

    @Test
    @Order(1)
    void fiveWrongPasswordsSpreadOverBothNodesLockTheAccount() {
        CLUSTER.startStoppedNodes();
        Api one = new Api(CLUSTER.node(1));
        Api two = new Api(CLUSTER.node(2));
        assertEquals(200, two.getWithPassword("/api/accounts", "designee", Api.DEMO_PASSWORD).statusCode());
        for (int i = 0; i < 5; i++) {
            Api node = i % 2 == 0 ? one : two;
            assertEquals(401, node.getWithPassword("/api/accounts", "designee", "guess " + i).statusCode());
        }
        // each node counted only its own two or three: the lock holds because the count is in the database
        assertEquals(401, one.getWithPassword("/api/accounts", "designee", Api.DEMO_PASSWORD).statusCode(), "locked on node 1");
        assertEquals(401, two.getWithPassword("/api/accounts", "designee", Api.DEMO_PASSWORD).statusCode(), "locked on node 2");
        assertEquals(200, one.getWithPassword("/api/accounts", "employee2", Api.DEMO_PASSWORD).statusCode(), "others are not affected");
    }

    @Test
    @Order(2)
    void aSignedInUserKeepsTheFormWhenTheNodeServingThemIsKilled() {
        CLUSTER.startStoppedNodes();
        WebDriver driver = Browser.start();
        try {
            PortalScreen employee = new LoginScreen(driver, CLUSTER.balancer()).open().signInAs("employee1", Api.DEMO_PASSWORD);
            employee.go("New request");
            new Select(driver.findElement(By.id("request:lines:0:platform"))).selectByVisibleText("Instagram");
            driver.findElement(By.id("request:lines:0:objectives")).sendKeys("Share game results with parents");
            driver.findElement(By.id("request:lines:0:account")).sendKeys("@failover_team");
            // a postback: the typed values are now the view's state, in the session
            employee.submit(By.id("request:addLine"));
            assertEquals(2, driver.findElements(By.cssSelector("fieldset.line")).size());
            String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
            int served = LocalCluster.nodeOfSession(session);

            long killed = System.nanoTime();
            CLUSTER.killNode(served);
            employee.submit(By.id("request:addLine"));
            Duration failover = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("Failover: the next request answered %d ms after kill -9 of node%d%n", failover.toMillis(), served);

            String heading = driver.findElement(By.tagName("h1")).getText();
            assertFalse(driver.findElements(By.id("mainNav")).isEmpty(), "still signed in, on: " + heading);
            assertFalse(heading.contains("went wrong") || driver.getCurrentUrl().contains("/error/"), heading);
            assertEquals(3, driver.findElements(By.cssSelector("fieldset.line")).size(), "the postback worked on the view's state");
            assertEquals("Instagram", new Select(driver.findElement(By.id("request:lines:0:platform"))).getFirstSelectedOption().getText());
            assertEquals("Share game results with parents", driver.findElement(By.id("request:lines:0:objectives")).getDomProperty("value"));
            assertEquals("@failover_team", driver.findElement(By.id("request:lines:0:account")).getDomProperty("value"));
            String now = driver.manage().getCookieNamed("JSESSIONID").getValue();
            assertNotEquals(served, LocalCluster.nodeOfSession(now), "the other node took the session over");
            assertTrue(failover.toSeconds() < 20, "failover took " + failover);
        } finally {
            driver.quit();
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
