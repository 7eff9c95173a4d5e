package org.district.socialmedia.people.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A system administrator keeps the District's schools and departments: find, add, rename, deactivate. */
@Named
@ViewScoped
public class UnitsPage implements Serializable {

    @Inject
    UnitDirectory directory;

    private String searchText;
    private String searchKind = "";
    private String searchStatus = "active";
    private LazyDataModel<UnitDirectory.UnitRow> units;

    // the form: a new unit when editingId is null, else a rename
    private Long editingId;
    private long editingVersion;
    private String editingName;
    private String code;
    private String name;
    private OrgUnit.Kind kind = OrgUnit.Kind.SCHOOL;

    @PostConstruct
    void init() {
        units = new UnitModel();
    }

    private UnitDirectory.Filter filter() {
        Boolean active = switch (searchStatus == null ? "" : searchStatus) {
            case "active" -> Boolean.TRUE;
            case "inactive" -> Boolean.FALSE;
            default -> null;
        };
        return new UnitDirectory.Filter(searchText, kindFilter(), active);
    }

    /** The kind chosen in the search; anything else than a kind's name (a hand-made post) means both. */
    private OrgUnit.Kind kindFilter() {
        for (OrgUnit.Kind k : OrgUnit.Kind.values()) {
            if (k.name().equals(searchKind)) {
                return k;
            }
        }
        return null;
    }

    private final class UnitModel extends LazyDataModel<UnitDirectory.UnitRow> {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, directory.count(filter()));
        }

        @Override
        public List<UnitDirectory.UnitRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                Map<String, FilterMeta> filterBy) {
            return directory.page(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(UnitDirectory.UnitRow row) {
            return String.valueOf(row.id());
        }
    }

    public void save() {
        try {
            if (editingId == null) {
                UnitDirectory.UnitRow created = directory.create(new UnitDirectory.UnitForm(code, name, kind));
                Messages.info("Added " + created.name() + " (" + created.code() + ").");
            } else {
                UnitDirectory.UnitRow saved = directory.update(editingId, editingVersion, new UnitDirectory.UnitForm(null, name, null));
                Messages.info("Saved " + saved.name() + " (" + saved.code() + ").");
            }
            clearForm();
        } catch (InvalidInputException e) {
            Messages.fieldErrors("unitForm", e);
        } catch (ConflictException e) {
            if (editingId == null) {
                // the only conflict of a new unit is its code: said beside the field
                Messages.fieldErrors("unitForm", new InvalidInputException("code", e.getMessage()));
            } else {
                Messages.error(e.getMessage());
            }
        } catch (NotFoundException e) {
            Messages.error("That school or department no longer exists.");
            clearForm();
        }
    }

    public void startRename(Long id) {
        try {
            UnitDirectory.UnitRow row = directory.get(id);
            editingId = row.id();
            editingVersion = row.version();
            editingName = row.name();
            code = row.code();
            name = row.name();
            kind = row.kind();
        } catch (NotFoundException e) {
            Messages.error("That school or department no longer exists.");
        }
    }

    public void cancel() {
        clearForm();
    }

    public void deactivate(Long id) {
        try {
            UnitDirectory.UnitRow row = directory.deactivate(id);
            Messages.info(row.name() + " is deactivated: it is no longer offered for new staff, accounts or students.");
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        } catch (NotFoundException e) {
            Messages.error("That school or department no longer exists.");
        }
    }

    public void reactivate(Long id) {
        try {
            UnitDirectory.UnitRow row = directory.reactivate(id);
            Messages.info(row.name() + " is active again.");
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        } catch (NotFoundException e) {
            Messages.error("That school or department no longer exists.");
        }
    }

    private void clearForm() {
        editingId = null;
        editingName = null;
        code = name = null;
        kind = OrgUnit.Kind.SCHOOL;
    }

    public OrgUnit.Kind[] getKinds() {
        return OrgUnit.Kind.values();
    }

    public LazyDataModel<UnitDirectory.UnitRow> getUnits() { return units; }
    public Long getEditingId() { return editingId; }
    public String getEditingName() { return editingName; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public OrgUnit.Kind getKind() { return kind; }
    public void setKind(OrgUnit.Kind kind) { this.kind = kind; }
    public String getSearchText() { return searchText; }
    public void setSearchText(String searchText) { this.searchText = searchText; }
    public String getSearchKind() { return searchKind; }
    public void setSearchKind(String searchKind) { this.searchKind = searchKind; }
    public String getSearchStatus() { return searchStatus; }
    public void setSearchStatus(String searchStatus) { this.searchStatus = searchStatus; }
}
