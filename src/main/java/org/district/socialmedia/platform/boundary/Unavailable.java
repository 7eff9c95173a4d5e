package org.district.socialmedia.platform.boundary;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.district.socialmedia.platform.control.DatabaseReadiness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The 503 answer while the database cannot be reached or the schema is not ready: the API's JSON error
 * (docs/api.md) with Retry-After, and for pages the static page /error/unavailable.html, read from the
 * WAR and written as it is, so that nothing in it needs the database, Faces or a session.
 */
public final class Unavailable {

    static final String PAGE = "/error/unavailable.html";
    static final String MESSAGE = "The service is unavailable for a moment (the database cannot be reached); try again shortly";
    /** The static error pages' policy: their stylesheet, nothing that runs. */
    static final String STATIC_PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static volatile byte[] page;

    private Unavailable() {
    }

    /** Requests served even while not ready: the health check, the error pages and the static files they use. */
    public static boolean isExempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/health") || path.startsWith("/error/") || path.startsWith("/resources/");
    }

    /** Writes the 503 answer, unless the response is already on its way (then the client sees a broken answer anyway). */
    public static void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        SecurityHeadersFilter.apply(request, response);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(DatabaseReadiness.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/api")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":503,\"message\":\"" + MESSAGE + "\"}");
            // closed, so the answer is complete: after the authentication mechanism, the container would
            // otherwise replace it with its own bodiless error page for the status
            response.getWriter().close();
        } else {
            response.setHeader("Content-Security-Policy", STATIC_PAGE_POLICY);
            response.setContentType("text/html");
            byte[] body = page(request.getServletContext());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.getOutputStream().close();
        }
    }

    private static byte[] page(ServletContext context) throws IOException {
        byte[] cached = page;
        if (cached == null) {
            try (InputStream in = context.getResourceAsStream(PAGE)) {
                cached = in == null ? ("<!DOCTYPE html><title>Unavailable</title><p>" + MESSAGE + "</p>").getBytes(StandardCharsets.UTF_8)
                        : in.readAllBytes();
            }
            page = cached;
        }
        return cached;
    }
}
