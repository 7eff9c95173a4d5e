package org.district.socialmedia.accounts.control;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.AccountOperator;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.ComplianceIssue;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.requests.entity.AuthorizationStatus;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What the registry shows of accounts and grants: the records the pages and the API receive, and how they are read. */
public final class AccountViews {

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
                              boolean mayRecordChecks, String operatorException, String operatorExceptionBy,
                              Instant operatorExceptionAt) implements Serializable {
    }

    private AccountViews() {
    }

    /** The console's rows, with each account's active operators counted in one query for the page. */
    public static List<AccountRow> rows(EntityManager em, List<DistrictAccount> accounts, Instant now) {
        Map<Long, Long> operators = AccountQueries.activeOperatorCounts(em, accounts.stream().map(DistrictAccount::getId).toList());
        return accounts.stream().map(a -> {
            long ops = operators.getOrDefault(a.getId(), 0L);
            return new AccountRow(a.getId(), a.platformLabel(), a.getHandle(), a.getUrl(), a.getUnit().getId(),
                    a.getUnit().getName(), a.getStatus(), a.getActiveAdmins(), ops, a.complianceIssues(now, ops));
        }).toList();
    }

    /** One account with its operators and grants, and what the caller may do with it. */
    public static AccountView view(EntityManager em, DistrictAccount a, RightsAuthority.Caller caller, Instant now) {
        List<OperatorView> operators = em.createQuery("SELECT o FROM AccountOperator o JOIN FETCH o.authorization WHERE o.account = :a ORDER BY o.addedAt, o.id",
                        AccountOperator.class).setParameter("a", a).getResultStream()
                .map(o -> new OperatorView(o.getAuthorization().getId(), o.getEmployee().getUsername(), o.getEmployee().getFullName(),
                        o.getAuthorization().getStatus(), o.getAuthorization().getLimits(), o.getAddedAt())).toList();
        List<GrantView> grants = em.createQuery("SELECT g FROM AccountGrant g WHERE g.account = :a ORDER BY g.createdAt DESC, g.id DESC",
                        AccountGrant.class).setParameter("a", a).setMaxResults(AccountQueries.PAGE_MAX).getResultStream()
                .map(AccountViews::grantView)
                .sorted(Comparator.comparing((GrantView g) -> g.status() != GrantStatus.ACTIVE)).toList();
        long activeOperators = operators.stream().filter(o -> o.status() == AuthorizationStatus.ACTIVE).count();
        boolean holds = grants.stream().anyMatch(g -> g.status() == GrantStatus.ACTIVE && g.holderUsername().equals(caller.username()));
        return new AccountView(a.getId(), a.getPlatform().getId(), a.platformLabel(), a.getOtherPlatformName(), a.getHandle(),
                a.getUrl(), a.getUnit().getId(), a.getUnit().getName(), a.getPurpose(), a.getRegisteredEmail(), a.getStatus(),
                a.isIdentifiesDistrict(), a.getIdentificationCheckedBy(), a.getIdentificationCheckedAt(), a.getPrivacyReviewedBy(),
                a.getPrivacyReviewedAt(), a.isArchiveCovered(), a.getActiveAdmins(), a.complianceIssues(now, activeOperators),
                operators, grants, a.getSourceAuthorizationId(), a.getCreatedAt(), a.getCreatedBy(), a.getVersion(),
                caller.managesRegistry(), caller.mayGrant(), caller.managesRegistry() || (caller.siteAdmin() && holds),
                a.getOperatorExceptionReason(), a.getOperatorExceptionBy(), a.getOperatorExceptionAt());
    }

    public static GrantView grantView(AccountGrant g) {
        DistrictAccount a = g.getAccount();
        StaffUser h = g.getHolder();
        return new GrantView(g.getId(), a.getId(), a.platformLabel() + " " + a.getHandle(), a.getUnit().getName(), h.getId(),
                h.getUsername(), h.getFullName(), g.getGrantedBy(), g.getGrantedByName(), g.getGrantedAs(), g.getReason(),
                g.getStartsOn(), g.getEndsOn(), g.getOpenEndedReason(), g.getStatus(), g.getCreatedAt(), g.getEndedAt(),
                g.getEndedBy(), g.getEndReason(), g.getLastReviewedAt(), g.getLastReviewedBy(), g.getFlaggedReviewId() != null);
    }

    /**
     * The grants of these ids, in this order; a grant gone meanwhile is left out. The table's rows as columns,
     * not entities: without weaving, EclipseLink reads every to-one relation of an entity eagerly, so 25 grants
     * used to bring their accounts, platforms, schools, holders, the holders' schools and roles, and each
     * holder's chain of supervisors: about 40 statements per page. This is one, read into named columns.
     */
    public static List<GrantView> grantViews(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, GrantView> byId = new HashMap<>();
        for (GrantColumns c : em.createQuery(GrantColumns.SELECT + " FROM AccountGrant g JOIN g.account a JOIN a.platform p"
                + " JOIN a.unit u JOIN g.holder h WHERE g.id IN :ids", GrantColumns.class).setParameter("ids", ids).getResultList()) {
            String platform = DistrictAccount.platformLabel(c.otherPlatformName(), c.platformName());
            byId.put(c.id(), new GrantView(c.id(), c.accountId(), platform + " " + c.handle(), c.unit(), c.holderId(),
                    c.holderUsername(), c.holderName(), c.grantedBy(), c.grantedByName(), c.grantedAs(), c.reason(), c.startsOn(),
                    c.endsOn(), c.openEndedReason(), c.status(), c.createdAt(), c.endedAt(), c.endedBy(), c.endReason(),
                    c.lastReviewedAt(), c.lastReviewedBy(), c.flaggedReviewId() != null));
        }
        // in the page's order; a grant gone between the two queries is left out
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
