package org.district.socialmedia.policy.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The queries on policy versions; "today" is the District's day. */
@Stateless
public class PolicyVersions {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DistrictTime districtTime;

    public LocalDate today() {
        return clock.instant().atZone(districtTime.timeZone()).toLocalDate();
    }

    /** Newest first. */
    public List<PolicyVersion> of(PolicyDocument document) {
        return em.createQuery("SELECT v FROM PolicyVersion v WHERE v.document = :d ORDER BY v.number DESC", PolicyVersion.class)
                .setParameter("d", document).getResultList();
    }

    public Optional<PolicyVersion> inForce(PolicyDocument document) {
        // the few versions that took effect by today; the entity picks the one in force
        List<PolicyVersion> effective = em.createQuery(
                        "SELECT v FROM PolicyVersion v WHERE v.document = :d AND v.effectiveOn <= :today ORDER BY v.effectiveOn DESC, v.number DESC",
                        PolicyVersion.class)
                .setParameter("d", document).setParameter("today", today()).setMaxResults(1).getResultList();
        return PolicyVersion.inForce(effective, today());
    }

    public Optional<PolicyVersion> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(PolicyVersion.class, id));
    }

    public int nextNumber(PolicyDocument document) {
        Integer max = em.createQuery("SELECT MAX(v.number) FROM PolicyVersion v WHERE v.document = :d", Integer.class)
                .setParameter("d", document).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
