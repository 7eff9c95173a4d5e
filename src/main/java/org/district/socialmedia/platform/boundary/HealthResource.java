package org.district.socialmedia.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.platform.control.Degradations;
import org.district.socialmedia.platform.control.HealthProbe;
import org.district.socialmedia.platform.entity.HealthStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/health: no login. 503 DOWN, with the reason and Retry-After, when the database or the timer
 * service does not answer or the schema is not migrated; else 200, UP, or DEGRADED with the reasons (mail
 * failing, a sweep stopped, the audit chain; docs/operations.md).
 */
@Tag(name = "Platform")
@Path("health")
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthResource {

    @Inject
    HealthProbe probe;
    @Inject
    Degradations degradations;
    @Inject
    Clock clock;
    @Inject
    DatabaseReadiness readiness;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Database, schema and timer service state, with the reason when down (no login)")
    @APIResponse(responseCode = "200", description = "up, or degraded with the reasons")
    @APIResponse(responseCode = "503", description = "down")
    @SecurityRequirements
    public Response health() {
        HealthProbe.Check database = probe.databaseCheck();
        String timers = probe.timerService();
        String schema = readiness.isReady() ? "UP" : readiness.isSchemaTooNew() ? "TOO_NEW" : "NOT_READY";
        boolean partsUp = "UP".equals(database.state()) && "UP".equals(timers) && "UP".equals(schema);
        List<String> reasons = partsUp ? degradations.reasons() : List.of();
        HealthStatus status = partsUp ? HealthStatus.of(database.state(), timers, reasons) : HealthStatus.DOWN;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.name());
        body.put("database", database.state());
        body.put("timerService", timers);
        body.put("schema", schema);
        if (status == HealthStatus.DOWN) {
            // the database's own answer first: it is what the operator fixes
            body.put("reason", database.reason() != null ? database.reason()
                    : readiness.reason() != null ? readiness.reason() : "the timer service is down");
        }
        body.put("time", clock.instant().toString());
        body.put("reasons", reasons);
        Response.ResponseBuilder answer = Response.status(status.httpStatus()).entity(body).header("Cache-Control", "no-store");
        return status != HealthStatus.DOWN ? answer.build() : answer.header("Retry-After", DatabaseReadiness.RETRY_AFTER_SECONDS).build();
    }
}
