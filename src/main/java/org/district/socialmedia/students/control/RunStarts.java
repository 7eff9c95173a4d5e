package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.entity.ImportRun;

import java.io.InputStream;

/**
 * Starts a run from a zip, whoever brings it (a system administrator's upload, the drop folder): the zip is
 * streamed to disk (no transaction is held open while it arrives) and refused at once for what its size and
 * central directory show, the run stored PREVIEWING, and its preview job started. The job checks and unpacks
 * the zip with its progress shown, and keeps it with the run ({@link RosterRunFolder#of(Long,
 * OneRosterParser.Progress)}): a District's export takes a minute to check, which no request should wait for.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunStarts {

    @Inject
    ImportRuns runs;
    @Inject
    RosterUploads uploads;
    @Inject
    RosterJobs jobs;

    /**
     * @param writeWhenClear write the run after its preview unless it passed a safety limit
     * @return the run as accepted (PREVIEWING), read before its job starts: a small file's job may be done
     * before the caller answers
     * @throws InvalidInputException naming the field "file" when the zip is too large, unreadable or harmful by
     *                               its central directory, or has no users.csv; nothing is stored then. What
     *                               only unpacking finds fails the run, with the same message
     */
    public ImportRun start(InputStream zip, String fileName, String by, boolean writeWhenClear) {
        RosterUploads.StoredUpload upload = uploads.store(zip);
        if (!upload.directory().files().contains(OneRosterParser.USERS)) {
            uploads.discard(upload.folder());
            throw new InvalidInputException("file", RosterRunFolder.NO_USERS);
        }
        Long id;
        try {
            id = runs.create(upload.sha256(), fileName, by);
        } catch (RuntimeException e) {
            uploads.discard(upload.folder());
            throw e;
        }
        try {
            uploads.assign(upload, id);
            ImportRun accepted = runs.find(id);
            jobs.preview(id, writeWhenClear);
            return accepted;
        } catch (RuntimeException e) {
            uploads.discard(upload.folder());
            uploads.discard(id);
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
