package org.district.socialmedia.parents.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.parents.entity.Progress;
import org.district.socialmedia.parents.entity.TargetKind;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.util.List;

/** The consent clerk's page: send a consent request to parents, and follow its progress per class and school. */
@Named
@ViewScoped
public class ConsentRequestsPage implements Serializable {

    @Inject
    ConsentRequests service;

    private TargetKind kind = TargetKind.STUDENT;
    private String studentId;
    private String classId;
    private Long requestId;
    private List<ConsentRequests.ClassChoice> classes;
    private List<ConsentRequests.RequestRow> requests;
    private List<Progress> progress;
    private boolean maySend;
    /** ?unanswered=true (the home page's link): the list of links still waiting for a parent's answer. */
    private boolean unanswered;
    private List<ConsentRequests.UnansweredRow> unansweredRows;

    @PostConstruct
    void load() {
        maySend = service.maySend();
        classes = service.classes();
        refresh();
    }

    private void refresh() {
        requests = service.requests();
        progress = service.progress(requestId, "No class", "Whole school");
    }

    public void send() {
        try {
            ConsentRequests.Sent sent = service.send(kind, kind == TargetKind.STUDENT ? studentId : kind == TargetKind.CLASS ? classId : null);
            Messages.info("Consent request sent: " + sent.links() + (sent.links() == 1 ? " personal link" : " personal links")
                    + " emailed to parents." + (sent.studentsWithoutEmail().isEmpty() ? ""
                    : " No parent's email on file for: " + String.join(", ", sent.studentsWithoutEmail()) + "."));
            requestId = sent.requestId();
            refresh();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("send", e);
        }
    }

    public void showProgress() {
        refresh();
    }

    public List<ConsentItem> getItems() { return List.of(ConsentItem.values()); }
    public TargetKind[] getKinds() { return TargetKind.values(); }
    public TargetKind getKind() { return kind; }
    public void setKind(TargetKind kind) { this.kind = kind; }
    public String getStudentId() { return studentId; }
    public void setStudentId(String studentId) { this.studentId = studentId; }
    public String getClassId() { return classId; }
    public void setClassId(String classId) { this.classId = classId; }
    public Long getRequestId() { return requestId; }
    public void setRequestId(Long requestId) { this.requestId = requestId; }
    public List<ConsentRequests.ClassChoice> getClasses() { return classes; }
    public List<ConsentRequests.RequestRow> getRequests() { return requests; }
    public List<Progress> getProgress() { return progress; }
    public boolean isMaySend() { return maySend; }
    public boolean isUnanswered() { return unanswered; }
    public void setUnanswered(boolean unanswered) { this.unanswered = unanswered; }

    public List<ConsentRequests.UnansweredRow> getUnansweredRows() {
        if (unansweredRows == null) {
            unansweredRows = unanswered && maySend ? service.unanswered() : List.of();
        }
        return unansweredRows;
    }
}
