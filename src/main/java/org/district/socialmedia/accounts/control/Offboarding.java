package org.district.socialmedia.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.entity.AccountEvent;
import org.district.socialmedia.accounts.entity.AccountGrant;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.accounts.entity.GrantStatus;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.people.entity.StaffDeactivated;
import org.district.socialmedia.people.entity.StaffRolesRemoved;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.requests.entity.SocialMediaRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When a staff member is deactivated, everything they were allowed to do on District social media
 * ends with it: their administrative rights and their authorizations from request decisions; when
 * they lose the role, what it allowed. Every account left with fewer than two District
 * administrators is flagged to the Superintendent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Offboarding {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountComplianceTally compliance;
    @Inject
    AuditLog audit;
    @Inject
    Event<AccountEvent> events;

    public void on(@Observes StaffDeactivated deactivated) {
        end(deactivated.userId(), deactivated.username(), deactivated.username() + " was deactivated",
                deactivated.by(), true, true);
    }

    /** A holder who is no longer a District administrator or supervisor holds no rights; an ex-employee no authorization. */
    public void on(@Observes StaffRolesRemoved removed) {
        boolean rights = removed.removed().contains(Role.SITE_ADMIN);
        boolean authorizations = removed.removed().contains(Role.EMPLOYEE);
        if (rights || authorizations) {
            end(removed.userId(), removed.username(), removed.username() + " no longer has the role "
                    + String.join(", ", removed.removed().stream().map(Role::label).toList()), removed.by(), rights, authorizations);
        }
    }

    private void end(Long userId, String username, String reason, String actor, boolean rights, boolean authorizations) {
        Instant now = clock.instant();
        String by = actor == null ? "system" : actor;
        Set<DistrictAccount> affected = new LinkedHashSet<>();
        List<AccountGrant> grants = !rights ? List.of() : em.createQuery("SELECT g FROM AccountGrant g WHERE g.holder.id = :id AND g.status = :active",
                AccountGrant.class).setParameter("id", userId).setParameter("active", GrantStatus.ACTIVE).getResultList();
        for (AccountGrant grant : grants) {
            DistrictAccount account = grant.getAccount();
            account.endGrant(grant, GrantStatus.ENDED, reason, by, now);
            compliance.accountChanged(account);
            affected.add(account);
            audit.record("GRANT_ENDED_OFFBOARDING", DistrictAccount.OBJECT_TYPE, account.getId(), "grant " + grant.getId()
                    + " of " + username + " ended: " + reason);
            events.fire(AccountEvent.grant(AccountEvent.Type.OFFBOARDED, account.getId(), grant.getId(), by));
        }
        List<Authorization> ended = !authorizations ? List.of() : em.createQuery("SELECT a FROM Authorization a WHERE a.employee.id = :id"
                        + " AND a.status = :active", Authorization.class).setParameter("id", userId)
                .setParameter("active", AuthorizationStatus.ACTIVE).getResultList();
        for (Authorization authorization : ended) {
            authorization.revoke(reason, by, now);
            compliance.authorizationEnded(authorization.getId());
            audit.record("AUTHORIZATION_ENDED_OFFBOARDING", SocialMediaRequest.AUDIT_TYPE, authorization.getRequest().getId(),
                    "authorization " + authorization.getId() + " (" + authorization.getPlatformLabel() + ", "
                            + authorization.getAccountLabel() + ") ended: " + reason);
        }
        for (DistrictAccount account : affected) {
            if (account.getActiveAdmins() < DistrictAccount.MIN_ADMINS) {
                audit.record("ACCOUNT_NEEDS_ADMINISTRATORS", DistrictAccount.OBJECT_TYPE, account.getId(),
                        account.getActiveAdmins() + " District administrator(s) left after " + reason);
                events.fire(new AccountEvent(AccountEvent.Type.ADMINS_NEEDED, account.getId(), null, null, by, reason));
            }
        }
    }
}
