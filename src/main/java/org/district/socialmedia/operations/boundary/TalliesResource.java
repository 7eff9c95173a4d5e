package org.district.socialmedia.operations.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The operators' recount (SYSTEM_ADMIN): GET lists each tally with what differs from a recount of the rows
 * (changing nothing); POST .../recount rebuilds them, or the one named by {@code ?name=}, audited.
 */
@Tag(name = "Operations")
@Path("operations/tallies")
@Produces(MediaType.APPLICATION_JSON)
public class TalliesResource {

    @Inject
    TallyRecount recount;

    @GET
    @Operation(summary = "Each tally and what differs from a recount of the rows; changes nothing (SYSTEM_ADMIN)")
    public List<TallyRecount.TallyState> check() {
        return recount.check();
    }

    @POST
    @Path("recount")
    @Operation(summary = "Rebuild every tally, or ?name=, from a recount of the rows; answers what changed (SYSTEM_ADMIN, audited)")
    public List<TallyRecount.TallyState> recount(@QueryParam("name") String name) {
        return recount.recount(name);
    }
}
