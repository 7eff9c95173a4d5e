package org.district.socialmedia.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.district.socialmedia.platform.boundary.SecurityHeadersFilter;
import org.district.socialmedia.platform.boundary.Unavailable;
import org.district.socialmedia.platform.control.DatabaseFailures;
import org.district.socialmedia.platform.control.DatabaseReadiness;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * One mechanism for the whole application:
 * <ul>
 * <li>pages: form login (the login page calls SecurityContext.authenticate with the credential);
 *     the session then holds only the username, and every request re-reads the user's active flag
 *     and roles, so deactivation and role changes take effect at once and sessions stay small and
 *     serializable for a cluster;</li>
 * <li>/api: HTTP Basic on each request, no session; 401 JSON when missing or wrong. A page session
 *     also reads through the API (GET: letters, scans), but never changes anything there.</li>
 * </ul>
 * An anonymous request for a protected page is sent to the login page.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "org.district.socialmedia.username";
    public static final String SESSION_NEXT = "org.district.socialmedia.after-login";
    public static final String LOGIN_PAGE = "/login.xhtml";
    static final String REALM = "District social media";

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    StaffAuthentication staff;
    @Inject
    DistrictSettingsService settings;
    @Inject
    DatabaseReadiness readiness;

    /**
     * Runs before any filter, and needs the database for every signed-in request: while the schema is not
     * ready, or when the database cannot be reached, it answers 503 itself (the API's JSON, or the static
     * page) instead of hanging or failing with an empty 500.
     */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!readiness.isReady()) {
            // health and the error pages are public: served without looking up a caller
            return Unavailable.isExempt(request) ? context.doNothing() : unavailable(request, response);
        }
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            readiness.databaseFailed(e);
            // a public address (health, the directory) is served without a caller; it says itself what is down
            return context.isProtected() ? unavailable(request, response) : context.doNothing();
        }
    }

    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            Unavailable.send(request, response);
        } catch (IOException e) {
            // the client went away
        }
        // the answer is written: the container sends it as it is
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null && !context.isProtected() && isStaticResource(request)) {
            // stylesheets and scripts need no caller: spare the database a lookup per file
            return context.doNothing();
        }
        if (credential != null) {
            return formLogin(request, context, credential);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, response, context);
        }
        HttpSession session = request.getSession(false);
        // the API changes state only with its own authentication: a page session may read through it
        // (letters, scans), never write, so no other site can make a signed-in browser post to it
        boolean sessionMayServe = !isApi(request) || isSafe(request);
        if (sessionMayServe && session != null && session.getAttribute(SESSION_USER) instanceof String username) {
            Optional<Set<String>> roles = staff.activeRoles(username);
            if (roles.isPresent()) {
                return context.notifyContainerAboutLogin(username, roles.get());
            }
            // deactivated or removed since login: the session ends now. Emptied, not invalidated: a session
            // invalidated this early in a request left Weld's conversation context active on the worker thread
            // (WELD-000717, then WELD-000335 on that thread's next request) and the distributable session open,
            // which held up the next undeploy or shutdown for the session manager's full minute
            for (String name : Collections.list(session.getAttributeNames())) {
                session.removeAttribute(name);
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(response, context);
        }
        rememberTarget(request);
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        startSession(request, result.getCallerPrincipal().getName(), settings.current().security().sessionIdle());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The session of a staff member who just signed in, by the form or by single sign-on: a new session
     * id (no session fixation), the idle timeout, and only the username.
     */
    public static void startSession(HttpServletRequest request, String username, java.time.Duration idle) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle.toSeconds()));
        session.setAttribute(SESSION_USER, username);
    }

    /** Where to go after signing in: the page asked for before (once), else the home page. */
    public static String takeTargetAfterLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_NEXT) instanceof String next) {
            session.removeAttribute(SESSION_NEXT);
            return next;
        }
        return "/index.xhtml";
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(response, context);
        }
        CredentialValidationResult result = identityStores.validate(
                new ApiCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, context);
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        SecurityHeadersFilter.apply(context.getRequest(), response);
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":401,\"message\":\"Sign in with a staff username and password (HTTP Basic)\"}");
        } catch (IOException e) {
            // the status alone still tells the client
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    private static boolean isSafe(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static void rememberTarget(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        // only a local page the person asked for (not a favicon or a script), never an open redirect
        boolean page = path.equals("/") || path.endsWith(".xhtml");
        if (page && accept != null && accept.contains("text/html") && path.startsWith("/") && !path.startsWith("//")) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(SESSION_NEXT, query == null ? path : path + "?" + query);
        }
    }
}
