package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.requests.entity.AuthorizationStatus;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who operates a District account, said once for every place that asks (the registry's reach, the
 * consent check's accounts, the checks an administrator records, who takes posts down):
 * <ul>
 *   <li>an employee <em>operates</em> it through an active authorization linked to it (an {@code AccountOperator});</li>
 *   <li>a District administrator <em>administers</em> it while holding active rights on it (an {@code AccountGrant}).</li>
 * </ul>
 */
public final class WhoOperates {

    private static final String OPERATED = "SELECT op.accountId FROM AccountOperator op WHERE op.employee.username = :me"
            + " AND op.authorization.status = :operatorActive";
    private static final String ADMINISTERED = "SELECT h.accountId FROM AccountGrant h WHERE h.holder.username = :me"
            + " AND h.status = :adminActive";

    private WhoOperates() {
    }

    /** JPQL: the account whose id is {@code accountId} is one that the user operates; puts the condition's parameters. */
    public static String operatedBy(String username, String accountId, Map<String, Object> params) {
        params.put("me", username);
        params.put("operatorActive", AuthorizationStatus.ACTIVE);
        return accountId + " IN (" + OPERATED + ")";
    }

    /** JPQL: the account whose id is {@code accountId} is one that the user administers; puts the condition's parameters. */
    public static String administeredBy(String username, String accountId, Map<String, Object> params) {
        params.put("me", username);
        params.put("adminActive", GrantStatus.ACTIVE);
        return accountId + " IN (" + ADMINISTERED + ")";
    }

    public static boolean operates(EntityManager em, String username, DistrictAccount account) {
        return !em.createQuery("SELECT op.id FROM AccountOperator op WHERE op.account = :a AND op.employee.username = :me"
                        + " AND op.authorization.status = :operatorActive", Long.class)
                .setParameter("a", account).setParameter("me", username).setParameter("operatorActive", AuthorizationStatus.ACTIVE)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public static boolean administers(EntityManager em, String username, DistrictAccount account) {
        return !em.createQuery("SELECT h.id FROM AccountGrant h WHERE h.account = :a AND h.holder.username = :me"
                        + " AND h.status = :adminActive", Long.class)
                .setParameter("a", account).setParameter("me", username).setParameter("adminActive", GrantStatus.ACTIVE)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The accounts in use that the user operates or administers: those operated first. */
    public static List<DistrictAccount> inUseBy(EntityManager em, String username) {
        Set<DistrictAccount> accounts = new LinkedHashSet<>(inUse(em, params -> operatedBy(username, "a.id", params)));
        accounts.addAll(inUse(em, params -> administeredBy(username, "a.id", params)));
        return List.copyOf(accounts);
    }

    private static List<DistrictAccount> inUse(EntityManager em, Function<Map<String, Object>, String> condition) {
        Map<String, Object> params = new HashMap<>();
        String where = condition.apply(params);
        TypedQuery<DistrictAccount> query = em.createQuery("SELECT a FROM DistrictAccount a WHERE a.status = :inUse AND " + where,
                DistrictAccount.class).setParameter("inUse", AccountStatus.ACTIVE);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The usernames of the account's active operators (active staff); when it has none, of its District administrators. */
    public static Set<String> peopleOf(EntityManager em, Long accountId) {
        Set<String> people = em.createQuery("SELECT op.employee.username FROM AccountOperator op WHERE op.accountId = :a"
                        + " AND op.authorization.status = :operatorActive AND op.employee.active = TRUE", String.class)
                .setParameter("a", accountId).setParameter("operatorActive", AuthorizationStatus.ACTIVE).getResultStream()
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (people.isEmpty()) {
            people.addAll(em.createQuery("SELECT h.holder.username FROM AccountGrant h WHERE h.accountId = :a AND h.status = :adminActive",
                    String.class).setParameter("a", accountId).setParameter("adminActive", GrantStatus.ACTIVE).getResultList());
        }
        return people;
    }
}
