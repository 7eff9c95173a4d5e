package org.district.socialmedia.students.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where uploaded roster zips go: each upload streamed from the request into its own new folder under
 * ROSTER_UPLOAD_DIR (default {@code roster-uploads} in the server's data folder), unpacked and checked there
 * ({@link RosterZipCheck}), with the zip as sent beside its CSV files ({@value #ZIP}). A refused or broken
 * upload leaves nothing behind. A checked one is given to its run ({@link #assign}, folder {@code run-ID});
 * the import job deletes it when done with it ({@link #discard(Long)}).
 * <p>
 * The folder is this server's working copy only: the zip of a run that waits is kept in the database
 * ({@code RunFiles.keep}), and a server that continues a run whose folder it lacks unpacks it again
 * from there ({@link #restore}).
 * <p>
 * No transaction and no database: call it before a transaction starts, a slow upload must hold none open.
 */
@ApplicationScoped
public class RosterUploads {

    public static final String DIR_ENV = "ROSTER_UPLOAD_DIR";
    static final String FOLDER = "roster-uploads";
    /** The zip as uploaded, inside the upload's folder (not a CSV file, so never read as one). */
    public static final String ZIP = "upload.zip";
    private static final Logger LOG = Logger.getLogger(RosterUploads.class.getName());

    private volatile Path root;
    private volatile RosterZipLimits limits;

    /** For CDI; reads the environment at first use. */
    public RosterUploads() {
    }

    /** With a given folder and limits (tests, the benchmark). */
    public RosterUploads(Path root, RosterZipLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    /**
     * Streams the zip into a new folder and checks it.
     *
     * @param zip the request body, read to its end, not closed
     * @return the folder of its CSV files, with the zip's SHA-256 and sizes
     * @throws InvalidInputException naming the field "file" when the zip is refused; nothing is left on disk
     * @throws UncheckedIOException  when the upload folder cannot be written, or the client stopped sending
     */
    public CheckedUpload receive(InputStream zip) {
        return inNewFolder(folder -> {
            try (OutputStream copy = Files.newOutputStream(folder.resolve(ZIP), StandardOpenOption.CREATE_NEW)) {
                return new RosterZipCheck(limits()).unpack(new Copied(zip, copy), folder);
            }
        });
    }

    private interface FolderWork<T> {
        T in(Path folder) throws IOException;
    }

    /** Work in a new upload folder, which is deleted with all in it unless the work succeeds. */
    private <T> T inNewFolder(FolderWork<T> work) {
        Path folder = newFolder();
        boolean done = false;
        try {
            T result = work.in(folder);
            done = true;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("the roster upload could not be stored in " + folder, e);
        } finally {
            if (!done) {
                delete(folder);
            }
        }
    }

    /**
     * A zip as received in a request, not unpacked yet: the request stores it and its run's job checks and
     * unpacks it ({@link #unpackPending}), so that the one who uploaded sees the job's progress within seconds
     * instead of waiting for a check that takes a minute for a District's export.
     *
     * @param folder    holds only {@value #ZIP}
     * @param directory what the zip's central directory names
     */
    public record StoredUpload(Path folder, String sha256, long zipBytes, RosterZipCheck.Directory directory) {
    }

    /**
     * Streams the zip into a new folder and refuses what its size and central directory show already
     * ({@link RosterZipCheck#directory}); the rest of the checks are the job's.
     *
     * @param zip the request body, read to its end, not closed
     * @throws InvalidInputException naming the field "file" when the zip is refused; nothing is left on disk
     * @throws UncheckedIOException  when the upload folder cannot be written, or the client stopped sending
     */
    public StoredUpload store(InputStream zip) {
        return inNewFolder(folder -> {
            RosterZipCheck check = new RosterZipCheck(limits());
            RosterZipCheck.Copy copy;
            try (OutputStream out = Files.newOutputStream(folder.resolve(ZIP), StandardOpenOption.CREATE_NEW)) {
                copy = check.copy(zip, out);
            }
            return new StoredUpload(folder, copy.sha256(), copy.bytes(), check.directory(folder.resolve(ZIP)));
        });
    }

    /** Gives a stored upload to its run, to be checked by its job: its folder becomes {@link #pending}. */
    public void assign(StoredUpload upload, Long runId) {
        move(upload.folder(), pending(runId));
    }

    /** The folder of a run's zip that its job has still to check; it may not exist. */
    public Path pending(Long runId) {
        return root().resolve("pending-" + runId);
    }

    /**
     * Checks and unpacks a run's {@link #pending} zip beside itself, telling {@code progress} how far it is. A
     * check cut short by a crash starts again. The folder stays pending until {@link #assign(CheckedUpload, Long)}.
     *
     * @throws InvalidInputException naming the field "file" when the zip is refused (the folder is left to the
     *                               run's {@link #discard(Long)})
     */
    public CheckedUpload unpackPending(Long runId, OneRosterParser.Progress progress) {
        Path folder = pending(runId);
        Path zip = folder.resolve(ZIP);
        try {
            try (var files = Files.list(folder)) {
                for (Path file : files.filter(file -> !file.equals(zip)).toList()) {
                    Files.delete(file);
                }
            }
            RosterZipCheck check = new RosterZipCheck(limits());
            int csvFiles = check.directory(zip).files().size();
            try (InputStream in = Files.newInputStream(zip)) {
                return check.unpack(in, folder, progress, csvFiles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the roster upload of import run " + runId + " in " + folder, e);
        }
    }

    /** Deletes an upload's folder and everything in it; an upload already gone is no error. */
    public void discard(CheckedUpload upload) {
        delete(upload.folder());
    }

    /** Deletes an upload's folder (not yet given to a run) and everything in it. */
    public void discard(Path uploadFolder) {
        delete(uploadFolder);
    }

    private Path newFolder() {
        try {
            Files.createDirectories(root());
            return Files.createTempDirectory(root(), "upload-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + root() + " (" + DIR_ENV + ")", e);
        }
    }

    /** Gives a checked upload to its run: its folder becomes {@link #forRun}. */
    public Path assign(CheckedUpload upload, Long runId) {
        return move(upload.folder(), forRun(runId));
    }

    private static Path move(Path folder, Path target) {
        try {
            return Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the roster upload " + folder + " to " + target, e);
        }
    }

    /** The folder of a run's checked files on this server; it may not exist (see {@link #restore}). */
    public Path forRun(Long runId) {
        return root().resolve("run-" + runId);
    }

    /**
     * Unpacks a run's kept zip into its folder on this server, checked again (the limits may have changed).
     * A folder left over from an earlier attempt is replaced.
     */
    public Path restore(Long runId, InputStream zip) {
        delete(forRun(runId));
        return assign(receive(zip), runId);
    }

    /** Deletes a run's folders on this server, checked or pending, if there are any. */
    public void discard(Long runId) {
        delete(forRun(runId));
        delete(pending(runId));
    }

    /** The folder uploads go in. */
    public Path root() {
        if (root == null) {
            root = folder(System::getenv, System.getProperty("jboss.server.data.dir"));
        }
        return root;
    }

    public RosterZipLimits limits() {
        if (limits == null) {
            limits = RosterZipLimits.fromEnvironment(System::getenv);
        }
        return limits;
    }

    static Path folder(UnaryOperator<String> environment, String serverDataDir) {
        String configured = environment.apply(DIR_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String base = serverDataDir != null ? serverDataDir : System.getProperty("java.io.tmpdir");
        return Path.of(base, FOLDER);
    }

    /** The upload as read, copied to the zip file of its folder on the way. */
    private static final class Copied extends FilterInputStream {

        private final OutputStream copy;

        Copied(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // read, not skipped: the copy must hold every byte
            return Math.max(0, read(new byte[(int) Math.min(n, 64 * 1024)]));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    private static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            // the refusal or the result matters more to the caller than a folder left over; say where it is
            LOG.log(Level.WARNING, "could not delete the roster upload folder " + folder, e);
        }
    }
}
