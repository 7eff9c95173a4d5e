package org.district.socialmedia.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.entity.AuditChainHead;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.audit.entity.AuditHash;
import org.district.socialmedia.audit.entity.AuditPending;
import org.district.socialmedia.audit.entity.AuditSeal;
import org.district.socialmedia.audit.entity.ChainWalk;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Seals queued audit rows into the hash chain and verifies the chain. Sealing locks the chain's head
 * row, so whichever servers run it, links are added one server at a time and each queued row once;
 * verification only reads.
 */
@Stateless
public class AuditChain {

    static final int SEAL_BATCH = 500;
    static final int VERIFY_BATCH = 5_000;

    /**
     * The answer of a verification: {@code firstBrokenRow} is the place in the chain (1 for the oldest
     * sealed row) of the first link that does not hold, with the audit row's id and why.
     */
    public record Verification(boolean valid, long checkedRows, Long firstBrokenRow, Long firstBrokenEntryId, String reason,
                               long unsealedRows, Instant verifiedAt) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    /** Seals up to one batch of queued rows, oldest id first; how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealBatch() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<Long> queued = em.createQuery("SELECT p.entryId FROM AuditPending p ORDER BY p.entryId", Long.class)
                .setMaxResults(SEAL_BATCH).getResultList();
        if (queued.isEmpty()) {
            return 0;
        }
        Map<Long, AuditEntry> entries = entries(queued);
        Instant now = clock.instant();
        for (Long id : queued) {
            AuditEntry entry = entries.get(id);
            // a queued row that is gone was deleted behind the application's back: the chain says so
            String content = entry == null ? AuditHash.missing(id) : AuditHash.content(entry);
            em.persist(head.append(id, content, now));
        }
        em.createQuery("DELETE FROM AuditPending p WHERE p.entryId IN :ids").setParameter("ids", queued).executeUpdate();
        return queued.size();
    }

    /** Rows written but not yet in the chain. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long unsealed() {
        return em.createQuery("SELECT COUNT(p) FROM AuditPending p", Long.class).getSingleResult();
    }

    /**
     * Walks the chain from its first link to the head: each link's previous hash is the hash before it,
     * its hash is recomputed from the row as it is now, its place follows the one before, and the last
     * link is the head. Reads in batches outside a transaction (ten million rows take minutes).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        ChainWalk walk = new ChainWalk();
        List<AuditSeal> seals;
        do {
            seals = em.createQuery("SELECT s FROM AuditSeal s WHERE s.seq >= :from AND s.seq <= :to ORDER BY s.seq", AuditSeal.class)
                    .setParameter("from", walk.expectedSeq()).setParameter("to", head.getLastSeq())
                    .setMaxResults(VERIFY_BATCH).getResultList();
            Map<Long, AuditEntry> entries = seals.isEmpty() ? Map.of() : entries(seals.stream().map(AuditSeal::getEntryId).toList());
            for (AuditSeal seal : seals) {
                AuditEntry entry = entries.get(seal.getEntryId());
                if (!walk.next(seal.getSeq(), seal.getEntryId(), seal.getPrevHash(), seal.getRowHash(),
                        entry == null ? null : AuditHash.content(entry))) {
                    break;
                }
            }
        } while (seals.size() == VERIFY_BATCH && walk.broken() == null);
        walk.finish(head.getLastSeq(), head.getLastHash());
        ChainWalk.Broken broken = walk.broken();
        return new Verification(broken == null, walk.checked(), broken == null ? null : broken.seq(),
                broken == null ? null : broken.entryId(), broken == null ? null : broken.reason(), unsealed(), clock.instant());
    }

    private Map<Long, AuditEntry> entries(List<Long> ids) {
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.id IN :ids", AuditEntry.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(AuditEntry::getId, Function.identity()));
    }
}
