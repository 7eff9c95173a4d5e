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

    public List<RequestService.Summary> getRequests() {
        if (requests == null) {
            requests = service.mine();
        }
        return requests;
    }

    public List<RequestService.AuthorizationView> getAuthorizations() {
        if (authorizations == null) {
            authorizations = service.myAuthorizations();
        }
        return authorizations;
    }
}
