package org.district.socialmedia.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cluster of server-config/cluster/local-cluster.sh, for the failover tests: the balancer and two
 * nodes on ports no other test uses, on a database of their own. The script's output goes to
 * target/cluster-it/local-cluster.log; each server's log is in its folder there.
 */
public final class LocalCluster {

    public static final int BALANCER_OFFSET = 700;
    public static final int[] NODE_OFFSETS = {750, 850};
    // -Dit.cluster.dir: another cluster of the same ports, e.g. one kept running between runs (-Dit.cluster.reuse)
    private static final Path DIR = Path.of(System.getProperty("it.cluster.dir", "target/cluster-it")).toAbsolutePath();

    private final Map<String, String> environment;

    public LocalCluster(Map<String, String> environment) {
        this.environment = environment;
    }

    public String balancer() {
        return "http://127.0.0.1:" + (8080 + BALANCER_OFFSET);
    }

    /** A node's own address (1 or 2), bypassing the balancer. */
    public String node(int node) {
        return "http://127.0.0.1:" + (8080 + NODE_OFFSETS[node - 1]);
    }

    public void start() {
        run("start");
    }

    public void stop() {
        run("stop");
    }

    /** Kills every server of the cluster at once: a throwaway cluster needs no graceful stop. */
    public void destroy() {
        List<ProcessHandle> servers = new ArrayList<>();
        for (int node = 1; node <= NODE_OFFSETS.length; node++) {
            process("node" + node).ifPresent(servers::add);
        }
        process("balancer").ifPresent(servers::add);
        servers.forEach(ProcessHandle::destroyForcibly);
        servers.forEach(server -> server.onExit().join());
    }

    public void startNode(int node) {
        run("start-node", String.valueOf(node));
    }

    public void stopNode(int node) {
        run("stop-node", String.valueOf(node));
    }

    /** kill -9 (what local-cluster.sh kill-node does), from here so that a failover's time starts at the kill. */
    public void killNode(int node) {
        ProcessHandle process = process("node" + node).orElseThrow(() -> new IllegalStateException("node" + node + " is not running"));
        process.destroyForcibly();
        process.onExit().join();
    }

    public boolean isRunning(int node) {
        return process("node" + node).isPresent();
    }

    private static Optional<ProcessHandle> process(String server) {
        Path pid = DIR.resolve(server).resolve("server.pid");
        try {
            return Files.exists(pid) ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the nodes that are not running (a test killed them). */
    public void startStoppedNodes() {
        for (int node = 1; node <= NODE_OFFSETS.length; node++) {
            if (!isRunning(node)) {
                startNode(node);
            }
        }
    }

    /** The node a session cookie's route names (Undertow appends ".nodeN" to the session id). */
    public static int nodeOfSession(String sessionId) {
        return Integer.parseInt(sessionId.substring(sessionId.lastIndexOf(".node") + 5));
    }

    private void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", "server-config/cluster/local-cluster.sh"));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(DIR);
            Path log = DIR.resolve("local-cluster.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().putAll(Map.of("CLUSTER_DIR", DIR.toString(), "CLUSTER_DB", "smu_cluster_it",
                    "CLUSTER_FRESH_DB", "true", "CLUSTER_BALANCER_OFFSET", String.valueOf(BALANCER_OFFSET),
                    "CLUSTER_NODE_OFFSETS", NODE_OFFSETS[0] + " " + NODE_OFFSETS[1],
                    "CLUSTER_EXTRA_SCRIPTS", "dev/configure-test-clock.cli", "CLUSTER_DRAIN_SECONDS", "5"));
            Process process = builder.start();
            if (!process.waitFor(6, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("local-cluster.sh " + String.join(" ", arguments) + " did not finish: " + log);
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException("local-cluster.sh " + String.join(" ", arguments) + " failed: "
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
