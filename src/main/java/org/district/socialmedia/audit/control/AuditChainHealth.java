package org.district.socialmedia.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.entity.AuditChainHead;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.audit.entity.AuditSeal;
import org.district.socialmedia.platform.control.DegradationCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit chain's part of health, without walking the chain (that takes minutes at ten million rows):
 * the last full verification (an AUDIT_VERIFIED row, found on the action index) and the chain's end (the
 * head must name the hash of the last link: one primary-key read each).
 */
// a CDI bean, not an EJB: health finds it among every DegradationCheck by its type
@ApplicationScoped
public class AuditChainHealth implements DegradationCheck {

    static final String VERIFIED = "AUDIT_VERIFIED";

    @PersistenceContext
    EntityManager em;

    @Override
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        em.createQuery("SELECT e FROM AuditEntry e WHERE e.action = :verified ORDER BY e.occurredAt DESC, e.id DESC", AuditEntry.class)
                .setParameter("verified", VERIFIED).setMaxResults(1).getResultStream().findFirst()
                .filter(last -> last.getOutcome() == AuditEntry.Outcome.FAILED)
                .ifPresent(last -> reasons.add("the last audit chain check (" + last.getOccurredAt() + ") failed: see the Audit log page"));
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        if (head != null && head.getLastSeq() > 0) {
            AuditSeal last = em.find(AuditSeal.class, head.getLastSeq());
            if (last == null || !last.getRowHash().equals(head.getLastHash())) {
                reasons.add("the audit chain's last link " + head.getLastSeq() + " does not match its head: run the chain check");
            }
        }
        return reasons;
    }
}
