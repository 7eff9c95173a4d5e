package org.district.socialmedia.consent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.consent.entity.ConsentStateException;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;

import java.io.Serializable;
import java.util.List;

/** Takedown tasks after a revocation: the operators' own, or the school's for its consent clerks. */
@Named
@ViewScoped
public class TakedownsPage implements Serializable {

    @Inject
    TakedownService service;

    private boolean openOnly = true;
    private List<ConsentService.TaskView> tasks;
    private String note;

    @PostConstruct
    void load() {
        tasks = service.visibleTasks(openOnly);
    }

    public void refresh() {
        load();
    }

    public void done(Long taskId) {
        try {
            service.complete(taskId, note);
            Messages.info("The takedown is marked done.");
            note = null;
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("tasks", e);
        } catch (ConsentStateException | NotFoundException e) {
            Messages.error(e.getMessage());
        }
    }

    public List<ConsentService.TaskView> getTasks() { return tasks; }
    public boolean isOpenOnly() { return openOnly; }
    public void setOpenOnly(boolean openOnly) { this.openOnly = openOnly; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
