package org.district.socialmedia.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The security headers of every response, error pages included: no framing by other sites, no MIME
 * sniffing, no full URL in the Referer sent elsewhere, HTTPS remembered (HSTS) when the request came
 * over HTTPS. Pages get their Content-Security-Policy from PrimeFaces (with a nonce, web.xml); every
 * other response (API answers, files, resources) gets one that allows nothing to run or load.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String NOTHING_RUNS = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** Also for the answers the authentication mechanism gives before any filter runs (401). */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (isStaticErrorPage(request)) {
            // the error pages that need no database (Unavailable): their stylesheet may load, nothing runs
            response.setHeader("Content-Security-Policy", Unavailable.STATIC_PAGE_POLICY);
        } else if (!isPage(request) && !response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", NOTHING_RUNS);
        }
    }

    private static boolean isStaticErrorPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/error/") && path.endsWith(".html");
    }

    /** A Faces page (PrimeFaces writes its policy): the root, which shows the home page, or an .xhtml view. */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/");
    }
}
