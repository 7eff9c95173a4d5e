package org.district.socialmedia.oversight.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.ConsentCoverage;
import org.district.socialmedia.oversight.entity.RequestFigures;
import org.district.socialmedia.oversight.entity.TakedownFigures;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The oversight figures for the District's own BI tools: the same as the dashboard's. Dates are the
 * District's (from and to both included); unit is a school or department, by id or code. Field names are a
 * contract: see docs/api.md.
 */
@Tag(name = "Oversight reports")
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    OversightReports reports;

    @GET
    @Path("requests")
    @Operation(summary = "Written responses in a period: on-time rate, median and 90th-percentile hours, per month and reviewer")
    public RequestFigures requests(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("unit") String unit) {
        return reports.requests(from, to, unit);
    }

    @GET
    @Path("consent-coverage")
    @Operation(summary = "Today's share of enrolled students with consent for each item, per school and class",
            description = "For the District, size school rows (1 to 1000, 100 by default) from the first (0 on) in name order;"
                    + " schoolsTotal says how many there are. A school's answer holds its row and all its classes.")
    public ConsentCoverage consentCoverage(@QueryParam("unit") String unit, @QueryParam("item") String item,
                                           @QueryParam("first") @DefaultValue("0") int first,
                                           @QueryParam("size") @DefaultValue("100") int size) {
        return reports.consentCoverage(unit, item, first, size);
    }

    @GET
    @Path("accounts")
    @Operation(summary = "Compliance per school, accounts by number of administrators, rights ending soon, overdue attestations",
            description = "overdueAttestations: rights in force an access review flagged and nobody confirmed, plus accounts in use"
                    + " whose yearly checklist is overdue (CHECKLIST_OVERDUE). For the District, size rows of compliance (1 to 1000,"
                    + " 100 by default) from the first (0 on) in name order; unitsTotal says how many there are. A school's answer is whole.")
    public AccountFigures accounts(@QueryParam("unit") String unit, @QueryParam("first") @DefaultValue("0") int first,
                                   @QueryParam("size") @DefaultValue("100") int size) {
        return reports.accounts(unit, first, size);
    }

    @GET
    @Path("takedowns")
    @Operation(summary = "Takedowns open now, done in a period, and the median and 90th-percentile hours they took")
    public TakedownFigures takedowns(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("unit") String unit) {
        return reports.takedowns(from, to, unit);
    }

    @GET
    @Path("board-report")
    @Produces("application/pdf")
    @Operation(summary = "The Board report (PDF) of a past month, ?month=2026-11, last month without it (audited)")
    public Response boardReport(@QueryParam("month") String month) {
        OversightReports.Pdf pdf = reports.boardReport(month);
        return Response.ok(pdf.content(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
