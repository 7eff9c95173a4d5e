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
import org.district.socialmedia.platform.control.HealthProbe;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/health: no login; 200 when the database and the timer service answer, else 503. */
@Tag(name = "Platform")
@Path("health")
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthResource {

    @Inject
    HealthProbe probe;
    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Database and timer service state (no login)")
    @APIResponse(responseCode = "200", description = "up")
    @APIResponse(responseCode = "503", description = "down")
    @SecurityRequirements
    public Response health() {
        String database = probe.database();
        String timers = probe.timerService();
        boolean up = "UP".equals(database) && "UP".equals(timers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", database);
        body.put("timerService", timers);
        body.put("time", clock.instant().toString());
        return Response.status(up ? 200 : 503).entity(body)
                .header("Cache-Control", "no-store").build();
    }
}
