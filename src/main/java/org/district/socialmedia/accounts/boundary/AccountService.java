package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.control.AccountFilter;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.DirectoryUnits;
import org.district.socialmedia.accounts.control.DirectoryVersions;
import org.district.socialmedia.accounts.control.GrantFilter;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.control.WhoOperates;
import org.district.socialmedia.accounts.entity.AccessReview;
import org.district.socialmedia.accounts.entity.AccountEvent;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.AccountOperator;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.Csv;
import org.district.socialmedia.platform.control.LikePatterns;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.requests.entity.RequestLine;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The District account registry and the administrative rights on its accounts: the one boundary
 * that pages and the API use. Every method decides who may do what ({@link RightsAuthority}); an
 * account the caller may not see answers "not found", never its content. Every change goes into
 * the account's history (the audit log, under the account's id).
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
        Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AccountService {

    public static final int PAGE_MAX = 200;
    static final int EXPORT_BATCH = 1000;

    // ---------------------------------------------------------------- what callers send and receive

    /** An account as typed. The API may name the platform and school ({@code platform}, {@code unit} code) instead of ids. */
    public record AccountInput(Long platformId, String platform, String otherPlatformName, String handle, String url,
                               Long unitId, String unit, String purpose, String registeredEmail, Boolean archiveCovered,
                               Long authorizationId) implements Serializable {
    }

    /** Rights as the Superintendent grants them; the API may name the holder by username. */
    public record GrantInput(Long holderId, String holder, String reason, LocalDate startsOn, LocalDate endsOn,
                             String openEndedReason) implements Serializable {
    }

    public record AccountRow(Long id, String platform, String handle, String url, Long unitId, String unit,
                             AccountStatus status, int activeAdmins, long activeOperators, Set<ComplianceIssue> issues)
            implements Serializable {
    }

    public record OperatorView(Long authorizationId, String username, String fullName, AuthorizationStatus status,
                               String limits, Instant addedAt) implements Serializable {
    }

    public record GrantView(Long id, Long accountId, String account, String unit, Long holderId, String holderUsername,
                            String holderName, String grantedBy, String grantedByName, String grantedAs, String reason,
                            LocalDate startsOn, LocalDate endsOn, String openEndedReason, GrantStatus status,
                            Instant createdAt, Instant endedAt, String endedBy, String endReason, Instant lastReviewedAt,
                            String lastReviewedBy, boolean flagged) implements Serializable {
    }

    public record AccountView(Long id, Long platformId, String platform, String otherPlatformName, String handle,
                              String url, Long unitId, String unit, String purpose, String registeredEmail,
                              AccountStatus status, boolean identifiesDistrict, String identificationCheckedBy,
                              Instant identificationCheckedAt, String privacyReviewedBy, Instant privacyReviewedAt,
                              boolean archiveCovered, int activeAdmins, Set<ComplianceIssue> issues,
                              List<OperatorView> operators, List<GrantView> grants, Long sourceAuthorizationId,
                              Instant createdAt, String createdBy, long version, boolean mayEdit, boolean mayGrant,
                              boolean mayRecordChecks) implements Serializable {
    }

    /** One line of the public directory. The JSON names are a contract: platform, handle, url, unit. */
    public record DirectoryEntry(String platform, String handle, String url, String unit) implements Serializable {
    }

    /** An authorization that can become an account or an operator of one, for pickers. */
    public record AuthorizationChoice(Long id, String employee, String platform, String account, Long platformId)
            implements Serializable {
    }

    public record HolderChoice(Long id, String username, String fullName, String unit) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    RightsAuthority authority;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Event<AccountEvent> events;
    @Inject
    DirectoryVersions directoryVersions;
    @Inject
    DirectoryUnits directoryUnits;

    // ---------------------------------------------------------------- reading

    public RightsAuthority.Caller caller() {
        return authority.caller();
    }

    /** How many accounts match, up to {@link Matches#LIMIT}. */
    public Matches count(AccountFilter filter) {
        return AccountQueries.countAccounts(em, authority.caller(), filter, clock.instant());
    }

    /** A page of the accounts the caller may see; sortBy is handle, platform, unit, status or activeAdmins. */
    public List<AccountRow> page(AccountFilter filter, int first, int size, String sortBy, boolean ascending) {
        checkPage(first, size);
        Instant now = clock.instant();
        List<DistrictAccount> accounts = AccountQueries.accounts(em, authority.caller(), filter, now,
                        AccountQueries.accountOrder(sortBy, ascending), false, DistrictAccount.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
        return rows(accounts, now);
    }

    public AccountView get(Long id) {
        RightsAuthority.Caller caller = authority.caller();
        DistrictAccount account = visible(caller, id);
        return view(account, caller);
    }

    /** The account's history, oldest first: every change of the account and of the rights on it. */
    public List<AuditEntry> history(Long id) {
        visible(authority.caller(), id);
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.objectType = :type AND a.objectId = :id ORDER BY a.occurredAt, a.id",
                AuditEntry.class).setParameter("type", DistrictAccount.OBJECT_TYPE).setParameter("id", id.toString())
                .setMaxResults(1000).getResultList();
    }

    /** How many grants match, up to {@link Matches#LIMIT}. */
    public Matches countGrants(GrantFilter filter) {
        return AccountQueries.countGrants(em, authority.caller(), filter, today(), openReviewStart());
    }

    /** A page of the grants on accounts the caller may see; sortBy is endsOn, startsOn, holder, account or status. */
    public List<GrantView> grants(GrantFilter filter, int first, int size, String sortBy, boolean ascending) {
        checkPage(first, size);
        RightsAuthority.Caller caller = authority.caller();
        List<Long> ids = AccountQueries.grants(em, caller, filter, today(), openReviewStart(),
                        AccountQueries.grantOrder(sortBy, ascending, caller, filter), true, Long.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
        return grantViews(ids);
    }

    /*
     * The table's rows as columns, not entities: without weaving, EclipseLink reads every to-one relation of an
     * entity eagerly, so 25 grants used to bring their accounts, platforms, schools, holders, the holders'
     * schools and roles, and each holder's chain of supervisors: about 40 statements per page. This is one.
     */
    private List<GrantView> grantViews(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, GrantView> byId = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT g.id, a.id, a.otherPlatformName, p.name, a.handle, u.name, h.id, h.username,"
                        + " h.fullName, g.grantedBy, g.grantedByName, g.grantedAs, g.reason, g.startsOn, g.endsOn, g.openEndedReason,"
                        + " g.status, g.createdAt, g.endedAt, g.endedBy, g.endReason, g.lastReviewedAt, g.lastReviewedBy,"
                        + " g.flaggedReviewId FROM AccountGrant g JOIN g.account a JOIN a.platform p JOIN a.unit u JOIN g.holder h"
                        + " WHERE g.id IN :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            String platform = DistrictAccount.platformLabel((String) r[2], (String) r[3]);
            byId.put((Long) r[0], new GrantView((Long) r[0], (Long) r[1], platform + " " + r[4], (String) r[5], (Long) r[6],
                    (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12], (LocalDate) r[13],
                    (LocalDate) r[14], (String) r[15], (GrantStatus) r[16], (Instant) r[17], (Instant) r[18], (String) r[19],
                    (String) r[20], (Instant) r[21], (String) r[22], r[23] != null));
        }
        // in the page's order; a grant gone between the two queries is left out
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Counts per school of the accounts failing each compliance check (every account: a registry-wide view). */
    @RolesAllowed({Role.SUPERINTENDENT_NAME, Role.REVIEWER_NAME, Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
    public List<AccountQueries.UnitCompliance> compliance() {
        RightsAuthority.Caller caller = authority.caller();
        if (!caller.seesAll()) {
            throw new AccessDeniedException("The compliance view is for the Superintendent, designees, auditors and system administrators");
        }
        return AccountQueries.compliance(em, clock.instant());
    }

    /** The public directory: active accounts only, and nothing about people. */
    @PermitAll
    public List<DirectoryEntry> directory() {
        return directoryQuery(null).getResultStream().map(AccountService::directoryEntry).toList();
    }

    /** The active accounts of one school or department, all of them (a school has about a hundred). */
    @PermitAll
    public List<DirectoryEntry> directoryOf(Long unitId) {
        return directoryQuery(unitId).getResultStream().map(AccountService::directoryEntry).toList();
    }

    /** A page of the active accounts of one school or department, in the directory's order. */
    @PermitAll
    public List<DirectoryEntry> directoryOf(Long unitId, int first, int size) {
        checkPage(first, size);
        return directoryQuery(unitId).setFirstResult(first).setMaxResults(size).getResultStream()
                .map(AccountService::directoryEntry).toList();
    }

    /** The schools and departments that have active accounts, by name, with how many; one list per directory version. */
    @PermitAll
    public List<DirectoryUnits.Unit> directoryUnits() {
        return directoryUnits.of(directoryVersion(), () -> em.createQuery("SELECT u.id, u.code, u.name, COUNT(a) FROM DistrictAccount a"
                                + " JOIN a.unit u WHERE a.status = :active GROUP BY u.id, u.code, u.name ORDER BY u.name, u.id", Object[].class)
                .setParameter("active", AccountStatus.ACTIVE).getResultStream()
                .map(r -> new DirectoryUnits.Unit((Long) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue())).toList());
    }

    /**
     * The id of the school or department named by its code or its id, for a part of the directory
     * (whether it has accounts or not).
     *
     * @throws InvalidInputException naming {@code unit} or {@code unitId} when none has it
     */
    @PermitAll
    public Long directoryUnitId(String code, Long id) {
        boolean byCode = code != null && !code.isBlank();
        if (byCode && id != null) {
            throw new InvalidInputException("unit", "Name the school or department by its code (unit) or its id (unitId), not both");
        }
        if (id != null) {
            if (em.find(OrgUnit.class, id) == null) {
                throw new InvalidInputException("unitId", "No school or department has the id " + id);
            }
            return id;
        }
        if (!byCode) {
            throw new InvalidInputException("unit", "Name the school or department by its code");
        }
        return em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class).setParameter("code", code.strip()).getResultStream()
                .findFirst().map(OrgUnit::getId)
                .orElseThrow(() -> new InvalidInputException("unit", "No school or department has the code '" + code.strip() + "'"));
    }

    /**
     * The directory's version, for its ETag and for what is built once per version: one row that
     * every change of what the directory shows raises in its own transaction (V12), so reading it
     * costs the same at 100 or 100,000 accounts, on every server sharing the database.
     */
    @PermitAll
    public String directoryVersion() {
        return directoryVersions.current();
    }

    // Values, not entities: the whole directory is 100,000 rows, and an entity would bring its school and platform along.
    private TypedQuery<Object[]> directoryQuery(Long unitId) {
        String select = "SELECT COALESCE(a.otherPlatformName, p.name), a.handle, a.url, u.name FROM DistrictAccount a"
                + " JOIN a.platform p JOIN a.unit u WHERE a.status = :active";
        if (unitId == null) {
            return em.createQuery(select + " ORDER BY u.name, a.handleKey, a.id", Object[].class)
                    .setParameter("active", AccountStatus.ACTIVE);
        }
        return em.createQuery(select + " AND u.id = :unit ORDER BY a.handleKey, a.id", Object[].class)
                .setParameter("active", AccountStatus.ACTIVE).setParameter("unit", unitId);
    }

    private static DirectoryEntry directoryEntry(Object[] row) {
        return new DirectoryEntry((String) row[0], (String) row[1], (String) row[2], (String) row[3]);
    }

    /** Raises the directory's version when the change touched what it shows of the account; after the change's flush. */
    private void directoryChanged(DistrictAccount.Listing before, DistrictAccount account) {
        if (!Objects.equals(before, account.listing())) {
            directoryVersions.changed();
        }
    }

    // ---------------------------------------------------------------- the registry

    public List<Platform> platforms() {
        return em.createNamedQuery(Platform.ALL_ACTIVE, Platform.class).getResultList();
    }

    /** Active authorizations not yet linked to an account, to create an account from (registry keepers only). */
    public List<AuthorizationChoice> unlinkedAuthorizations(int limit) {
        authority.requireRegistryManager();
        return em.createQuery("SELECT a FROM Authorization a WHERE a.status = :active AND NOT EXISTS "
                                + "(SELECT o FROM AccountOperator o WHERE o.authorization = a) ORDER BY a.grantedAt DESC, a.id DESC",
                        Authorization.class).setParameter("active", AuthorizationStatus.ACTIVE).setMaxResults(Math.min(limit, PAGE_MAX))
                .getResultStream().map(AccountService::choice).toList();
    }

    /** Active authorizations for the account's platform, to link as operators. */
    public List<AuthorizationChoice> linkableAuthorizations(Long accountId) {
        authority.requireRegistryManager();
        DistrictAccount account = find(accountId);
        return em.createQuery("SELECT a FROM Authorization a JOIN a.line l WHERE a.status = :active AND l.platform = :platform"
                                + " AND NOT EXISTS (SELECT o FROM AccountOperator o WHERE o.authorization = a AND o.account = :account)"
                                + " ORDER BY a.grantedAt DESC, a.id DESC", Authorization.class)
                .setParameter("active", AuthorizationStatus.ACTIVE).setParameter("platform", account.getPlatform())
                .setParameter("account", account).setMaxResults(PAGE_MAX).getResultStream().map(AccountService::choice).toList();
    }

    /** The staff who may hold rights (active, SITE_ADMIN), matching a name or username, for the grant dialog. */
    public List<HolderChoice> holders(String text, int limit) {
        authority.requireGranter();
        String like = "%" + LikePatterns.escape(text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        return em.createQuery("SELECT s FROM StaffUser s JOIN s.roles r WHERE r = :role AND s.active = TRUE AND "
                                + "(LOWER(s.fullName) LIKE :text ESCAPE '\\' OR s.username LIKE :text ESCAPE '\\') ORDER BY s.fullName, s.id",
                        StaffUser.class).setParameter("role", Role.SITE_ADMIN).setParameter("text", like)
                .setMaxResults(Math.min(limit, PAGE_MAX)).getResultStream()
                .map(s -> new HolderChoice(s.getId(), s.getUsername(), s.getFullName(), s.getUnit() == null ? null : s.getUnit().getName()))
                .toList();
    }

    /**
     * Registers an account. With an authorizationId, the authorized request line fills in what is
     * not given (platform, handle, District email, the requester's school, the objectives as purpose)
     * and the employee becomes its first operator: one step from decision to registry.
     */
    public AccountView create(AccountInput input) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        if (input == null) {
            throw new InvalidInputException("handle", "Describe the account");
        }
        Authorization source = null;
        AccountInput in = input;
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
        DistrictAccount account = new DistrictAccount(details(in), district, caller.username(), clock.instant(),
                source == null ? null : source.getId());
        requireUniqueHandle(account, null);
        em.persist(account);
        if (source != null) {
            em.persist(account.addOperator(source, caller.username(), clock.instant()));
        }
        em.flush();
        directoryChanged(null, account);
        audit.record("ACCOUNT_CREATED", DistrictAccount.OBJECT_TYPE, account.getId(), describe(account)
                + (source == null ? "" : "; from authorization " + source.getId() + " of " + source.getEmployee().getUsername()
                + ", who operates it"));
        return view(account, caller);
    }

    /** What an account made from this authorization would say, for the form to start from. */
    public AccountInput prefill(Long authorizationId) {
        authority.requireRegistryManager();
        Authorization source = authorizationId == null ? null : em.find(Authorization.class, authorizationId);
        if (source == null || !source.isActive()) {
            throw new NotFoundException("Authorization");
        }
        return fromLine(new AccountInput(null, null, null, null, null, null, null, null, null, null, authorizationId), source);
    }

    public AccountView update(Long id, Long expectedVersion, AccountInput in) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        DistrictAccount account = find(id);
        checkVersion(account, expectedVersion);
        if (in == null) {
            throw new InvalidInputException("handle", "Describe the account");
        }
        DistrictAccount.Listing before = account.listing();
        Map<String, String> changes = account.update(details(in), settings.current());
        requireUniqueHandle(account, account.getId());
        if (!changes.isEmpty()) {
            audit.record("ACCOUNT_CHANGED", DistrictAccount.OBJECT_TYPE, id, changes.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        }
        flush();
        directoryChanged(before, account);
        return view(account, caller);
    }

    public AccountView changeStatus(Long id, Long expectedVersion, AccountStatus status) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        DistrictAccount account = find(id);
        checkVersion(account, expectedVersion);
        DistrictAccount.Listing before = account.listing();
        String change = account.changeStatus(status);
        if (change != null) {
            audit.record("ACCOUNT_STATUS_CHANGED", DistrictAccount.OBJECT_TYPE, id, change);
        }
        flush();
        directoryChanged(before, account);
        return view(account, caller);
    }

    /** Records that the caller checked the account's name or bio on the platform. */
    public AccountView recordIdentificationCheck(Long id, boolean identifiesDistrict) {
        RightsAuthority.Caller caller = authority.caller();
        DistrictAccount account = visible(caller, id);
        requireChecker(caller, account);
        account.recordIdentificationCheck(identifiesDistrict, caller.username(), clock.instant());
        audit.record("ACCOUNT_IDENTIFICATION_CHECKED", DistrictAccount.OBJECT_TYPE, id,
                identifiesDistrict ? "the name or bio identifies the District, school or department"
                        : "the name or bio does NOT identify the District, school or department");
        return flushAndView(account, caller);
    }

    /** Records that the caller reviewed the account's privacy settings on the platform. */
    public AccountView recordPrivacyReview(Long id) {
        RightsAuthority.Caller caller = authority.caller();
        DistrictAccount account = visible(caller, id);
        requireChecker(caller, account);
        account.recordPrivacyReview(caller.username(), clock.instant());
        audit.record("ACCOUNT_PRIVACY_REVIEWED", DistrictAccount.OBJECT_TYPE, id, "privacy settings reviewed");
        return flushAndView(account, caller);
    }

    /** Links an employee's active authorization (from a request decision) to the account as an operator. */
    public AccountView linkOperator(Long id, Long authorizationId) {
        RightsAuthority.Caller caller = authority.requireRegistryManager();
        DistrictAccount account = find(id);
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
        audit.record("ACCOUNT_OPERATOR_LINKED", DistrictAccount.OBJECT_TYPE, id, authorization.getEmployee().getUsername()
                + " operates it under authorization " + authorization.getId() + " (" + authorization.getPlatformLabel() + ")");
        return flushAndView(account, caller);
    }

    // ---------------------------------------------------------------- administrative rights

    /** Grants rights (Superintendent, or a designee given that power). */
    public GrantView grant(Long accountId, GrantInput in) {
        RightsAuthority.Caller caller = authority.requireGranter();
        DistrictAccount account = find(accountId);
        if (in == null) {
            throw new InvalidInputException("holderId", "Choose the District administrator or supervisor who receives the rights");
        }
        StaffUser holder = holder(in);
        DistrictSettings district = settings.current();
        LocalDate today = today();
        Instant now = clock.instant();
        // granting again to someone who holds rights renews them: the new grant replaces the one in force
        List<AccountGrant> current = holder == null ? List.of() : em.createQuery("SELECT g FROM AccountGrant g WHERE g.account = :a"
                        + " AND g.holder = :h AND g.status = :active", AccountGrant.class).setParameter("a", account)
                .setParameter("h", holder).setParameter("active", GrantStatus.ACTIVE).getResultList();
        em.lock(account, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        AccountGrant grant = account.grant(holder, caller.granter(), in.reason(), in.startsOn(), in.endsOn(), in.openEndedReason(),
                today, district.rights().schoolYearEndOnOrAfter(in.startsOn() == null ? today : in.startsOn()), now);
        grant.scheduleCheck(grant.nextCheck(district.timeZone(), district.rights().noticeDaysBefore(), false));
        em.persist(grant);
        flush();
        for (AccountGrant old : current) {
            account.endGrant(old, GrantStatus.REVOKED, "Renewed: replaced by grant " + grant.getId(), caller.username(), now);
            audit.record("GRANT_RENEWED", DistrictAccount.OBJECT_TYPE, accountId, "grant " + old.getId() + " of "
                    + holder.getUsername() + " replaced by grant " + grant.getId());
        }
        flush();
        audit.record("GRANT_CREATED", DistrictAccount.OBJECT_TYPE, accountId, "administrative rights (grant " + grant.getId()
                + ") to " + holder.getUsername() + " from " + grant.getStartsOn() + " to "
                + (grant.getEndsOn() == null ? "no end date (" + grant.getOpenEndedReason() + ")" : grant.getEndsOn())
                + " by " + caller.username() + " as " + caller.granter().capacity() + "; reason: " + grant.getReason());
        events.fire(AccountEvent.grant(AccountEvent.Type.GRANTED, accountId, grant.getId(), caller.username()));
        return grantView(grant);
    }

    /** Revokes rights early, with a reason. */
    public GrantView revoke(Long grantId, String reason) {
        RightsAuthority.Caller caller = authority.requireGranter();
        AccountGrant grant = findGrant(grantId);
        DistrictAccount account = grant.getAccount();
        em.lock(account, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        account.endGrant(grant, GrantStatus.REVOKED, reason, caller.username(), clock.instant());
        flush();
        audit.record("GRANT_REVOKED", DistrictAccount.OBJECT_TYPE, account.getId(), "grant " + grantId + " of "
                + grant.getHolder().getUsername() + " revoked by " + caller.username() + "; reason: " + grant.getEndReason());
        events.fire(AccountEvent.grant(AccountEvent.Type.REVOKED, account.getId(), grantId, caller.username()));
        return grantView(grant);
    }

    /** The access review's "confirm": these rights stay. */
    public GrantView confirm(Long grantId) {
        RightsAuthority.Caller caller = authority.requireGranter();
        AccountGrant grant = findGrant(grantId);
        grant.confirmReview(caller.username(), clock.instant());
        flush();
        audit.record("GRANT_CONFIRMED", DistrictAccount.OBJECT_TYPE, grant.getAccount().getId(), "grant " + grantId + " of "
                + grant.getHolder().getUsername() + " confirmed in the access review by " + caller.username());
        return grantView(grant);
    }

    // ---------------------------------------------------------------- CSV export (what the table shows, audited)

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
                for (AccountRow row : rows(batch, now)) {
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
        LocalDate today = today();
        Instant reviewStart = openReviewStart();
        int rows = 0;
        try {
            out.write(Csv.line("id", "account_id", "account", "school_or_department", "holder", "holder_name", "status",
                    "starts_on", "ends_on", "open_ended_reason", "granted_by", "granted_as", "reason", "last_reviewed_at", "flagged"));
            for (int first = 0; ; first += EXPORT_BATCH) {
                List<Long> ids = AccountQueries.grants(em, caller, filter, today, reviewStart,
                                AccountQueries.grantOrder(sortBy, ascending, caller, filter), true, Long.class)
                        .setFirstResult(first).setMaxResults(EXPORT_BATCH).getResultList();
                List<GrantView> batch = grantViews(ids);
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

    // ---------------------------------------------------------------- helpers

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return clock.instant().atZone(settings.current().timeZone()).toLocalDate();
    }

    /** When the open access review started (rights confirmed before it are "not reviewed"), or null. */
    public Instant openReviewStart() {
        return em.createQuery("SELECT r.openedAt FROM AccessReview r WHERE r.status = :open ORDER BY r.opensOn DESC", Instant.class)
                .setParameter("open", AccessReview.Status.OPEN).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    private DistrictAccount find(Long id) {
        DistrictAccount account = id == null ? null : em.find(DistrictAccount.class, id);
        if (account == null) {
            throw new NotFoundException("Account");
        }
        return account;
    }

    private AccountGrant findGrant(Long id) {
        AccountGrant grant = id == null ? null : em.find(AccountGrant.class, id);
        if (grant == null) {
            throw new NotFoundException("Grant");
        }
        return grant;
    }

    /** The account if the caller may see it; otherwise "not found", exactly as for an account that does not exist. */
    private DistrictAccount visible(RightsAuthority.Caller caller, Long id) {
        DistrictAccount account = find(id);
        if (!caller.seesAll() && !AccountQueries.isVisible(em, caller, account)) {
            throw new NotFoundException("Account");
        }
        return account;
    }

    private void requireChecker(RightsAuthority.Caller caller, DistrictAccount account) {
        if (caller.managesRegistry()) {
            return;
        }
        boolean holds = caller.siteAdmin() && WhoOperates.administers(em, caller.username(), account);
        if (!holds) {
            throw new AccessDeniedException("Only the account's District administrators, the Superintendent or a system administrator record its checks");
        }
    }

    private void checkVersion(DistrictAccount account, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != account.getVersion()) {
            throw new ConflictException("Someone changed this account meanwhile: reload it and make your change again");
        }
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("Someone changed these rights meanwhile: reload and try again");
        }
    }

    private AccountView flushAndView(DistrictAccount account, RightsAuthority.Caller caller) {
        flush();
        return view(account, caller);
    }

    private void requireUniqueHandle(DistrictAccount account, Long self) {
        List<Long> same = em.createQuery("SELECT a.id FROM DistrictAccount a WHERE a.platform = :p AND a.handleKey = :k", Long.class)
                .setParameter("p", account.getPlatform()).setParameter("k", DistrictAccount.handleKey(account.getHandle()))
                .getResultList();
        if (same.stream().anyMatch(other -> !other.equals(self))) {
            throw new InvalidInputException("handle", account.getHandle() + " on " + account.platformLabel()
                    + " is already in the registry (account " + same.get(0) + ")");
        }
    }

    private StaffUser holder(GrantInput in) {
        if (in.holderId() != null) {
            StaffUser user = em.find(StaffUser.class, in.holderId());
            if (user == null) {
                throw new InvalidInputException("holderId", "No staff member has the id " + in.holderId());
            }
            return user;
        }
        if (in.holder() != null && !in.holder().isBlank()) {
            return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class)
                    .setParameter("username", StaffUser.normalizeUsername(in.holder())).getResultStream().findFirst()
                    .orElseThrow(() -> new InvalidInputException("holderId", "No staff member has the username '" + in.holder().strip() + "'"));
        }
        return null;
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
            platform = em.createNamedQuery(Platform.BY_NAME, Platform.class).setParameter("name", in.platform().strip().toLowerCase(java.util.Locale.ROOT))
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
                in.authorizationId());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private List<AccountRow> rows(List<DistrictAccount> accounts, Instant now) {
        Map<Long, Long> operators = AccountQueries.activeOperatorCounts(em, accounts.stream().map(DistrictAccount::getId).toList());
        return accounts.stream().map(a -> {
            long ops = operators.getOrDefault(a.getId(), 0L);
            return new AccountRow(a.getId(), a.platformLabel(), a.getHandle(), a.getUrl(), a.getUnit().getId(),
                    a.getUnit().getName(), a.getStatus(), a.getActiveAdmins(), ops, a.complianceIssues(now, ops));
        }).toList();
    }

    private AccountView view(DistrictAccount a, RightsAuthority.Caller caller) {
        List<OperatorView> operators = em.createQuery("SELECT o FROM AccountOperator o JOIN FETCH o.authorization WHERE o.account = :a ORDER BY o.addedAt, o.id",
                        AccountOperator.class).setParameter("a", a).getResultStream()
                .map(o -> new OperatorView(o.getAuthorization().getId(), o.getEmployee().getUsername(), o.getEmployee().getFullName(),
                        o.getAuthorization().getStatus(), o.getAuthorization().getLimits(), o.getAddedAt())).toList();
        List<GrantView> grants = em.createQuery("SELECT g FROM AccountGrant g WHERE g.account = :a ORDER BY g.createdAt DESC, g.id DESC",
                        AccountGrant.class).setParameter("a", a).setMaxResults(PAGE_MAX).getResultStream()
                .map(AccountService::grantView)
                .sorted(Comparator.comparing((GrantView g) -> g.status() != GrantStatus.ACTIVE)).toList();
        long activeOperators = operators.stream().filter(o -> o.status() == AuthorizationStatus.ACTIVE).count();
        boolean holds = grants.stream().anyMatch(g -> g.status() == GrantStatus.ACTIVE && g.holderUsername().equals(caller.username()));
        return new AccountView(a.getId(), a.getPlatform().getId(), a.platformLabel(), a.getOtherPlatformName(), a.getHandle(),
                a.getUrl(), a.getUnit().getId(), a.getUnit().getName(), a.getPurpose(), a.getRegisteredEmail(), a.getStatus(),
                a.isIdentifiesDistrict(), a.getIdentificationCheckedBy(), a.getIdentificationCheckedAt(), a.getPrivacyReviewedBy(),
                a.getPrivacyReviewedAt(), a.isArchiveCovered(), a.getActiveAdmins(), a.complianceIssues(clock.instant(), activeOperators),
                operators, grants, a.getSourceAuthorizationId(), a.getCreatedAt(), a.getCreatedBy(), a.getVersion(),
                caller.managesRegistry(), caller.mayGrant(), caller.managesRegistry() || (caller.siteAdmin() && holds));
    }

    static GrantView grantView(AccountGrant g) {
        DistrictAccount a = g.getAccount();
        StaffUser h = g.getHolder();
        return new GrantView(g.getId(), a.getId(), a.platformLabel() + " " + a.getHandle(), a.getUnit().getName(), h.getId(),
                h.getUsername(), h.getFullName(), g.getGrantedBy(), g.getGrantedByName(), g.getGrantedAs(), g.getReason(),
                g.getStartsOn(), g.getEndsOn(), g.getOpenEndedReason(), g.getStatus(), g.getCreatedAt(), g.getEndedAt(),
                g.getEndedBy(), g.getEndReason(), g.getLastReviewedAt(), g.getLastReviewedBy(), g.getFlaggedReviewId() != null);
    }

    private static AuthorizationChoice choice(Authorization a) {
        return new AuthorizationChoice(a.getId(), a.getEmployee().getFullName() + " (" + a.getEmployee().getUsername() + ")",
                a.getPlatformLabel(), a.getAccountLabel(), a.getLine().getPlatform().getId());
    }

    private static String describe(DistrictAccount a) {
        return a.platformLabel() + " " + a.getHandle() + " (" + a.getUrl() + "), " + a.getUnit().getCode() + ", registered with "
                + a.getRegisteredEmail() + ", archive " + (a.isArchiveCovered() ? "yes" : "no");
    }

    private static void checkPage(int first, int size) {
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new InvalidInputException("size", "first is 0 or more; size is 1 to " + PAGE_MAX);
        }
    }
}
