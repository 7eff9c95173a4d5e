package org.district.socialmedia.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.entity.AuditEntry.Outcome;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.audit.entity.AuditPending;
import org.district.socialmedia.platform.entity.Role;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Appends to the audit log. Changes are recorded in the caller's transaction (the change and its
 * audit line commit or roll back together); denials and failed logins in their own transaction, so
 * they stay recorded even though the caller's work is refused.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    Clock clock;

    /** A change or an access done by the current caller, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String action, String objectType, Object objectId, String details) {
        write(callerName(), action, objectType, objectId, Outcome.DONE, details);
    }

    /** A change or an access done by someone without a sign-in (a parent through their link), named by the caller. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAs(String actor, String action, String objectType, Object objectId, String details) {
        write(actor, action, objectType, objectId, Outcome.DONE, details);
    }

    /** A login, a refusal or a failure: kept even if the caller's transaction rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(String actor, String action, String objectType, Object objectId, Outcome outcome,
                        String details) {
        write(actor != null ? actor : callerName(), action, objectType, objectId, outcome, details);
    }

    private void write(String actor, String action, String objectType, Object objectId, Outcome outcome,
                       String details) {
        AuditEntry entry = new AuditEntry(clock.instant(), actor, callerRoles(), ClientAddress.current(), action,
                objectType, objectId == null ? null : objectId.toString(), outcome, details);
        em.persist(entry);
        // queued for the chain in the same transaction: a row that commits is always sealed (AuditChain)
        em.persist(new AuditPending(entry.getId()));
    }

    private String callerName() {
        String name = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
        return name == null || "anonymous".equals(name) ? "system" : name;
    }

    private String callerRoles() {
        return Arrays.stream(Role.values())
                .filter(role -> {
                    try {
                        return context.isCallerInRole(role.name());
                    } catch (IllegalStateException notInCallContext) {
                        return false;
                    }
                })
                .map(Role::name)
                .collect(Collectors.joining(","));
    }
}
