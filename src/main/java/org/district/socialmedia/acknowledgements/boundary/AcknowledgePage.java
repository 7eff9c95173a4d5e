package org.district.socialmedia.acknowledgements.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.acknowledgements.entity.AckChannel;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;
import org.district.socialmedia.security.boundary.CurrentUser;

import java.io.Serializable;
import java.util.List;

/**
 * The text to acknowledge and the button: reached from the banner or from an email's personal link (token),
 * after signing in. Shows what the caller has acknowledged before, or with {@code ?due=true} only what they still owe.
 */
@Named
@ViewScoped
public class AcknowledgePage implements Serializable {

    @Inject
    AcknowledgementService acknowledgements;
    @Inject
    PolicyLibrary policies;
    @Inject
    CurrentUser currentUser;

    private String token;
    private boolean due;
    private PolicyVersion version;
    private boolean done;
    private String problem;
    private List<AcknowledgementService.Mine> mine;

    public void load() {
        problem = null;
        try {
            if (token != null && !token.isBlank()) {
                version = acknowledgements.versionOfLink(token);
            } else {
                AcknowledgementService.Pending pending = acknowledgements.pending(currentUser.getUsername());
                version = pending == null ? policies.inForce(PolicyDocument.BOARD_POLICY).orElse(null)
                        : policies.find(pending.versionId()).orElse(null);
                done = pending == null;
            }
        } catch (NotFoundException e) {
            problem = "This acknowledgement link is not valid. Acknowledge from the banner instead, if you owe one.";
        } catch (AccessDeniedException e) {
            problem = e.getMessage();
        }
        mine = due ? acknowledgements.due() : acknowledgements.mine();
    }

    public void acknowledge() {
        try {
            if (token != null && !token.isBlank()) {
                acknowledgements.acknowledgeByLink(token);
            } else {
                acknowledgements.acknowledge(version == null ? null : version.getId(), AckChannel.PORTAL);
            }
            done = true;
            Messages.info("Thank you: you acknowledged " + version.getDocument().title() + " (" + version.getLabel() + ").");
        } catch (ConflictException | NotFoundException | AccessDeniedException e) {
            Messages.error(e.getMessage());
        }
        mine = due ? acknowledgements.due() : acknowledgements.mine();
    }

    public List<PolicyVersion.Block> getBlocks() {
        return version == null ? List.of() : version.getBlocks();
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    /** Only what is still owed (the home page's count links here): the list shows exactly what it counted. */
    public boolean isDue() { return due; }
    public void setDue(boolean due) { this.due = due; }
    public PolicyVersion getVersion() { return version; }
    public boolean isDone() { return done; }
    public String getProblem() { return problem; }
    public List<AcknowledgementService.Mine> getMine() { return mine; }
}
