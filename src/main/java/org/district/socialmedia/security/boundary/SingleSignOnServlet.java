package org.district.socialmedia.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry.Outcome;
import org.district.socialmedia.security.control.IdTokenValidation.Identity;
import org.district.socialmedia.security.control.IdTokenValidation.InvalidToken;
import org.district.socialmedia.security.control.OpenIdProvider;
import org.district.socialmedia.security.control.OpenIdProvider.Settings;
import org.district.socialmedia.security.control.OpenIdProvider.Unreachable;
import org.district.socialmedia.security.control.PortalAuthenticationMechanism;
import org.district.socialmedia.security.control.StaffAuthentication;
import org.district.socialmedia.security.control.StaffAuthentication.SingleSignOn;
import org.district.socialmedia.security.entity.SignInAttempt;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Single sign-on with the District's OpenID Connect provider (authorization code flow with PKCE):
 * {@value #START} sends the browser to the provider, {@value #CALLBACK} takes its answer, has OpenIdProvider
 * exchange the code and check the ID token (the Nimbus OpenID Connect SDK does both) and signs the staff
 * member with that District address in, exactly as the login form does (new session id, the username in
 * the session, the idle timeout). Every refusal is audited with its reason
 * and sends the browser back to the login page with a short code (LoginPage words it); the password
 * form stays. Both answer 404 on a server without configure-single-sign-on.cli.
 */
@WebServlet(urlPatterns = {SingleSignOnServlet.START, SingleSignOnServlet.CALLBACK})
public class SingleSignOnServlet extends HttpServlet {

    public static final String START = "/auth/oidc/login";
    public static final String CALLBACK = "/auth/oidc/callback";
    static final String ATTEMPT = "org.district.socialmedia.sign-in-attempt";

    /** The login page's codes (?sso=...). */
    enum Failure { CANCELLED, PERSONAL, UNKNOWN, FAILED, UNAVAILABLE }

    private final SecureRandom random = new SecureRandom();

    @Inject
    OpenIdProvider provider;
    @Inject
    StaffAuthentication staff;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Settings> configured = provider.settings();
        if (configured.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (START.equals(request.getServletPath())) {
            start(configured.get(), request, response);
        } else {
            callback(configured.get(), request, response);
        }
    }

    private void start(Settings sso, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(request.getContextPath() + "/index.xhtml");
            return;
        }
        OpenIdProvider.Endpoints endpoints;
        try {
            endpoints = provider.endpoints(sso);
        } catch (Unreachable e) {
            refuse(request, response, Failure.UNAVAILABLE, e.getMessage());
            return;
        }
        SignInAttempt attempt = SignInAttempt.start(random, clock.instant());
        request.getSession(true).setAttribute(ATTEMPT, attempt);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", sso.clientId());
        query.put("redirect_uri", redirectUri(request));
        query.put("scope", "openid email profile");
        query.put("state", attempt.state());
        query.put("nonce", attempt.nonce());
        query.put("code_challenge", attempt.codeChallenge());
        query.put("code_challenge_method", "S256");
        String authorization = endpoints.authorization().toString();
        response.sendRedirect(authorization + (authorization.contains("?") ? "&" : "?") + OpenIdProvider.formBody(query));
    }

    private void callback(Settings sso, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        SignInAttempt attempt = session == null ? null : (SignInAttempt) session.getAttribute(ATTEMPT);
        if (session != null) {
            // good once: a replayed answer finds nothing
            session.removeAttribute(ATTEMPT);
        }
        String error = request.getParameter("error");
        if (attempt == null || !attempt.answeredBy(request.getParameter("state"), clock.instant())) {
            refuse(request, response, Failure.FAILED, attempt == null
                    ? "an answer from the provider without a sign-in started in this browser"
                    : "the provider's answer does not carry this sign-in's state, or came too late");
            return;
        }
        if (error != null) {
            refuse(request, response, Failure.CANCELLED, "the provider answered " + limit(error)
                    + Optional.ofNullable(request.getParameter("error_description")).map(d -> ": " + limit(d)).orElse(""));
            return;
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank()) {
            refuse(request, response, Failure.FAILED, "the provider's answer has no code");
            return;
        }
        Identity identity;
        try {
            identity = provider.signIn(sso, code, attempt.codeVerifier(), redirectUri(request), attempt.nonce());
        } catch (Unreachable e) {
            refuse(request, response, Failure.UNAVAILABLE, e.getMessage());
            return;
        } catch (InvalidToken e) {
            refuse(request, response, Failure.FAILED, "ID token refused: " + e.getMessage());
            return;
        }
        SingleSignOn result = staff.singleSignOn(identity.email(), identity.issuer(), identity.subject());
        if (result.username() == null) {
            redirectToLogin(request, response, result.refusal() == StaffAuthentication.SingleSignOnRefusal.PERSONAL_ADDRESS
                    ? Failure.PERSONAL : Failure.UNKNOWN);
            return;
        }
        PortalAuthenticationMechanism.startSession(request, result.username(), settings.current().security().sessionIdle());
        response.sendRedirect(request.getContextPath() + PortalAuthenticationMechanism.takeTargetAfterLogin(request));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Failure failure, String reason)
            throws IOException {
        audit.recordSeparately(null, "LOGIN", "StaffUser", null, Outcome.DENIED, "single sign-on: " + reason);
        redirectToLogin(request, response, failure);
    }

    private static void redirectToLogin(HttpServletRequest request, HttpServletResponse response, Failure failure) throws IOException {
        response.sendRedirect(request.getContextPath() + PortalAuthenticationMechanism.LOGIN_PAGE + "?sso=" + failure.name().toLowerCase());
    }

    /** The address the provider has registered for this portal: the District's public address when set. */
    private String redirectUri(HttpServletRequest request) {
        String base = settings.current().publicBaseUrl();
        if (base == null || base.isBlank()) {
            String port = (request.getScheme().equals("https") && request.getServerPort() == 443)
                    || (request.getScheme().equals("http") && request.getServerPort() == 80) ? "" : ":" + request.getServerPort();
            base = request.getScheme() + "://" + request.getServerName() + port + request.getContextPath();
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK;
    }

    private static String limit(String providerText) {
        // the provider's words go into the audit log: keep them short and on one line
        String line = providerText.replaceAll("[\\r\\n\\t]", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
