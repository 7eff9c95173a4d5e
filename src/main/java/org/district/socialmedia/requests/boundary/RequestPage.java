package org.district.socialmedia.requests.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.people.boundary.StaffDirectory;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.requests.control.TimelineSentences;
import org.district.socialmedia.requests.entity.CycleEnd;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.district.socialmedia.settings.boundary.DistrictInfo;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request: its lines, the answer and letter, its review cycles and its timeline; withdraw. */
@Named
@ViewScoped
public class RequestPage implements Serializable {


    @Inject
    RequestService service;
    @Inject
    ReviewService review;
    @Inject
    DistrictInfo districtInfo;
    @Inject
    StaffDirectory staff;

    private Long id;
    private RequestView request;
    private List<AuditEntry> timeline;
    private List<RequestService.AuthorizationView> authorizations;
    private String revocationReason;
    private transient TimelineSentences sentences;

    public void load() throws IOException {
        try {
            request = service.get(id);
            timeline = service.timeline(id);
            authorizations = service.authorizationsOf(id);
        } catch (NotFoundException | IllegalArgumentException e) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.responseSendError(404, "Request not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void withdraw() throws IOException {
        try {
            request = service.withdraw(id);
            timeline = service.timeline(id);
            Messages.info("Your request is withdrawn.");
        } catch (IllegalRequestStateException e) {
            Messages.error(e.getMessage());
        }
    }

    /** The Superintendent ends an authorization, with the written reason the employee will see. */
    public void revoke(Long authorizationId) {
        try {
            review.revokeAuthorization(authorizationId, revocationReason);
            Messages.info("The authorization is revoked; the employee sees it and your reason under My authorizations.");
            revocationReason = null;
            authorizations = service.authorizationsOf(id);
            timeline = service.timeline(id);
        } catch (InvalidInputException e) {
            Messages.fieldErrors("revoke", e);
        } catch (IllegalRequestStateException e) {
            Messages.error(e.getMessage());
        }
    }

    /** A timeline entry as a sentence, with names and the District's local time instead of usernames and UTC. */
    public String sentence(AuditEntry entry) {
        if (sentences == null) {
            Map<String, String> names = new HashMap<>();
            sentences = new TimelineSentences(districtInfo.getSettings().timeZone(),
                    username -> names.computeIfAbsent(username, u -> staff.fullNameOf(u).orElse(u)));
        }
        return sentences.sentence(entry);
    }

    /** Why a review period ended, in words. */
    public String cycleEnd(String end) {
        return Labels.of(CycleEnd.class, end);
    }

    public boolean isOwn() {
        return request != null && request.requester().equals(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public RequestView getRequest() { return request; }
    public List<AuditEntry> getTimeline() { return timeline; }
    public List<RequestService.AuthorizationView> getAuthorizations() { return authorizations; }
    public String getRevocationReason() { return revocationReason; }
    public void setRevocationReason(String revocationReason) { this.revocationReason = revocationReason; }
}
