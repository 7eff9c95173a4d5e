package org.district.socialmedia.students.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.people.entity.OrgUnit;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A class from the roster (OneRoster classes.csv), so that an employee can check the consent of a
 * whole class before posting a class photograph. Named SchoolClass because Class is taken.
 */
@Entity
@Table(name = "school_class")
@NamedQuery(name = SchoolClass.BY_SOURCED_ID, query = "SELECT c FROM SchoolClass c WHERE c.sourcedId IN :sourcedIds")
@NamedQuery(name = SchoolClass.IMPORTED, query = "SELECT c FROM SchoolClass c WHERE c.sourcedId IS NOT NULL")
@NamedQuery(name = SchoolClass.ACTIVE_AT_SCHOOL,
        query = "SELECT c FROM SchoolClass c WHERE c.school.id = :schoolId AND c.active = TRUE ORDER BY c.title")
public class SchoolClass implements Serializable {

    public static final String BY_SOURCED_ID = "SchoolClass.bySourcedId";
    public static final String IMPORTED = "SchoolClass.imported";
    public static final String ACTIVE_AT_SCHOOL = "SchoolClass.activeAtSchool";
    public static final int SOURCED_ID_MAX = Student.SOURCED_ID_MAX;
    public static final int TITLE_MAX = 200;
    public static final int CODE_MAX = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_class_seq")
    @SequenceGenerator(name = "school_class_seq", sequenceName = "school_class_seq", allocationSize = 50)
    private Long id;

    @Size(max = SOURCED_ID_MAX)
    @Column(name = "sourced_id", length = SOURCED_ID_MAX, unique = true, updatable = false)
    private String sourcedId;

    @Size(max = TITLE_MAX)
    @Column(name = "title", length = TITLE_MAX, nullable = false)
    private String title;

    @Size(max = CODE_MAX)
    @Column(name = "class_code", length = CODE_MAX)
    private String classCode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id", nullable = false)
    private OrgUnit school;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected SchoolClass() {
    }

    public SchoolClass(String sourcedId, String title, String classCode, OrgUnit school) {
        Map<String, String> errors = new LinkedHashMap<>();
        this.sourcedId = Names.optional(errors, "sourcedId", sourcedId, SOURCED_ID_MAX);
        apply(errors, title, classCode, school);
        Names.throwIfAny(errors);
    }

    /** @return whether anything changed (a reactivation counts) */
    public boolean update(String title, String classCode, OrgUnit school) {
        Map<String, String> errors = new LinkedHashMap<>();
        new SchoolClass().apply(errors, title, classCode, school);
        Names.throwIfAny(errors);
        String before = this.title + '\u0000' + this.classCode + '\u0000' + this.school.getCode();
        boolean wasActive = active;
        apply(errors, title, classCode, school);
        active = true;
        deactivatedAt = null;
        return !wasActive || !before.equals(this.title + '\u0000' + this.classCode + '\u0000' + this.school.getCode());
    }

    private void apply(Map<String, String> errors, String title, String classCode, OrgUnit school) {
        this.title = Names.required(errors, "title", title, TITLE_MAX, "Enter the class title");
        this.classCode = Names.optional(errors, "classCode", classCode, CODE_MAX);
        if (school == null) {
            errors.put("school", "Choose the class's school");
        }
        this.school = school;
    }

    /** Brings back a record an import deactivated (the undo of that import); false if it is active. */
    public boolean reactivate() {
        if (active) {
            return false;
        }
        active = true;
        deactivatedAt = null;
        return true;
    }

    public boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        deactivatedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getSourcedId() {
        return sourcedId;
    }

    public String getTitle() {
        return title;
    }

    public String getClassCode() {
        return classCode;
    }

    public OrgUnit getSchool() {
        return school;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SchoolClass other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return title;
    }
}
