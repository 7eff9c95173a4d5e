package org.district.socialmedia.bench;

import org.district.socialmedia.students.control.CheckedUpload;
import org.district.socialmedia.students.control.RosterUploads;
import org.district.socialmedia.students.control.RosterZipLimits;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times the roster upload's check (issue 19, items 4 and 5): a OneRoster zip of the District written by
 * {@link RosterZipGenerator} at {@code bench.scale} (kept in {@code bench.zip} and reused while its scale and
 * seed stay the same), then streamed {@code bench.runs} times through {@link RosterUploads#receive} as the
 * server would stream a request body: unpacked, checked for zip bombs, names and UTF-8, written to disk.
 * Prints each run, the median, the throughput and the heap.
 * <pre>
 * ./mvnw -Pbench-roster verify -Dbench.scale=0.1
 * </pre>
 */
public final class RosterUploadBenchmark {

    public static void main(String[] args) throws IOException {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "0.01"));
        long seed = Long.getLong("bench.seed", 42);
        int runs = Integer.getInteger("bench.runs", 3);
        Path zip = Path.of(System.getProperty("bench.zip", "target/roster-bench/oneroster-" + scale + "-" + seed + ".zip"))
                .toAbsolutePath();
        Path uploads = Path.of(System.getProperty("bench.dir", "target/roster-bench/uploads")).toAbsolutePath();
        RosterZipGenerator.Counts counts = RosterZipGenerator.Counts.at(scale);

        System.out.printf(Locale.ROOT, "Roster upload benchmark: scale %s, seed %d, %d cores, max heap %d MiB, %s%n",
                scale, seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println(counts);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!Files.isRegularFile(zip) || Boolean.getBoolean("bench.regenerate")) {
            long started = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            new RosterZipGenerator(counts, seed).write(zip);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s (%.1f s of CPU)%n", zip, seconds(started),
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        } else {
            System.out.println("reusing " + zip + " (-Dbench.regenerate=true writes it again)");
        }
        long zipBytes = Files.size(zip);

        RosterUploads receiver = new RosterUploads(uploads, RosterZipLimits.fromEnvironment(System::getenv));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Double> times = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        long unzipped = 0;
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            CheckedUpload upload;
            try (InputStream in = Files.newInputStream(zip)) {
                upload = receiver.receive(in);
            }
            double s = seconds(started);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            times.add(s);
            cpuTimes.add(cpuSeconds);
            unzipped = upload.unzippedBytes();
            System.out.printf(Locale.ROOT, "run %d: %.2f s (%.2f s of CPU), %s%n", run, s, cpuSeconds, sizes(upload));
            receiver.discard(upload);
        }
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        Collections.sort(times);
        Collections.sort(cpuTimes);
        double median = times.get(times.size() / 2);
        double cpuMedian = cpuTimes.get(cpuTimes.size() / 2);
        // on a shared machine the wall clock counts other processes' work; the CPU time is the check's own
        System.out.printf(Locale.ROOT, "median %.2f s (%.2f s of CPU) for %,d bytes zipped, %,d unzipped: %.0f MB/s"
                        + " unzipped (%.0f MB/s of CPU); heap after a full GC %d MiB, load average %.1f%n",
                median, cpuMedian, zipBytes, unzipped, unzipped / median / 1e6, unzipped / cpuMedian / 1e6, heap >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String sizes(CheckedUpload upload) throws IOException {
        StringBuilder files = new StringBuilder();
        for (String name : upload.files()) {
            files.append(files.isEmpty() ? "" : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", Files.size(upload.folder().resolve(name))));
        }
        return files + " (sha256 " + upload.sha256().substring(0, 12) + "...)";
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
