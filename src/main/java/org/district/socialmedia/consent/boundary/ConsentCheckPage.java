package org.district.socialmedia.consent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentReason;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
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
            long refused = outcome.results().stream().filter(r -> !r.allowed()).count();
            Messages.info(refused == 0 ? "Allowed for every student checked." : refused + " of " + outcome.results().size()
                    + " students may NOT appear in this post as planned.");
        } catch (InvalidInputException e) {
            outcome = null;
            Messages.fieldErrors("check", e);
        }
    }

    public String reasonLabel(String reason) {
        if (reason == null) {
            return "";
        }
        return switch (ConsentReason.valueOf(reason)) {
            case NO_CONSENT -> "No written consent from the parents";
            case EXPIRED -> "The consent has expired";
            case REVOKED -> "The parents revoked their consent";
            case ITEM_NOT_CONSENTED -> "Not consented for what this post shows";
            case CHANNEL_NOT_COVERED -> "The consent does not cover this account or platform";
        };
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
