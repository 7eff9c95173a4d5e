package org.district.socialmedia.platform;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.JsonBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A whole server process, stopped and started again: what was saved before is still there after.
 * Runs its own WildFly (the configured test server's files, its own base folder, data folder and
 * ports) beside the one Arquillian manages, with the WAR deployed as the run command deploys it.
 * In the PostgreSQL run both servers share the one database, as a district's servers do.
 */
class DataSurvivesRestartIT {

    private static final int OFFSET = 200;
    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path target = Path.of(System.getProperty("it.war")).getParent();
    private final Path base = target.resolve("restart-server");
    private final Path data = target.resolve("restart-data");
    private final Api api = new Api("http://127.0.0.1:" + (8080 + OFFSET));
    private Process server;

    @Test
    void settingsSavedBeforeARestartAreThereAfterIt() throws Exception {
        prepareServerFolders();
        start();
        String before = JsonBodies.object(api.get("/api/settings", "sysadmin").body()).getString("districtName");
        String name = "Restart Check District " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> saved = api.put("/api/settings", "sysadmin", "{\"districtName\":\"" + name + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        stop();

        start();
        HttpResponse<String> read = api.get("/api/settings", "sysadmin");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(name, JsonBodies.object(read.body()).getString("districtName"));
        HttpResponse<String> login = api.get("/login.xhtml", null);
        assertTrue(login.body().contains(name), "the login page shows the saved District name");
        if ("h2".equals(System.getProperty("it.database", "h2"))) {
            try (Stream<Path> files = Files.list(data)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")), "H2 files in DATA_DIR " + data);
            }
        } else {
            // one database for both servers here: the other tests expect the District's name they know
            assertEquals(200, api.put("/api/settings", "sysadmin", "{\"districtName\":\"" + before + "\"}").statusCode());
        }
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            stop();
        }
    }

    private void prepareServerFolders() throws IOException {
        deleteTree(base);
        deleteTree(data);
        Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(data);
        Path configuration = home.resolve("standalone/configuration");
        try (Stream<Path> files = Files.walk(configuration)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = base.resolve("configuration").resolve(configuration.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else if (!source.getFileName().toString().startsWith("standalone_xml_history")) {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // what Arquillian has deployed on its own server (the kept WAR, its protocol service) is listed in the copied
        // standalone.xml, but their content is not copied: this server deploys the WAR from its folder, as a run does
        Path standalone = base.resolve("configuration/standalone.xml");
        Files.writeString(standalone, Files.readString(standalone).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        // the copied boot logging names the Arquillian server's log files: this server's start is logged in its own,
        // or the other server's log would show a start without a deployment (HealthAndAccessIT reads its latest start)
        Path logging = base.resolve("configuration/logging.properties");
        if (Files.exists(logging)) {
            Files.writeString(logging, Files.readString(logging)
                    .replace(home.resolve("standalone/log").toString(), base.resolve("log").toString()));
        }
        Files.copy(Path.of(System.getProperty("it.war")), base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + OFFSET, "-b", "127.0.0.1");
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("DATA_DIR", data.toString());
        // the script then forwards SIGTERM to the JVM and waits for it: a clean shutdown
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        server = builder.start();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(giveUp)) {
            if (!server.isAlive()) {
                fail("the server stopped while starting; see " + base.resolve("console.log"));
            }
            try {
                if (api.get("/api/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        fail("the server did not become healthy in 180 s; see " + base.resolve("console.log"));
    }

    private void stop() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(90, TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            fail("the server did not stop within 90 s");
        }
        server.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
