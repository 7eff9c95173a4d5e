package org.district.socialmedia.accounts;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.oversight.entity.AccountFigures;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The accounts report's figures about rights counted straight from the entities, as the report counted them before
 * the compliance tally kept them (V80, V84): the reference that {@code AccountComplianceTallyIT} and the reports
 * benchmark hold the tally's figures to. All print as {@link #of(AccountFigures)} prints the report's.
 */
public record RightsCounted(String byAdministrators, long expiringIn30Days, long overdueAttestations) {

    /**
     * The accounts in use by number of active administrators, the rights in force ending within 30 days of
     * {@code today}, and the overdue attestations at {@code now}: the rights in force an access review flagged plus
     * the accounts in use whose yearly checklist is overdue.
     */
    public static RightsCounted count(EntityManager em, Long unit, LocalDate today, Instant now) {
        long[] bands = new long[4];
        for (Object[] r : em.createQuery("SELECT a.activeAdmins, COUNT(a.id) FROM DistrictAccount a WHERE a.status <> :archived"
                        + (unit == null ? "" : " AND a.unit.id = " + unit) + " GROUP BY a.activeAdmins", Object[].class)
                .setParameter("archived", AccountStatus.ARCHIVED).getResultList()) {
            bands[Math.min(3, ((Number) r[0]).intValue())] += ((Number) r[1]).longValue();
        }
        long expiring = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active AND g.endsOn >= :today"
                        + " AND g.endsOn <= :until" + (unit == null ? "" : " AND g.account.unit.id = " + unit), Long.class)
                .setParameter("active", GrantStatus.ACTIVE).setParameter("today", today).setParameter("until", today.plusDays(30))
                .getSingleResult();
        long flagged = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active AND g.flaggedReviewId IS NOT NULL"
                        + (unit == null ? "" : " AND g.account.unit.id = " + unit), Long.class)
                .setParameter("active", GrantStatus.ACTIVE).getSingleResult();
        long checklists = AccountQueries.compliance(em, now, unit).stream().mapToLong(AccountQueries.UnitCompliance::checklists).sum();
        return new RightsCounted("[0=" + bands[0] + ", 1=" + bands[1] + ", 2=" + bands[2] + ", 3+=" + bands[3] + "]", expiring,
                flagged + checklists);
    }

    /** The same figures as the report gives them. */
    public static RightsCounted of(AccountFigures figures) {
        return new RightsCounted(figures.byAdministrators().stream().map(c -> c.key() + "=" + c.count()).toList().toString(),
                figures.grantsExpiringIn30Days(), figures.overdueAttestations());
    }
}
