package org.district.socialmedia.policy.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The policy documents' versions. Field names are a contract: see docs/api.md. */
@Tag(name = "Policy")
@Path("policy-versions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    PolicyLibrary library;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Every version of a document (?document=BOARD_POLICY, the default, or SUPERINTENDENT_GUIDELINES), newest first")
    public List<PolicyLibrary.VersionView> list(@QueryParam("document") String document) {
        try {
            return library.list(document == null || document.isBlank() ? PolicyDocument.BOARD_POLICY : PolicyDocument.valueOf(document));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("document", "Unknown document \"" + document + "\": BOARD_POLICY or SUPERINTENDENT_GUIDELINES");
        }
    }

    @GET
    @Operation(summary = "One version, with its full text and the text's SHA-256")
    @Path("{id}")
    public PolicyLibrary.VersionView get(@PathParam("id") Long id) {
        return library.get(id);
    }

    @POST
    @Operation(summary = "Publish a new version (SUPERINTENDENT, SYSTEM_ADMIN)")
    public Response publish(PolicyLibrary.NewVersion body) {
        PolicyLibrary.VersionView v = library.publish(body);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(v.id())).build()).entity(v).build();
    }
}
