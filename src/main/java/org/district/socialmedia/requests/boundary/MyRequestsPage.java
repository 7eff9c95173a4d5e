package org.district.socialmedia.requests.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The employee's requests and, on a second page, what they are authorized to do now. */
@Named
@ViewScoped
public class MyRequestsPage implements Serializable {

    @Inject
    RequestService service;

    private List<RequestService.Summary> requests;
    private List<RequestService.AuthorizationView> authorizations;
    /** ?open=true (the home page's link): only requests sent and not yet answered. */
    private boolean open;

    public List<RequestService.Summary> getRequests() {
        if (requests == null) {
            List<String> openStatuses = RequestService.OPEN.stream().map(Enum::name).toList();
            requests = service.mine().stream().filter(r -> !open || openStatuses.contains(r.status())).toList();
        }
        return requests;
    }

    public boolean isOpen() { return open; }
    public void setOpen(boolean open) { this.open = open; }

    public List<RequestService.AuthorizationView> getAuthorizations() {
        if (authorizations == null) {
            authorizations = service.myAuthorizations();
        }
        return authorizations;
    }
}
