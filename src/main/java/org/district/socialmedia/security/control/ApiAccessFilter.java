package org.district.socialmedia.security.control;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's door: before an endpoint reads its body, the caller must hold one of the roles its row of
 * the access table names (403 otherwise, as for a page). An endpoint without a row is refused: a new
 * endpoint is closed until the table says who may use it. The services check again, with what only they
 * know (a designation in force, the caller's school, records in reach).
 */
@Provider
public class ApiAccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        AccessTable.Rule rule = AccessTable.forEndpoint(resource.getResourceClass(), resource.getResourceMethod());
        if (rule == null) {
            refuse(request, "This endpoint has no access rule");
            return;
        }
        SecurityContext caller = request.getSecurityContext();
        if (rule.access() == AccessTable.Access.ROLES && rule.roles().stream().noneMatch(r -> caller.isUserInRole(r.name()))) {
            refuse(request, "You are not allowed to do this");
        }
    }

    private static void refuse(ContainerRequestContext request, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 403);
        body.put("message", message);
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON).entity(body).build());
    }
}
