package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.RosterChanged;
import org.district.socialmedia.students.entity.Student;

import java.time.Clock;

/**
 * Students and guardians entered by hand, beside the roster feed (which never deactivates them): the
 * students component makes its own records. The caller (the consent clerk's service) has checked who
 * may enter whom, and whether the District id is free.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class HandEntry {

    /** The object type of a student's entries in the audit log. */
    public static final String STUDENT_OBJECT = "Student";

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<RosterChanged> rosterChanged;

    /** Enters a student of this school. */
    public Student student(String districtId, String givenName, String familyName, OrgUnit school, String grade) {
        Student student = new Student(null, districtId, givenName, familyName, school, grade, clock.instant());
        em.persist(student);
        em.flush();
        audit.record("STUDENT_ENTERED", STUDENT_OBJECT, student.getId(), "District id " + student.getDistrictId() + ", entered by hand");
        rosterChanged.fire(new RosterChanged(school.getId()));
        return student;
    }

    /** Enters a parent or guardian and links them to the student. */
    public Guardian guardian(Student student, String givenName, String familyName, String email, String phone, GuardianRole role) {
        Guardian guardian = new Guardian(null, givenName, familyName, email, phone, role, clock.instant());
        em.persist(guardian);
        student.link(guardian);
        em.flush();
        audit.record("GUARDIAN_ENTERED", STUDENT_OBJECT, student.getId(), guardian.displayName() + " (" + role + ") linked by hand");
        return guardian;
    }
}
