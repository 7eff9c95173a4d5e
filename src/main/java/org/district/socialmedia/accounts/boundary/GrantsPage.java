package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.accounts.control.AccountViews.GrantView;
import org.district.socialmedia.accounts.control.GrantFilter;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.people.boundary.OrgUnits;
import org.district.socialmedia.people.boundary.UnitChoiceConverter;
import org.district.socialmedia.people.boundary.UnitField;
import org.district.socialmedia.platform.boundary.CsvDownload;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.district.socialmedia.requests.entity.Platform;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Administrative rights across accounts: filter by school, platform, holder, "expiring in 30 days"
 * and "not reviewed"; confirm (during an access review) or revoke in a dialog; export as CSV.
 */
@Named
@ViewScoped
public class GrantsPage implements Serializable {

    @Inject

    AccountExports exports;

    @Inject

    AccountGrants grants;

    @Inject

    AccountRegistry registry;
    @Inject
    OrgUnits units;

    private final UnitField unit = new UnitField();
    private Long platformId;
    private String holder;
    private GrantStatus status = GrantStatus.ACTIVE;
    private boolean expiringSoon;
    private boolean notReviewed;
    private List<Platform> platforms;
    private RightsAuthority.Caller caller;
    /** More rows match than the table counts (see Matches.LIMIT). */
    private boolean more;
    private boolean reviewOpen;
    private LazyDataModel<GrantView> rows;
    private String sortBy = "endsOn";
    private boolean ascending = true;
    private Long revokeGrantId;
    private String revokeHolder;
    private String revokeReason;
    private boolean revokeDialogOpen;

    @PostConstruct
    void init() {
        platforms = registry.platforms();
        caller = registry.caller();
        reviewOpen = grants.openReviewStart() != null;
        rows = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                Matches matches = grants.countGrants(filter());
                more = matches.more();
                return (int) matches.count();
            }

            @Override
            public List<GrantView> load(int first, int pageSize, Map<String, SortMeta> sort,
                                                       Map<String, FilterMeta> filterBy) {
                sort.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().ifPresent(s -> {
                    sortBy = s.getField();
                    ascending = s.getOrder() == SortOrder.ASCENDING;
                });
                return grants.grants(filter(), first, pageSize, sortBy, ascending);
            }

            @Override
            public String getRowKey(GrantView row) {
                return String.valueOf(row.id());
            }
        };
    }

    GrantFilter filter() {
        return new GrantFilter(null, unit.id(), platformId, holder, status, expiringSoon, notReviewed);
    }

    public void export() throws IOException {
        CsvDownload.send("administrative-rights.csv", out -> exports.exportGrants(filter(), sortBy, ascending, out));
    }

    public void confirm(Long grantId) {
        try {
            GrantView g = grants.confirm(grantId);
            Messages.info("The rights of " + g.holderName() + " on " + g.account() + " are confirmed.");
        } catch (ConflictException | IllegalRequestStateException | NotFoundException e) {
            Messages.error(e.getMessage());
        }
    }

    public void prepareRevoke(Long grantId, String holderName) {
        revokeGrantId = grantId;
        revokeHolder = holderName;
        revokeReason = null;
        revokeDialogOpen = true;
    }

    public void cancelRevoke() {
        revokeGrantId = null;
        revokeDialogOpen = false;
    }

    public void revoke() {
        try {
            GrantView g = grants.revoke(revokeGrantId, revokeReason);
            Messages.info("The rights of " + g.holderName() + " on " + g.account() + " are revoked; they were told why.");
            revokeGrantId = null;
            revokeDialogOpen = false;
        } catch (InvalidInputException e) {
            Messages.fieldErrors("revokeForm", e);
        } catch (ConflictException | IllegalRequestStateException | NotFoundException e) {
            revokeDialogOpen = false;
            Messages.error(e.getMessage());
        }
    }

    public GrantStatus[] getStatuses() { return GrantStatus.values(); }
    public List<Platform> getPlatforms() { return platforms; }
    public RightsAuthority.Caller getCaller() { return caller; }
    public boolean isReviewOpen() { return reviewOpen; }
    public LazyDataModel<GrantView> getRows() { return rows; }
    public Long getUnitId() { return unit.id(); }
    public void setUnitId(Long unitId) { unit.id(unitId); }
    public Long getPlatformId() { return platformId; }
    public void setPlatformId(Long platformId) { this.platformId = platformId; }
    public String getHolder() { return holder; }
    public void setHolder(String holder) { this.holder = holder; }
    public GrantStatus getStatus() { return status; }
    public void setStatus(GrantStatus status) { this.status = status; }
    public boolean isExpiringSoon() { return expiringSoon; }
    public void setExpiringSoon(boolean expiringSoon) { this.expiringSoon = expiringSoon; }
    public boolean isNotReviewed() { return notReviewed; }
    public void setNotReviewed(boolean notReviewed) { this.notReviewed = notReviewed; }
    public String getRevokeHolder() { return revokeHolder; }
    public String getRevokeReason() { return revokeReason; }
    public void setRevokeReason(String revokeReason) { this.revokeReason = revokeReason; }
    public boolean isRevokeDialogOpen() { return revokeDialogOpen; }

    public OrgUnits.UnitChoice getUnit() { return unit.shown(units); }
    public void setUnit(OrgUnits.UnitChoice chosen) { unit.choose(chosen); }
    public List<OrgUnits.UnitChoice> completeUnit(String text) { return UnitField.complete(units, text); }
    public UnitChoiceConverter getUnitConverter() { return unit.converter(units); }

    public boolean isMore() { return more; }

    public String getCountLimit() { return Matches.limitShown(); }
}
