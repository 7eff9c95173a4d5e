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

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A student in a class (OneRoster enrollments.csv, role "student"; teachers' enrollments are not
 * imported: staff come from the staff directory). Optional begin and end dates as the SIS sends them.
 */
@Entity
@Table(name = "enrollment")
@NamedQuery(name = Enrollment.BY_SOURCED_ID, query = "SELECT e FROM Enrollment e WHERE e.sourcedId IN :sourcedIds")
@NamedQuery(name = Enrollment.IMPORTED, query = "SELECT e FROM Enrollment e WHERE e.sourcedId IS NOT NULL")
// The class roster for a consent check: one query, students fetched with it.
@NamedQuery(name = Enrollment.ROSTER, query = "SELECT e FROM Enrollment e JOIN FETCH e.student s"
        + " WHERE e.schoolClass.id = :classId AND e.active = TRUE AND s.active = TRUE"
        + " AND (e.beginDate IS NULL OR e.beginDate <= :day) AND (e.endDate IS NULL OR e.endDate >= :day)"
        + " ORDER BY s.familyName, s.givenName")
public class Enrollment implements Serializable {

    public static final String BY_SOURCED_ID = "Enrollment.bySourcedId";
    public static final String IMPORTED = "Enrollment.imported";
    /** Parameters {@code classId} and {@code day} (LocalDate). */
    public static final String ROSTER = "Enrollment.roster";
    public static final int SOURCED_ID_MAX = Student.SOURCED_ID_MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_seq")
    @SequenceGenerator(name = "enrollment_seq", sequenceName = "enrollment_seq", allocationSize = 50)
    private Long id;

    @Size(max = SOURCED_ID_MAX)
    @Column(name = "sourced_id", length = SOURCED_ID_MAX, unique = true, updatable = false)
    private String sourcedId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id", nullable = false)
    private SchoolClass schoolClass;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    private Student student;

    @Column(name = "begin_date")
    private LocalDate beginDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected Enrollment() {
    }

    public Enrollment(String sourcedId, SchoolClass schoolClass, Student student, LocalDate beginDate, LocalDate endDate) {
        this.sourcedId = Names.clean(sourcedId);
        this.schoolClass = Objects.requireNonNull(schoolClass, "schoolClass");
        this.student = Objects.requireNonNull(student, "student");
        setDates(beginDate, endDate);
    }

    /** @return whether anything changed (a reactivation counts) */
    public boolean update(SchoolClass newClass, Student newStudent, LocalDate newBegin, LocalDate newEnd) {
        boolean changed = !active || !same(schoolClass, newClass) || !same(student, newStudent)
                || !Objects.equals(beginDate, newBegin) || !Objects.equals(endDate, newEnd);
        this.schoolClass = Objects.requireNonNull(newClass, "schoolClass");
        this.student = Objects.requireNonNull(newStudent, "student");
        setDates(newBegin, newEnd);
        active = true;
        deactivatedAt = null;
        return changed;
    }

    private static boolean same(Object a, Object b) {
        return a == b || a != null && a.equals(b);
    }

    private void setDates(LocalDate begin, LocalDate end) {
        if (begin != null && end != null && end.isBefore(begin)) {
            throw new IllegalArgumentException("An enrollment cannot end (" + end + ") before it begins (" + begin + ")");
        }
        this.beginDate = begin;
        this.endDate = end;
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

    public boolean isCurrentOn(LocalDate day) {
        return active && (beginDate == null || !day.isBefore(beginDate)) && (endDate == null || !day.isAfter(endDate));
    }

    public Long getId() {
        return id;
    }

    public String getSourcedId() {
        return sourcedId;
    }

    public SchoolClass getSchoolClass() {
        return schoolClass;
    }

    public Student getStudent() {
        return student;
    }

    public LocalDate getBeginDate() {
        return beginDate;
    }

    public LocalDate getEndDate() {
        return endDate;
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
        return this == o || o instanceof Enrollment other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
