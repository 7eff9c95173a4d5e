package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.requests.entity.AuthorizationStatus;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry's queries, built from a filter and the caller's reach: one place for the JPQL that
 * the console, the API and the CSV export share, so a count always matches its page. Sorting is
 * by a fixed list of columns (never text from the request), each ending with the id for stable paging.
 */
public final class AccountQueries {

    /** Last days within this many days count as "expiring soon". */
    public static final int EXPIRING_DAYS = 30;

    public record UnitCompliance(Long unitId, String unit, long accounts, long failing, long identification, long privacy,
                                 long admins, long operators) implements Serializable {
    }

    private static final String ACTIVE_OPERATOR = "EXISTS (SELECT o.id FROM AccountOperator o WHERE o.account = a"
            + " AND o.authorization.status = :authActive%s)";
    private static final Map<String, String> ACCOUNT_ORDER = Map.of(
            "handle", "a.handleKey", "platform", "a.platform.name", "unit", "a.unit.name", "status", "a.status",
            "activeAdmins", "a.activeAdmins");
    private static final Map<String, String> GRANT_ORDER = Map.of(
            "endsOn", "g.endsOn", "startsOn", "g.startsOn", "holder", "g.holder.fullName", "account", "g.account.handleKey",
            "status", "g.status", "unit", "g.account.unit.name");

    private AccountQueries() {
    }

    public static String accountOrder(String sortBy, boolean ascending) {
        String column = ACCOUNT_ORDER.getOrDefault(sortBy == null ? "handle" : sortBy, "a.handleKey");
        String dir = ascending ? " ASC" : " DESC";
        return " ORDER BY " + column + dir + ", a.id" + dir;
    }

    public static String grantOrder(String sortBy, boolean ascending) {
        String column = GRANT_ORDER.getOrDefault(sortBy == null ? "endsOn" : sortBy, "g.endsOn");
        String dir = ascending ? " ASC" : " DESC";
        // open-ended rights (no last day) sort after every dated one
        return " ORDER BY " + column + dir + (column.equals("g.endsOn") ? " NULLS LAST" : "") + ", g.id" + dir;
    }

    /** Accounts the caller may see, filtered: a count when {@code count}, otherwise the entities in {@code order}. */
    public static <T> TypedQuery<T> accounts(EntityManager em, RightsAuthority.Caller caller, AccountFilter filter,
                                             Instant now, String order, boolean count, Class<T> type) {
        AccountFilter f = filter == null ? AccountFilter.ALL : filter;
        StringBuilder jpql = new StringBuilder(count ? "SELECT COUNT(a.id) FROM DistrictAccount a WHERE 1 = 1"
                : "SELECT a FROM DistrictAccount a WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        reach(caller, jpql, params);
        if (!isBlank(f.text())) {
            jpql.append(" AND a.handleKey LIKE :text ESCAPE '\\'");
            params.put("text", "%" + escapeLike(lower(f.text())) + "%");
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
        if (f.issue() != null || f.failingOnly()) {
            jpql.append(" AND a.status <> :archived AND (")
                    .append(f.issue() != null ? issueCondition(f.issue()) : anyIssueCondition()).append(")");
            params.put("archived", AccountStatus.ARCHIVED);
        }
        if (!count && order != null) {
            jpql.append(order);
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        params.forEach(q::setParameter);
        bindIssueParameters(q, jpql.toString(), now);
        return q;
    }

    /** Grants on accounts the caller may see, filtered. */
    public static <T> TypedQuery<T> grants(EntityManager em, RightsAuthority.Caller caller, GrantFilter filter, LocalDate today,
                                           Instant openReviewStart, String order, boolean count, Class<T> type) {
        GrantFilter f = filter == null ? GrantFilter.ACTIVE : filter;
        StringBuilder jpql = new StringBuilder(count ? "SELECT COUNT(g.id) FROM AccountGrant g JOIN g.account a WHERE 1 = 1"
                : "SELECT g FROM AccountGrant g JOIN g.account a WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        reach(caller, jpql, params);
        if (f.accountId() != null) {
            jpql.append(" AND a.id = :accountId");
            params.put("accountId", f.accountId());
        }
        if (f.unitId() != null) {
            jpql.append(" AND a.unit.id = :unitId");
            params.put("unitId", f.unitId());
        }
        if (f.platformId() != null) {
            jpql.append(" AND a.platform.id = :platformId");
            params.put("platformId", f.platformId());
        }
        if (!isBlank(f.holder())) {
            // the matching staff users first, then their grants by the holder index: a join would test every grant's holder
            jpql.append(" AND g.holder.id IN (SELECT u.id FROM StaffUser u WHERE u.username = :holderName"
                    + " OR LOWER(u.fullName) LIKE :holderText ESCAPE '\\')");
            params.put("holderName", lower(f.holder()));
            params.put("holderText", "%" + escapeLike(lower(f.holder())) + "%");
        }
        GrantStatus status = f.expiringSoon() || f.notReviewed() ? GrantStatus.ACTIVE : f.status();
        if (status != null) {
            jpql.append(" AND g.status = :status");
            params.put("status", status);
        }
        if (f.expiringSoon()) {
            jpql.append(" AND g.endsOn IS NOT NULL AND g.endsOn <= :expiringBy");
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
        if (!count && order != null) {
            jpql.append(order);
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        params.forEach(q::setParameter);
        return q;
    }

    /** Limits a query over accounts {@code a} to what the caller may see. */
    private static void reach(RightsAuthority.Caller caller, StringBuilder jpql, Map<String, Object> params) {
        if (caller.seesAll()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (caller.siteAdmin()) {
            parts.add("EXISTS (SELECT h.id FROM AccountGrant h WHERE h.account = a AND h.holder.username = :me AND h.status = :grantActive)");
            params.put("grantActive", GrantStatus.ACTIVE);
        }
        if (caller.employee()) {
            parts.add("EXISTS (SELECT op.id FROM AccountOperator op WHERE op.account = a AND op.employee.username = :me"
                    + " AND op.authorization.status = :authActive)");
            params.put("authActive", AuthorizationStatus.ACTIVE);
        }
        if (parts.isEmpty()) {
            jpql.append(" AND 1 = 0");
            return;
        }
        params.put("me", caller.username());
        jpql.append(" AND (").append(String.join(" OR ", parts)).append(")");
    }

    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Active operators per account, for a page of accounts in one query. */
    public static Map<Long, Long> activeOperatorCounts(EntityManager em, List<Long> accountIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (accountIds.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT o.account.id, COUNT(o.id) FROM AccountOperator o WHERE o.account.id IN :ids"
                        + " AND o.authorization.status = :active GROUP BY o.account.id", Object[].class)
                .setParameter("ids", accountIds).setParameter("active", AuthorizationStatus.ACTIVE).getResultStream()
                .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** Whether a caller without the registry-wide view may see this account. */
    public static boolean isVisible(EntityManager em, RightsAuthority.Caller caller, DistrictAccount account) {
        if (caller.seesAll()) {
            return true;
        }
        if (caller.siteAdmin() && !em.createQuery("SELECT g.id FROM AccountGrant g WHERE g.account = :a AND g.holder.username = :me"
                        + " AND g.status = :active", Long.class).setParameter("a", account).setParameter("me", caller.username())
                .setParameter("active", GrantStatus.ACTIVE).setMaxResults(1).getResultList().isEmpty()) {
            return true;
        }
        return caller.employee() && !em.createQuery("SELECT o.id FROM AccountOperator o WHERE o.account = :a"
                        + " AND o.employee.username = :me AND o.authorization.status = :active", Long.class)
                .setParameter("a", account).setParameter("me", caller.username())
                .setParameter("active", AuthorizationStatus.ACTIVE).setMaxResults(1).getResultList().isEmpty();
    }

    /** Per school, how many accounts fail each check (archived accounts are out of use and not counted). */
    public static List<UnitCompliance> compliance(EntityManager em, Instant now) {
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        String base = "SELECT a.unit.id, a.unit.name, COUNT(a.id) FROM DistrictAccount a WHERE a.status <> :archived";
        String group = " GROUP BY a.unit.id, a.unit.name";
        List<String> conditions = List.of("",
                " AND (" + issueCondition(ComplianceIssue.IDENTIFICATION_NOT_CONFIRMED) + ")",
                " AND (" + issueCondition(ComplianceIssue.PRIVACY_REVIEW_OUTDATED) + ")",
                " AND (" + issueCondition(ComplianceIssue.FEWER_THAN_TWO_ADMINS) + ")",
                " AND (" + issueCondition(ComplianceIssue.NO_ACTIVE_OPERATOR) + ")",
                " AND (" + anyIssueCondition() + ")");
        for (int i = 0; i < conditions.size(); i++) {
            String jpql = base + conditions.get(i) + group;
            TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class).setParameter("archived", AccountStatus.ARCHIVED);
            bindIssueParameters(q, jpql, now);
            int column = i;
            q.getResultStream().forEach(row -> {
                Long unit = (Long) row[0];
                names.put(unit, (String) row[1]);
                counts.computeIfAbsent(unit, k -> new long[6])[column] = ((Number) row[2]).longValue();
            });
        }
        List<UnitCompliance> result = new ArrayList<>();
        counts.forEach((unit, c) -> result.add(new UnitCompliance(unit, names.get(unit), c[0], c[5], c[1], c[2], c[3], c[4])));
        result.sort((x, y) -> x.unit().compareToIgnoreCase(y.unit()));
        return result;
    }

    static String issueCondition(ComplianceIssue issue) {
        return switch (issue) {
            case IDENTIFICATION_NOT_CONFIRMED -> "a.identifiesDistrict = FALSE OR a.identificationCheckedAt IS NULL";
            case PRIVACY_REVIEW_OUTDATED -> "a.privacyReviewedAt IS NULL OR a.privacyReviewedAt < :privacyBefore";
            case FEWER_THAN_TWO_ADMINS -> "a.activeAdmins < " + DistrictAccount.MIN_ADMINS;
            case NO_ACTIVE_OPERATOR -> "NOT " + ACTIVE_OPERATOR.formatted("");
        };
    }

    static String anyIssueCondition() {
        List<String> parts = new ArrayList<>();
        for (ComplianceIssue issue : ComplianceIssue.values()) {
            parts.add("(" + issueCondition(issue) + ")");
        }
        return String.join(" OR ", parts);
    }

    static void bindIssueParameters(TypedQuery<?> q, String jpql, Instant now) {
        if (jpql.contains(":privacyBefore")) {
            q.setParameter("privacyBefore", now.minus(DistrictAccount.PRIVACY_REVIEW_VALID));
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
}
