package org.district.socialmedia.accounts.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.accounts.control.AccountChoices.AuthorizationChoice;
import org.district.socialmedia.accounts.control.AccountViews.AccountView;
import org.district.socialmedia.people.boundary.OrgUnits;
import org.district.socialmedia.people.boundary.UnitChoiceConverter;
import org.district.socialmedia.people.boundary.UnitField;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.requests.entity.Platform;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Registers a District account or edits its description (system administrators, the Superintendent
 * and designees given that power). Started from an authorized request line, it is filled in from
 * the line and the employee becomes the account's first operator.
 */
@Named
@ViewScoped
public class AccountEditorPage implements Serializable {

    @Inject

    AccountPickers pickers;

    @Inject

    AccountRegistry registry;
    @Inject
    OrgUnits units;

    private Long id;
    private Long authorizationId;
    private Long version;
    private Long platformId;
    private String otherPlatformName;
    private String handle;
    private String url;
    private final UnitField unit = new UnitField();
    private String purpose;
    private String registeredEmail;
    private boolean archiveCovered;
    private List<Platform> platforms;
    private List<AuthorizationChoice> authorizations;

    public void load() throws IOException {
        platforms = registry.platforms();
        try {
            if (id != null) {
                AccountView a = registry.get(id);
                if (!a.mayEdit()) {
                    throw new NotFoundException("Account");
                }
                version = a.version();
                platformId = a.platformId();
                otherPlatformName = a.otherPlatformName();
                handle = a.handle();
                url = a.url();
                unit.id(a.unitId());
                purpose = a.purpose();
                registeredEmail = a.registeredEmail();
                archiveCovered = a.archiveCovered();
            } else if (authorizationId != null) {
                AccountRegistry.AccountInput in = registry.prefill(authorizationId);
                platformId = in.platformId();
                otherPlatformName = in.otherPlatformName();
                handle = in.handle();
                unit.id(in.unitId());
                purpose = in.purpose();
                registeredEmail = in.registeredEmail();
            } else {
                authorizations = pickers.unlinkedAuthorizations(50);
            }
        } catch (NotFoundException | IllegalArgumentException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    private String operatorException;

    public String save() {
        AccountRegistry.AccountInput in = new AccountRegistry.AccountInput(platformId, null, otherPlatformName, handle, url, unit.id(),
                null, purpose, registeredEmail, archiveCovered, id == null ? authorizationId : null,
                id == null && authorizationId == null ? operatorException : null);
        try {
            AccountView saved = id == null ? registry.create(in) : registry.update(id, version, in);
            FacesContext.getCurrentInstance().getExternalContext().getFlash()
                    .put("notice", id == null ? "The account is registered." : "The account's description is saved.");
            return "/accounts/view.xhtml?faces-redirect=true&id=" + saved.id();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("account", e);
        } catch (ConflictException e) {
            Messages.error(e.getMessage());
        }
        return null;
    }

    public String getOperatorException() { return operatorException; }
    public void setOperatorException(String operatorException) { this.operatorException = operatorException; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAuthorizationId() { return authorizationId; }
    public void setAuthorizationId(Long authorizationId) { this.authorizationId = authorizationId; }
    public Long getPlatformId() { return platformId; }
    public void setPlatformId(Long platformId) { this.platformId = platformId; }
    public String getOtherPlatformName() { return otherPlatformName; }
    public void setOtherPlatformName(String otherPlatformName) { this.otherPlatformName = otherPlatformName; }
    public String getHandle() { return handle; }
    public void setHandle(String handle) { this.handle = handle; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public Long getUnitId() { return unit.id(); }
    public void setUnitId(Long unitId) { unit.id(unitId); }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getRegisteredEmail() { return registeredEmail; }
    public void setRegisteredEmail(String registeredEmail) { this.registeredEmail = registeredEmail; }
    public boolean isArchiveCovered() { return archiveCovered; }
    public void setArchiveCovered(boolean archiveCovered) { this.archiveCovered = archiveCovered; }
    public List<Platform> getPlatforms() { return platforms; }
    public List<AuthorizationChoice> getAuthorizations() { return authorizations; }

    public OrgUnits.UnitChoice getUnit() { return unit.shown(units); }
    public void setUnit(OrgUnits.UnitChoice chosen) { unit.choose(chosen); }
    public List<OrgUnits.UnitChoice> completeUnit(String text) { return UnitField.complete(units, text); }
    public UnitChoiceConverter getUnitConverter() { return unit.converter(units); }
}
