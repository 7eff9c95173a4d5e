package org.district.socialmedia.acknowledgements.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.district.socialmedia.acknowledgements.entity.AckChannel;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Policy acknowledgements: the caller's own, and the coverage report. Field names are a contract: see docs/api.md. Under the
 *  "Policy" tag: a tag heading with the word "acknowledgements" is wider than a 320 px screen (ReflowIT). */
@Tag(name = "Policy")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AcknowledgementsResource {

    public record AckInput(Long versionId, String token) {
    }

    public record CampaignInput(Long versionId, String reason) {
    }

    @Inject
    AcknowledgementService acknowledgements;
    @Inject
    CoverageService coverage;

    @GET
    @Operation(summary = "What the caller owes and has acknowledged")
    @Path("me/acknowledgements")
    public List<AcknowledgementService.Mine> mine() {
        return acknowledgements.mine();
    }

    @POST
    @Operation(summary = "Acknowledge the policy version in force ({\"versionId\":..}), or through an email's personal link ({\"token\":..})")
    @Path("me/acknowledgements")
    public List<AcknowledgementService.Mine> acknowledge(AckInput body) {
        if (body != null && body.token() != null) {
            return acknowledgements.acknowledgeByLink(body.token());
        }
        return acknowledgements.acknowledge(body == null ? null : body.versionId(), AckChannel.API);
    }

    @GET
    @Operation(summary = "Coverage of the latest campaign (or ?campaign=) per school and department; ?unit= lists who is outstanding there")
    @Path("acknowledgements/coverage")
    public CoverageService.Coverage coverage(@QueryParam("unit") Long unit, @QueryParam("campaign") Long campaign,
                                             @QueryParam("first") @DefaultValue("0") int first,
                                             @QueryParam("max") @DefaultValue("" + CoverageService.PAGE_MAX) int max) {
        CoverageService.Coverage result = coverage.coverage(campaign, unit, first, max);
        if (result == null) {
            throw new NotFoundException("acknowledgement campaign");
        }
        return result;
    }

    @GET
    @Operation(summary = "The coverage as CSV: everybody of the campaign (or of ?unit=)")
    @Path("acknowledgements/coverage.csv")
    @Produces("text/csv")
    public Response coverageCsv(@QueryParam("unit") Long unit, @QueryParam("campaign") Long campaign) {
        Long campaignId = coverage.campaignOf(campaign).id();
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            coverage.export(campaignId, unit, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"acknowledgements.csv\"")
                .header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Operation(summary = "Start a campaign by hand for a version in force (SUPERINTENDENT, SYSTEM_ADMIN)")
    @Path("acknowledgements/campaigns")
    public Response start(CampaignInput body) {
        Long id = acknowledgements.startCampaign(body == null ? null : body.versionId(), body == null ? null : body.reason());
        return Response.status(Response.Status.CREATED).entity(Map.of("id", id)).build();
    }

    @POST
    @Operation(summary = "End a campaign early (SUPERINTENDENT, SYSTEM_ADMIN)")
    @Path("acknowledgements/campaigns/{id}/closing")
    public Response close(@PathParam("id") Long id) {
        acknowledgements.closeCampaign(id);
        return Response.noContent().build();
    }
}
