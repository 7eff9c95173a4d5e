package org.district.socialmedia.students.control;

import jakarta.enterprise.event.Event;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.RosterChanged;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.util.Set;
import java.util.TreeSet;

/**
 * The schools a roster write touched, told once each: a student's or a class's school before and after a change
 * (a move touches both), an enrollment's class's and student's. So a nightly delta for one school makes only that
 * school's counts stale, not every school's, which the consent timer would otherwise count again in full.
 * Guardians and their links are not counted: no count kept of the roster depends on them.
 */
final class TouchedSchools {

    private final Set<Long> ids = new TreeSet<>();

    void of(OrgUnit school) {
        if (school != null && school.getId() != null) {
            ids.add(school.getId());
        }
    }

    /** A school by id, as the set-wise write finds it ({@link EnrollmentWrites}). */
    void of(Long schoolId) {
        if (schoolId != null) {
            ids.add(schoolId);
        }
    }

    void of(Student student) {
        if (student != null) {
            of(student.getSchool());
        }
    }

    void of(SchoolClass schoolClass) {
        if (schoolClass != null) {
            of(schoolClass.getSchool());
        }
    }

    void of(Enrollment enrollment) {
        of(enrollment.getSchoolClass());
        of(enrollment.getStudent());
    }

    /** One event per school touched, in the caller's transaction. */
    void tell(Event<RosterChanged> rosterChanged) {
        ids.forEach(id -> rosterChanged.fire(new RosterChanged(id)));
    }

    Set<Long> ids() {
        return Set.copyOf(ids);
    }
}
