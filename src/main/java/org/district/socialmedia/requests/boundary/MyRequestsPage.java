package org.district.socialmedia.requests.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.StateConflictException;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** The employee's requests and, on a second page, what they are authorized to do now. */
@Named
@ViewScoped
public class MyRequestsPage implements Serializable {

    @Inject
    RequestService service;
    @Inject
    AuthorizationRenewals renewals;

    private List<RequestService.Summary> requests;
    private List<RequestService.AuthorizationView> authorizations;
    /** ?open=true (the home page's link): only requests sent and not yet answered. */
    private boolean open;
    /** ?endingSoon=true (the home page's link): only active authorizations ending within 30 days. */
    private boolean endingSoon;

    public List<RequestService.Summary> getRequests() {
        if (requests == null) {
            List<String> openStatuses = RequestService.OPEN.stream().map(Enum::name).toList();
            requests = service.mine().stream().filter(r -> !open || openStatuses.contains(r.status())).toList();
        }
        return requests;
    }

    public boolean isOpen() { return open; }
    public boolean isEndingSoon() { return endingSoon; }
    public void setEndingSoon(boolean endingSoon) { this.endingSoon = endingSoon; }
    public void setOpen(boolean open) { this.open = open; }

    /** Files the renewal of one of the caller's authorizations and shows the new request. */
    public void renew(Long authorizationId) throws IOException {
        try {
            RequestView created = renewals.renew(authorizationId);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().put("notice", "Your renewal request was submitted. The Superintendent answers it within the usual review period.");
            external.redirect(external.getRequestContextPath() + "/requests/view.xhtml?id=" + created.id());
        } catch (InvalidInputException e) {
            // the authorization names a platform or an address the District no longer accepts: the form shows why
            Messages.error("The renewal could not be filled in from this authorization: "
                    + String.join(" ", e.getFieldErrors().values()) + " File a new request instead.");
        } catch (ConflictException | StateConflictException | NotFoundException | EJBAccessException e) {
            Messages.error(e.getMessage());
        }
        authorizations = null;
    }

    public List<RequestService.AuthorizationView> getAuthorizations() {
        if (authorizations == null) {
            authorizations = endingSoon ? service.myAuthorizationsEndingSoon() : service.myAuthorizations();
        }
        return authorizations;
    }
}
