package org.district.socialmedia.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.platform.control.HomeCountSource;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.HomeCount;
import org.district.socialmedia.platform.entity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The site administrator's home counts, over the accounts they hold rights on (the registry's reach), each
 * counted by the query of the list its link opens (or the same rows by a narrower join): rights expiring within
 * 30 days (grants page), yearly account checklists due within the first reminder or overdue (accounts page; the
 * caller's accounts by id, the due date from the row), accounts with fewer than two administrators (accounts
 * page, by ix_district_account_admins).
 */
@ApplicationScoped
public class HomeAccountCounts implements HomeCountSource {

    static final AccountFilter FEW_ADMINS = new AccountFilter(null, null, null, null, ComplianceIssue.FEWER_THAN_TWO_ADMINS, false);

    @Inject
    AccountGrants grants;
    @Inject
    AccountRegistry registry;
    @Inject
    AccountChecklists checklists;

    @Override
    public List<HomeCount> counts(Set<Role> roles) {
        if (!roles.contains(Role.SITE_ADMIN)) {
            return List.of();
        }
        List<HomeCount> counts = new ArrayList<>();
        Matches expiring = grants.countExpiringSoon();
        counts.add(new HomeCount(Role.SITE_ADMIN, "home.rights.expiring", expiring.count(), expiring.more(),
                "/accounts/grants.xhtml?expiringSoon=true"));
        Matches checklistsDue = registry.count(new AccountFilter(null, null, null, null, null, false, checklists.dueBy()));
        counts.add(new HomeCount(Role.SITE_ADMIN, "home.attestations.due", checklistsDue.count(), checklistsDue.more(),
                "/accounts/index.xhtml?checklistDue=true"));
        Matches fewAdmins = registry.count(FEW_ADMINS);
        counts.add(new HomeCount(Role.SITE_ADMIN, "home.accounts.fewAdmins", fewAdmins.count(), fewAdmins.more(),
                "/accounts/index.xhtml?issue=" + ComplianceIssue.FEWER_THAN_TWO_ADMINS.name()));
        return counts;
    }
}
