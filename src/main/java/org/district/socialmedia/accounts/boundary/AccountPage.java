package org.district.socialmedia.accounts.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.district.socialmedia.accounts.control.AccountChoices.AuthorizationChoice;
import org.district.socialmedia.accounts.control.AccountChoices.HolderChoice;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.AccountViews.AccountView;
import org.district.socialmedia.accounts.control.AccountViews.GrantView;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One District account: its description and compliance facts, its operators, the administrative
 * rights on it (grant, revoke and confirm in dialogs, for the Superintendent and designees given
 * that power), and its history.
 */
@Named
@ViewScoped
public class AccountPage implements Serializable {

    @Inject

    AccountGrants grants;

    @Inject

    AccountPickers pickers;

    @Inject

    AccountRegistry registry;

    @Inject
    AccountChecklists checklists;

    private Long id;
    private AccountView account;
    private List<AuditEntry> history;
    private List<HolderChoice> holders;
    private List<AuthorizationChoice> linkable;
    private boolean reviewOpen;
    private LocalDate today;

    // the grant dialog
    private String holder;
    private String reason;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String openEndedReason;
    // the revoke dialog
    private Long revokeGrantId;
    private String revokeReason;
    // registry keepers
    private AccountStatus newStatus;
    private Long authorizationId;
    // a dialog whose submission failed opens again with its messages
    private boolean grantDialogOpen;
    private boolean revokeDialogOpen;
    // the yearly checklist
    private AccountChecklists.ChecklistView checklist;
    private boolean checkIdentifies;
    private List<String> checkPrivacyItems = new ArrayList<>();
    private boolean checkRecovery;
    private transient Part evidence;

    public void load() throws IOException {
        try {
            refresh();
        } catch (NotFoundException | IllegalArgumentException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Account not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    private void refresh() {
        account = registry.get(id);
        history = registry.history(id);
        today = grants.today();
        newStatus = account.status();
        checklist = checklists.get(id);
        if (account.mayGrant()) {
            holders = pickers.holders("", AccountQueries.PAGE_MAX);
            reviewOpen = grants.openReviewStart() != null;
        }
        if (account.mayEdit()) {
            linkable = pickers.linkableAuthorizations(id);
        }
    }

    public void grant() {
        try {
            GrantView g = grants.grant(id, new AccountGrants.GrantInput(null, holder, reason, startsOn, endsOn, openEndedReason));
            Messages.info(g.holderName() + " now holds administrative rights on this account"
                    + (g.endsOn() == null ? " with no end date." : " through " + g.endsOn() + "."));
            holder = reason = openEndedReason = null;
            startsOn = endsOn = null;
            grantDialogOpen = false;
            refresh();
        } catch (InvalidInputException e) {
            grantDialogOpen = true;
            Messages.fieldErrors("grantForm", e);
        } catch (ConflictException | EJBAccessException e) {
            Messages.error(e.getMessage());
        }
    }

    public void prepareRevoke(Long grantId) {
        revokeGrantId = grantId;
        revokeReason = null;
        revokeDialogOpen = true;
    }

    public void cancelRevoke() {
        revokeGrantId = null;
        revokeDialogOpen = false;
    }

    /** The holder's name of the grant the revoke dialog is about. */
    public String getRevokeHolder() {
        return account == null || revokeGrantId == null ? "" : account.grants().stream().filter(g -> g.id().equals(revokeGrantId))
                .map(GrantView::holderName).findFirst().orElse("");
    }

    public void revoke() {
        try {
            GrantView g = grants.revoke(revokeGrantId, revokeReason);
            Messages.info("The administrative rights of " + g.holderName() + " are revoked; they were told why.");
            revokeGrantId = null;
            revokeReason = null;
            revokeDialogOpen = false;
            refresh();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("revokeForm", e);
        } catch (ConflictException | IllegalRequestStateException | NotFoundException e) {
            revokeDialogOpen = false;
            Messages.error(e.getMessage());
        }
    }

    public void confirm(Long grantId) {
        try {
            GrantView g = grants.confirm(grantId);
            Messages.info("The rights of " + g.holderName() + " are confirmed for this review.");
            refresh();
        } catch (ConflictException | IllegalRequestStateException | NotFoundException e) {
            Messages.error(e.getMessage());
        }
    }

    /** A finding between checklists: the name or bio no longer identifies the District; the account is flagged. */
    public void doesNotIdentify() {
        account = registry.recordIdentificationCheck(id, false);
        history = registry.history(id);
        Messages.info("Recorded: the account does NOT identify the District; it is flagged.");
    }

    public void signOffChecklist() {
        try {
            byte[] bytes = null;
            String name = null;
            if (evidence != null && evidence.getSize() > 0) {
                name = evidence.getSubmittedFileName();
                try (InputStream in = evidence.getInputStream()) {
                    bytes = ScanInspector.read(in, "evidence", "screenshot");
                }
            }
            checklist = checklists.signOff(id, new AccountChecklists.SignOffInput(checkIdentifies, checkPrivacyItems, checkRecovery),
                    bytes, name);
            checkIdentifies = checkRecovery = false;
            checkPrivacyItems = new ArrayList<>();
            refresh();
            Messages.info("The checklist is signed off; the next one is due " + checklist.dueOn() + ".");
        } catch (InvalidInputException e) {
            Messages.fieldErrors("checklistForm", e);
        } catch (ConflictException e) {
            Messages.error(e.getMessage());
        } catch (IOException e) {
            Messages.error("The screenshot could not be read: send it again");
        }
    }

    public void changeStatus() {
        try {
            account = registry.changeStatus(id, account.version(), newStatus);
            history = registry.history(id);
            Messages.info("The account is now " + account.status().label().toLowerCase() + ".");
        } catch (InvalidInputException e) {
            Messages.fieldErrors("statusForm", e);
        } catch (ConflictException e) {
            Messages.error(e.getMessage());
        }
    }

    public void linkOperator() {
        try {
            account = registry.linkOperator(id, authorizationId);
            authorizationId = null;
            refresh();
            Messages.info("The employee is now an operator of this account.");
        } catch (InvalidInputException e) {
            Messages.fieldErrors("operatorForm", e);
        }
    }

    public String issueLabels() {
        return account.issues().isEmpty() ? "Passes every check"
                : String.join("; ", account.issues().stream().map(ComplianceIssue::label).toList());
    }

    public AccountChecklists.ChecklistView getChecklist() { return checklist; }
    public boolean isCheckIdentifies() { return checkIdentifies; }
    public void setCheckIdentifies(boolean checkIdentifies) { this.checkIdentifies = checkIdentifies; }
    public List<String> getCheckPrivacyItems() { return checkPrivacyItems; }
    public void setCheckPrivacyItems(List<String> checkPrivacyItems) { this.checkPrivacyItems = checkPrivacyItems; }
    public boolean isCheckRecovery() { return checkRecovery; }
    public void setCheckRecovery(boolean checkRecovery) { this.checkRecovery = checkRecovery; }
    public Part getEvidence() { return evidence; }
    public void setEvidence(Part evidence) { this.evidence = evidence; }
    public long getMaxEvidenceBytes() { return ScanInspector.MAX_BYTES; }
    public AccountStatus[] getStatuses() { return AccountStatus.values(); }
    public boolean isGrantDialogOpen() { return grantDialogOpen; }
    public boolean isRevokeDialogOpen() { return revokeDialogOpen; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public AccountView getAccount() { return account; }
    public List<AuditEntry> getHistory() { return history; }
    public List<HolderChoice> getHolders() { return holders; }
    public List<AuthorizationChoice> getLinkable() { return linkable; }
    public boolean isReviewOpen() { return reviewOpen; }
    public LocalDate getToday() { return today; }
    public String getHolder() { return holder; }
    public void setHolder(String holder) { this.holder = holder; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public String getOpenEndedReason() { return openEndedReason; }
    public void setOpenEndedReason(String openEndedReason) { this.openEndedReason = openEndedReason; }
    public Long getRevokeGrantId() { return revokeGrantId; }
    public String getRevokeReason() { return revokeReason; }
    public void setRevokeReason(String revokeReason) { this.revokeReason = revokeReason; }
    public AccountStatus getNewStatus() { return newStatus; }
    public void setNewStatus(AccountStatus newStatus) { this.newStatus = newStatus; }
    public Long getAuthorizationId() { return authorizationId; }
    public void setAuthorizationId(Long authorizationId) { this.authorizationId = authorizationId; }
}
