package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.RequestFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's figures: the compliance counts are the accounts component's own, from its per-unit tally where a unit's
 * row holds and from the unit's accounts elsewhere (AccountComplianceTally): exact either way.
 */
@Stateless
public class AccountReports {

    static final int EXPIRING_WITHIN_DAYS = 30;

    @PersistenceContext
    EntityManager em;
    @Inject
    AccountComplianceTally complianceTally;

    public record AdminCount(Integer admins, Long accounts) {
    }

    public AccountFigures figures(Long unitId, LocalDate today, Instant now) {
        List<AccountFigures.ComplianceRow> compliance = new ArrayList<>();
        long accounts = 0;
        long failing = 0;
        long checklistsOverdue = 0;
        for (AccountQueries.UnitCompliance c : complianceTally.compliance(now, unitId)) {
            compliance.add(new AccountFigures.ComplianceRow(c.unitId(), c.unit(), c.accounts(), c.failing(), c.identification(),
                    c.privacy(), c.admins(), c.operators()));
            accounts += c.accounts();
            failing += c.failing();
            checklistsOverdue += c.checklists();
        }
        return new AccountFigures(today.toString(), accounts, failing, compliance, byAdministrators(unitId),
                expiringGrants(unitId, today), flaggedGrants(unitId) + checklistsOverdue);
    }

    /** Accounts in use by their number of active District administrators: 0, 1, 2, 3 or more. */
    List<RequestFigures.Count> byAdministrators(Long unitId) {
        Map<String, Long> bands = new LinkedHashMap<>();
        bands.put("0", 0L);
        bands.put("1", 0L);
        bands.put("2", 0L);
        bands.put("3+", 0L);
        String jpql = "SELECT NEW " + AdminCount.class.getName() + "(a.activeAdmins, COUNT(a.id)) FROM DistrictAccount a"
                + " WHERE a.status <> :archived" + (unitId == null ? "" : " AND a.unit.id = :unit") + " GROUP BY a.activeAdmins";
        TypedQuery<AdminCount> q = em.createQuery(jpql, AdminCount.class).setParameter("archived", AccountStatus.ARCHIVED);
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        for (AdminCount row : q.getResultList()) {
            String band = row.admins() >= 3 ? "3+" : String.valueOf(row.admins());
            bands.merge(band, row.accounts(), Long::sum);
        }
        List<RequestFigures.Count> counts = new ArrayList<>();
        bands.forEach((band, count) -> counts.add(new RequestFigures.Count(band,
                band.equals("3+") ? "3 or more administrators" : band + (band.equals("1") ? " administrator" : " administrators")
                        + (Integer.parseInt(band) < DistrictAccount.MIN_ADMINS ? " (too few)" : ""), count)));
        return counts;
    }

    /**
     * Rights in force whose last day is within the next 30 days, today included. For the District by the last day's
     * key (the (status, ends_key, id) index: a range of 30 days; open-ended rights have the last possible day as their
     * key, never in range), for a school by its accounts' grants as before.
     */
    long expiringGrants(Long unitId, LocalDate today) {
        String ends = unitId == null ? "g.endsKey" : "g.endsOn";
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active"
                        + " AND " + ends + " >= :today AND " + ends + " <= :until" + (unitId == null ? "" : " AND g.account.unit.id = :unit"), Long.class)
                .setParameter("active", GrantStatus.ACTIVE).setParameter("today", today)
                .setParameter("until", today.plusDays(EXPIRING_WITHIN_DAYS));
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        return q.getSingleResult();
    }

    /**
     * Rights in force that an access review flagged as not confirmed by its deadline: with the accounts in use whose yearly
     * checklist is overdue (ComplianceIssue.CHECKLIST_OVERDUE, the compliance figures' own count), the attestations overdue.
     */
    long flaggedGrants(Long unitId) {
        // "flagged by one of the reviews" rather than "flagged at all" (the same rows: a foreign key to access_review):
        // so H2 walks the flagged grants' index (hundreds) instead of every grant in force by status (a million at full scale)
        TypedQuery<Long> flagged = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active"
                        + " AND g.flaggedReviewId IN (SELECT r.id FROM AccessReview r)" + (unitId == null ? "" : " AND g.account.unit.id = :unit"), Long.class)
                .setParameter("active", GrantStatus.ACTIVE);
        if (unitId != null) {
            flagged.setParameter("unit", unitId);
        }
        return flagged.getSingleResult();
    }
}
