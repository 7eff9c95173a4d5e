package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.accounts.control.AccountViews.AccountRow;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.people.boundary.OrgUnits;
import org.district.socialmedia.people.boundary.UnitChoiceConverter;
import org.district.socialmedia.people.boundary.UnitField;
import org.district.socialmedia.platform.boundary.CsvDownload;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.requests.entity.Platform;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The accounts console: the accounts the caller may see (all of them for the Superintendent,
 * designees, auditors and system administrators; those one holds rights on or operates otherwise),
 * filtered and sorted by the database a page at a time, and exported as CSV exactly as filtered.
 */
@Named
@ViewScoped
public class AccountsConsolePage implements Serializable {

    @Inject

    AccountExports exports;

    @Inject

    AccountRegistry registry;
    @Inject
    OrgUnits units;
    @Inject
    AccountChecklists checklists;

    private String text;
    private final UnitField unit = new UnitField();
    private Long platformId;
    private AccountStatus status;
    private String issue;
    /** Only accounts whose yearly checklist is due (the home page's count links here with ?checklistDue=true). */
    private boolean checklistDue;
    private LocalDate checklistDueBy;
    private List<Platform> platforms;
    private RightsAuthority.Caller caller;
    /** More rows match than the table counts (see Matches.LIMIT). */
    private boolean more;
    private LazyDataModel<AccountRow> rows;
    private String sortBy = "handle";
    private boolean ascending = true;

    @PostConstruct
    void init() {
        platforms = registry.platforms();
        caller = registry.caller();
        rows = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                Matches matches = registry.count(filter());
                more = matches.more();
                return (int) matches.count();
            }

            @Override
            public List<AccountRow> load(int first, int pageSize, Map<String, SortMeta> sort,
                                                        Map<String, FilterMeta> filterBy) {
                sort.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().ifPresent(s -> {
                    sortBy = s.getField();
                    ascending = s.getOrder() == SortOrder.ASCENDING;
                });
                return registry.page(filter(), first, pageSize, sortBy, ascending);
            }

            @Override
            public String getRowKey(AccountRow row) {
                return String.valueOf(row.id());
            }
        };
    }

    AccountFilter filter() {
        boolean failing = "ANY".equals(issue);
        // the issue may come from the address (?issue=...): an unknown one filters nothing rather than failing the page
        ComplianceIssue one = issue == null || issue.isBlank() || failing ? null
                : java.util.Arrays.stream(ComplianceIssue.values()).filter(i -> i.name().equals(issue)).findFirst().orElse(null);
        if (checklistDue && checklistDueBy == null) {
            checklistDueBy = checklists.dueBy();
        }
        return new AccountFilter(text, unit.id(), platformId, status, one, failing, checklistDue ? checklistDueBy : null);
    }

    public void export() throws IOException {
        CsvDownload.send("district-accounts.csv", out -> exports.exportAccounts(filter(), sortBy, ascending, out));
    }

    public String issueLabels(AccountRow row) {
        return row.issues().isEmpty() ? "None" : String.join("; ", row.issues().stream().map(ComplianceIssue::label).toList());
    }

    public AccountStatus[] getStatuses() { return AccountStatus.values(); }
    public ComplianceIssue[] getIssues() { return ComplianceIssue.values(); }
    public List<Platform> getPlatforms() { return platforms; }
    public RightsAuthority.Caller getCaller() { return caller; }
    public LazyDataModel<AccountRow> getRows() { return rows; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Long getUnitId() { return unit.id(); }
    public void setUnitId(Long unitId) { unit.id(unitId); }
    public Long getPlatformId() { return platformId; }
    public void setPlatformId(Long platformId) { this.platformId = platformId; }
    public AccountStatus getStatus() { return status; }
    public void setStatus(AccountStatus status) { this.status = status; }
    public boolean isChecklistDue() { return checklistDue; }
    public void setChecklistDue(boolean checklistDue) { this.checklistDue = checklistDue; }
    public LocalDate getChecklistDueBy() { return checklistDueBy; }
    public String getIssue() { return issue; }
    public void setIssue(String issue) { this.issue = issue; }

    public OrgUnits.UnitChoice getUnit() { return unit.shown(units); }
    public void setUnit(OrgUnits.UnitChoice chosen) { unit.choose(chosen); }
    public List<OrgUnits.UnitChoice> completeUnit(String text) { return UnitField.complete(units, text); }
    public UnitChoiceConverter getUnitConverter() { return unit.converter(units); }

    public boolean isMore() { return more; }

    public String getCountLimit() { return Matches.limitShown(); }
}
