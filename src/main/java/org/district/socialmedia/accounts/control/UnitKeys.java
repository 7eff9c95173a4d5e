package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.people.entity.UnitRenamed;

/**
 * Keeps what the accounts keep of a school's or department's name up to date when it is renamed, in the
 * transaction of the rename: the accounts' copy (the console's order "by school", V8), and the public
 * directory's version, since the directory shows the name and is kept per version.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class UnitKeys {

    @PersistenceContext
    EntityManager em;
    @Inject
    DirectoryVersions directory;

    public void on(@Observes UnitRenamed renamed) {
        // every account of the unit, archived ones too: the console lists them in the same order
        em.createQuery("UPDATE DistrictAccount a SET a.unitKey = :key WHERE a.unit.id = :id")
                .setParameter("key", DistrictAccount.unitKey(renamed.name()))
                .setParameter("id", renamed.unitId())
                .executeUpdate();
        directory.changed();
    }
}
