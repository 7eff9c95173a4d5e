package org.district.socialmedia.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A whole WildFly process of its own beside the one Arquillian manages: the configured test server's files, its
 * own base folder, data folder and ports, with the WAR deployed from its deployments folder as the run command
 * deploys it. In the PostgreSQL run it shares the one database with the Arquillian server, as a district's servers
 * do. For what only a process's end shows: a restart, a crash.
 */
public final class SecondServer implements AutoCloseable {

    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path base;
    private final Path data;
    private final int offset;
    private final Api api;
    private Process process;

    /**
     * @param name   its folders are target/NAME-server and target/NAME-data
     * @param offset its port offset: one no other test server uses
     */
    public SecondServer(String name, int offset) {
        Path target = Path.of(System.getProperty("it.war")).getParent();
        this.base = target.resolve(name + "-server");
        this.data = target.resolve(name + "-data");
        this.offset = offset;
        this.api = new Api("http://127.0.0.1:" + (8080 + offset));
    }

    public Api api() {
        return api;
    }

    /** Its DATA_DIR: the H2 files in the H2 run. */
    public Path data() {
        return data;
    }

    /** Empties its folders and copies the test server's configuration and the WAR into them. */
    public void prepare() throws IOException {
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

    /** Starts it and waits until its health answers 200 (180 s at most). */
    public void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset, "-b", "127.0.0.1");
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("DATA_DIR", data.toString());
        // the script then forwards SIGTERM to the JVM and waits for it: a clean shutdown
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        process = builder.start();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
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

    /** A clean shutdown (SIGTERM), 90 s at most. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("the server did not stop within 90 s");
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** kill -9 of the server's JVM and its start script: no shutdown hook runs, no batch job ends its step. */
    public void kill() throws Exception {
        List<ProcessHandle> jvm = process.descendants().toList();
        jvm.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("the killed server did not go away");
        }
        for (ProcessHandle child : jvm) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops it if it still runs: for a test's clean-up. */
    @Override
    public void close() throws InterruptedException {
        if (isRunning()) {
            stop();
        }
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
