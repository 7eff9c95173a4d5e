package org.district.socialmedia.consent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentReason;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The check before posting: the staff member picks an account they operate, what the post shows,
 * and the students (a class, or District ids), and sees for each student whether it is allowed.
 */
@Named
@ViewScoped
public class ConsentCheckPage implements Serializable {

    @Inject
    ConsentCheckService service;

    private List<ConsentCheckService.AccountChoice> accounts;
    private List<ConsentCheckService.ClassChoice> classes = List.of();
    private Long accountId;
    private List<String> items = new ArrayList<>();
    private String classId;
    private String studentIds;
    private ConsentCheckService.Outcome outcome;

    @PostConstruct
    void load() {
        accounts = service.myAccounts();
        if (accounts.size() == 1) {
            accountId = accounts.get(0).id();
            accountChanged();
        }
    }

    public void accountChanged() {
        classes = accountId == null ? List.of() : service.classesFor(accountId);
        classId = null;
    }

    public void check() {
        try {
            List<String> ids = studentIds == null || studentIds.isBlank() ? null
                    : Arrays.stream(studentIds.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            outcome = service.check(new ConsentCheckService.CheckInput(accountId, items,
                    classId == null || classId.isBlank() ? ids : null, classId == null || classId.isBlank() ? null : classId));
        } catch (InvalidInputException e) {
            outcome = null;
            Messages.fieldErrors("check", e);
        }
    }

    public String reasonLabel(String reason) {
        if (reason == null) {
            return "";
        }
        return Labels.of(ConsentReason.class, reason);
    }

    /** The students who may not appear first (the ones to act on), then those allowed, each group in the check's order. */
    public List<ConsentCheckService.Result> getSortedResults() {
        return outcome == null ? List.of() : outcome.results().stream()
                .sorted(Comparator.comparing(ConsentCheckService.Result::allowed)).toList();
    }

    public long getRefused() {
        return outcome == null ? 0 : outcome.results().stream().filter(r -> !r.allowed()).count();
    }

    /** The sentence above the answers; shown in the warning style whenever anyone is refused. */
    public String getSummary() {
        if (outcome == null) {
            return "";
        }
        long refused = getRefused();
        int all = outcome.results().size();
        if (refused == 0) {
            return "Allowed for every student checked (" + all + ").";
        }
        return refused + " of " + all + (all == 1 ? " student" : " students")
                + " may NOT appear in this post as planned: they are listed first, each with the reason.";
    }

    public String name(String studentId) {
        return outcome == null ? "" : outcome.names().getOrDefault(studentId, "");
    }

    public ConsentItem[] getAllItems() { return ConsentItem.values(); }
    public List<ConsentCheckService.AccountChoice> getAccounts() { return accounts; }
    public List<ConsentCheckService.ClassChoice> getClasses() { return classes; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public List<String> getItems() { return items; }
    public void setItems(List<String> items) { this.items = items; }
    public String getClassId() { return classId; }
    public void setClassId(String classId) { this.classId = classId; }
    public String getStudentIds() { return studentIds; }
    public void setStudentIds(String studentIds) { this.studentIds = studentIds; }
    public ConsentCheckService.Outcome getOutcome() { return outcome; }
}
