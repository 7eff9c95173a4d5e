package org.district.socialmedia.platform;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The database goes away under the running server, and at deployment, and comes back: the server
 * answers 503 fast and says why, and recovers by itself (docs/operations.md, "When the database is
 * down"). PostgreSQL run only: the test database stops taking connections (ALLOW_CONNECTIONS false, its
 * sessions ended), which leaves the cluster and every other database on it alone; afterwards it always
 * takes them again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.database", matches = "postgresql")
class DatabaseOutageIT {

    /** The pool's wait (DB_POOL_WAIT_MS) and the connect timeout are 5 s: an answer may take no longer, and a little. */
    private static final Duration FAST = Duration.ofSeconds(6);
    private static final Path LOG = Path.of(System.getProperty("jboss.home"), "standalone/log/server.log");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();
    private final URI database = URI.create(System.getenv("DB_URL").substring("jdbc:".length()));

    @AfterEach
    void databaseIsBack() throws Exception {
        allowConnections(true);
    }

    @Test
    void duringAnOutageEverythingAnswers503FastThenRecoversByItself() throws Exception {
        assertEquals(200, api.get("/api/health", null).statusCode());
        long linesBefore = logLines();
        allowConnections(false);

        JsonObject health = JsonBodies.object(within(FAST, () -> api.get("/api/health", null), 503).body());
        assertEquals("DOWN", health.getString("status"));
        assertEquals("DOWN", health.getString("database"));
        assertTrue(health.getString("reason").contains("not currently accepting connections"), health.toString());

        HttpResponse<String> call = within(FAST, () -> api.get("/api/settings", "sysadmin"), 503);
        assertEquals(String.valueOf(30), call.headers().firstValue("Retry-After").orElse(""));
        assertTrue(call.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(503, JsonBodies.object(call.body()).getInt("status"), call.body());

        HttpResponse<String> page = within(FAST, () -> api.get("/login.xhtml", null), 503);
        assertTrue(page.body().contains("Unavailable for a moment"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        HttpResponse<String> signedInPage = within(FAST, () -> api.get("/index.xhtml", "employee1"), 503);
        assertTrue(signedInPage.body().contains("Unavailable for a moment"), signedInPage.body());
        // many requests and a few timer runs later: a few lines, not one stack trace per request
        for (int i = 0; i < 30; i++) {
            within(FAST, () -> api.get("/api/settings", "sysadmin"), 503);
        }

        allowConnections(true);
        waitForHealth(Duration.ofSeconds(30));
        assertEquals(200, api.get("/api/settings", "sysadmin").statusCode());
        long written = logLines() - linesBefore;
        assertTrue(written < 100, written + " log lines for one short outage; see " + LOG);
    }

    @Test
    void aDeploymentWhileTheDatabaseIsDownAnswers503AndComesUpWhenItReturns() throws Exception {
        allowConnections(false);
        cli("/deployment=ROOT.war:redeploy");
        HttpResponse<String> health = api.get("/api/health", null);
        assertEquals(503, health.statusCode(), "deployed, not 404: " + health.body());
        JsonObject body = JsonBodies.object(health.body());
        assertEquals("NOT_READY", body.getString("schema"));
        assertTrue(body.getString("reason").contains("not currently accepting connections"), body.toString());
        HttpResponse<String> call = api.get("/api/settings", "sysadmin");
        assertEquals(503, call.statusCode(), call.body());

        allowConnections(true);
        // the migration retries after 1, 2, 4, 8 ... s
        waitForHealth(Duration.ofSeconds(40));
        assertEquals(200, api.get("/api/settings", "sysadmin").statusCode());
    }

    private HttpResponse<String> within(Duration limit, Request request, int status) {
        Instant start = Instant.now();
        HttpResponse<String> response = request.send();
        Duration took = Duration.between(start, Instant.now());
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(took.compareTo(limit) <= 0, response.uri() + " took " + took);
        return response;
    }

    private void waitForHealth(Duration limit) throws InterruptedException {
        Instant giveUp = Instant.now().plus(limit);
        HttpResponse<String> health = null;
        while (Instant.now().isBefore(giveUp)) {
            health = api.get("/api/health", null);
            if (health.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        fail("not healthy again within " + limit + ": " + (health == null ? "" : health.body()));
    }

    private interface Request {
        HttpResponse<String> send();
    }

    /** The test database takes connections, or refuses them and ends those it has (as the cluster's superuser). */
    private void allowConnections(boolean allow) throws IOException, InterruptedException {
        String name = database.getPath().substring(1);
        String sql = "ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS " + allow + ";"
                + (allow ? "" : " SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + name + "';");
        List<String> command = new ArrayList<>();
        String user = System.getProperty("user.name");
        if (!"postgres".equals(user)) {
            command.addAll("root".equals(user) ? List.of("runuser", "-u", "postgres", "--") : List.of("sudo", "-n", "-u", "postgres"));
        }
        command.addAll(List.of("psql", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-p", String.valueOf(database.getPort()), "-d", "postgres", "-c"));
        run(append(command, sql));
        if (!allow) {
            // pg_terminate_backend only signals: on a loaded machine a pooled connection's backend can still answer a
            // query or two after it returned, and a request then got 200 instead of 503
            String left = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name + "';";
            Instant giveUp = Instant.now().plusSeconds(30);
            while (!run(append(command, left)).trim().equals("0")) {
                if (Instant.now().isAfter(giveUp)) {
                    fail("the test database's connections did not end within 30 s");
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<String> append(List<String> command, String last) {
        List<String> whole = new ArrayList<>(command);
        whole.add(last);
        return whole;
    }

    private static void cli(String operation) throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("jboss.home"), "bin/jboss-cli.sh");
        String output = run(List.of(cli.toString(), "-c", "--controller=remote+http://127.0.0.1:" + System.getProperty("it.management.port"),
                "--command=" + operation));
        assertTrue(output.contains("\"outcome\" => \"success\""), output);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), command + ": " + output);
        return output;
    }

    private static long logLines() throws IOException {
        // bytes, not text: a log line need not be valid UTF-8
        byte[] log = Files.readAllBytes(LOG);
        long lines = 0;
        for (byte b : log) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
