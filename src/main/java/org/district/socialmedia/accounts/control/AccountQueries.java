package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.entity.AccessReview;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.platform.control.LikePatterns;
import org.district.socialmedia.platform.control.Matches;
import org.district.socialmedia.platform.control.NativeTimestamps;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.requests.entity.AuthorizationStatus;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registry's queries, built from a filter and the caller's reach: one place for the JPQL that
 * the console, the API and the CSV export share, so a count always matches its page. Sorting is
 * by a fixed list of columns (never text from the request), each ending with the id for stable paging.
 */
public final class AccountQueries {

    /** Last days within this many days count as "expiring soon". */
    public static final int EXPIRING_DAYS = 30;
    /** The most rows a page or a picker gets. */
    public static final int PAGE_MAX = 200;

    /** How many of something an account has. */
    public record AccountCount(Long accountId, Long count) {
    }

    /** A school or department with how many active accounts it has. */
    public record UnitCount(Long id, String code, String name, Long accounts) {
    }

    public record UnitCompliance(Long unitId, String unit, long accounts, long failing, long identification, long privacy,
                                 long admins, long operators, long checklists) implements Serializable {

        /** The report's order: by name, ignoring case, then by id (units may share a name: the order is the same whatever the source). */
        public static final Comparator<UnitCompliance> BY_NAME = Comparator.comparing(UnitCompliance::unit, String::compareToIgnoreCase)
                .thenComparing(UnitCompliance::unitId);
    }

    /*
     * "Has an active operator", two ways. Correlated, one indexed lookup per account: for the console's
     * filters, which visit only the accounts of the index walk or the caller's reach. As a set of every
     * account with an active operator, read once: for the compliance counts, which visit every account.
     */
    private static final String WITH_ACTIVE_OPERATOR = "EXISTS (SELECT o.id FROM AccountOperator o WHERE o.accountId = a.id"
            + " AND o.authorization.status = :authActive)";
    // a literal, not a parameter: H2 then reads the set once per query rather than once per account (2.5 times faster)
    private static final String WITH_ACTIVE_OPERATOR_SET = "a.id IN (SELECT o.accountId FROM AccountOperator o"
            + " WHERE o.authorization.status = " + AuthorizationStatus.class.getName() + "." + AuthorizationStatus.ACTIVE.name() + ")";
    /*
     * The orders "by handle" and "by school" walk an index (V8) and stop after the page; the others sort
     * what matches, which is cheap for a filtered or limited reach and costs a sort of the registry otherwise.
     */
    private static final Map<String, String> ACCOUNT_ORDER = Map.of(
            "handle", "a.handleKey", "platform", "a.platform.name", "unit", "a.unitKey, a.handleKey", "status", "a.status",
            "activeAdmins", "a.activeAdmins");
    /* By last day and by holder are index walks when the status is fixed (their indexes start with it); see grantOrder. */
    private static final Map<String, String> GRANT_ORDER = Map.of(
            "endsOn", "g.endsKey", "startsOn", "g.startsOn", "holder", "g.holderKey", "account", "g.account.handleKey",
            "status", "g.status", "unit", "g.account.unitKey");
    private static final Set<String> STATUS_LED_ORDERS = Set.of("g.endsKey", "g.holderKey");

    private AccountQueries() {
    }

    public static String accountOrder(String sortBy, boolean ascending) {
        String columns = ACCOUNT_ORDER.getOrDefault(sortBy == null ? "handle" : sortBy, "a.handleKey");
        return orderBy(columns + ", a.id", ascending);
    }

    /**
     * The grants' order; open-ended rights come after every dated one (their key is the last possible day).
     * Over the whole registry with one status, "g.status" leads the order by last day or by holder: it changes
     * nothing in the result and lets the database walk the (status, ends_key, id) or (status, holder_key, id)
     * index and stop after the page.
     * Not when the grants are limited to some accounts or holders: those few are found by their own
     * index and sorted, where the walk would pass most of a million grants to find them.
     */
    public static String grantOrder(String sortBy, boolean ascending, RightsAuthority.Caller caller, GrantFilter filter) {
        GrantFilter f = filter == null ? GrantFilter.ACTIVE : filter;
        String column = GRANT_ORDER.getOrDefault(sortBy == null ? "endsOn" : sortBy, "g.endsKey");
        boolean registryWide = caller.seesAll() && f.accountId() == null && f.unitId() == null && f.platformId() == null
                && isBlank(f.holder());
        String lead = STATUS_LED_ORDERS.contains(column) && registryWide && effectiveStatus(f) != null ? "g.status, " : "";
        return orderBy(lead + column + ", g.id", ascending);
    }

    private static String orderBy(String columns, boolean ascending) {
        String dir = ascending ? " ASC" : " DESC";
        return " ORDER BY " + String.join(dir + ", ", columns.split(", ")) + dir;
    }

    /** The status the grants are limited to: "expiring" and "not reviewed" are about rights in force. */
    static GrantStatus effectiveStatus(GrantFilter f) {
        return f.expiringSoon() || f.notReviewed() ? GrantStatus.ACTIVE : f.status();
    }

    /**
     * How many accounts the caller may see with this filter (up to {@link Matches#LIMIT}). A caller limited to a
     * reach (what they administer or operate) is counted in one statement: the count reads only the reach's
     * accounts, so it costs what the step over {@link Matches#LIMIT} ids would, and the site administrator's home
     * page saves a round trip per count.
     */
    public static Matches countAccounts(EntityManager em, RightsAuthority.Caller caller, AccountFilter filter, Instant now) {
        if (!caller.seesAll()) {
            long count = accounts(em, caller, filter, now, null, "COUNT(a.id)", Long.class).getSingleResult();
            return count > Matches.LIMIT ? new Matches(Matches.LIMIT, true) : new Matches(count, false);
        }
        return Matches.of(accounts(em, caller, filter, now, null, true, Long.class),
                () -> accounts(em, caller, filter, now, null, "COUNT(a.id)", Long.class).getSingleResult());
    }

    /** How many grants the caller may see with this filter (up to {@link Matches#LIMIT}). */
    public static Matches countGrants(EntityManager em, RightsAuthority.Caller caller, GrantFilter filter, LocalDate today,
                                      Instant openReviewStart) {
        return Matches.of(grants(em, caller, filter, today, openReviewStart, null, true, Long.class),
                () -> grants(em, caller, filter, today, openReviewStart, null, "COUNT(g.id)", Long.class).getSingleResult());
    }

    /**
     * The site administrator's home count: active rights ending within {@link #EXPIRING_DAYS} on the accounts
     * they hold rights on, the same rows as {@link #countGrants} with {@code GrantFilter(status ACTIVE, expiringSoon)}
     * for a caller whose reach is only what they administer. Written as a join from the caller's own grants, so
     * the database walks the holder's index and then each account's active grants by last day (V51); as
     * "IN (the reach)", H2 read every active grant of the District ending within the period instead.
     */
    public static Matches countExpiringAdministered(EntityManager em, String username, LocalDate today) {
        long count = em.createQuery("SELECT COUNT(DISTINCT g.id) FROM AccountGrant h, AccountGrant g WHERE h.holder.username = :me"
                        + " AND h.status = :active AND g.accountId = h.accountId AND g.status = :active AND g.endsKey <= :expiringBy", Long.class)
                .setParameter("me", username).setParameter("active", GrantStatus.ACTIVE)
                .setParameter("expiringBy", today.plusDays(EXPIRING_DAYS)).getSingleResult();
        return count > Matches.LIMIT ? new Matches(Matches.LIMIT, true) : new Matches(count, false);
    }

    /** Accounts the caller may see, filtered: their ids when {@code ids} (for a count), otherwise the entities in {@code order}. */
    public static <T> TypedQuery<T> accounts(EntityManager em, RightsAuthority.Caller caller, AccountFilter filter,
                                             Instant now, String order, boolean ids, Class<T> type) {
        return accounts(em, caller, filter, now, ids ? null : order, ids ? "a.id" : "a", type);
    }

    private static <T> TypedQuery<T> accounts(EntityManager em, RightsAuthority.Caller caller, AccountFilter filter,
                                              Instant now, String order, String select, Class<T> type) {
        AccountFilter f = filter == null ? AccountFilter.ALL : filter;
        StringBuilder jpql = new StringBuilder("SELECT " + select + " FROM DistrictAccount a WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        reach(caller, "a.id", jpql, params);
        if (!isBlank(f.text())) {
            jpql.append(" AND a.handleKey LIKE :text ESCAPE '\\'");
            params.put("text", "%" + LikePatterns.escape(lower(f.text())) + "%");
        }
        if (f.unitId() != null) {
            jpql.append(" AND a.unit.id = :unitId");
            params.put("unitId", f.unitId());
        }
        if (f.platformId() != null) {
            jpql.append(" AND a.platform.id = :platformId");
            params.put("platformId", f.platformId());
        }
        if (f.status() != null) {
            jpql.append(" AND a.status = :status");
            params.put("status", f.status());
        }
        if (f.checklistDueBy() != null) {
            // by the due-date index (V48); archived accounts owe no checklist
            jpql.append(" AND a.checklist.dueOn <= :checklistDueBy AND a.status <> :archived");
            params.put("checklistDueBy", f.checklistDueBy());
            params.put("archived", AccountStatus.ARCHIVED);
        }
        if (f.issue() != null || f.failingOnly()) {
            jpql.append(" AND a.status <> :archived AND (")
                    .append(f.issue() != null ? issueCondition(f.issue(), false) : anyIssueCondition(false)).append(")");
            params.put("archived", AccountStatus.ARCHIVED);
        }
        if (order != null) {
            jpql.append(order);
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        params.forEach(q::setParameter);
        bindIssueParameters(q, jpql.toString(), now);
        return q;
    }

    /** Grants on accounts the caller may see, filtered: their ids when {@code ids} (in {@code order} if given), otherwise the entities. */
    public static <T> TypedQuery<T> grants(EntityManager em, RightsAuthority.Caller caller, GrantFilter filter, LocalDate today,
                                           Instant openReviewStart, String order, boolean ids, Class<T> type) {
        return grants(em, caller, filter, today, openReviewStart, order, ids ? "g.id" : "g", type);
    }

    private static <T> TypedQuery<T> grants(EntityManager em, RightsAuthority.Caller caller, GrantFilter filter, LocalDate today,
                                            Instant openReviewStart, String order, String select, Class<T> type) {
        GrantFilter f = filter == null ? GrantFilter.ACTIVE : filter;
        // no join with the account: the grants' own indexes answer, and the account's conditions are a set of ids
        StringBuilder jpql = new StringBuilder("SELECT " + select + " FROM AccountGrant g WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        reach(caller, "g.accountId", jpql, params);
        if (f.accountId() != null) {
            jpql.append(" AND g.accountId = :accountId");
            params.put("accountId", f.accountId());
        }
        if (f.unitId() != null || f.platformId() != null) {
            jpql.append(" AND g.accountId IN (SELECT s.id FROM DistrictAccount s WHERE 1 = 1");
            if (f.unitId() != null) {
                jpql.append(" AND s.unit.id = :unitId");
                params.put("unitId", f.unitId());
            }
            if (f.platformId() != null) {
                jpql.append(" AND s.platform.id = :platformId");
                params.put("platformId", f.platformId());
            }
            jpql.append(")");
        }
        if (!isBlank(f.holder())) {
            // the matching staff users first, then their grants by the holder index. Through the join on purpose: as
            // "g.holderId IN (...)" H2 takes the (holder_id, status) index for the status alone and reads every grant
            jpql.append(" AND g.holder.id IN (SELECT u.id FROM StaffUser u WHERE u.username = :holderName"
                    + " OR LOWER(u.fullName) LIKE :holderText ESCAPE '\\')");
            params.put("holderName", lower(f.holder()));
            params.put("holderText", "%" + LikePatterns.escape(lower(f.holder())) + "%");
        }
        GrantStatus status = effectiveStatus(f);
        if (status != null) {
            jpql.append(" AND g.status = :status");
            params.put("status", status);
        }
        if (f.expiringSoon()) {
            // open-ended rights have the last possible day as their key: never in range
            jpql.append(" AND g.endsKey <= :expiringBy");
            params.put("expiringBy", today.plusDays(EXPIRING_DAYS));
        }
        if (f.notReviewed()) {
            if (openReviewStart == null) {
                // no review under way: what is "not reviewed" is what the last review flagged
                jpql.append(" AND g.flaggedReviewId IS NOT NULL");
            } else {
                jpql.append(" AND (g.lastReviewedAt < :reviewStart OR g.flaggedReviewId IS NOT NULL)");
                params.put("reviewStart", openReviewStart);
            }
        }
        if (order != null) {
            jpql.append(order);
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        params.forEach(q::setParameter);
        return q;
    }

    /**
     * Limits a query to the accounts the caller may see ({@code accountId} names the account's id in it). The
     * reach is a set of account ids the database computes once from the caller's own rows (by the holder and
     * employee indexes), then looks the accounts up by id: its cost follows what the caller holds, not the registry.
     */
    private static void reach(RightsAuthority.Caller caller, String accountId, StringBuilder jpql, Map<String, Object> params) {
        if (caller.seesAll()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (caller.siteAdmin()) {
            parts.add(WhoOperates.administeredBy(caller.username(), accountId, params));
        }
        if (caller.employee()) {
            parts.add(WhoOperates.operatedBy(caller.username(), accountId, params));
        }
        if (parts.isEmpty()) {
            jpql.append(" AND 1 = 0");
            return;
        }
        jpql.append(" AND (").append(String.join(" OR ", parts)).append(")");
    }

    /** Active operators per account, for a page of accounts in one query. */
    public static Map<Long, Long> activeOperatorCounts(EntityManager em, List<Long> accountIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (accountIds.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT NEW " + AccountCount.class.getName() + "(o.accountId, COUNT(o.id)) FROM AccountOperator o"
                        + " WHERE o.accountId IN :ids AND o.authorization.status = :active GROUP BY o.accountId", AccountCount.class)
                .setParameter("ids", accountIds).setParameter("active", AuthorizationStatus.ACTIVE).getResultStream()
                .forEach(row -> counts.put(row.accountId(), row.count()));
        return counts;
    }

    /** Whether a caller without the registry-wide view may see this account. */
    public static boolean isVisible(EntityManager em, RightsAuthority.Caller caller, DistrictAccount account) {
        if (caller.seesAll()) {
            return true;
        }
        return caller.siteAdmin() && WhoOperates.administers(em, caller.username(), account)
                || caller.employee() && WhoOperates.operates(em, caller.username(), account);
    }

    /** Per school, how many accounts fail each check (archived accounts are out of use and not counted). */
    public static List<UnitCompliance> compliance(EntityManager em, Instant now) {
        return compliance(em, now, (Long) null);
    }

    /*
     * Two passes over the registry. "No active operator" was a NOT IN (the set of accounts with one) inside each
     * conditional sum, and H2 evaluated that set again for every account: 11.7 s for 1,000 accounts. Now the first
     * pass sums every other check per school, split by whether the account fails one of them; the second counts,
     * per school and the same split, the accounts that have an active operator (an indexed EXISTS per account,
     * account_operator's account_id). The accounts without one, and the failing ones, follow by subtraction.
     */
    private static final String OTHER_ISSUES = "(a.identifies_district = FALSE OR a.identification_checked_at IS NULL)"
            + " OR (a.privacy_reviewed_at IS NULL OR a.privacy_reviewed_at < ?1) OR a.active_admins < " + DistrictAccount.MIN_ADMINS
            + " OR a.attestation_overdue_at <= ?2";

    /** Per school, or for one ({@code unitId}), how many accounts in use fail each check. */
    public static List<UnitCompliance> compliance(EntityManager em, Instant now, Long unitId) {
        return complianceWhere(em, now, unitId == null ? "" : " AND a.unit_id = " + unitId.longValue());
    }

    /** Per school, for these schools only (none: an empty list), how many accounts in use fail each check. */
    public static List<UnitCompliance> compliance(EntityManager em, Instant now, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return new ArrayList<>();
        }
        StringBuilder ids = new StringBuilder();
        for (Long id : unitIds) {
            ids.append(ids.length() == 0 ? "" : ", ").append(id.longValue());
        }
        return complianceWhere(em, now, " AND a.unit_id IN (" + ids + ")");
    }

    /**
     * The first moment after {@code now} when the figures of this unit's accounts in use change with time alone (no
     * row written): a privacy review reaching {@link DistrictAccount#PRIVACY_REVIEW_VALID} or a yearly checklist its
     * overdue moment. Null when none will. Read as the earliest review still valid and the earliest overdue moment to
     * come (two MINs in SQL, converted here: a MIN skips the converter and each database answers its own type).
     */
    public static Instant nextComplianceChange(EntityManager em, Instant now, long unitId) {
        OffsetDateTime privacyBefore = now.minus(DistrictAccount.PRIVACY_REVIEW_VALID).atOffset(ZoneOffset.UTC);
        Object[] row = (Object[]) em.createNativeQuery("SELECT MIN(CASE WHEN a.privacy_reviewed_at >= ?1 THEN a.privacy_reviewed_at END),"
                        + " MIN(CASE WHEN a.attestation_overdue_at > ?2 THEN a.attestation_overdue_at END)"
                        + " FROM district_account a WHERE a.status <> 'ARCHIVED' AND a.unit_id = " + unitId)
                .setParameter(1, privacyBefore).setParameter(2, now.atOffset(ZoneOffset.UTC)).getSingleResult();
        return ComplianceMoments.nextChange(NativeTimestamps.instant(row[0]), NativeTimestamps.instant(row[1]));
    }

    private static List<UnitCompliance> complianceWhere(EntityManager em, Instant now, String unit) {
        OffsetDateTime privacyBefore = now.minus(DistrictAccount.PRIVACY_REVIEW_VALID).atOffset(ZoneOffset.UTC);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // each account's checks as 0 or 1 in a derived table, summed per school and split: H2 does not take a CASE
        // with parameters in GROUP BY for the same expression in SELECT (each parameter is a new one to it)
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("SELECT x.unit_id, x.failing, COUNT(*), SUM(x.identification), SUM(x.privacy),"
                        + " SUM(x.admins), SUM(x.checklist) FROM (SELECT a.unit_id, " + flag(OTHER_ISSUES) + " AS failing, "
                        + flag("a.identifies_district = FALSE OR a.identification_checked_at IS NULL") + " AS identification, "
                        + flag("a.privacy_reviewed_at IS NULL OR a.privacy_reviewed_at < ?1") + " AS privacy, "
                        + flag("a.active_admins < " + DistrictAccount.MIN_ADMINS) + " AS admins, "
                        + flag("a.attestation_overdue_at <= ?2") + " AS checklist"
                        + " FROM district_account a WHERE a.status <> 'ARCHIVED'" + unit + ") x GROUP BY x.unit_id, x.failing")
                .setParameter(1, privacyBefore).setParameter(2, at).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> operated = em.createNativeQuery("SELECT x.unit_id, x.failing, COUNT(*) FROM (SELECT a.unit_id, "
                        + flag(OTHER_ISSUES) + " AS failing FROM district_account a WHERE a.status <> 'ARCHIVED'" + unit
                        + " AND EXISTS (SELECT 1 FROM account_operator o JOIN sm_authorization z ON z.id = o.authorization_id"
                        + " WHERE o.account_id = a.id AND z.status = '" + AuthorizationStatus.ACTIVE.name() + "')) x"
                        + " GROUP BY x.unit_id, x.failing")
                .setParameter(1, privacyBefore).setParameter(2, at).getResultList();
        // per unit: [accounts, failing other checks, identification, privacy, admins, checklists, operated failing, operated passing]
        Map<Long, long[]> byUnit = new HashMap<>();
        for (Object[] row : sums) {
            long[] c = byUnit.computeIfAbsent(number(row[0]), k -> new long[8]);
            boolean failing = number(row[1]) == 1;
            c[0] += number(row[2]);
            c[1] += failing ? number(row[2]) : 0;
            for (int i = 0; i < 4; i++) {
                c[2 + i] += number(row[3 + i]);
            }
        }
        for (Object[] row : operated) {
            long[] c = byUnit.get(number(row[0]));
            if (c != null) {
                c[number(row[1]) == 1 ? 6 : 7] += number(row[2]);
            }
        }
        Map<Long, String> names = new HashMap<>();
        if (!byUnit.isEmpty()) {
            for (Object[] u : em.createQuery("SELECT u.id, u.name FROM OrgUnit u WHERE u.id IN :ids", Object[].class)
                    .setParameter("ids", byUnit.keySet()).getResultList()) {
                names.put((Long) u[0], (String) u[1]);
            }
        }
        List<UnitCompliance> result = new ArrayList<>();
        byUnit.forEach((id, c) -> {
            long passingOthers = c[0] - c[1];
            long withoutOperator = c[0] - c[6] - c[7];
            result.add(new UnitCompliance(id, names.get(id), c[0], c[1] + (passingOthers - c[7]), c[2], c[3], c[4], withoutOperator, c[5]));
        });
        result.sort(UnitCompliance.BY_NAME);
        return result;
    }

    private static String flag(String condition) {
        return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The condition an account failing this check meets; {@code everyAccount} when the query visits the whole registry. */
    static String issueCondition(ComplianceIssue issue, boolean everyAccount) {
        return switch (issue) {
            case IDENTIFICATION_NOT_CONFIRMED -> "a.identifiesDistrict = FALSE OR a.identificationCheckedAt IS NULL";
            case PRIVACY_REVIEW_OUTDATED -> "a.privacyReviewedAt IS NULL OR a.privacyReviewedAt < :privacyBefore";
            case FEWER_THAN_TWO_ADMINS -> "a.activeAdmins < " + DistrictAccount.MIN_ADMINS;
            case NO_ACTIVE_OPERATOR -> "NOT " + (everyAccount ? WITH_ACTIVE_OPERATOR_SET : WITH_ACTIVE_OPERATOR);
            case CHECKLIST_OVERDUE -> "a.checklist.overdueAt <= :checklistNow";
        };
    }

    static String anyIssueCondition(boolean everyAccount) {
        List<String> parts = new ArrayList<>();
        for (ComplianceIssue issue : ComplianceIssue.values()) {
            parts.add("(" + issueCondition(issue, everyAccount) + ")");
        }
        return String.join(" OR ", parts);
    }

    static void bindIssueParameters(TypedQuery<?> q, String jpql, Instant now) {
        if (jpql.contains(":privacyBefore")) {
            q.setParameter("privacyBefore", now.minus(DistrictAccount.PRIVACY_REVIEW_VALID));
        }
        if (jpql.contains(":checklistNow")) {
            q.setParameter("checklistNow", now);
        }
        if (jpql.contains(":authActive")) {
            q.setParameter("authActive", AuthorizationStatus.ACTIVE);
        }
    }

    static String lower(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public static void checkPage(int first, int size) {
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new InvalidInputException("size", "first is 0 or more; size is 1 to " + PAGE_MAX);
        }
    }

    /** The account's history, oldest first: every change of the account and of the rights on it. */
    public static List<AuditEntry> history(EntityManager em, Long id) {
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.objectType = :type AND a.objectId = :id ORDER BY a.occurredAt, a.id",
                AuditEntry.class).setParameter("type", DistrictAccount.OBJECT_TYPE).setParameter("id", id.toString())
                .setMaxResults(1000).getResultList();
    }

    /** When the open access review started (rights confirmed before it are "not reviewed"), or null. */
    public static Instant openReviewStart(EntityManager em) {
        return em.createQuery("SELECT r.openedAt FROM AccessReview r WHERE r.status = :open ORDER BY r.opensOn DESC", Instant.class)
                .setParameter("open", AccessReview.Status.OPEN).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * The public directory (active accounts, nothing about people), or one school's part of it. Values, not
     * entities: the whole directory is 100,000 rows, and an entity would bring its school and platform along.
     */
    public static TypedQuery<DirectoryEntry> directory(EntityManager em, Long unitId) {
        String select = "SELECT NEW " + DirectoryEntry.class.getName() + "(COALESCE(a.otherPlatformName, p.name), a.handle, a.url, u.name)"
                + " FROM DistrictAccount a JOIN a.platform p JOIN a.unit u WHERE a.status = :active";
        if (unitId == null) {
            return em.createQuery(select + " ORDER BY u.name, a.handleKey, a.id", DirectoryEntry.class)
                    .setParameter("active", AccountStatus.ACTIVE);
        }
        return em.createQuery(select + " AND u.id = :unit ORDER BY a.handleKey, a.id", DirectoryEntry.class)
                .setParameter("active", AccountStatus.ACTIVE).setParameter("unit", unitId);
    }

    /** The schools and departments that have active accounts, by name, with how many. */
    public static List<DirectoryUnits.Unit> directoryUnits(EntityManager em) {
        return em.createQuery("SELECT NEW " + UnitCount.class.getName() + "(u.id, u.code, u.name, COUNT(a)) FROM DistrictAccount a"
                                + " JOIN a.unit u WHERE a.status = :active GROUP BY u.id, u.code, u.name ORDER BY u.name, u.id", UnitCount.class)
                .setParameter("active", AccountStatus.ACTIVE).getResultStream()
                .map(r -> new DirectoryUnits.Unit(r.id(), r.code(), r.name(), r.accounts())).toList();
    }
}
