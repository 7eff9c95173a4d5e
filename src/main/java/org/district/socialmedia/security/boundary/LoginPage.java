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
import jakarta.servlet.http.HttpSession;
import org.district.socialmedia.security.control.PortalAuthenticationMechanism;

import java.io.IOException;

/** The login form. One message for every failure: it never tells whether the username exists. */
@Named
@RequestScoped
public class LoginPage {

    static final String FAILED = "Sign-in failed: the username or password is not correct, the account is not active, "
            + "or it is locked for a while after repeated failed sign-ins.";

    @Inject
    SecurityContext security;
    @Inject
    FacesContext faces;

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
            String target = "/index.xhtml";
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(PortalAuthenticationMechanism.SESSION_NEXT) instanceof String next) {
                session.removeAttribute(PortalAuthenticationMechanism.SESSION_NEXT);
                target = next;
            }
            external.redirect(external.getRequestContextPath() + target);
            faces.responseComplete();
            return null;
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, FAILED, null));
        return null;
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
