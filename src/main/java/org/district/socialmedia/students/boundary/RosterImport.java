package org.district.socialmedia.students.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.students.control.ImportReport;
import org.district.socialmedia.students.control.OneRosterParser;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.ParsedRoster;
import org.district.socialmedia.students.control.RosterImportActivity;
import org.district.socialmedia.students.control.RosterWriter;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/** Imports the student information system's OneRoster 1.1 CSV export: students, guardians, classes, enrollments. */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
public class RosterImport {

    /** The zip as uploaded; each file inside has its own limit ({@link OneRosterParser#MAX_FILE_BYTES}). */
    public static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;
    static final String TOO_LARGE = "The upload is larger than 200 MB; a OneRoster export of the District is far smaller,"
            + " check that it is the right file";

    @Inject
    RosterWriter writer;
    @Inject
    RosterImportActivity activity;
    @Inject
    Clock clock;

    /**
     * Reads the zip before any transaction starts (a slow upload holds none open), then writes it in one:
     * all rows that can be used, or nothing.
     *
     * @return what changed, and every row left out with its file, line and reason
     * @throws InvalidInputException naming the field "file" when the upload is too large, no readable zip,
     *                               or has no users.csv
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportReport importZip(InputStream zip) {
        activity.started();
        boolean succeeded = false;
        try {
            ImportReport report = read(zip);
            succeeded = true;
            return report;
        } finally {
            activity.finished(succeeded, clock.instant());
        }
    }

    private ImportReport read(InputStream zip) {
        ParsedRoster roster;
        try {
            roster = OneRosterParser.parseZip(new UploadLimit(zip, MAX_UPLOAD_BYTES));
        } catch (UploadLimit.TooLarge e) {
            throw new InvalidInputException("file", TOO_LARGE);
        } catch (IOException e) {
            throw new InvalidInputException("file", "The zip cannot be read: " + e.getMessage());
        }
        if (roster.mode(OneRosterParser.USERS) == FileMode.ABSENT) {
            // also what a file that is no zip at all looks like: no entries
            throw new InvalidInputException("file", "No users.csv to import: upload the zip of the SIS's OneRoster 1.1"
                    + " CSV export (a manifest.csv that calls users absent is not imported either)");
        }
        return writer.write(roster);
    }
}
