package org.district.socialmedia.platform.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /api/openapi: the API's OpenAPI 3 document, written by hand beside the resources (the server's
 * default configuration has no MicroProfile OpenAPI). No login: integrators read it first.
 */
@Path("openapi")
public class OpenApiResource {

    @GET
    @Produces({"application/yaml", "text/plain"})
    public Response document() {
        try (InputStream in = getClass().getResourceAsStream("/api/openapi.yaml")) {
            return Response.ok(in.readAllBytes()).type("application/yaml; charset=UTF-8").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
