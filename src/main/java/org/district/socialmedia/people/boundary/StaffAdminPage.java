package org.district.socialmedia.people.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** A system administrator manages staff users: find, create, change roles/unit/supervisor, deactivate. */
@Named
@ViewScoped
public class StaffAdminPage implements Serializable {

    @Inject
    StaffDirectory directory;
    @Inject
    OrgUnits units;

    private String searchText;
    private final UnitField searchUnit = new UnitField();
    private String searchStatus = "active";
    private LazyDataModel<StaffDirectory.StaffRow> staff;

    // the form (create when editingId is null)
    private Long editingId;
    private long editingVersion;
    private String username;
    private String fullName;
    private String email;
    private final UnitField unit = new UnitField();
    private String supervisorUsername;
    private List<String> roles = new ArrayList<>();
    private String password;
    private boolean formOpen;

    @PostConstruct
    void init() {
        staff = new StaffModel();
    }

    private StaffDirectory.Filter filter() {
        Boolean active = switch (searchStatus == null ? "" : searchStatus) {
            case "active" -> Boolean.TRUE;
            case "inactive" -> Boolean.FALSE;
            default -> null;
        };
        return new StaffDirectory.Filter(searchText, searchUnit.id(), active);
    }

    private final class StaffModel extends LazyDataModel<StaffDirectory.StaffRow> {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, directory.count(filter()));
        }

        @Override
        public List<StaffDirectory.StaffRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                   Map<String, FilterMeta> filterBy) {
            String field = null;
            boolean ascending = true;
            if (sortBy != null && !sortBy.isEmpty()) {
                SortMeta sort = sortBy.values().iterator().next();
                field = sort.getField();
                ascending = sort.getOrder() != SortOrder.DESCENDING;
            }
            return directory.page(filter(), first, pageSize, field, ascending);
        }

        @Override
        public String getRowKey(StaffDirectory.StaffRow row) {
            return String.valueOf(row.id());
        }
    }

    public void startCreate() {
        editingId = null;
        username = fullName = email = supervisorUsername = password = null;
        unit.choose(null);
        roles = new ArrayList<>(List.of(Role.EMPLOYEE.name()));
        formOpen = true;
    }

    public void startEdit(Long id) {
        try {
            StaffDirectory.StaffRow row = directory.get(id);
            editingId = row.id();
            editingVersion = row.version();
            username = row.username();
            fullName = row.fullName();
            email = row.email();
            unit.id(row.unitId());
            supervisorUsername = row.supervisorUsername();
            roles = new ArrayList<>(row.roles().stream().map(Role::name).toList());
            password = null;
            formOpen = true;
        } catch (NotFoundException e) {
            Messages.error("That staff user no longer exists.");
        }
    }

    public void cancel() {
        formOpen = false;
    }

    public void save() {
        Long supervisorId = null;
        if (supervisorUsername != null && !supervisorUsername.isBlank()) {
            // an exact lookup: a prefix search capped at 50 rows could miss the person in a large district
            supervisorId = directory.activeIdOf(supervisorUsername).orElse(-1L);
        }
        StaffDirectory.StaffForm form = new StaffDirectory.StaffForm(username, fullName, email, unit.id(),
                supervisorId, selectedRoles(), password);
        try {
            StaffDirectory.StaffRow saved = editingId == null ? directory.create(form) : directory.update(editingId, editingVersion, form);
            Messages.info((editingId == null ? "Created " : "Saved ") + saved.fullName() + " (" + saved.username() + ").");
            formOpen = false;
            password = null;
        } catch (InvalidInputException e) {
            Messages.fieldErrors("staffForm", e);
        } catch (ConflictException e) {
            Messages.error(e.getMessage());
        }
    }

    public void deactivate(Long id) {
        try {
            StaffDirectory.StaffRow row = directory.deactivate(id);
            Messages.info(row.fullName() + " is deactivated: they can no longer sign in, and any open session has ended.");
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        }
    }

    public void reactivate(Long id) {
        try {
            StaffDirectory.StaffRow row = directory.reactivate(id);
            Messages.info(row.fullName() + " is active again.");
        } catch (InvalidInputException e) {
            e.getFieldErrors().values().forEach(Messages::error);
        }
    }

    private EnumSet<Role> selectedRoles() {
        EnumSet<Role> selected = EnumSet.noneOf(Role.class);
        for (String name : roles) {
            selected.add(Role.valueOf(name));
        }
        return selected;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public String roleLabels(java.util.Set<Role> set) {
        return String.join(", ", set.stream().sorted().map(Role::label).toList());
    }

    public LazyDataModel<StaffDirectory.StaffRow> getStaff() {
        return staff;
    }

    public OrgUnits.UnitChoice getSearchUnit() { return searchUnit.shown(units); }
    public void setSearchUnit(OrgUnits.UnitChoice chosen) { searchUnit.choose(chosen); }
    public UnitChoiceConverter getSearchUnitConverter() { return searchUnit.converter(units); }

    public OrgUnits.UnitChoice getUnit() { return unit.shown(units); }
    public void setUnit(OrgUnits.UnitChoice chosen) { unit.choose(chosen); }
    public UnitChoiceConverter getUnitConverter() { return unit.converter(units); }

    public List<OrgUnits.UnitChoice> completeUnit(String text) { return UnitField.complete(units, text); }

    public String getSearchText() {
        return searchText;
    }

    public void setSearchText(String searchText) {
        this.searchText = searchText;
    }

    public String getSearchStatus() {
        return searchStatus;
    }

    public void setSearchStatus(String searchStatus) {
        this.searchStatus = searchStatus;
    }

    public Long getEditingId() {
        return editingId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSupervisorUsername() {
        return supervisorUsername;
    }

    public void setSupervisorUsername(String supervisorUsername) {
        this.supervisorUsername = supervisorUsername;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isFormOpen() {
        return formOpen;
    }
}
