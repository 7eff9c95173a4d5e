package org.district.socialmedia.requests.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.requests.control.ExistingAccounts;
import org.district.socialmedia.requests.entity.Audience;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.requests.entity.SocialMediaRequest;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The employee writes a request (one line per platform), saves it as a draft, submits it after
 * acknowledging the policy's guidelines, or, when the reviewer asked for more, answers and may
 * edit the lines. One submission per click: the bean refuses a second concurrent one.
 */
@Named
@ViewScoped
public class RequestEditorPage implements Serializable {

    /** One line of the form. */
    public static class LineForm implements Serializable {
        private Long platformId;
        private String otherPlatformName;
        private String objectives;
        private List<String> audience = new ArrayList<>();
        private boolean communicatesWithStudents;
        private Long accountId;
        private String accountName;
        private String districtEmail;

        LineInput toInput() {
            EnumSet<Audience> set = EnumSet.noneOf(Audience.class);
            audience.forEach(a -> set.add(Audience.valueOf(a)));
            return new LineInput(platformId, null, otherPlatformName, objectives, set, communicatesWithStudents, accountId,
                    accountId == null ? accountName : null, districtEmail);
        }

        static LineForm of(RequestView.Line line) {
            LineForm form = new LineForm();
            form.platformId = line.platformId();
            form.otherPlatformName = line.otherPlatformName();
            form.objectives = line.objectives();
            form.audience = new ArrayList<>(line.audience().stream().map(Enum::name).toList());
            form.communicatesWithStudents = line.communicatesWithStudents();
            form.accountId = line.accountId();
            form.accountName = line.accountName();
            form.districtEmail = line.districtEmail();
            return form;
        }

        public Long getPlatformId() { return platformId; }
        public void setPlatformId(Long platformId) { this.platformId = platformId; }
        public String getOtherPlatformName() { return otherPlatformName; }
        public void setOtherPlatformName(String otherPlatformName) { this.otherPlatformName = otherPlatformName; }
        public String getObjectives() { return objectives; }
        public void setObjectives(String objectives) { this.objectives = objectives; }
        public List<String> getAudience() { return audience; }
        public void setAudience(List<String> audience) { this.audience = audience; }
        public boolean isCommunicatesWithStudents() { return communicatesWithStudents; }
        public void setCommunicatesWithStudents(boolean communicatesWithStudents) { this.communicatesWithStudents = communicatesWithStudents; }
        public Long getAccountId() { return accountId; }
        public void setAccountId(Long accountId) { this.accountId = accountId; }
        public String getAccountName() { return accountName; }
        public void setAccountName(String accountName) { this.accountName = accountName; }
        public String getDistrictEmail() { return districtEmail; }
        public void setDistrictEmail(String districtEmail) { this.districtEmail = districtEmail; }
    }

    @Inject
    RequestService service;
    @Inject
    ExistingAccounts accounts;

    private Long id;
    private RequestView request;
    private List<LineForm> lines = new ArrayList<>();
    private List<Platform> platforms;
    private List<ExistingAccounts.AccountChoice> existingAccounts;
    private boolean acknowledged;
    private String answer;
    private boolean busy;

    /** f:viewAction: loads an existing draft or information request; a new form otherwise. */
    public void load() throws IOException {
        platforms = service.platforms();
        existingAccounts = accounts.ofCallersUnit();
        if (id == null) {
            if (lines.isEmpty()) {
                lines.add(new LineForm());
            }
            return;
        }
        try {
            request = service.get(id);
        } catch (NotFoundException e) {
            redirect("/requests/mine.xhtml");
            return;
        }
        if (!request.isDraft() && !request.isInfoRequested()) {
            redirect("/requests/view.xhtml?id=" + id);
            return;
        }
        lines = new ArrayList<>(request.lines().stream().map(LineForm::of).toList());
        if (lines.isEmpty()) {
            lines.add(new LineForm());
        }
    }

    public void addLine() {
        if (lines.size() < SocialMediaRequest.MAX_LINES) {
            lines.add(new LineForm());
        } else {
            Messages.error("A request has at most " + SocialMediaRequest.MAX_LINES + " platforms.");
        }
    }

    public void removeLine(int index) {
        if (lines.size() > 1 && index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
    }

    public synchronized void saveDraft() {
        try {
            request = service.saveDraft(id, inputs());
            id = request.id();
            Messages.info("Draft saved. It is not sent to the Superintendent until you submit it.");
        } catch (InvalidInputException e) {
            Messages.fieldErrors("request", e);
        }
    }

    public synchronized void submit() throws IOException {
        if (busy) {
            return;
        }
        busy = true;
        try {
            // one step: a refused submission stores nothing (only "Save draft" keeps an unfinished request)
            request = service.submitLines(id, inputs(), acknowledged);
            id = request.id();
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("notice",
                    "Your request was submitted. The Superintendent has until the deadline shown to answer in writing.");
            redirect("/requests/view.xhtml?id=" + id);
        } catch (InvalidInputException e) {
            Messages.fieldErrors("request", e);
        } catch (IllegalRequestStateException e) {
            redirect("/requests/view.xhtml?id=" + id);
        } finally {
            busy = false;
        }
    }

    public synchronized void sendAnswer() throws IOException {
        try {
            request = service.answer(id, answer, inputs());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("notice",
                    "Your answer was sent. A new full review period started today.");
            redirect("/requests/view.xhtml?id=" + id);
        } catch (InvalidInputException e) {
            Messages.fieldErrors("request", e);
        } catch (IllegalRequestStateException e) {
            Messages.error(e.getMessage());
        }
    }

    private List<LineInput> inputs() {
        return lines.stream().map(LineForm::toInput).toList();
    }

    private static void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + path);
    }

    public Audience[] getAudiences() {
        return Audience.values();
    }

    public int getMaxObjectives() {
        return SocialMediaRequest.OBJECTIVES_MAX;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public RequestView getRequest() { return request; }
    public List<LineForm> getLines() { return lines; }
    public List<Platform> getPlatforms() { return platforms; }
    public boolean isAcknowledged() { return acknowledged; }
    public void setAcknowledged(boolean acknowledged) { this.acknowledged = acknowledged; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public boolean isAnswering() { return request != null && request.isInfoRequested(); }

    public List<ExistingAccounts.AccountChoice> getExistingAccounts() {
        return existingAccounts;
    }
}
