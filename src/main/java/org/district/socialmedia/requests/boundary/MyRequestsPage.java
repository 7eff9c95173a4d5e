package org.district.socialmedia.requests.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.settings.boundary.DistrictInfo;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The employee's requests and, on a second page, what they are authorized to do now. */
@Named
@ViewScoped
public class MyRequestsPage implements Serializable {

    @Inject
    RequestService service;
    @Inject
    DistrictInfo district;

    private List<RequestService.Summary> requests;
    private List<RequestService.AuthorizationView> authorizations;
    private String zone;

    @PostConstruct
    void load() {
        zone = district.getTimeZone();
    }

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

    public String shown(Instant instant) {
        return instant == null ? "" : instant.atZone(ZoneId.of(zone)).format(RequestPage.SHOWN);
    }
}
