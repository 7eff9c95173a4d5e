package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.requests.entity.AuthorizationStatus;

import java.util.LinkedHashSet;
import java.util.Set;

/** Who hears about an account's yearly checklist: its active operators and its District administrators (active staff). */
public final class ChecklistPeople {

    private ChecklistPeople() {
    }

    /** Their email addresses. */
    public static Set<String> of(EntityManager em, Long accountId) {
        Set<String> emails = new LinkedHashSet<>(em.createQuery("SELECT op.employee.email FROM AccountOperator op WHERE op.accountId = :a"
                        + " AND op.authorization.status = :operatorActive AND op.employee.active = TRUE", String.class)
                .setParameter("a", accountId).setParameter("operatorActive", AuthorizationStatus.ACTIVE).getResultList());
        emails.addAll(em.createQuery("SELECT g.holder.email FROM AccountGrant g WHERE g.accountId = :a AND g.status = :adminActive"
                        + " AND g.holder.active = TRUE", String.class)
                .setParameter("a", accountId).setParameter("adminActive", GrantStatus.ACTIVE).getResultList());
        return emails;
    }
}
