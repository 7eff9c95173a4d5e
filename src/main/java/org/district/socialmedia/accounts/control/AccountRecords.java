package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;

import java.util.List;

/** Finding an account or grant for a change, and the checks every change of the registry makes. */
public final class AccountRecords {

    private AccountRecords() {
    }

    public static DistrictAccount find(EntityManager em, Long id) {
        DistrictAccount account = id == null ? null : em.find(DistrictAccount.class, id);
        if (account == null) {
            throw new NotFoundException("Account");
        }
        return account;
    }

    public static AccountGrant findGrant(EntityManager em, Long id) {
        AccountGrant grant = id == null ? null : em.find(AccountGrant.class, id);
        if (grant == null) {
            throw new NotFoundException("Grant");
        }
        return grant;
    }

    /** The account if the caller may see it; otherwise "not found", exactly as for an account that does not exist. */
    public static DistrictAccount visible(EntityManager em, RightsAuthority.Caller caller, Long id) {
        DistrictAccount account = find(em, id);
        if (!caller.seesAll() && !AccountQueries.isVisible(em, caller, account)) {
            throw new NotFoundException("Account");
        }
        return account;
    }

    /** Identification and privacy checks: the registry's keepers, or a District administrator of this account. */
    public static void requireChecker(EntityManager em, RightsAuthority.Caller caller, DistrictAccount account) {
        if (!mayCheck(em, caller, account)) {
            throw new AccessDeniedException("Only the account's District administrators, the Superintendent or a system administrator record its checks");
        }
    }

    /** Whether the caller records this account's checks and signs off its yearly checklist. */
    public static boolean mayCheck(EntityManager em, RightsAuthority.Caller caller, DistrictAccount account) {
        return caller.managesRegistry() || caller.siteAdmin() && WhoOperates.administers(em, caller.username(), account);
    }

    public static void checkVersion(DistrictAccount account, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != account.getVersion()) {
            throw new ConflictException("Someone changed this account meanwhile: reload it and make your change again");
        }
    }

    /** Flushes now, so that a concurrent change is a conflict the caller is told about. */
    public static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("Someone changed these rights meanwhile: reload and try again");
        }
    }

    public static void requireUniqueHandle(EntityManager em, DistrictAccount account, Long self) {
        List<Long> same = em.createQuery("SELECT a.id FROM DistrictAccount a WHERE a.platform = :p AND a.handleKey = :k", Long.class)
                .setParameter("p", account.getPlatform()).setParameter("k", DistrictAccount.handleKey(account.getHandle()))
                .getResultList();
        if (same.stream().anyMatch(other -> !other.equals(self))) {
            throw new InvalidInputException("handle", account.getHandle() + " on " + account.platformLabel()
                    + " is already in the registry (account " + same.get(0) + ")");
        }
    }
}
