package org.district.socialmedia.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first progress figure after a roster upload, end to end on a running server (issue 19 item 5: "the first
 * progress figure on the page within 5 seconds of the upload"): POSTs a zip to {@code /api/imports/oneroster} as
 * a system administrator, then reads {@code GET /api/imports/{id}}, which the page polls, every 100 ms until it
 * names a file being read and its rows. Prints the upload's time to its 202 and the first figure's time after
 * it, for {@code bench.runs} uploads, then stops each run (the figure is what is measured, not the import).
 * <pre>
 * java -cp CLASSES org.district.socialmedia.bench.UploadProgressBenchmark   # -Dbench.zip=... -Dbench.base=http://localhost:8080
 * </pre>
 */
public final class UploadProgressBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern ROWS_READ = Pattern.compile("\"rowsRead\"\\s*:\\s*(\\d+)");
    private static final Pattern READING = Pattern.compile("\"readingFile\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(System.getProperty("bench.zip", "target/roster-bench/oneroster-1.0-42.zip"));
        String base = System.getProperty("bench.base", "http://localhost:8080");
        String user = System.getProperty("bench.user", "sysadmin");
        String password = System.getProperty("bench.password", "demo");
        int runs = Integer.getInteger("bench.runs", 3);
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf(Locale.ROOT, "Upload progress benchmark: %s (%,d bytes) to %s, %d runs, load %.1f%n", zip,
                Files.size(zip), base, runs, load());
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/oneroster?preview=true"))
                    .header("Authorization", auth).header("Content-Type", "application/zip")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(zip)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("expected 202, got " + accepted.statusCode() + ": " + accepted.body());
            }
            String id = first(ID, accepted.body());
            String body;
            long figured;
            while (true) {
                body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + id)).header("Authorization", auth)
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                figured = System.nanoTime();
                String rows = first(ROWS_READ, body);
                if (first(READING, body) != null && rows != null && Long.parseLong(rows) > 0
                        || !"PREVIEWING".equals(first(STATUS, body))) {
                    break;
                }
                if (figured - answered > 600_000_000_000L) {
                    throw new IllegalStateException("no progress figure after 10 minutes: " + body);
                }
                Thread.sleep(100);
            }
            System.out.printf(Locale.ROOT, "run %d (import %s): upload to its 202 %.2f s; first figure %.2f s after the 202"
                            + " (\"%s\", %s rows, %s); load %.1f%n", run, id, seconds(started, answered), seconds(answered, figured),
                    first(READING, body), first(ROWS_READ, body), first(STATUS, body), load());
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + id + "/stop")).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
