package org.district.socialmedia.policy.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.policy.entity.PolicyDocument;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Publishing a new version of the board policy or of the Superintendent's guidelines. */
@Named
@ViewScoped
public class PublishPolicyPage implements Serializable {

    @Inject
    PolicyLibrary library;

    private PolicyDocument document = PolicyDocument.BOARD_POLICY;
    private String label;
    private LocalDate effectiveOn;
    private String summary;
    private String text;
    private boolean requiresAcknowledgement = true;

    public List<PolicyDocument> getDocuments() {
        return List.of(PolicyDocument.values());
    }

    /** Starts from the text in force, so a revision changes only what changes. */
    public void load() {
        if (text == null) {
            library.inForce(document).ifPresent(v -> text = v.getBody());
        }
    }

    public String publish() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            PolicyLibrary.VersionView v = library.publish(new PolicyLibrary.NewVersion(document == null ? null : document.name(), label,
                    effectiveOn, summary, text, requiresAcknowledgement));
            faces.getExternalContext().getFlash().put("notice", "Published " + v.documentTitle() + ", version " + v.number()
                    + " (" + v.label() + "), effective " + v.effectiveOn() + ".");
            return "/policy.xhtml?faces-redirect=true&version=" + v.id();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("publishForm", e);
            return null;
        }
    }

    public PolicyDocument getDocument() { return document; }
    public void setDocument(PolicyDocument document) { this.document = document; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public LocalDate getEffectiveOn() { return effectiveOn; }
    public void setEffectiveOn(LocalDate effectiveOn) { this.effectiveOn = effectiveOn; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public boolean isRequiresAcknowledgement() { return requiresAcknowledgement; }
    public void setRequiresAcknowledgement(boolean requiresAcknowledgement) { this.requiresAcknowledgement = requiresAcknowledgement; }
}
