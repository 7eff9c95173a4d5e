package org.district.socialmedia.audit.control;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.district.socialmedia.audit.entity.AuditEntry;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the remote address of each request available to the audit log, and records every refused
 * request (403 from a page's or an endpoint's role check, or a service refusing the caller), whoever
 * refused it, with the method and path.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestAuditFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestAuditFilter.class.getName());

    @Inject
    AuditLog audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ClientAddress.set(request.getRemoteAddr());
        boolean recorded = false;
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (refusal(e)) {
                recorded = denied(request);
            }
            throw e;
        } finally {
            if (!recorded && response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
                denied(request);
            }
            ClientAddress.clear();
        }
    }

    private static boolean refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    private boolean denied(HttpServletRequest request) {
        try {
            audit.recordSeparately(null, "ACCESS_DENIED", "Request", null, AuditEntry.Outcome.DENIED,
                    request.getMethod() + " " + request.getRequestURI());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A refused request could not be audited", e);
            return false;
        }
    }
}
