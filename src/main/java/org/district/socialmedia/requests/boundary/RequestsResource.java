package org.district.socialmedia.requests.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.requests.entity.DecisionLetter;
import org.district.socialmedia.requests.entity.LineDecision;
import org.district.socialmedia.requests.entity.LineOutcome;
import org.district.socialmedia.platform.control.Matches;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The requests API: the same rules as the pages (the services check them). Field names are a
 * contract: see docs/api.md.
 */
@Tag(name = "Requests and review")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestsResource {

    public record NewRequest(List<LineInput> lines) {
    }

    public record InfoResponse(String answer, List<LineInput> lines) {
    }

    public record LineDecisionInput(Long lineId, String outcome, String limits, String explanation) {
    }

    /**
     * Either per-line decisions or a question; version (optional) is the request version the reviewer saw;
     * endsOn (optional, YYYY-MM-DD) the last day of what is authorized, AUTHORIZATION_TERM by default.
     */
    public record DecisionInput(List<LineDecisionInput> lines, String question, String note, Long version, String endsOn) {
    }

    public record Revocation(String reason) {
    }

    @Inject
    RequestService requests;
    @Inject
    ReviewService review;
    @Inject
    AuthorizationRenewals renewals;
    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Create and submit a request (EMPLOYEE)")
    @Path("requests")
    @APIResponse(responseCode = "201", description = "submitted; Location is its address", content = @Content(schema = @Schema(implementation = RequestView.class)))
    public Response create(NewRequest body) {
        // the service checks the role first (403), then the content (400)
        RequestView created = requests.createAndSubmit(body == null ? null : body.lines());
        return Response.created(uri.getBaseUriBuilder().path("requests").path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "One request (owner, reviewers, auditors)")
    @Path("requests/{id}")
    public RequestView get(@PathParam("id") Long id) {
        return requests.get(id);
    }

    public record TimelineEntry(java.time.Instant at, String actor, String action, String details) {
    }

    /** The request's audit timeline, oldest first: every change, escalation stage and download. */
    @GET
    @Operation(summary = "The request's audit timeline, oldest first (owner, reviewers, auditors)")
    @Path("requests/{id}/timeline")
    public List<TimelineEntry> timeline(@PathParam("id") Long id) {
        return requests.timeline(id).stream()
                .map(e -> new TimelineEntry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getDetails())).toList();
    }

    @POST
    @Operation(summary = "The employee answers a request for information (a new full review period starts)")
    @Path("requests/{id}/info-response")
    public RequestView answer(@PathParam("id") Long id, InfoResponse body) {
        if (body == null) {
            throw new InvalidInputException("answer", "Enter your answer to the reviewer's question");
        }
        return requests.answer(id, body.answer(), body.lines());
    }

    @POST
    @Operation(summary = "The employee withdraws an undecided request")
    @Path("requests/{id}/withdrawal")
    public RequestView withdraw(@PathParam("id") Long id) {
        return requests.withdraw(id);
    }

    @POST
    @Operation(summary = "The written response (Superintendent or designee in force), or a question")
    @Path("requests/{id}/decision")
    public RequestView decide(@PathParam("id") Long id, DecisionInput body) {
        if (body == null || (body.question() == null && (body.lines() == null || body.lines().isEmpty()))) {
            throw new InvalidInputException("lines", "Send a decision for each line, or a question");
        }
        if (body.question() != null) {
            if (body.lines() != null && !body.lines().isEmpty()) {
                throw new InvalidInputException("question", "Send either line decisions or a question, not both");
            }
            return review.requestInformation(id, body.version(), body.question());
        }
        Map<Long, LineDecision> decisions = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < body.lines().size(); i++) {
            LineDecisionInput line = body.lines().get(i);
            if (line == null || line.lineId() == null) {
                errors.put("lines[" + i + "].lineId", "Name the line (lineId) this decision is for");
                continue;
            }
            LineOutcome outcome;
            try {
                outcome = LineOutcome.valueOf(line.outcome() == null ? "" : line.outcome().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("lines[" + i + "].outcome", "The outcome is AUTHORIZE, REJECT or AMEND");
                continue;
            }
            decisions.put(line.lineId(), new LineDecision(outcome, line.limits(), line.explanation()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return review.decide(id, body.version(), decisions, body.note(), date("endsOn", body.endsOn()));
    }

    @GET
    @Operation(summary = "The written response as sent (owner, reviewers, auditors)")
    @Path("requests/{id}/letter")
    @Produces("application/pdf")
    public Response letter(@PathParam("id") Long id) {
        DecisionLetter letter = requests.letter(id);
        return Response.ok(letter.getPdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + letter.getReference() + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** The reviewer's queue, soonest deadline first: filter DUE_SOON, OVERDUE, WAITING_FOR_EMPLOYEE or ALL. */
    @GET
    @Operation(summary = "Undecided requests, soonest deadline first (Superintendent or designee)")
    @Path("review/queue")
    public Map<String, Object> queue(@QueryParam("filter") @DefaultValue("ALL") String filter,
                                     @QueryParam("first") @DefaultValue("0") int first,
                                     @QueryParam("size") @DefaultValue("25") int size) {
        ReviewService.QueueFilter parsed;
        try {
            parsed = ReviewService.QueueFilter.valueOf(filter.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("filter", "The filter is DUE_SOON, OVERDUE, WAITING_FOR_EMPLOYEE or ALL");
        }
        if (first < 0 || size < 1 || size > ReviewService.PAGE_MAX) {
            throw new InvalidInputException("size", "first is 0 or more; size is 1 to " + ReviewService.PAGE_MAX);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        Matches total = review.count(parsed);
        page.put("total", total.count());
        page.put("totalExact", !total.more());
        page.put("first", first);
        page.put("rows", review.queue(parsed, first, size));
        return page;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a date such as 2027-06-30");
        }
    }

    @GET
    @Operation(summary = "What the caller may do now, and what was revoked")
    @Path("me/authorizations")
    public List<RequestService.AuthorizationView> myAuthorizations() {
        return requests.myAuthorizations();
    }

    @POST
    @Operation(summary = "The holder requests the renewal of their authorization: a request filled in from it, submitted")
    @Path("authorizations/{id}/renewal")
    @APIResponse(responseCode = "201", description = "submitted; Location is the new request", content = @Content(schema = @Schema(implementation = RequestView.class)))
    public Response renew(@PathParam("id") Long id) {
        RequestView created = renewals.renew(id);
        return Response.created(uri.getBaseUriBuilder().path("requests").path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Operation(summary = "The Superintendent revokes an authorization with a written reason")
    @Path("authorizations/{id}/revocation")
    @APIResponse(responseCode = "204", description = "revoked")
    public Response revoke(@PathParam("id") Long id, Revocation body) {
        review.revokeAuthorization(id, body == null ? null : body.reason());
        return Response.noContent().build();
    }
}
