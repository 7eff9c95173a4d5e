package org.district.socialmedia.consent.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.students.entity.Student;

import java.io.Serializable;

/**
 * Who may see which student's consent records (FERPA: a legitimate educational interest): a
 * consent clerk the students of their own school, an auditor every student (reading only).
 * A student outside the caller's reach is "not found", never shown.
 */
@Stateless
public class ConsentAccess {

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;

    /**
     * @param schoolId the clerk's school; null for an auditor, who reads every school
     * @param mayChange clerks record and revoke forms; auditors only read
     */
    public record Scope(String username, Long schoolId, boolean mayChange, boolean readsAll) implements Serializable {

        public boolean reaches(Student student) {
            return readsAll || schoolId != null && student.getSchool() != null && schoolId.equals(student.getSchool().getId());
        }
    }

    public Scope scope() {
        String username = context.getCallerPrincipal().getName();
        if (context.isCallerInRole(Role.CONSENT_CLERK_NAME)) {
            StaffUser me = em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", username)
                    .getResultStream().findFirst().orElse(null);
            Long school = me == null || me.getUnit() == null ? null : me.getUnit().getId();
            return new Scope(username, school, true, context.isCallerInRole(Role.AUDITOR_NAME));
        }
        return new Scope(username, null, false, context.isCallerInRole(Role.AUDITOR_NAME));
    }

    /** The student if the caller may see them, else NotFoundException (as for a student who does not exist). */
    public Student reachable(Scope scope, Student student) {
        if (student == null || !scope.reaches(student)) {
            throw new NotFoundException("Student");
        }
        return student;
    }
}
