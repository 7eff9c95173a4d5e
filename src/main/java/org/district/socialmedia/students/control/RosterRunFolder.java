package org.district.socialmedia.students.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.entity.ImportRunStateException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's checked files on this server: the folder its upload left here, or, on another server or after a
 * restart, the zip kept in the database unpacked and checked again.
 */
@ApplicationScoped
public class RosterRunFolder {

    public static final String NO_USERS = "No users.csv to import: upload the zip of the SIS's OneRoster 1.1"
            + " CSV export (a manifest.csv that calls users absent is not imported either)";

    @Inject
    RosterUploads uploads;
    @Inject
    ImportRuns runs;
    @Inject
    RunFiles files;

    public Path of(Long runId) {
        return of(runId, OneRosterParser.Progress.NONE);
    }

    /**
     * The folder of the run's checked files. A zip that its request stored on this server unchecked is checked
     * and unpacked first (its progress told to {@code progress}), then kept with the run for the other servers.
     *
     * @throws InvalidInputException naming the field "file" when the check refuses the zip
     */
    public Path of(Long runId, OneRosterParser.Progress progress) {
        Path folder = uploads.forRun(runId);
        if (Files.isDirectory(folder)) {
            // only ever there complete: a checked upload is moved in at once (RosterUploads.assign)
            return folder;
        }
        if (Files.isDirectory(uploads.pending(runId))) {
            CheckedUpload checked = uploads.unpackPending(runId, progress);
            // kept only once checked: a refused zip is never stored; before the move, so that a crash in between
            // finds it pending again and checks it again, and another server finds it kept
            files.keep(runId, checked.zip());
            return uploads.assign(checked, runId);
        }
        Path zip = uploads.root().resolve("restore-" + runId + ".zip");
        try {
            Files.createDirectories(uploads.root());
            boolean kept;
            try (OutputStream out = Files.newOutputStream(zip)) {
                kept = files.copy(runId, out);
            }
            if (!kept) {
                throw new ImportRunStateException("The file of import run " + runId + " is no longer kept; upload it again");
            }
            try (InputStream in = Files.newInputStream(zip)) {
                return uploads.restore(runId, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the kept zip of import run " + runId + " into " + folder, e);
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                // a leftover file in the upload folder is harmless; the import's outcome matters more
            }
        }
    }

    /**
     * The run's files, parsed.
     *
     * @throws InvalidInputException naming the field "file" when there is no users.csv to import
     */
    public ParsedRoster read(Long runId, String idSource) {
        return read(runId, idSource, OneRosterParser.Progress.NONE);
    }

    /**
     * The run's files, parsed a record at a time, telling {@code progress} how far the reading is.
     *
     * @throws InvalidInputException naming the field "file" when there is no users.csv to import
     */
    public ParsedRoster read(Long runId, String idSource, OneRosterParser.Progress progress) {
        return read(runId, idSource, progress, null);
    }

    /**
     * The run's files, parsed a record at a time, telling {@code progress} how far the reading is.
     *
     * @param enrollments takes enrollments.csv's rows instead of the roster (null: the roster holds them)
     * @throws InvalidInputException naming the field "file" when there is no users.csv to import
     */
    public ParsedRoster read(Long runId, String idSource, OneRosterParser.Progress progress,
                             OneRosterParser.EnrollmentSink enrollments) {
        return read(runId, idSource, progress, enrollments, null);
    }

    /**
     * The run's files, parsed a record at a time, telling {@code progress} how far the reading is.
     *
     * @param enrollments takes enrollments.csv's rows instead of the roster (null: the roster holds them)
     * @param users       takes users.csv's rows instead of the roster's students and guardians (null: held)
     * @throws InvalidInputException naming the field "file" when there is no users.csv to import
     */
    public ParsedRoster read(Long runId, String idSource, OneRosterParser.Progress progress,
                             OneRosterParser.EnrollmentSink enrollments, UserSink users) {
        try {
            return refuseWithoutUsers(OneRosterParser.parseFolder(of(runId, progress), idSource, progress, enrollments, users));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files of import run " + runId, e);
        }
    }

    /** A zip without users.csv, or whose manifest calls it absent, has nothing to import. */
    public static ParsedRoster refuseWithoutUsers(ParsedRoster roster) {
        if (roster.mode(OneRosterParser.USERS) == FileMode.ABSENT) {
            throw new InvalidInputException("file", NO_USERS);
        }
        return roster;
    }

    public void discard(Long runId) {
        uploads.discard(runId);
    }
}
