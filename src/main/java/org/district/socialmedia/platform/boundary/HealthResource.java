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
 * GET /api/health: no login. 503 DOWN when the database or the timer service does not answer; else 200,
 * UP, or DEGRADED with the reasons (mail failing, a sweep stopped, the audit chain; docs/operations.md).
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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Database and timer service state (no login)")
    @APIResponse(responseCode = "200", description = "up, or degraded with the reasons")
    @APIResponse(responseCode = "503", description = "down")
    @SecurityRequirements
    public Response health() {
        String database = probe.database();
        String timers = probe.timerService();
        List<String> reasons = HealthStatus.of(database, timers, List.of()) == HealthStatus.DOWN ? List.of() : degradations.reasons();
        HealthStatus status = HealthStatus.of(database, timers, reasons);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.name());
        body.put("database", database);
        body.put("timerService", timers);
        body.put("time", clock.instant().toString());
        body.put("reasons", reasons);
        return Response.status(status.httpStatus()).entity(body)
                .header("Cache-Control", "no-store").build();
    }
}
