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
 * streamed to disk and checked (no transaction is held open while it arrives), the run stored PREVIEWING with
 * the zip, and its preview job started.
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
     * @throws InvalidInputException naming the field "file" when the zip is too large, unreadable or harmful,
     *                               or has no users.csv; nothing is stored then
     */
    public ImportRun start(InputStream zip, String fileName, String by, boolean writeWhenClear) {
        CheckedUpload upload = uploads.receive(zip);
        if (!upload.files().contains(OneRosterParser.USERS)) {
            uploads.discard(upload);
            throw new InvalidInputException("file", RosterRunFolder.NO_USERS);
        }
        Long id;
        try {
            id = runs.create(upload.sha256(), fileName, by);
        } catch (RuntimeException e) {
            uploads.discard(upload);
            throw e;
        }
        try {
            runs.keepFile(id, upload.zip());
            uploads.assign(upload, id);
            ImportRun accepted = runs.find(id);
            jobs.preview(id, writeWhenClear);
            return accepted;
        } catch (RuntimeException e) {
            uploads.discard(upload);
            uploads.discard(id);
            runs.failed(id, String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
