package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.accounts.control.AccountQueries;

import java.io.Serializable;
import java.util.List;

/** Accounts failing the policy's checks, counted per school or department, each count a link to the accounts. */
@Named
@ViewScoped
public class CompliancePage implements Serializable {

    @Inject

    AccountExports exports;

    private List<AccountQueries.UnitCompliance> units;
    private AccountQueries.UnitCompliance total;

    @PostConstruct
    void load() {
        units = exports.compliance();
        long[] sums = new long[7];
        for (AccountQueries.UnitCompliance u : units) {
            sums[0] += u.accounts();
            sums[1] += u.failing();
            sums[2] += u.identification();
            sums[3] += u.privacy();
            sums[4] += u.admins();
            sums[5] += u.operators();
            sums[6] += u.checklists();
        }
        total = new AccountQueries.UnitCompliance(null, "All schools and departments", sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
                sums[6]);
    }

    public List<AccountQueries.UnitCompliance> getUnits() { return units; }
    public AccountQueries.UnitCompliance getTotal() { return total; }
}
