package org.district.socialmedia.students.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

/**
 * The roster import runs. POST /api/imports/oneroster takes the SIS's OneRoster 1.1 CSV export as a zip,
 * either as the request body (application/zip or application/octet-stream, up to ROSTER_UPLOAD_MAX_BYTES,
 * streamed to disk) or as the form field "file" (multipart/form-data, as {@code curl -F file=@export.zip}
 * sends it; 15 MiB, see RosterUploadSize), and answers 202 with the run PREVIEWING and its Location: the
 * preview, and the write, run as a batch job, and GET /api/imports/{id} tells how far. SYSTEM_ADMIN (the
 * service checks).
 */
@Tag(name = "Roster import")
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    @Inject
    RosterImport imports;
    @Context
    UriInfo uri;

    @POST
    @Path("oneroster")
    @Operation(summary = "Start a OneRoster 1.1 import (zip of at most ROSTER_UPLOAD_MAX_BYTES, default 2 GiB): answers"
            + " 202 PREVIEWING; the job previews it, then writes it unless it passes a safety limit or preview=true"
            + " (SYSTEM_ADMIN, audited)")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public Response importBody(@QueryParam("preview") @DefaultValue("false") boolean previewOnly, InputStream zip) {
        return accepted(imports.start(zip, null, previewOnly));
    }

    @POST
    @Path("oneroster")
    @Operation(summary = "Start a OneRoster 1.1 import from a form upload (field \"file\"); as the zip body (SYSTEM_ADMIN, audited)")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importForm(@QueryParam("preview") @DefaultValue("false") boolean previewOnly,
                               @FormParam("file") EntityPart file) {
        if (file == null) {
            throw new InvalidInputException("file", "Attach the zip as the form field \"file\"");
        }
        return accepted(imports.start(file.getContent(), file.getFileName().orElse(null), previewOnly));
    }

    @GET
    @Operation(summary = "The latest import runs, newest first (SYSTEM_ADMIN)")
    public List<RunView> history(@QueryParam("max") @DefaultValue("20") int max) {
        return imports.history(max);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import run: status, counts, and a page of its problems (SYSTEM_ADMIN)")
    public RunView get(@PathParam("id") Long id, @QueryParam("first") @DefaultValue("0") int first,
                       @QueryParam("size") @DefaultValue("100") int size) {
        return imports.get(id, first, size);
    }

    @POST
    @Path("{id}/confirmation")
    @Operation(summary = "Confirm an import run awaiting confirmation: answers 202 RUNNING, and its job writes it"
            + " (SYSTEM_ADMIN, audited)")
    public Response confirm(@PathParam("id") Long id) {
        return accepted(imports.confirm(id));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop an import run that has not written anything (SYSTEM_ADMIN, audited)")
    public RunView stop(@PathParam("id") Long id) {
        return imports.stop(id);
    }

    @POST
    @Path("undo-deactivations")
    @Operation(summary = "Reactivate exactly what the last completed import run deactivated (SYSTEM_ADMIN, audited)")
    public RunView undoLastDeactivations() {
        return imports.undoLastDeactivations();
    }

    private Response accepted(RunView run) {
        return Response.accepted(run).location(uri.getBaseUriBuilder().path("imports").path(String.valueOf(run.id())).build()).build();
    }
}
