package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffDeactivated;
import org.district.socialmedia.people.entity.StaffMoved;
import org.district.socialmedia.people.entity.StaffReactivated;
import org.district.socialmedia.people.entity.StaffOrigin;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.students.control.StaffReconciler.StaffChanges;
import org.district.socialmedia.students.control.StaffReconciler.StaffData;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the staff part of a roster import: new roster staff users (no password: they sign in by single
 * sign-on or get one from a system administrator), changes, and deactivations of roster staff only. Each
 * change is audited as a staff change by hand is; a deactivation ends rights and authorizations in the
 * same transaction (StaffDeactivated), as on the Staff users page.
 */
@Stateless
public class RosterStaffWriter {

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Event<StaffDeactivated> deactivations;
    @Inject
    Event<StaffMoved> moves;
    @Inject
    Event<StaffReactivated> reactivations;

    /** @return the ids (as text) of the staff users deactivated */
    public Set<String> apply(StaffChanges changes, Map<String, Long> units, Instant now) {
        for (Map.Entry<String, StaffData> entry : changes.created().entrySet()) {
            StaffData d = entry.getValue();
            StaffUser user = StaffUser.fromRoster(d.sourcedId(), freeUsername(d.email()), d.fullName(), d.email(), now);
            user.grantRoles(d.roles());
            user.assignUnit(unit(d.unitCode(), units));
            em.persist(user);
            em.flush();
            audit.record("STAFF_CREATED", "StaffUser", user.getId(), "from the roster import: " + d.sourcedId() + ", roles " + d.roles());
        }
        for (Map.Entry<Long, StaffData> entry : changes.updated().entrySet()) {
            StaffUser user = em.find(StaffUser.class, entry.getKey());
            StaffData d = entry.getValue();
            user.linkRoster(d.sourcedId());
            if (user.getOrigin() == StaffOrigin.ROSTER) {
                user.rename(d.fullName());
                user.changeEmail(d.email());
                Long before = user.getUnit() == null ? null : user.getUnit().getId();
                user.assignUnit(unit(d.unitCode(), units));
                Long after = user.getUnit() == null ? null : user.getUnit().getId();
                if (!Objects.equals(before, after)) {
                    moves.fire(new StaffMoved(user.getId(), before, after));
                }
                if (!user.isActive()) {
                    user.reactivate();
                    reactivations.fire(new StaffReactivated(user.getId(), user.getUsername()));
                }
            }
            user.addRoles(d.roles());
            audit.record("STAFF_UPDATED", "StaffUser", user.getId(), "from the roster import: " + d.sourcedId() + ", roles " + d.roles());
        }
        Set<String> deactivated = new TreeSet<>();
        for (Long id : changes.deactivated()) {
            StaffUser user = em.find(StaffUser.class, id);
            if (user != null && user.isActive() && user.getOrigin() == StaffOrigin.ROSTER) {
                user.deactivate(now);
                audit.record("STAFF_DEACTIVATED", "StaffUser", id, "by the roster import: absent or tobedeleted");
                deactivations.fire(new StaffDeactivated(id, user.getUsername(), "roster import"));
                deactivated.add(String.valueOf(id));
            }
        }
        em.flush();
        return deactivated;
    }

    public int reactivate(Set<String> ids) {
        int count = 0;
        for (String id : ids) {
            StaffUser user = em.find(StaffUser.class, Long.valueOf(id));
            if (user != null && !user.isActive()) {
                user.reactivate();
                audit.record("STAFF_REACTIVATED", "StaffUser", user.getId(), "undo of a roster import's deactivations");
                reactivations.fire(new StaffReactivated(user.getId(), user.getUsername()));
                count++;
            }
        }
        return count;
    }

    private OrgUnit unit(String code, Map<String, Long> units) {
        Long id = code == null ? null : units.get(code);
        return id == null ? null : em.find(OrgUnit.class, id);
    }

    /** The email's local part as a username; a number is added when it is taken. */
    private String freeUsername(String email) {
        String base = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        base = base.replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) {
            base = "staff" + base;
        }
        base = base.length() > 58 ? base.substring(0, 58) : base;
        String candidate = base;
        for (int n = 2; taken(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private boolean taken(String username) {
        return !em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class).setParameter("username", username)
                .getResultList().isEmpty();
    }
}
