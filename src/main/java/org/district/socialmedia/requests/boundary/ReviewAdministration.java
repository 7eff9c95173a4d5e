package org.district.socialmedia.requests.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.control.FieldChanges;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.BeanChecks;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Designation;
import org.district.socialmedia.requests.entity.StandardReason;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Superintendent keeps: the designees who may answer requests for a period, and the library
 * of standard explanations reviewers pick from (and edit for each decision).
 */
@Stateless
@RolesAllowed(Role.SUPERINTENDENT_NAME)
public class ReviewAdministration {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    Principal caller;
    @Inject
    Validator validator;

    public List<Designation> designations() {
        return em.createNamedQuery(Designation.ALL, Designation.class).setMaxResults(200).getResultList();
    }

    public Designation designate(String designeeUsername, LocalDate startsOn, LocalDate endsOn, boolean mayGrantRights) {
        StaffUser designee = designeeUsername == null || designeeUsername.isBlank() ? null
                : em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class)
                .setParameter("username", StaffUser.normalizeUsername(designeeUsername)).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("designee", "No staff member has the username '" + designeeUsername + "'"));
        Designation designation = new Designation(designee, me(), startsOn, endsOn, clock.instant());
        designation.allowGrantingRights(mayGrantRights);
        em.persist(designation);
        em.flush();
        audit.record("DESIGNEE_NAMED", "Designation", designation.getId(),
                designee.getUsername() + " from " + startsOn + " to " + endsOn
                        + (mayGrantRights ? ", may grant administrative rights on District accounts" : ""));
        return designation;
    }

    public void endDesignation(Long id) {
        Designation designation = id == null ? null : em.find(Designation.class, id);
        if (designation == null) {
            throw new NotFoundException("Designation");
        }
        try {
            designation.revoke(clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("designation", e.getMessage());
        }
        audit.record("DESIGNATION_ENDED", "Designation", id, designation.getDesignee().getUsername());
    }

    @RolesAllowed({Role.SUPERINTENDENT_NAME, Role.REVIEWER_NAME})
    public List<StandardReason> reasons() {
        return em.createNamedQuery(StandardReason.ALL, StandardReason.class).getResultList();
    }

    /** Adds (id null) or revises a standard explanation. */
    public StandardReason saveReason(Long id, String title, String text) {
        StandardReason reason;
        String before = null;
        if (id == null) {
            reason = new StandardReason(title, text);
        } else {
            reason = em.find(StandardReason.class, id);
            if (reason == null) {
                throw new NotFoundException("Standard reason");
            }
            before = reason.getTitle() + ": " + reason.getText();
            reason.revise(title, text);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        BeanChecks.collect(validator, reason, errors);
        boolean titleTaken = em.createQuery("SELECT COUNT(r) FROM StandardReason r WHERE LOWER(r.title) = :t AND r.id <> :id", Long.class)
                .setParameter("t", reason.getTitle() == null ? "" : reason.getTitle().toLowerCase(java.util.Locale.ROOT))
                .setParameter("id", id == null ? -1L : id).getSingleResult() > 0;
        if (titleTaken) {
            errors.putIfAbsent("title", "Another standard reason already has this title");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (id == null) {
            em.persist(reason);
        }
        em.flush();
        audit.record(id == null ? "REASON_ADDED" : "REASON_REVISED", "StandardReason", reason.getId(),
                FieldChanges.describe(Map.of("reason", new Object[]{before, reason.getTitle() + ": " + reason.getText()})));
        return reason;
    }

    public void setReasonOffered(Long id, boolean offered) {
        StandardReason reason = id == null ? null : em.find(StandardReason.class, id);
        if (reason == null) {
            throw new NotFoundException("Standard reason");
        }
        try {
            if (offered) {
                reason.reinstate();
            } else {
                reason.retire();
            }
        } catch (IllegalStateException e) {
            throw new InvalidInputException("reason", e.getMessage());
        }
        audit.record(offered ? "REASON_REINSTATED" : "REASON_RETIRED", "StandardReason", id, reason.getTitle());
    }

    private StaffUser me() {
        return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", caller.getName()).getSingleResult();
    }
}
