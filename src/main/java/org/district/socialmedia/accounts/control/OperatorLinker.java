package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.RequestEvent;

import java.time.Clock;

/**
 * When a decision authorizes a line that named an existing District account, the employee becomes
 * one of its operators at once: the registry always says who may operate each account.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OperatorLinker {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountComplianceTally compliance;
    @Inject
    AuditLog audit;

    public void on(@Observes RequestEvent event) {
        if (event.type() != RequestEvent.Type.DECIDED) {
            return;
        }
        for (Authorization authorization : em.createNamedQuery(Authorization.FOR_REQUEST, Authorization.class)
                .setParameter("requestId", event.requestId()).getResultList()) {
            Long accountId = authorization.getLine().getExistingAccountId();
            DistrictAccount account = accountId == null ? null : em.find(DistrictAccount.class, accountId);
            if (account == null || !authorization.isActive()) {
                continue;
            }
            boolean linked = !em.createQuery("SELECT o.id FROM AccountOperator o WHERE o.account = :a AND o.authorization = :z", Long.class)
                    .setParameter("a", account).setParameter("z", authorization).getResultList().isEmpty();
            if (!linked) {
                em.persist(account.addOperator(authorization, event.actor() == null ? "system" : event.actor(), clock.instant()));
                compliance.accountChanged(account);
                audit.record("ACCOUNT_OPERATOR_LINKED", DistrictAccount.OBJECT_TYPE, account.getId(), authorization.getEmployee().getUsername()
                        + " operates it under authorization " + authorization.getId() + " from the decision on request " + event.requestId());
            }
        }
    }
}
