package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.DirectoryVersion;

/**
 * The public directory's version, kept in the database (directory_version) rather than in a server:
 * several servers share one database, and each must see a change made on another. Reading it is one
 * primary-key lookup, whatever the number of accounts.
 */
@Stateless
public class DirectoryVersions {

    @PersistenceContext
    EntityManager em;

    /**
     * Records that what the directory shows changed. Runs in the caller's transaction, so the new
     * version commits or rolls back with the change. The UPDATE locks the row until the commit:
     * concurrent changes each add one, one after the other (one short wait per account change, which
     * the registry's rate of change allows). Call it after the change's own writes are flushed, so a
     * transaction holds the version row for as short a time as possible and always takes it last.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void changed() {
        int rows = em.createNativeQuery("UPDATE directory_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = ?1")
                .setParameter(1, DirectoryVersion.ID).executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("directory_version has no row " + DirectoryVersion.ID + ": migration V12 puts it there");
        }
    }

    /** The current version as text, for ETags and for keys of what is built once per version. */
    public String current() {
        DirectoryVersion row = em.find(DirectoryVersion.class, DirectoryVersion.ID);
        if (row == null) {
            throw new IllegalStateException("directory_version has no row " + DirectoryVersion.ID + ": migration V12 puts it there");
        }
        return row.token();
    }
}
