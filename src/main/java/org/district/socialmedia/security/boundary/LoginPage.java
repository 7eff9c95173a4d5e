package org.district.socialmedia.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.district.socialmedia.security.control.OpenIdProvider;
import org.district.socialmedia.security.control.PortalAuthenticationMechanism;

import java.io.IOException;
import java.util.Locale;

/**
 * The login form, and the way to single sign-on when the District has it. One message for every failed
 * password sign-in: it never tells whether the username exists. A single sign-on comes back with a code
 * (SingleSignOnServlet); the provider has already said who the person is, so its messages may say more.
 */
@Named
@RequestScoped
public class LoginPage {

    static final String FAILED = "Sign-in failed: the username or password is not correct, the account is not active, "
            + "or it is locked for a while after repeated failed sign-ins.";

    @Inject
    SecurityContext security;
    @Inject
    FacesContext faces;
    @Inject
    OpenIdProvider provider;

    private String username;
    private String password;

    public void alreadySignedIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (external.getUserPrincipal() != null) {
            external.redirect(external.getRequestContextPath() + "/index.xhtml");
        }
    }

    public String login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, password == null ? "" : password))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + PortalAuthenticationMechanism.takeTargetAfterLogin(request));
            faces.responseComplete();
            return null;
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, FAILED, null));
        return null;
    }

    /** The provider's name for the single sign-on button, or null on a server without single sign-on. */
    public String getSingleSignOnName() {
        return provider.settings().map(OpenIdProvider.Settings::providerName).orElse(null);
    }

    /** What became of a single sign-on that came back here (?sso=...), or null. */
    public String getSingleSignOnMessage() {
        String code = faces.getExternalContext().getRequestParameterMap().get("sso");
        String name = getSingleSignOnName();
        if (code == null || name == null) {
            return null;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "cancelled" -> "Single sign-on was cancelled or refused at " + name + ". You are not signed in.";
            case "personal" -> "That is not a District account: sign in with your District account. District and "
                    + "personal accounts stay separate (board policy).";
            case "unknown" -> "Your District account has no active staff record in this portal. Ask the system "
                    + "administrator to add or reactivate it.";
            case "unavailable" -> name + " cannot be reached right now. Try again in a moment, or sign in with your "
                    + "username and password.";
            default -> "Single sign-on did not complete. Start again; if it keeps failing, tell the system "
                    + "administrator (the audit log records why).";
        };
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
