package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.AccountOperator;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.notifications.control.MailTemplates;
import org.district.socialmedia.notifications.control.OutboxWriter;
import org.district.socialmedia.requests.entity.AuthorizationEnded;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When an authorization's term ends (requests fires {@link AuthorizationEnded}), each account its
 * holder operated under it is flagged in the audit log, and the account's District administrators
 * are told; an account left with no active authorized operator shows "No active authorized operator"
 * on the compliance page (that check reads the authorizations, so it needs no copy here).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OperatorTermEnd {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    OutboxWriter outbox;

    public void on(@Observes AuthorizationEnded ended) {
        List<DistrictAccount> accounts = em.createQuery("SELECT o.account FROM AccountOperator o WHERE o.authorization.id = :id"
                + " ORDER BY o.accountId", DistrictAccount.class).setParameter("id", ended.authorizationId()).getResultList();
        DistrictSettings district = settings.current();
        for (DistrictAccount account : accounts) {
            if (account.getStatus() == AccountStatus.ARCHIVED) {
                continue;
            }
            long others = em.createQuery("SELECT COUNT(o.id) FROM AccountOperator o WHERE o.accountId = :account"
                            + " AND o.authorization.status = :active", Long.class).setParameter("account", account.getId())
                    .setParameter("active", AuthorizationStatus.ACTIVE).getSingleResult();
            String left = others == 0 ? "no active authorized operator is left" : others + " active authorized operator(s) left";
            audit.record("ACCOUNT_OPERATOR_TERM_ENDED", DistrictAccount.OBJECT_TYPE, account.getId(), ended.holderUsername()
                    + "'s authorization " + ended.authorizationId() + " ended after " + ended.lastDay() + "; " + left);
            Set<String> admins = new LinkedHashSet<>();
            em.createQuery("SELECT g FROM AccountGrant g WHERE g.account = :account AND g.status = :active", AccountGrant.class)
                    .setParameter("account", account).setParameter("active", GrantStatus.ACTIVE).getResultStream()
                    .filter(g -> g.getHolder().isActive()).forEach(g -> admins.add(g.getHolder().getEmail()));
            String name = account.platformLabel() + " " + account.getHandle() + " (" + account.getUnit().getName() + ")";
            outbox.enqueue("ACCOUNT_OPERATOR_TERM_ENDED", null, "account-operator-term-ended." + ended.authorizationId()
                    + "." + account.getId(), admins, new MailTemplates.Parts(district.districtName(),
                    "account " + account.getHandle() + ": " + ended.holderName() + "'s authorization has ended",
                    "An authorization to operate a District account you administer has ended.",
                    List.of(ended.holderName() + " may no longer operate " + name + ": the authorization ended after its last day, "
                                    + ended.lastDay().format(DAY) + ".",
                            others == 0 ? "The account has no active authorized operator now and is flagged on the compliance page."
                                    + " Remove the holder's access to it until a renewal is authorized."
                                    : "Remove the holder's access to it; " + left + "."),
                    "See the account", district.publicBaseUrl() + "/accounts/view.xhtml?id=" + account.getId()));
        }
    }
}
