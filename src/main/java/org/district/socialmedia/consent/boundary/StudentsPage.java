package org.district.socialmedia.consent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The consent clerk's students (their own school's; every school for an auditor), searched by name or District id. */
@Named
@ViewScoped
public class StudentsPage implements Serializable {

    @Inject
    ConsentService service;

    private String text;
    private boolean mayEnter;
    private String districtId;
    private String givenName;
    private String familyName;
    private String grade;
    private LazyDataModel<ConsentService.StudentRow> rows;

    @PostConstruct
    void init() {
        var scope = service.scope();
        mayEnter = scope.mayChange() && scope.schoolId() != null;
        rows = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) Math.min(Integer.MAX_VALUE, service.countStudents(text));
            }

            @Override
            public List<ConsentService.StudentRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                        Map<String, FilterMeta> filterBy) {
                return service.students(text, first, pageSize);
            }

            @Override
            public String getRowKey(ConsentService.StudentRow row) {
                return String.valueOf(row.id());
            }
        };
    }

    /** A student the roster feed does not have yet, entered by hand at the clerk's school. */
    public String addStudent() {
        try {
            ConsentService.StudentView added = service.addStudent(new ConsentService.NewStudent(districtId, givenName, familyName, grade));
            jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash()
                    .put("notice", added.givenName() + " " + added.familyName() + " is entered. Add a parent or guardian before recording a form.");
            return "/consent/student.xhtml?faces-redirect=true&id=" + java.net.URLEncoder.encode(added.districtId(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            Messages.fieldErrors("newStudent", e);
            return null;
        }
    }

    public LazyDataModel<ConsentService.StudentRow> getRows() { return rows; }
    public boolean isMayEnter() { return mayEnter; }
    public String getDistrictId() { return districtId; }
    public void setDistrictId(String districtId) { this.districtId = districtId; }
    public String getGivenName() { return givenName; }
    public void setGivenName(String givenName) { this.givenName = givenName; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String familyName) { this.familyName = familyName; }
    public String getGrade() { return grade; }
    public void setGrade(String grade) { this.grade = grade; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
