package org.district.socialmedia.students.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The nightly drop folder of the student information system (ROSTER_DROP_DIR; off when unset): a zip that
 * appears in it is imported by the same job as an upload. A zip is taken once it has not changed for
 * ROSTER_DROP_SETTLE (default PT1M), so a file still being copied in is left alone. Taking it is an atomic
 * rename into {@code processing/}: of several servers sharing the folder, one gets it. Afterwards it is moved
 * to {@code imported/} (a run was started) or {@code refused/} (no run could be), so the folder itself only
 * ever holds what is new.
 *
 * @param root   the folder, or null when the drop folder is off
 * @param settle how long a zip must stay unchanged before it is taken
 */
public record RosterDropFolder(Path root, Duration settle) {

    public static final String DIR_ENV = "ROSTER_DROP_DIR";
    public static final String SETTLE_ENV = "ROSTER_DROP_SETTLE";
    public static final Duration DEFAULT_SETTLE = Duration.ofMinutes(1);
    public static final String PROCESSING = "processing";
    public static final String IMPORTED = "imported";
    public static final String REFUSED = "refused";

    public RosterDropFolder {
        if (settle == null || settle.isNegative()) {
            throw new IllegalArgumentException(SETTLE_ENV + " must be a duration of zero or more, such as PT1M");
        }
    }

    /**
     * @param environment {@code System::getenv} in the server; a map's {@code get} in tests
     * @throws IllegalArgumentException naming the variable whose value is not usable
     */
    public static RosterDropFolder fromEnvironment(UnaryOperator<String> environment) {
        String dir = environment.apply(DIR_ENV);
        String settle = environment.apply(SETTLE_ENV);
        Duration wait = DEFAULT_SETTLE;
        if (settle != null && !settle.isBlank()) {
            try {
                wait = Duration.parse(settle.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(SETTLE_ENV + " must be an ISO-8601 duration such as PT1M, not '" + settle + "'", e);
            }
        }
        return new RosterDropFolder(dir == null || dir.isBlank() ? null : Path.of(dir.trim()), wait);
    }

    public boolean enabled() {
        return root != null;
    }

    /**
     * The zips ready to take, oldest first: regular files (no links) named {@code *.zip} directly in the folder,
     * unchanged for {@link #settle} by {@code now}. Hidden files (a copy in progress, such as rsync's) are left.
     */
    public List<Path> ready(Instant now) {
        if (!enabled() || !Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !name.toLowerCase(Locale.ROOT).endsWith(".zip")
                        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                if (!modified.plus(settle).isAfter(now)) {
                    ready.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the roster drop folder " + root, e);
        }
        ready.sort(Comparator.comparing((Path p) -> lastModified(p)).thenComparing(Path::toString));
        return ready;
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

    /**
     * Takes a zip by renaming it into {@code processing/} under a unique name.
     *
     * @return the claimed file; empty when another server took it first
     */
    public Optional<Path> claim(Path file, Instant now) {
        Path processing = folder(PROCESSING);
        String claimed = now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + file.getFileName();
        try {
            return Optional.of(Files.move(file, processing.resolve(claimed), StandardCopyOption.ATOMIC_MOVE));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException(DIR_ENV + " must be one file system with its sub-folders (an atomic rename"
                    + " is how one server takes a file): " + root, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + file + " from the roster drop folder", e);
        }
    }

    /** Moves a claimed file to {@code imported/} or {@code refused/}, keeping its claimed name. */
    public Path file(Path claimed, String outcome) {
        try {
            return Files.move(claimed, folder(outcome).resolve(claimed.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + claimed + " to " + outcome + "/", e);
        }
    }

    /** A claimed file in {@code processing/}, by its claimed name. */
    public Path claimed(String claimedName) {
        return root.resolve(PROCESSING).resolve(claimedName);
    }

    /**
     * Puts a claimed file back into the folder under its original name, to be taken again; when a new file of
     * that name has arrived meanwhile, the old one keeps its claimed name (so neither is lost).
     *
     * @return false when the claimed file is not there (already moved on)
     */
    public boolean putBack(String claimedName, String originalName) {
        Path claimed = claimed(claimedName);
        if (!Files.exists(claimed, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            // a rename would replace a newer file of that name; a hard link never replaces one
            try {
                Files.createLink(root.resolve(originalName), claimed);
            } catch (FileAlreadyExistsException newer) {
                Files.createLink(root.resolve(claimedName), claimed);
            }
            Files.delete(claimed);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + claimed + " back into the roster drop folder", e);
        }
    }

    /** The names in {@code processing/} claimed before {@code before} (by the time in their name). */
    public List<String> claimedBefore(Instant before) {
        Path processing = root.resolve(PROCESSING);
        if (!Files.isDirectory(processing)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(processing)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash > 0 && name.substring(0, dash).chars().allMatch(Character::isDigit)
                        && Long.parseLong(name.substring(0, dash)) < before.toEpochMilli()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + processing, e);
        }
        return names;
    }

    /** The original name of a claimed one ({@code <millis>-<random>-<original>}). */
    public static String originalName(String claimedName) {
        int first = claimedName.indexOf('-');
        int second = first < 0 ? -1 : claimedName.indexOf('-', first + 1);
        return second < 0 ? claimedName : claimedName.substring(second + 1);
    }

    private Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder, e);
        }
    }
}
