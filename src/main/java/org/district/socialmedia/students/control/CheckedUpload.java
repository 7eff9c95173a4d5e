package org.district.socialmedia.students.control;

import java.nio.file.Path;
import java.util.List;

/**
 * A roster zip that passed every check, unpacked: its CSV files sit in {@code folder} under their lower-case
 * names (a zip's inner folders are dropped), ready for {@link OneRosterParser#parseFolder(Path)}, and the zip
 * as uploaded beside them ({@link #zip()}).
 *
 * @param folder        holds only this upload's files; whoever received it deletes it when done
 *                      ({@code RosterUploads.discard})
 * @param sha256        of the zip as uploaded, lower-case hex
 * @param zipBytes      the zip as uploaded
 * @param unzippedBytes every entry unpacked, those not kept included
 * @param files         the names kept in the folder, in the zip's order
 */
public record CheckedUpload(Path folder, String sha256, long zipBytes, long unzippedBytes, List<String> files) {

    public CheckedUpload {
        files = List.copyOf(files);
    }

    /** The zip as uploaded (RosterUploads keeps it in the folder). */
    public Path zip() {
        return folder.resolve(RosterUploads.ZIP);
    }
}
