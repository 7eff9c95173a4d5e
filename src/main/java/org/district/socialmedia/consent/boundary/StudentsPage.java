package org.district.socialmedia.consent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
    private LazyDataModel<ConsentService.StudentRow> rows;

    @PostConstruct
    void init() {
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

    public LazyDataModel<ConsentService.StudentRow> getRows() { return rows; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
