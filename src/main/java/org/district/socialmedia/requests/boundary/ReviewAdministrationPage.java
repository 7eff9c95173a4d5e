package org.district.socialmedia.requests.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.requests.entity.Designation;
import org.district.socialmedia.requests.entity.StandardReason;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The Superintendent names designees for a period and keeps the library of standard explanations. */
@Named
@ViewScoped
public class ReviewAdministrationPage implements Serializable {

    @Inject
    ReviewAdministration service;

    private List<Designation> designations;
    private List<StandardReason> reasons;
    private String designee;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private boolean mayGrantRights;
    private Long reasonId;
    private String reasonTitle;
    private String reasonText;

    @PostConstruct
    void load() {
        designations = service.designations();
        reasons = service.reasons();
    }

    public void designate() {
        try {
            Designation d = service.designate(designee, startsOn, endsOn, mayGrantRights);
            Messages.info(d.getDesignee().getFullName() + " may answer requests" + (d.isMayGrantRights()
                    ? " and grant administrative rights on District accounts" : "") + " from " + d.getStartsOn()
                    + " to " + d.getEndsOn() + ".");
            designee = null;
            mayGrantRights = false;
            startsOn = endsOn = null;
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("designation", e);
        }
    }

    public void end(Long id) {
        try {
            service.endDesignation(id);
            Messages.info("The designation has ended.");
            load();
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        }
    }

    public void edit(StandardReason reason) {
        reasonId = reason.getId();
        reasonTitle = reason.getTitle();
        reasonText = reason.getText();
    }

    public void saveReason() {
        try {
            StandardReason saved = service.saveReason(reasonId, reasonTitle, reasonText);
            Messages.info("Saved \"" + saved.getTitle() + "\".");
            reasonId = null;
            reasonTitle = reasonText = null;
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("reason", e);
        }
    }

    public void setOffered(Long id, boolean offered) {
        service.setReasonOffered(id, offered);
        load();
    }

    public List<Designation> getDesignations() { return designations; }
    public List<StandardReason> getReasons() { return reasons; }
    public String getDesignee() { return designee; }
    public void setDesignee(String designee) { this.designee = designee; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public boolean isMayGrantRights() { return mayGrantRights; }
    public void setMayGrantRights(boolean mayGrantRights) { this.mayGrantRights = mayGrantRights; }
    public Long getReasonId() { return reasonId; }
    public String getReasonTitle() { return reasonTitle; }
    public void setReasonTitle(String reasonTitle) { this.reasonTitle = reasonTitle; }
    public String getReasonText() { return reasonText; }
    public void setReasonText(String reasonText) { this.reasonText = reasonText; }
}
