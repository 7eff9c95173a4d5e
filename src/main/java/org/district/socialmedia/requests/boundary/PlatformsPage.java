package org.district.socialmedia.requests.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.requests.entity.Platform;

import java.io.Serializable;
import java.util.List;

/** A system administrator keeps the list of social media platforms. */
@Named
@ViewScoped
public class PlatformsPage implements Serializable {

    @Inject
    PlatformCatalog catalog;

    private List<Platform> platforms;
    private String name;
    private boolean otherNameRequired;
    private int sortOrder = 500;
    // the privacy checklist form
    private Long checklistPlatformId;
    private String checklist;

    @PostConstruct
    void load() {
        platforms = catalog.all();
    }

    public void add() {
        try {
            Platform p = catalog.add(name, otherNameRequired, sortOrder);
            Messages.info(p.getName() + " is on the list.");
            name = null;
            otherNameRequired = false;
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("platform", e);
        }
    }

    public void setOffered(Long id, boolean offered) {
        try {
            catalog.setOffered(id, offered);
            load();
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        }
    }

    /** Loads the chosen platform's checklist into the text area, to be edited. */
    public void chooseChecklist() {
        checklist = platforms.stream().filter(p -> p.getId().equals(checklistPlatformId)).findFirst()
                .map(p -> String.join("\n", p.privacyItems())).orElse(null);
    }

    public void saveChecklist() {
        try {
            Platform p = catalog.changePrivacyChecklist(checklistPlatformId, checklist);
            Messages.info("The privacy checklist of " + p.getName() + " is saved; account checklists signed off from now on use it.");
            load();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("checklistForm", e);
        }
    }

    public Long getChecklistPlatformId() { return checklistPlatformId; }
    public void setChecklistPlatformId(Long checklistPlatformId) { this.checklistPlatformId = checklistPlatformId; }
    public String getChecklist() { return checklist; }
    public void setChecklist(String checklist) { this.checklist = checklist; }
    public List<Platform> getPlatforms() { return platforms; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isOtherNameRequired() { return otherNameRequired; }
    public void setOtherNameRequired(boolean otherNameRequired) { this.otherNameRequired = otherNameRequired; }
    public int getSortOrder() { return sortOrder; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
}
