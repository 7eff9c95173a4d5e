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
 * totals from its own row of that tally: exact either way. The overdue attestations are the flagged rights in force
 * plus the accounts in use whose yearly checklist is overdue (ComplianceIssue.CHECKLIST_OVERDUE, the compliance
 * figures' own count).
 */
@Stateless
public class AccountReports {

    @Inject
    AccountComplianceTally complianceTally;

    /** The most units of the District's list per school one answer holds (the API's size). */
    public static final int PAGE_MAX = 1000;

    /** The figures with the whole list per school (the CSV, the Board report). */
    public AccountFigures figures(Long unitId, LocalDate today, Instant now) {
        return figures(unitId, today, now, 0, Integer.MAX_VALUE);
    }

    /**
     * The figures with the District's list per school paged: {@code size} units from the {@code first} (0 on), in name
     * order; the totals are the whole District's. A school's answer is whole.
     */
    public AccountFigures figures(Long unitId, LocalDate today, Instant now, int first, int size) {
        AccountComplianceTally.Figures figures = complianceTally.figures(now, today, unitId, first, size);
        List<AccountFigures.ComplianceRow> compliance = new ArrayList<>();
        for (AccountQueries.UnitCompliance c : figures.compliance()) {
            compliance.add(new AccountFigures.ComplianceRow(c.unitId(), c.unit(), c.accounts(), c.failing(), c.identification(),
                    c.privacy(), c.admins(), c.operators()));
        }
        AccountQueries.UnitCompliance total = figures.total();
        return new AccountFigures(today.toString(), total.accounts(), total.failing(), compliance, byAdministrators(figures.bands()),
                figures.expiring(), figures.flagged() + total.checklists(), figures.units(), unitId == null ? first : 0);
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
