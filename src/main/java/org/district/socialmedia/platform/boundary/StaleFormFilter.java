package org.district.socialmedia.platform.boundary;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A form posted from a page whose state the server no longer has (the session ended, the server
 * restarted, or the form was forged) or whose CSP nonce does not match: the page is opened afresh
 * (303 to the same address) instead of an error. The person sees the page again and can redo the
 * step; nothing from the stale form is applied.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class StaleFormFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException e) {
            if (!stale(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            SecurityHeadersFilter.apply(request, response);
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            // the request's own path, on this server: never a redirect elsewhere
            response.setHeader("Location", request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }

    private static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException || "org.primefaces.csp.CspException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
