package org.district.socialmedia.acknowledgements.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.acknowledgements.entity.CoverageDeltas;
import org.district.socialmedia.people.entity.StaffDeactivated;
import org.district.socialmedia.people.entity.StaffMoved;
import org.district.socialmedia.people.entity.StaffReactivated;
import org.district.socialmedia.people.entity.StaffUser;

/**
 * The coverage report counts active staff in their school or department: a deactivation, a reactivation and a
 * move change the tally in the same transaction as the staff member's row (the events are fired in it).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StaffCoverage {

    @PersistenceContext
    EntityManager em;
    @Inject
    CoverageTally tally;

    public void on(@Observes StaffDeactivated deactivated) {
        StaffUser user = em.find(StaffUser.class, deactivated.userId());
        tally.apply(CoverageDeltas.leaving(tally.owedBy(user.getId()), unitOf(user)));
    }

    public void on(@Observes StaffReactivated reactivated) {
        StaffUser user = em.find(StaffUser.class, reactivated.userId());
        tally.apply(CoverageDeltas.joining(tally.owedBy(user.getId()), unitOf(user)));
    }

    /** Fired right after the move: an inactive staff member is in no unit's count, so nothing moves. */
    public void on(@Observes StaffMoved moved) {
        StaffUser user = em.find(StaffUser.class, moved.userId());
        if (user.isActive()) {
            tally.apply(CoverageDeltas.moving(tally.owedBy(user.getId()), moved.fromUnitId(), moved.toUnitId()));
        }
    }

    private static Long unitOf(StaffUser user) {
        return user.getUnit() == null ? null : user.getUnit().getId();
    }
}
