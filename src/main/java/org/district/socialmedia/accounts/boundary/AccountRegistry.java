package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.AccountRecords;
import org.district.socialmedia.accounts.control.AccountViews.AccountRow;
import org.district.socialmedia.accounts.control.AccountViews.AccountView;
import org.district.socialmedia.accounts.control.AccountViews;
import org.district.socialmedia.accounts.control.DirectoryVersions;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.requests.entity.RequestLine;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The District account registry: the accounts, their details, status, checks and operators. Every
 * method decides who may do what ({@link RightsAuthority}); an account the caller may not see answers
 * "not found", never its content. Every change goes into the account's history (the audit log, under
 * the account's id).
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
        Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AccountRegistry {

    /** An account as typed. The API may name the platform and school ({@code platform}, {@code unit} code) instead of ids. */
    public record AccountInput(Long platformId, String platform, String otherPlatformName, String handle, String url,
                               Long unitId, String unit, String purpose, String registeredEmail, Boolean archiveCovered,
                               Long authorizationId, String operatorException) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountComplianceTally compliance;
    @Inject
    AuditLog audit;
    @Inject
    RightsAuthority authority;
    @Inject
    DistrictSettingsService settings;
    @Inject
    DirectoryVersions directoryVersions;

    // ---------------------------------------------------------------- reading

    public RightsAuthority.Caller caller() {
        return authority.caller();
    }

    public Instant now() {
        return clock.instant();
    }

    /** How many accounts match, up to {@link Matches#LIMIT}. */
    public Matches count(AccountFilter filter) {
        return AccountQueries.countAccounts(em, authority.caller(), filter, clock.instant());
    }

    /** A page of the accounts the caller may see; sortBy is handle, platform, unit, status or activeAdmins. */
    public List<AccountRow> page(AccountFilter filter, int first, int size, String sortBy, boolean ascending) {
        AccountQueries.checkPage(first, size);
        Instant now = clock.instant();
        List<DistrictAccount> accounts = AccountQueries.accounts(em, authority.caller(), filter, now,
                        AccountQueries.accountOrder(sortBy, ascending), false, DistrictAccount.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
        return AccountViews.rows(em, accounts, now);
    }

    public AccountView get(Long id) {
        RightsAuthority.Caller caller = authority.caller();
        DistrictAccount account = AccountRecords.visible(em, caller, id);
        return AccountViews.view(em, account, caller, clock.instant());
    }

    /** The account's history, oldest first: every change of the account and of the rights on it. */
    public List<AuditEntry> history(Long id) {
        AccountRecords.visible(em, authority.caller(), id);
        return AccountQueries.history(em, id);
    }

    public List<Platform> platforms() {
        return em.createNamedQuery(Platform.ALL_ACTIVE, Platform.class).getResultList();
    }

    // ---------------------------------------------------------------- changes

    /**
     * Registers an account. With an authorizationId, the authorized request line fills in what is
     * not given (platform, handle, District email, the requester's school, the objectives as purpose)
     * and the employee becomes its first operator: one step from decision to registry. Without one, the
     * exception (why the account has no authorized operator yet) is required and recorded with who and when.
     */
    public AccountView create(AccountInput input) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        if (input == null) {
            throw new InvalidInputException("handle", "Describe the account");
        }
        Authorization source = null;
        AccountInput in = input;
        // checked with the description below, so that every problem is named at once
        Map<String, String> ruleErrors = new LinkedHashMap<>();
        String exception = null;
        try {
            exception = DistrictAccount.operatorOrException(input.authorizationId(), input.operatorException());
        } catch (InvalidInputException e) {
            ruleErrors.putAll(e.getFieldErrors());
        }
        if (input.authorizationId() != null) {
            source = em.find(Authorization.class, input.authorizationId());
            if (source == null) {
                throw new InvalidInputException("authorizationId", "No authorization has the id " + input.authorizationId());
            }
            if (!source.isActive()) {
                throw new InvalidInputException("authorizationId", "This authorization is no longer active");
            }
            in = fromLine(input, source);
        }
        DistrictSettings district = settings.current();
        DistrictAccount account;
        try {
            account = new DistrictAccount(details(in), district, caller.username(), clock.instant(),
                    source == null ? null : source.getId());
        } catch (InvalidInputException e) {
            Map<String, String> all = new LinkedHashMap<>(e.getFieldErrors());
            all.putAll(ruleErrors);
            throw new InvalidInputException(all);
        }
        if (!ruleErrors.isEmpty()) {
            throw new InvalidInputException(ruleErrors);
        }
        AccountRecords.requireUniqueHandle(em, account, null);
        if (exception != null) {
            account.recordOperatorException(exception, caller.username(), clock.instant());
        }
        em.persist(account);
        if (source != null) {
            em.persist(account.addOperator(source, caller.username(), clock.instant()));
        }
        em.flush();
        compliance.accountChanged(account);
        directoryChanged(null, account);
        audit.record("ACCOUNT_CREATED", DistrictAccount.OBJECT_TYPE, account.getId(), describe(account)
                + (source == null ? "" : "; from authorization " + source.getId() + " of " + source.getEmployee().getUsername()
                + ", who operates it")
                + (exception == null ? "" : "; no authorized operator, exception recorded by " + caller.username() + ": " + exception));
        return AccountViews.view(em, account, caller, clock.instant());
    }

    /** What an account made from this authorization would say, for the form to start from. */
    public AccountInput prefill(Long authorizationId) {
        authority.requireRegistryManager();
        Authorization source = authorizationId == null ? null : em.find(Authorization.class, authorizationId);
        if (source == null || !source.isActive()) {
            throw new NotFoundException("Authorization");
        }
        return fromLine(new AccountInput(null, null, null, null, null, null, null, null, null, null, authorizationId, null), source);
    }

    public AccountView update(Long id, Long expectedVersion, AccountInput in) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        DistrictAccount account = AccountRecords.find(em, id);
        AccountRecords.checkVersion(account, expectedVersion);
        if (in == null) {
            throw new InvalidInputException("handle", "Describe the account");
        }
        DistrictAccount.Listing before = account.listing();
        Long unitBefore = account.getUnit().getId();
        Map<String, String> changes = account.update(details(in), settings.current());
        AccountRecords.requireUniqueHandle(em, account, account.getId());
        if (!changes.isEmpty()) {
            // a move counts in both units
            compliance.unitChanged(unitBefore, account.getUnit().getId());
            audit.record("ACCOUNT_CHANGED", DistrictAccount.OBJECT_TYPE, id, changes.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        }
        AccountRecords.flush(em);
        directoryChanged(before, account);
        return AccountViews.view(em, account, caller, clock.instant());
    }

    public AccountView changeStatus(Long id, Long expectedVersion, AccountStatus status) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        DistrictAccount account = AccountRecords.find(em, id);
        AccountRecords.checkVersion(account, expectedVersion);
        DistrictAccount.Listing before = account.listing();
        String change = account.changeStatus(status);
        if (change != null) {
            compliance.accountChanged(account);
            audit.record("ACCOUNT_STATUS_CHANGED", DistrictAccount.OBJECT_TYPE, id, change);
        }
        AccountRecords.flush(em);
        directoryChanged(before, account);
        return AccountViews.view(em, account, caller, clock.instant());
    }

    /** Records that the caller checked the account's name or bio on the platform. */
    public AccountView recordIdentificationCheck(Long id, boolean identifiesDistrict) {
        RightsAuthority.Caller caller = authority.caller();
        DistrictAccount account = AccountRecords.visible(em, caller, id);
        AccountRecords.requireChecker(em, caller, account);
        account.recordIdentificationCheck(identifiesDistrict, caller.username(), clock.instant());
        compliance.accountChanged(account);
        audit.record("ACCOUNT_IDENTIFICATION_CHECKED", DistrictAccount.OBJECT_TYPE, id,
                identifiesDistrict ? "the name or bio identifies the District, school or department"
                        : "the name or bio does NOT identify the District, school or department");
        return flushAndView(account, caller);
    }

    /** Links an employee's active authorization (from a request decision) to the account as an operator. */
    public AccountView linkOperator(Long id, Long authorizationId) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        DistrictAccount account = AccountRecords.find(em, id);
        Authorization authorization = authorizationId == null ? null : em.find(Authorization.class, authorizationId);
        if (authorization == null) {
            throw new InvalidInputException("authorizationId", "Choose an authorization from a request decision");
        }
        boolean linked = !em.createQuery("SELECT o.id FROM AccountOperator o WHERE o.account = :a AND o.authorization = :z", Long.class)
                .setParameter("a", account).setParameter("z", authorization).getResultList().isEmpty();
        if (linked) {
            throw new InvalidInputException("authorizationId", "This authorization already operates the account");
        }
        em.persist(account.addOperator(authorization, caller.username(), clock.instant()));
        compliance.accountChanged(account);
        audit.record("ACCOUNT_OPERATOR_LINKED", DistrictAccount.OBJECT_TYPE, id, authorization.getEmployee().getUsername()
                + " operates it under authorization " + authorization.getId() + " (" + authorization.getPlatformLabel() + ")");
        return flushAndView(account, caller);
    }

    // ---------------------------------------------------------------- helpers

    private AccountView flushAndView(DistrictAccount account, RightsAuthority.Caller caller) {
        AccountRecords.flush(em);
        return AccountViews.view(em, account, caller, clock.instant());
    }

    /** Raises the directory's version when the change touched what it shows of the account; after the change's flush. */
    private void directoryChanged(DistrictAccount.Listing before, DistrictAccount account) {
        if (!Objects.equals(before, account.listing())) {
            directoryVersions.changed();
        }
    }

    private DistrictAccount.Details details(AccountInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        Platform platform = null;
        if (in.platformId() != null) {
            platform = em.find(Platform.class, in.platformId());
            if (platform == null) {
                errors.put("platformId", "No platform has the id " + in.platformId());
            }
        } else if (in.platform() != null && !in.platform().isBlank()) {
            platform = em.createNamedQuery(Platform.BY_NAME, Platform.class).setParameter("name", in.platform().strip().toLowerCase(Locale.ROOT))
                    .getResultStream().findFirst().orElse(null);
            if (platform == null) {
                errors.put("platformId", "'" + in.platform().strip() + "' is not a platform of the District's list");
            }
        }
        OrgUnit unit = null;
        if (in.unitId() != null) {
            unit = em.find(OrgUnit.class, in.unitId());
            if (unit == null) {
                errors.put("unitId", "No school or department has the id " + in.unitId());
            }
        } else if (in.unit() != null && !in.unit().isBlank()) {
            unit = em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class).setParameter("code", in.unit().strip())
                    .getResultStream().findFirst().orElse(null);
            if (unit == null) {
                errors.put("unitId", "No school or department has the code '" + in.unit().strip() + "'");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DistrictAccount.Details(platform, in.otherPlatformName(), in.handle(), in.url(), unit, in.purpose(),
                in.registeredEmail(), Boolean.TRUE.equals(in.archiveCovered()));
    }

    private static AccountInput fromLine(AccountInput in, Authorization source) {
        RequestLine line = source.getLine();
        StaffUser employee = source.getEmployee();
        boolean noPlatform = in.platformId() == null && (in.platform() == null || in.platform().isBlank());
        boolean noUnit = in.unitId() == null && (in.unit() == null || in.unit().isBlank());
        return new AccountInput(noPlatform ? line.getPlatform().getId() : in.platformId(), noPlatform ? null : in.platform(),
                blank(in.otherPlatformName()) ? line.getOtherPlatformName() : in.otherPlatformName(),
                blank(in.handle()) ? line.getNewAccountName() : in.handle(), in.url(),
                noUnit && employee.getUnit() != null ? employee.getUnit().getId() : in.unitId(), noUnit ? null : in.unit(),
                blank(in.purpose()) ? line.getObjectives() : in.purpose(),
                blank(in.registeredEmail()) ? line.getDistrictEmail() : in.registeredEmail(), in.archiveCovered(),
                in.authorizationId(), in.operatorException());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String describe(DistrictAccount a) {
        return a.platformLabel() + " " + a.getHandle() + " (" + a.getUrl() + "), " + a.getUnit().getCode() + ", registered with "
                + a.getRegisteredEmail() + ", archive " + (a.isArchiveCovered() ? "yes" : "no");
    }
}
