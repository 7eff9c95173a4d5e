package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.people.entity.StaffRenamed;

/**
 * Keeps the grants' copy of their holder's name (the key of the console's order "by holder", V14)
 * equal to the name, in the transaction of the rename.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class HolderKeys {

    @PersistenceContext
    EntityManager em;

    public void on(@Observes StaffRenamed renamed) {
        // every grant of the holder, ended ones too: the table lists them in the same order
        em.createQuery("UPDATE AccountGrant g SET g.holderKey = :key WHERE g.holderId = :id")
                .setParameter("key", AccountGrant.holderKey(renamed.fullName()))
                .setParameter("id", renamed.userId())
                .executeUpdate();
    }
}
