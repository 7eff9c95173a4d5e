package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The term's access review: progress of the review under way, opening one now, past reviews. */
@Named
@ViewScoped
public class AccessReviewPage implements Serializable {

    @Inject
    AccessReviewService reviews;
    @Inject
    AccountRegistry registry;

    private AccessReviewService.ReviewView current;
    private List<AccessReviewService.ReviewView> recent;
    private RightsAuthority.Caller caller;
    private LocalDate deadline;

    @PostConstruct
    void load() {
        current = reviews.current();
        recent = reviews.recent();
        caller = registry.caller();
    }

    public void open() {
        try {
            AccessReviewService.ReviewView opened = reviews.openNow(deadline);
            Messages.info("The access review is open until " + opened.deadline() + ". Confirm or revoke each right in force.");
            deadline = null;
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("openForm", e);
        } catch (EJBAccessException e) {
            Messages.error(e.getMessage());
        }
    }

    public AccessReviewService.ReviewView getCurrent() { return current; }
    public List<AccessReviewService.ReviewView> getRecent() { return recent; }
    public RightsAuthority.Caller getCaller() { return caller; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
}
