package org.district.socialmedia.consent.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
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
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consent API: forms (with the scan), revocations, the check before posting, the renewal list
 * and takedown tasks; the clerk's students. Same error rules as the other APIs. Field names are a
 * contract: see docs/api.md.
 */
@Tag(name = "Students and consent")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    public record Completion(String note) {
    }

    @Inject
    ConsentService consents;
    @Inject
    ConsentCheckService checks;
    @Inject
    TakedownService takedowns;
    @Context
    UriInfo uri;

    /**
     * A signed form, as multipart/form-data: the part "consent" holds the form as JSON, the part
     * "scan" the scan of the paper (PDF, JPEG or PNG, at most 10 MB; checked by its content).
     */
    @POST
    @Operation(summary = "Record a parent's signed consent form (CONSENT_CLERK, a student of their own school; audited)")
    @Path("consents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "recorded; Location is its address", content = @Content(schema = @Schema(implementation = ConsentService.FormView.class)))
    public Response record(@FormParam("consent") String consent, @FormParam("scan") EntityPart scan) throws IOException {
        ConsentService.FormInput input;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            input = consent == null || consent.isBlank() ? null : jsonb.fromJson(consent, ConsentService.FormInput.class);
        } catch (JsonbException e) {
            throw new InvalidInputException("consent", "The part \"consent\" is not a form in JSON: " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = null;
        String name = null;
        if (scan != null) {
            name = scan.getFileName().orElse(null);
            try (InputStream in = scan.getContent()) {
                bytes = ScanInspector.read(in);
            }
            if (bytes.length == 0) {
                throw new InvalidInputException("scan", "The file is empty");
            }
        }
        return created(consents.record(input, bytes, name));
    }

    /** An electronic form without a scan, as plain JSON. */
    @POST
    @Operation(summary = "Record a parent's signed consent form (CONSENT_CLERK, a student of their own school; audited)")
    @Path("consents")
    @APIResponse(responseCode = "201", description = "recorded; Location is its address", content = @Content(schema = @Schema(implementation = ConsentService.FormView.class)))
    public Response recordElectronic(ConsentService.FormInput input) {
        return created(consents.record(input, null, null));
    }

    private Response created(ConsentService.FormView form) {
        return Response.created(uri.getBaseUriBuilder().path("consents").path(String.valueOf(form.id())).build()).entity(form).build();
    }

    @GET
    @Operation(summary = "One consent form (CONSENT_CLERK own school, AUDITOR; a recorded view; another school's form answers 404)")
    @Path("consents/{id}")
    public ConsentService.FormView get(@PathParam("id") Long id) {
        return consents.get(id);
    }

    /** A scan, always as an attachment with its real type: never rendered inline. */
    @GET
    @Operation(summary = "The scan of a signed form, always as a download (CONSENT_CLERK own school, AUDITOR; a recorded view)")
    @Path("consents/{id}/scans/{scanId}")
    @Produces({"application/pdf", "image/png", "image/jpeg"})
    public Response scan(@PathParam("id") Long id, @PathParam("scanId") Long scanId) {
        ConsentService.Scan scan = consents.scan(id, scanId);
        Response.ResponseBuilder response = Response.ok(scan.content(), scan.type().mediaType());
        ScanInspector.downloadHeaders(scan.type(), scan.storedName()).forEach(response::header);
        return response.build();
    }

    @POST
    @Operation(summary = "Record a parent's revocation of some or all items (CONSENT_CLERK, own school; audited; creates takedown tasks)")
    @Path("consents/{id}/revocation")
    public ConsentService.FormView revoke(@PathParam("id") Long id, ConsentService.RevocationInput body) {
        return consents.revoke(id, body);
    }

    /** Students whose consent is missing or ends within 30 days (the clerk's school). */
    @GET
    @Operation(summary = "The renewal list: active students with no consent in force today, or whose consent ends within 30 days (CONSENT_CLERK own school, AUDITOR every school)")
    @Path("consents/renewals")
    public List<ConsentService.RenewalRow> renewals(@QueryParam("first") @DefaultValue("0") int first,
                                                    @QueryParam("size") @DefaultValue("50") int size) {
        return consents.renewals(first, size);
    }

    /** {"accountId":..,"items":["PHOTO","FULL_NAME"],"studentIds":[".."]} (or "classId") → {"results":[..]}. */
    @POST
    @Operation(summary = "The check before posting: may this account show these items of these students today? (EMPLOYEE, SITE_ADMIN; recorded and audited)")
    @Path("consent-checks")
    public Map<String, Object> check(ConsentCheckService.CheckInput body) {
        ConsentCheckService.Outcome outcome = checks.check(body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("checkId", outcome.checkId());
        answer.put("results", outcome.results());
        return answer;
    }

    @GET
    @Operation(summary = "Students of the clerk's school (every school for an auditor), by family name (CONSENT_CLERK, AUDITOR)")
    @Path("students")
    public Map<String, Object> students(@QueryParam("text") String text, @QueryParam("first") @DefaultValue("0") int first,
                                        @QueryParam("size") @DefaultValue("25") int size) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", consents.countStudents(text));
        page.put("first", first);
        page.put("rows", consents.students(text, first, size));
        return page;
    }

    /** A student entered by hand, at the clerk's school: {"districtId","givenName","familyName","grade"}. */
    @POST
    @Operation(summary = "Enter a student of the clerk's own school by hand (CONSENT_CLERK; audited; the roster import never deactivates them)")
    @Path("students")
    @APIResponse(responseCode = "201", description = "added; Location is its address", content = @Content(schema = @Schema(implementation = ConsentService.StudentView.class)))
    public Response addStudent(ConsentService.NewStudent body) {
        ConsentService.StudentView student = consents.addStudent(body);
        return Response.created(uri.getBaseUriBuilder().path("students").path(student.districtId()).build()).entity(student).build();
    }

    /** A parent or guardian entered by hand: {"givenName","familyName","email","phone","relationship"}. */
    @POST
    @Operation(summary = "Enter a parent or guardian by hand and link them to the student (CONSENT_CLERK, own school; audited)")
    @Path("students/{districtId}/guardians")
    public ConsentService.StudentView addGuardian(@PathParam("districtId") String districtId, ConsentService.NewGuardian body) {
        return consents.addGuardian(districtId, body);
    }

    @GET
    @Operation(summary = "One student with guardians and consent forms (CONSENT_CLERK own school, AUDITOR; a recorded view; another school's student answers 404)")
    @Path("students/{districtId}")
    public ConsentService.StudentView student(@PathParam("districtId") String districtId) {
        return consents.student(districtId);
    }

    /** Takedown tasks: a clerk's school's, or those assigned to the caller; open ones by default. */
    @GET
    @Operation(summary = "Takedown tasks: those assigned to the caller (EMPLOYEE, SITE_ADMIN), the school's (CONSENT_CLERK), every one (AUDITOR); at most 200, newest first")
    @Path("takedown-tasks")
    public List<ConsentService.TaskView> takedownTasks(@QueryParam("open") @DefaultValue("true") boolean openOnly) {
        return takedowns.visibleTasks(openOnly);
    }

    @POST
    @Operation(summary = "Mark a takedown done; its reminders stop (an assignee, or a consent clerk of the student's school; audited)")
    @Path("takedown-tasks/{id}/completion")
    public ConsentService.TaskView complete(@PathParam("id") Long id, Completion body) {
        return takedowns.complete(id, body == null ? null : body.note());
    }
}
