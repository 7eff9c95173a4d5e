package org.district.socialmedia.students.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.control.ImportReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * POST /api/imports/oneroster: the SIS's OneRoster 1.1 CSV export as a zip, either as the request body
 * (application/zip or application/octet-stream) or as the form field "file" (multipart/form-data, as
 * {@code curl -F file=@export.zip} sends it). Answers the import report. SYSTEM_ADMIN (the service checks).
 */
@Tag(name = "Roster import")
@Path("imports/oneroster")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    @Inject
    RosterImport imports;

    @POST
    @Operation(summary = "Import the SIS's OneRoster 1.1 CSV export, a zip of at most 200 MB (SYSTEM_ADMIN, audited)")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public ImportReport importBody(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream zip) {
        refuseIfTooLarge(length);
        return imports.importZip(zip);
    }

    @POST
    @Operation(summary = "Import the SIS's OneRoster 1.1 CSV export, a zip of at most 200 MB (SYSTEM_ADMIN, audited)")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ImportReport importForm(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, @FormParam("file") EntityPart file) {
        refuseIfTooLarge(length);
        if (file == null) {
            throw new InvalidInputException("file", "Attach the zip as the form field \"file\"");
        }
        return imports.importZip(file.getContent());
    }

    /** Before reading a byte when the client says the size; RosterImport still counts what it reads. */
    private static void refuseIfTooLarge(Long length) {
        if (length != null && length > RosterImport.MAX_UPLOAD_BYTES) {
            throw new InvalidInputException("file", RosterImport.TOO_LARGE);
        }
    }
}
