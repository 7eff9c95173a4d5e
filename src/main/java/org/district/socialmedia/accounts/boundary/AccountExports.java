package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.AccountViews.AccountRow;
import org.district.socialmedia.accounts.control.AccountViews.GrantView;
import org.district.socialmedia.accounts.control.AccountViews;
import org.district.socialmedia.accounts.control.GrantFilter;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.control.Csv;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** What the registry tells as a whole: the console's tables as CSV (what the table shows, audited) and the compliance counts. */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
        Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AccountExports {

    static final int EXPORT_BATCH = 1000;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountComplianceTally complianceTally;
    @Inject
    AuditLog audit;
    @Inject
    RightsAuthority authority;
    @Inject
    DistrictSettingsService settings;

    public int exportAccounts(AccountFilter filter, String sortBy, boolean ascending, Writer out) {
        RightsAuthority.Caller caller = authority.caller();
        Instant now = clock.instant();
        int rows = 0;
        try {
            out.write(Csv.line("id", "platform", "handle", "url", "school_or_department", "status", "district_admins",
                    "active_operators", "compliance_issues"));
            for (int first = 0; ; first += EXPORT_BATCH) {
                List<DistrictAccount> batch = AccountQueries.accounts(em, caller, filter, now,
                                AccountQueries.accountOrder(sortBy, ascending), false, DistrictAccount.class)
                        .setFirstResult(first).setMaxResults(EXPORT_BATCH).getResultList();
                for (AccountRow row : AccountViews.rows(em, batch, now)) {
                    out.write(Csv.line(String.valueOf(row.id()), row.platform(), row.handle(), row.url(), row.unit(),
                            row.status().name(), String.valueOf(row.activeAdmins()), String.valueOf(row.activeOperators()),
                            row.issues().stream().map(Enum::name).collect(Collectors.joining(" "))));
                    rows++;
                }
                em.clear();
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordSeparately(caller.username(), "ACCOUNTS_EXPORTED", DistrictAccount.OBJECT_TYPE, null,
                AuditEntry.Outcome.DONE, rows + " rows; filter " + filter);
        return rows;
    }

    public int exportGrants(GrantFilter filter, String sortBy, boolean ascending, Writer out) {
        RightsAuthority.Caller caller = authority.caller();
        LocalDate today = clock.instant().atZone(settings.current().timeZone()).toLocalDate();
        Instant reviewStart = AccountQueries.openReviewStart(em);
        int rows = 0;
        try {
            out.write(Csv.line("id", "account_id", "account", "school_or_department", "holder", "holder_name", "status",
                    "starts_on", "ends_on", "open_ended_reason", "granted_by", "granted_as", "reason", "last_reviewed_at", "flagged"));
            for (int first = 0; ; first += EXPORT_BATCH) {
                List<Long> ids = AccountQueries.grants(em, caller, filter, today, reviewStart,
                                AccountQueries.grantOrder(sortBy, ascending, caller, filter), true, Long.class)
                        .setFirstResult(first).setMaxResults(EXPORT_BATCH).getResultList();
                List<GrantView> batch = AccountViews.grantViews(em, ids);
                for (GrantView v : batch) {
                    out.write(Csv.line(String.valueOf(v.id()), String.valueOf(v.accountId()), v.account(), v.unit(),
                            v.holderUsername(), v.holderName(), v.status().name(), String.valueOf(v.startsOn()),
                            v.endsOn() == null ? "" : v.endsOn().toString(), v.openEndedReason(), v.grantedBy(), v.grantedAs(),
                            v.reason(), String.valueOf(v.lastReviewedAt()), String.valueOf(v.flagged())));
                    rows++;
                }
                em.clear();
                if (ids.size() < EXPORT_BATCH) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordSeparately(caller.username(), "GRANTS_EXPORTED", DistrictAccount.OBJECT_TYPE, null,
                AuditEntry.Outcome.DONE, rows + " rows; filter " + filter);
        return rows;
    }

    /**
     * Counts per school of the accounts failing each compliance check (every account: a registry-wide view), from the
     * per-unit tally where a unit's row holds and from the unit's accounts elsewhere (AccountComplianceTally).
     */
    @RolesAllowed({Role.SUPERINTENDENT_NAME, Role.REVIEWER_NAME, Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
    public List<AccountQueries.UnitCompliance> compliance() {
        RightsAuthority.Caller caller = authority.caller();
        if (!caller.seesAll()) {
            throw new AccessDeniedException("The compliance view is for the Superintendent, designees, auditors and system administrators");
        }
        return complianceTally.compliance(clock.instant(), null);
    }
}
