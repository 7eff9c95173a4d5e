package org.district.socialmedia.people.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff users for scripts (system administrators only): an HR feed creates staff and deactivates
 * leavers, which ends their administrative rights and authorizations at once (offboarding).
 */
@Tag(name = "Staff users")
@Path("staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffDirectory staff;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Staff users, by username (SYSTEM_ADMIN)")
    public Map<String, Object> list(@QueryParam("text") String text, @QueryParam("active") Boolean active,
                                    @QueryParam("first") @DefaultValue("0") int first,
                                    @QueryParam("size") @DefaultValue("25") int size) {
        StaffDirectory.Filter filter = new StaffDirectory.Filter(text, null, active);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", staff.count(filter));
        page.put("first", first);
        page.put("rows", staff.page(filter, first, Math.min(Math.max(size, 1), StaffDirectory.PAGE_MAX), "username", true));
        return page;
    }

    @POST
    @Operation(summary = "Create a staff user (SYSTEM_ADMIN; audited)")
    @APIResponse(responseCode = "201", description = "created; Location is its address", content = @Content(schema = @Schema(implementation = StaffDirectory.StaffRow.class)))
    public Response create(StaffDirectory.StaffForm form) {
        StaffDirectory.StaffRow created = staff.create(form == null
                ? new StaffDirectory.StaffForm(null, null, null, null, null, null, null) : form);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "One staff user (SYSTEM_ADMIN)")
    @Path("{id}")
    public StaffDirectory.StaffRow get(@PathParam("id") Long id) {
        return staff.get(id);
    }

    /** Changes a staff user; {"user":{...the fields of POST...},"version":n}. Roles taken away end what they allowed. */
    public record StaffChange(StaffDirectory.StaffForm user, Long version) {
    }

    @PUT
    @Operation(summary = "Change a staff user; roles taken away end what they allowed (SITE_ADMIN - rights; EMPLOYEE - authorizations) (SYSTEM_ADMIN; audited)")
    @Path("{id}")
    public StaffDirectory.StaffRow update(@PathParam("id") Long id, StaffChange body) {
        if (body == null || body.user() == null || body.version() == null) {
            throw new InvalidInputException("user",
                    "Send {\"user\":{...},\"version\":n} with the version you read");
        }
        return staff.update(id, body.version(), body.user());
    }

    /** Deactivates a staff member: their sessions stop, their rights and authorizations end. */
    @POST
    @Operation(summary = "Deactivate a staff user - sessions stop; their administrative rights and authorizations end in the same transaction (SYSTEM_ADMIN; audited)")
    @Path("{id}/deactivation")
    public StaffDirectory.StaffRow deactivate(@PathParam("id") Long id) {
        return staff.deactivate(id);
    }
}
