package org.district.socialmedia.accounts;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.oversight.entity.AccountFigures;

import java.time.LocalDate;

/**
 * The accounts report's two figures about rights counted straight from the entities, as the report counted them
 * before the compliance tally kept them (V80): the reference that {@code AccountComplianceTallyIT} and the reports
 * benchmark hold the tally's figures to. Both print as {@link #of(AccountFigures)} prints the report's.
 */
public record RightsCounted(String byAdministrators, long expiringIn30Days) {

    /** The accounts in use by number of active administrators, and the rights in force ending within 30 days of {@code today}. */
    public static RightsCounted count(EntityManager em, Long unit, LocalDate today) {
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
        return new RightsCounted("[0=" + bands[0] + ", 1=" + bands[1] + ", 2=" + bands[2] + ", 3+=" + bands[3] + "]", expiring);
    }

    /** The same two figures as the report gives them. */
    public static RightsCounted of(AccountFigures figures) {
        return new RightsCounted(figures.byAdministrators().stream().map(c -> c.key() + "=" + c.count()).toList().toString(),
                figures.grantsExpiringIn30Days());
    }
}
