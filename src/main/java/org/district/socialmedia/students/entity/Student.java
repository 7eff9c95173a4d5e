package org.district.socialmedia.students.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A student of the District. Comes from the student information system's OneRoster export (then
 * {@code sourcedId} is set and the import owns the record) or is entered by hand (no sourcedId: the
 * import never deactivates it). Students are deactivated, never deleted: consent forms and the
 * FERPA disclosure records name them.
 */
@Entity
@Table(name = "student")
@NamedQuery(name = Student.BY_SOURCED_ID, query = "SELECT s FROM Student s WHERE s.sourcedId IN :sourcedIds")
@NamedQuery(name = Student.BY_DISTRICT_ID, query = "SELECT s FROM Student s WHERE s.districtId = :districtId")
@NamedQuery(name = Student.IMPORTED, query = "SELECT s FROM Student s WHERE s.sourcedId IS NOT NULL")
public class Student implements Serializable {

    /** Parameter {@code sourcedIds}: a collection, so the import looks up a batch at once. */
    public static final String BY_SOURCED_ID = "Student.bySourcedId";
    public static final String BY_DISTRICT_ID = "Student.byDistrictId";
    /** Everything a bulk import may deactivate. */
    public static final String IMPORTED = "Student.imported";
    // OneRoster sourcedIds are GUIDs in practice, but the standard only says "string".
    public static final int SOURCED_ID_MAX = 255;
    public static final int DISTRICT_ID_MAX = 40;
    public static final int NAME_MAX = 100;
    public static final int GRADE_MAX = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "student_seq")
    @SequenceGenerator(name = "student_seq", sequenceName = "student_seq", allocationSize = 50)
    private Long id;

    @Size(max = SOURCED_ID_MAX)
    @Column(name = "sourced_id", length = SOURCED_ID_MAX, unique = true, updatable = false)
    private String sourcedId;

    @Size(max = DISTRICT_ID_MAX)
    @Column(name = "district_id", length = DISTRICT_ID_MAX, nullable = false, unique = true)
    private String districtId;

    @Size(max = NAME_MAX)
    @Column(name = "given_name", length = NAME_MAX, nullable = false)
    private String givenName;

    @Size(max = NAME_MAX)
    @Column(name = "family_name", length = NAME_MAX, nullable = false)
    private String familyName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id", nullable = false)
    private OrgUnit school;

    @Size(max = GRADE_MAX)
    @Column(name = "grade", length = GRADE_MAX)
    private String grade;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "student_guardian",
            joinColumns = @JoinColumn(name = "student_id"),
            inverseJoinColumns = @JoinColumn(name = "guardian_id"))
    private Set<Guardian> guardians = new HashSet<>();

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected Student() {
    }

    /**
     * @param sourcedId null for a student entered by hand
     * @throws InvalidInputException naming the fields at fault
     */
    public Student(String sourcedId, String districtId, String givenName, String familyName, OrgUnit school,
                   String grade, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        this.sourcedId = Names.optional(errors, "sourcedId", sourcedId, SOURCED_ID_MAX);
        apply(errors, districtId, givenName, familyName, school, grade);
        Names.throwIfAny(errors);
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /**
     * Takes the values of a later import or an edit; reactivates a deactivated student.
     *
     * @return whether anything changed, so that re-importing the same file is reported as no change
     */
    public boolean update(String districtId, String givenName, String familyName, OrgUnit school, String grade) {
        Map<String, String> errors = new LinkedHashMap<>();
        // validated on a throwaway first, so that refused values leave this student untouched
        new Student().apply(errors, districtId, givenName, familyName, school, grade);
        Names.throwIfAny(errors);
        String before = describe();
        OrgUnit schoolBefore = this.school;
        boolean wasActive = active;
        apply(errors, districtId, givenName, familyName, school, grade);
        this.active = true;
        this.deactivatedAt = null;
        return !wasActive || !before.equals(describe()) || !sameUnit(schoolBefore, school);
    }

    private void apply(Map<String, String> errors, String districtId, String givenName, String familyName,
                       OrgUnit school, String grade) {
        this.districtId = Names.required(errors, "districtId", districtId, DISTRICT_ID_MAX, "Enter the District student id");
        this.givenName = Names.required(errors, "givenName", givenName, NAME_MAX, "Enter the student's given name");
        this.familyName = Names.required(errors, "familyName", familyName, NAME_MAX, "Enter the student's family name");
        this.grade = Names.optional(errors, "grade", grade, GRADE_MAX);
        if (school == null) {
            errors.put("school", "Choose the student's school");
        }
        this.school = school;
    }

    private String describe() {
        return districtId + '\u0000' + givenName + '\u0000' + familyName + '\u0000' + grade;
    }

    private static boolean sameUnit(OrgUnit a, OrgUnit b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        // Units loaded in another persistence context are different objects with the same id.
        return a.getId() != null ? a.getId().equals(b.getId()) : Objects.equals(a.getCode(), b.getCode());
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

    /** Left in the roster with its forms and history; a later import or edit may bring it back. */
    public boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        deactivatedAt = now;
        return true;
    }

    /** @return whether the link is new */
    public boolean link(Guardian guardian) {
        return guardians.add(Objects.requireNonNull(guardian, "guardian"));
    }

    /** @return whether there was such a link */
    public boolean unlink(Guardian guardian) {
        return guardians.remove(guardian);
    }

    /** Whether this adult is listed for the student; compared by id once stored, else by identity. */
    public boolean hasGuardian(Guardian guardian) {
        if (guardian == null) {
            return false;
        }
        if (guardians.contains(guardian)) {
            return true;
        }
        return guardian.getId() != null && guardians.stream().anyMatch(g -> guardian.getId().equals(g.getId()));
    }

    public String displayName() {
        return givenName + " " + familyName;
    }

    public Long getId() {
        return id;
    }

    public String getSourcedId() {
        return sourcedId;
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public OrgUnit getSchool() {
        return school;
    }

    public String getGrade() {
        return grade;
    }

    public Set<Guardian> getGuardians() {
        return Collections.unmodifiableSet(guardians);
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Student other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return displayName() + " (" + districtId + ")";
    }
}
