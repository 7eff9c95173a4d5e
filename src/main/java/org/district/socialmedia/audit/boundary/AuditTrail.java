package org.district.socialmedia.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.entity.Role;

import java.util.Collection;
import java.util.List;

/** Reads the audit log: the latest entries about some kinds of object, newest first. */
@Stateless
public class AuditTrail {

    public static final int LIMIT_MAX = 200;

    @PersistenceContext
    EntityManager em;

    @RolesAllowed({Role.SYSTEM_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<AuditEntry> recent(Collection<String> objectTypes, int limit) {
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.objectType IN :types ORDER BY a.occurredAt DESC, a.id DESC",
                        AuditEntry.class)
                .setParameter("types", objectTypes)
                .setMaxResults(Math.min(Math.max(1, limit), LIMIT_MAX))
                .getResultList();
    }
}
