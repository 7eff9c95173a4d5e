package org.district.socialmedia.acknowledgements.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.acknowledgements.entity.AckChannel;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.policy.entity.PolicyVersion;
import org.district.socialmedia.security.boundary.CurrentUser;

/**
 * The banner on every portal page while the signed-in staff member owes an acknowledgement: one indexed query per
 * page, only for signed-in users. Its button acknowledges the version it names and links to.
 */
@Named
@RequestScoped
public class AckBanner {

    @Inject
    CurrentUser currentUser;
    @Inject
    AcknowledgementService acknowledgements;
    @Inject
    PolicyLibrary policies;

    private boolean looked;
    private AcknowledgementService.Pending pending;
    private PolicyVersion version;

    public boolean isShown() {
        if (!looked) {
            looked = true;
            try {
                pending = currentUser.isSignedIn() ? acknowledgements.pending(currentUser.getUsername()) : null;
            } catch (RuntimeException databaseDown) {
                // the banner never stands in the way of a page (the unavailable page included)
                pending = null;
            }
        }
        return pending != null;
    }

    public AcknowledgementService.Pending getPending() {
        return isShown() ? pending : null;
    }

    public PolicyVersion getVersion() {
        if (version == null && isShown()) {
            version = policies.find(pending.versionId()).orElse(null);
        }
        return version;
    }

    public String acknowledge() {
        PolicyVersion v = getVersion();
        if (v == null) {
            return null;
        }
        try {
            acknowledgements.acknowledge(v.getId(), AckChannel.PORTAL);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("notice",
                    "Thank you: you acknowledged " + v.getDocument().title() + " (" + v.getLabel() + ").");
            // the same page again, now without the banner
            return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
        } catch (ConflictException | NotFoundException e) {
            Messages.error(e.getMessage());
            return null;
        }
    }
}
