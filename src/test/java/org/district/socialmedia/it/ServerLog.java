package org.district.socialmedia.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The test server's standalone/log/server.log, rotated files included, as the tests read it. */
public final class ServerLog {

    private static final String STARTING = "WFLYSRV0049:";
    private static final String DEPLOYED = "WFLYSRV0010: Deployed \"ROOT.war\"";

    private ServerLog() {
    }

    /**
     * The lines of the server's latest start, up to its first deployment of the application: the log is
     * appended to by every build (and by install.sh's embedded server), so earlier starts come before.
     */
    public static List<String> latestStart() throws IOException {
        Path folder = Path.of(System.getProperty("jboss.home"), "standalone", "log");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log"))
                    .sorted(Comparator.comparing(ServerLog::modified)).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        int start = -1;
        for (int i = lines.size() - 1; i >= 0 && start < 0; i--) {
            if (lines.get(i).contains(STARTING)) {
                start = i;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("no server start (" + STARTING + ") in " + folder);
        }
        for (int i = start; i < lines.size(); i++) {
            if (lines.get(i).contains(DEPLOYED)) {
                return lines.subList(start, i + 1);
            }
        }
        throw new IllegalStateException("the latest start in " + folder + " has not deployed ROOT.war");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
