package org.district.socialmedia.audit.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.socialmedia.audit.control.AuditChain;
import org.district.socialmedia.audit.control.AuditFilter;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The audit log for auditors' scripts: search (newest first, paged), CSV export (audited) and the
 * verification of the hash chain.
 */
@Tag(name = "Audit log")
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    /**
     * {"total":..,"totalExact":..,"first":..,"rows":[..]}; actor is a username, from and to are District
     * days (YYYY-MM-DD, both included), outcome DONE, DENIED or FAILED.
     */
    @GET
    @Operation(summary = "The audit log, newest first (AUDITOR, SYSTEM_ADMIN)")
    public Map<String, Object> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                      @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("outcome") String outcome,
                                      @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        AuditFilter filter = filter(actor, action, objectType, objectId, from, to, outcome);
        Matches total = audit.count(filter);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", total.count());
        page.put("totalExact", !total.more());
        page.put("first", first);
        page.put("rows", audit.page(filter, first, size));
        return page;
    }

    /** The same rows as CSV (at most AuditService.EXPORT_MAX, newest first); the export is itself audited. */
    @GET
    @Operation(summary = "The same rows as CSV, at most 100,000, newest first (AUDITOR, SYSTEM_ADMIN; the export is audited)")
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("outcome") String outcome) {
        StringWriter csv = new StringWriter();
        audit.export(filter(actor, action, objectType, objectId, from, to, outcome), csv);
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /** {"valid":true|false,"checkedRows":..,"firstBrokenRow":..,"firstBrokenEntryId":..,"reason":..,"unsealedRows":..}. */
    @GET
    @Operation(summary = "Seal what is queued, then verify the whole hash chain (AUDITOR, SYSTEM_ADMIN; audited)")
    @Path("verification")
    public Map<String, Object> verification() {
        AuditChain.Verification v = audit.verify();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", v.valid());
        answer.put("checkedRows", v.checkedRows());
        answer.put("firstBrokenRow", v.firstBrokenRow());
        answer.put("firstBrokenEntryId", v.firstBrokenEntryId());
        answer.put("reason", v.reason());
        answer.put("unsealedRows", v.unsealedRows());
        answer.put("verifiedAt", v.verifiedAt());
        return answer;
    }

    static AuditFilter filter(String actor, String action, String objectType, String objectId, String from, String to,
                              String outcome) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        AuditEntry.Outcome parsedOutcome = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                parsedOutcome = AuditEntry.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("outcome", "Use DONE, DENIED or FAILED");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditFilter(actor, action, objectType, objectId, fromDay, toDay, parsedOutcome);
    }

    private static LocalDate day(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Use a date as YYYY-MM-DD");
            return null;
        }
    }
}
