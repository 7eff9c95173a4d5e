package org.district.socialmedia.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.district.socialmedia.platform.control.DatabaseFailures;
import org.district.socialmedia.platform.control.DatabaseReadiness;

import java.io.IOException;

/**
 * Pages and the API while the database is away: 503 at once while the schema is not ready (not 500, not
 * wrong data), and 503 for any request that failed because the database could not be reached, with the
 * static page or the JSON error ({@link Unavailable}) instead of an error page that itself needs the
 * database. Such failures are logged once a minute with a count (DatabaseReadiness), not per request.
 * Requests that the authentication mechanism answers itself never get here: it does the same.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnavailableFilter extends HttpFilter {

    @Inject
    DatabaseReadiness readiness;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!readiness.isReady() && !Unavailable.isExempt(request)) {
            Unavailable.send(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            readiness.databaseFailed(e);
            Unavailable.send(request, response);
        }
    }
}
