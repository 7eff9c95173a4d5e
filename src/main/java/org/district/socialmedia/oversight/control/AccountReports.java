package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.UnitRights;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.oversight.entity.AccountFigures;
import org.district.socialmedia.oversight.entity.RequestFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's figures: the compliance counts, the accounts by number of administrators, the rights expiring
 * within 30 days and the rights an access review flagged are the accounts component's own, from its per-unit tally
 * where a unit's row holds and from the unit's accounts and grants elsewhere (AccountComplianceTally), the District's
 * totals from its own row of that tally: exact either way. The overdue attestations are the flagged rights in force plus the accounts in use whose yearly checklist is
 * overdue (ComplianceIssue.CHECKLIST_OVERDUE, the compliance figures' own count).
 */
@Stateless
public class AccountReports {

    @Inject
    AccountComplianceTally complianceTally;

    public AccountFigures figures(Long unitId, LocalDate today, Instant now) {
        AccountComplianceTally.Figures figures = complianceTally.figures(now, today, unitId);
        List<AccountFigures.ComplianceRow> compliance = new ArrayList<>();
        for (AccountQueries.UnitCompliance c : figures.compliance()) {
            compliance.add(new AccountFigures.ComplianceRow(c.unitId(), c.unit(), c.accounts(), c.failing(), c.identification(),
                    c.privacy(), c.admins(), c.operators()));
        }
        AccountQueries.UnitCompliance total = figures.total();
        return new AccountFigures(today.toString(), total.accounts(), total.failing(), compliance, byAdministrators(figures.bands()),
                figures.expiring(), figures.flagged() + total.checklists());
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
}
