package org.district.socialmedia.operations;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.Inbox;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What monitoring sees (docs/operations.md#monitoring): the smu_* metrics scraped from the management
 * interface in Prometheus format, and health turning DEGRADED when mail fails longer than MAIL_ALERT_AFTER
 * (PT1M on the test server: the clock is moved past it) and UP again once mail goes out, with the
 * streak's end in server.log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitoringIT {

    private static final Pattern SAMPLE = Pattern.compile("^(smu_[a-z_]+)(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();
    private final HttpClient http = HttpClient.newHttpClient();
    private Inbox inbox;

    @AfterEach
    void cleanUp() {
        api.post("/api/test/clock/reset", "sysadmin", "{}");
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void theMetricsAreInPrometheusFormatOnTheManagementInterfaceWithPlausibleValues() throws Exception {
        long failuresBefore = Math.round(metrics().get("smu_signin_failures_total"));
        // mail queued while no SMTP server listens: it waits, and the relay's attempts fail
        submit("metrics-" + UUID.randomUUID());
        assertEquals(401, api.getWithPassword("/api/settings", "nobody-" + UUID.randomUUID(), "wrong").statusCode());

        Map<String, Double> m = awaitMetrics(s -> s.getOrDefault("smu_outbox_pending", 0.0) >= 2
                && s.getOrDefault("smu_requests_open{age=\"under_2d\"}", 0.0) >= 1);
        for (String name : new String[]{"smu_outbox_failed", "smu_outbox_oldest_pending_seconds",
                "smu_sweep_lag_seconds{timer=\"escalation\"}", "smu_sweep_lag_seconds{timer=\"account-rights\"}",
                "smu_sweep_lag_seconds{timer=\"consent\"}", "smu_sweep_failures{timer=\"escalation\"}",
                "smu_stages_last_hour{kind=\"escalation\"}", "smu_stages_last_hour{kind=\"rights\"}",
                "smu_requests_open{age=\"from_2d_to_5d\"}", "smu_requests_open{age=\"over_5d\"}", "smu_requests_open{age=\"overdue\"}",
                "smu_requests_open{age=\"info_requested\"}", "smu_signin_locked_usernames", "smu_signin_refused_locked_total",
                "smu_import_running", "smu_import_last_status{status=\"none\"}", "smu_import_last_success_seconds",
                "smu_health{status=\"UP\"}", "smu_health{status=\"DEGRADED\"}", "smu_health{status=\"DOWN\"}"}) {
            assertTrue(m.containsKey(name), name + " in " + m.keySet());
        }
        assertTrue(m.get("smu_signin_failures_total") >= failuresBefore + 1, "the wrong password is counted");
        assertTrue(m.get("smu_outbox_oldest_pending_seconds") >= 0);
        assertTrue(m.get("smu_sweep_lag_seconds{timer=\"escalation\"}") < 60, "the sweep runs every 2 s: " + m);
        assertEquals(0.0, m.get("smu_health{status=\"DOWN\"}"));
        assertEquals(1.0, m.get("smu_health{status=\"UP\"}") + m.get("smu_health{status=\"DEGRADED\"}"), "one status at a time");
        assertEquals(0.0, m.get("smu_import_running"));
        assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("datasources_pool_")), "WildFly's own metrics are served too");
    }

    @Test
    void healthTurnsDegradedWhenMailFailsLongerThanMailAlertAfterAndUpWhenMailGoesOutAgain() throws Exception {
        // after any mail that earlier tests sent at a moved clock, so that this failure is the newest news
        move("PT1H");
        submit("degraded-" + UUID.randomUUID());
        api.post("/api/test/mail-relay", "sysadmin", "{}");
        move("PT2M");
        JsonObject degraded = health();
        assertEquals("DEGRADED", degraded.getString("status"), degraded.toString());
        assertEquals("UP", degraded.getString("database"));
        assertTrue(degraded.getJsonArray("reasons").toString().contains("mail has been failing for"), degraded.toString());

        inbox = Inbox.start();
        Instant giveUp = Instant.now().plusSeconds(60);
        JsonObject up = health();
        while (!"UP".equals(up.getString("status")) && Instant.now().isBefore(giveUp)) {
            api.post("/api/test/mail-relay", "sysadmin", "{}");
            Thread.sleep(500);
            up = health();
        }
        assertEquals("UP", up.getString("status"), up.toString());
        assertEquals(0, up.getJsonArray("reasons").size());
        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertTrue(log.contains("Mail delivery failing: "), "the first failure, with its reason, at WARNING");
        assertTrue(log.contains("Mail delivery works again after "), "the end of the streak, at INFO");
    }

    private void submit(String marker) {
        HttpResponse<String> created = api.post("/api/requests", "employee1", """
                {"lines":[{"platform":"Blog","objectives":"Monitoring %s","audience":["PARENTS"],
                  "accountName":"%s","districtEmail":"teacher@district.example.org"}]}""".formatted(marker, marker));
        assertEquals(201, created.statusCode(), created.body());
    }

    private void move(String by) {
        assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + by + "\"}").statusCode());
    }

    private JsonObject health() {
        HttpResponse<String> response = api.get("/api/health", null);
        assertEquals(200, response.statusCode(), "DEGRADED keeps the node in the load balancer: " + response.body());
        return JsonBodies.object(response.body());
    }

    /** The figures are kept for 5 s: waits for a scrape that shows what the test did. */
    private Map<String, Double> awaitMetrics(Predicate<Map<String, Double>> shown) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(30);
        Map<String, Double> m = metrics();
        while (!shown.test(m)) {
            if (Instant.now().isAfter(giveUp)) {
                fail("not shown in time: " + m);
            }
            Thread.sleep(1000);
            m = metrics();
        }
        return m;
    }

    /** One scrape, as Prometheus does it: GET /metrics on the management port, no credentials. */
    private Map<String, Double> metrics() throws IOException, InterruptedException {
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + System.getProperty("it.management.port", "10090") + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode());
        Map<String, Double> samples = new HashMap<>();
        Matcher line = SAMPLE.matcher(scrape.body());
        while (line.find()) {
            // WildFly tags every application meter with its deployment; the test keys by the meter's own tags
            String tags = line.group(2) == null ? "" : line.group(2).replaceAll("WF_DEPLOYMENT=\"[^\"]*\",?", "").replace(",}", "}");
            samples.put(line.group(1) + ("{}".equals(tags) ? "" : tags), Double.parseDouble(line.group(3)));
        }
        for (String wildfly : scrape.body().split("\n")) {
            if (wildfly.startsWith("datasources_pool_")) {
                samples.put(wildfly.split("[{ ]")[0], 0.0);
                break;
            }
        }
        return samples;
    }
}
