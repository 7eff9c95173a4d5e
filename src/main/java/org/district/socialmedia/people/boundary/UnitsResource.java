package org.district.socialmedia.people.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The District's schools and departments for scripts (system administrators only): a District without
 * a OneRoster feed creates them here, under the code a later roster import will name them by.
 */
@Tag(name = "Schools and departments")
@Path("units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitsResource {

    @Inject
    UnitDirectory units;
    @Context
    UriInfo uri;

    /** A change: {"unit":{"name":"..."},"version":n}; code and kind may be sent but not changed. */
    public record UnitChange(UnitDirectory.UnitForm unit, Long version) {
    }

    @GET
    @Operation(summary = "Schools and departments by name; text is part of the name or code, kind SCHOOL or DEPARTMENT, active true or false (SYSTEM_ADMIN)")
    public Map<String, Object> list(@QueryParam("text") String text, @QueryParam("kind") String kind,
                                    @QueryParam("active") Boolean active,
                                    @QueryParam("first") @DefaultValue("0") int first,
                                    @QueryParam("size") @DefaultValue("25") int size) {
        if (first < 0) {
            throw new InvalidInputException("first", "first is 0 or more");
        }
        if (size < 1 || size > UnitDirectory.PAGE_MAX) {
            throw new InvalidInputException("size", "size is 1 to " + UnitDirectory.PAGE_MAX);
        }
        UnitDirectory.Filter filter = new UnitDirectory.Filter(text, kind(kind), active);
        Map<String, Object> page = new LinkedHashMap<>();
        // a District has about a thousand units: the count is always exact
        page.put("total", units.count(filter));
        page.put("totalExact", true);
        page.put("first", first);
        page.put("rows", units.page(filter, first, size));
        return page;
    }

    @POST
    @Operation(summary = "Create a school or department; 409 when the code is taken (SYSTEM_ADMIN; audited)")
    @APIResponse(responseCode = "201", description = "created; Location is its address", content = @Content(schema = @Schema(implementation = UnitDirectory.UnitRow.class)))
    public Response create(UnitDirectory.UnitForm form) {
        UnitDirectory.UnitRow created = units.create(form);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One school or department (SYSTEM_ADMIN)")
    public UnitDirectory.UnitRow get(@PathParam("id") Long id) {
        return units.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rename a school or department; its code and kind never change (SYSTEM_ADMIN; audited)")
    public UnitDirectory.UnitRow update(@PathParam("id") Long id, UnitChange body) {
        if (body == null || body.unit() == null || body.version() == null) {
            throw new InvalidInputException("unit", "Send {\"unit\":{\"name\":\"...\"},\"version\":n} with the version you read");
        }
        return units.update(id, body.version(), body.unit());
    }

    @POST
    @Path("{id}/deactivation")
    @Operation(summary = "Deactivate a school or department: no longer offered for new records; those that name it keep it (SYSTEM_ADMIN; audited)")
    public UnitDirectory.UnitRow deactivate(@PathParam("id") Long id) {
        return units.deactivate(id);
    }

    @POST
    @Path("{id}/reactivation")
    @Operation(summary = "Reactivate a school or department (SYSTEM_ADMIN; audited)")
    public UnitDirectory.UnitRow reactivate(@PathParam("id") Long id) {
        return units.reactivate(id);
    }

    private static OrgUnit.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return OrgUnit.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind is SCHOOL or DEPARTMENT");
        }
    }
}
