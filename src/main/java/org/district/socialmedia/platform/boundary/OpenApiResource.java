package org.district.socialmedia.platform.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /api/openapi: the API's OpenAPI document, which the build generates from the resources
 * (smallrye-open-api-maven-plugin; the server's default configuration has no MicroProfile OpenAPI).
 * YAML as before; JSON to a client that asks for it first. No login: integrators read it first.
 */
@Tag(name = "Platform")
@Path("openapi")
public class OpenApiResource {

    static final String YAML = "/api/openapi.yaml";
    static final String JSON = "/api/openapi.json";

    @GET
    @Produces({"application/yaml", "text/plain", MediaType.APPLICATION_JSON})
    @Operation(summary = "This document, YAML or (asked for) JSON (no login)")
    @SecurityRequirements
    public Response document(@Context HttpHeaders headers) {
        boolean json = prefersJson(headers);
        try (InputStream in = getClass().getResourceAsStream(json ? JSON : YAML)) {
            if (in == null) {
                throw new IllegalStateException("the build writes " + YAML + " and " + JSON + " (smallrye-open-api-maven-plugin)");
            }
            return Response.ok(in.readAllBytes())
                    .type(json ? "application/json; charset=UTF-8" : "application/yaml; charset=UTF-8").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON when the first type the client accepts (by preference) is JSON; YAML for anything else, wildcards too. */
    static boolean prefersJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            if (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return true;
            }
            if (type.getSubtype().contains("yaml") || "text".equals(type.getType())) {
                return false;
            }
        }
        return false;
    }
}
