package org.district.socialmedia.posts.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts about students: recorded (with the consent check) before they are published, their address
 * added later, listed. Field names are a contract: see docs/api.md.
 */
@Tag(name = "Students and consent")
@Path("posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostsResource {

    /** PATCH's body. */
    public record Address(String url) {
    }

    @Inject
    PostService posts;
    @Context
    UriInfo uri;

    /** {"accountId":..,"plannedOn":"YYYY-MM-DD","items":["PHOTO"],"studentIds":[".."]} (or "classId"). */
    @POST
    @Operation(summary = "Record a post about students; the consent check runs for its planned day (the account's operators and District administrators; audited)")
    @APIResponse(responseCode = "201", description = "recorded; Location is its address", content = @Content(schema = @Schema(implementation = PostService.PostView.class)))
    @APIResponse(responseCode = "409", description = "not recorded: \"students\" lists each student not allowed with the reason")
    public Response record(PostService.PostInput body) {
        PostService.Recording recording = posts.record(body);
        if (!recording.recorded()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", 409);
            answer.put("message", recording.refused().size() + " student(s) may not appear in this post: it is not recorded");
            answer.put("checkId", recording.checkId());
            answer.put("students", recording.refused());
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON).entity(answer).build();
        }
        PostService.PostView post = recording.post();
        return Response.created(uri.getBaseUriBuilder().path("posts").path(String.valueOf(post.id())).build()).entity(post).build();
    }

    @GET
    @Operation(summary = "Recorded posts planned between from and to (YYYY-MM-DD, both optional), of one account or all the caller may read")
    public List<PostService.PostView> list(@QueryParam("accountId") Long accountId, @QueryParam("from") String from,
                                           @QueryParam("to") String to) {
        return posts.posts(accountId, day("from", from), day("to", to));
    }

    @GET
    @Operation(summary = "One recorded post (its account's operators and administrators; reviewers, the Superintendent, auditors)")
    @Path("{id}")
    public PostService.PostView get(@PathParam("id") Long id) {
        return posts.get(id);
    }

    /** {"url":"https://..."}: where the post was published (http or https only). */
    @PATCH
    @Operation(summary = "Add or correct the address of a published post (the account's operators and District administrators; audited)")
    @Path("{id}")
    public PostService.PostView patch(@PathParam("id") Long id, Address body) {
        return posts.publishedAt(id, body == null ? null : body.url());
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Enter the day as YYYY-MM-DD");
        }
    }
}
