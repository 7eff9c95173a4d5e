package org.district.socialmedia.consent.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.WhoOperates;
import org.district.socialmedia.consent.entity.ConsentEvent;
import org.district.socialmedia.consent.entity.ConsentRevocation;
import org.district.socialmedia.consent.entity.TakedownTask;
import org.district.socialmedia.platform.entity.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Opens one takedown task in the revocation's transaction: assigned to the account's operators (its
 * District administrators when it has none, the student's school's consent clerks when nobody holds
 * it), and announced, so its email leaves through the outbox with the revocation or not at all.
 * Consent's own revocation and the recorded posts above it both open theirs here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TakedownOpener {

    @PersistenceContext
    EntityManager em;
    @Inject
    Event<ConsentEvent> events;

    /**
     * @param postId the recorded post, or null for the account's posts that consent checks cleared
     * @param reminder when the first reminder is due after now
     */
    public TakedownTask open(ConsentRevocation revocation, long accountId, Long postId, String by, Instant now, Duration reminder) {
        TakedownTask task = new TakedownTask(revocation, accountId, postId, by, now, now.plus(reminder));
        Set<String> assignees = WhoOperates.peopleOf(em, accountId);
        if (assignees.isEmpty()) {
            // an account nobody operates or administers: the school's consent clerks see it through
            assignees.addAll(em.createQuery("SELECT s.username FROM StaffUser s JOIN s.roles r WHERE r = :clerk"
                            + " AND s.active = TRUE AND s.unit = :school", String.class)
                    .setParameter("clerk", Role.CONSENT_CLERK).setParameter("school", task.getStudent().getSchool()).getResultList());
        }
        task.assign(assignees);
        em.persist(task);
        em.flush();
        events.fire(new ConsentEvent(ConsentEvent.Type.TAKEDOWN_CREATED, task.getId()));
        return task;
    }
}
