package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.UnitRights;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.RequestFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's figures: the compliance counts, the accounts by number of administrators and the rights expiring
 * within 30 days are the accounts component's own, from its per-unit tally where a unit's row holds and from the
 * unit's accounts and grants elsewhere (AccountComplianceTally): exact either way.
 */
@Stateless
public class AccountReports {

    @PersistenceContext
    EntityManager em;
    @Inject
    AccountComplianceTally complianceTally;

    public AccountFigures figures(Long unitId, LocalDate today, Instant now) {
        AccountComplianceTally.Figures figures = complianceTally.figures(now, today, unitId);
        List<AccountFigures.ComplianceRow> compliance = new ArrayList<>();
        long accounts = 0;
        long failing = 0;
        long checklistsOverdue = 0;
        for (AccountQueries.UnitCompliance c : figures.compliance()) {
            compliance.add(new AccountFigures.ComplianceRow(c.unitId(), c.unit(), c.accounts(), c.failing(), c.identification(),
                    c.privacy(), c.admins(), c.operators()));
            accounts += c.accounts();
            failing += c.failing();
            checklistsOverdue += c.checklists();
        }
        return new AccountFigures(today.toString(), accounts, failing, compliance, byAdministrators(figures.bands()),
                figures.expiring(), flaggedGrants(unitId) + checklistsOverdue);
    }

    /** Accounts in use by their number of active District administrators (0, 1, 2, 3 or more), labelled. */
    static List<RequestFigures.Count> byAdministrators(long[] bands) {
        List<RequestFigures.Count> counts = new ArrayList<>();
        for (int band = 0; band < UnitRights.BANDS; band++) {
            String label = band == UnitRights.BANDS - 1 ? band + " or more administrators"
                    : band + (band == 1 ? " administrator" : " administrators") + (band < DistrictAccount.MIN_ADMINS ? " (too few)" : "");
            counts.add(new RequestFigures.Count(band == UnitRights.BANDS - 1 ? band + "+" : String.valueOf(band), label, bands[band]));
        }
        return counts;
    }

    /**
     * Rights in force that an access review flagged as not confirmed by its deadline: with the accounts in use whose yearly
     * checklist is overdue (ComplianceIssue.CHECKLIST_OVERDUE, the compliance figures' own count), the attestations overdue.
     */
    long flaggedGrants(Long unitId) {
        // the same rows either way (flagged_review_id is a foreign key to access_review), each form for the planners:
        // for the District "flagged by one of the reviews", so that H2 walks the flagged grants' index (hundreds) instead
        // of every grant in force by status (a million at full scale), where PostgreSQL merge-joins that index with the
        // reviews; for a school "flagged at all", which H2 reads from the school's accounts' grants as it does the IN
        // form, and PostgreSQL as a hash join of the school's accounts with the flagged grants' index, where the IN form
        // made it look up every flagged grant's account (EXPLAIN ANALYZE at 0.1: 6 ms against 95, docs/performance.md)
        TypedQuery<Long> flagged = em.createQuery("SELECT COUNT(g.id) FROM AccountGrant g WHERE g.status = :active"
                        + (unitId == null ? " AND g.flaggedReviewId IN (SELECT r.id FROM AccessReview r)"
                        : " AND g.flaggedReviewId IS NOT NULL AND g.account.unit.id = :unit"), Long.class)
                .setParameter("active", GrantStatus.ACTIVE);
        if (unitId != null) {
            flagged.setParameter("unit", unitId);
        }
        return flagged.getSingleResult();
    }
}
