package org.district.socialmedia.requests.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.AuthorizationEnded;
import org.district.socialmedia.requests.entity.AuthorizationStatus;
import org.district.socialmedia.requests.entity.AuthorizationTermEvent;
import org.district.socialmedia.requests.entity.RequestEvent;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The deadline timer's work on authorization terms, one authorization per transaction: the renewal
 * reminder 30 days before the last day, and the end after it. Each stage is recorded under a unique
 * key first, so that a second sweep (restart, second server) rolls back with everything it wrote,
 * emails included.
 */
@Stateless
public class AuthorizationTermWorker {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;
    @Inject
    DistrictSettingsService settings;
    @Inject
    Event<RequestEvent> events;
    @Inject
    Event<AuthorizationEnded> ended;

    /** The ids of active authorizations whose next look is due, soonest first (index on next_term_at). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(int limit) {
        return em.createQuery("SELECT a.id FROM Authorization a WHERE a.nextTermAt <= :now AND a.status = :active"
                        + " ORDER BY a.nextTermAt, a.id", Long.class).setParameter("now", clock.instant())
                .setParameter("active", AuthorizationStatus.ACTIVE).setMaxResults(limit).getResultList();
    }

    /** Fires the stage due for one authorization, if any; returns it, or null. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Authorization.TermStage advance(Long authorizationId) {
        Instant now = clock.instant();
        Authorization authorization = em.find(Authorization.class, authorizationId);
        if (authorization == null || authorization.getNextTermAt() == null || authorization.getNextTermAt().isAfter(now)) {
            return null;
        }
        ZoneId zone = settings.current().timeZone();
        Set<Authorization.TermStage> done = EnumSet.noneOf(Authorization.TermStage.class);
        done.addAll(em.createQuery("SELECT e.stage FROM AuthorizationTermEvent e WHERE e.authorizationId = :id AND e.endsOn = :endsOn",
                        Authorization.TermStage.class).setParameter("id", authorizationId)
                .setParameter("endsOn", authorization.getEndsOn()).getResultList());
        Authorization.TermStage stage = authorization.termStageDue(now, zone, done);
        if (stage == null) {
            authorization.termStageDone(done.contains(Authorization.TermStage.ENDED) ? Authorization.TermStage.ENDED
                    : Authorization.TermStage.REMINDER, zone);
            return null;
        }
        em.persist(new AuthorizationTermEvent(authorization, stage, now));
        // the unique key speaks here: a stage already recorded by another sweep rolls this one back
        em.flush();
        Long requestId = authorization.getRequest().getId();
        String what = "authorization " + authorizationId + " (" + authorization.getPlatformLabel() + ", "
                + authorization.getAccountLabel() + ")";
        if (stage == Authorization.TermStage.REMINDER) {
            audit.record("AUTHORIZATION_TERM_REMINDER", SocialMediaRequest.AUDIT_TYPE, requestId,
                    what + " ends after " + authorization.getEndsOn() + "; " + authorization.getEmployee().getUsername()
                            + " was reminded and offered a renewal");
            events.fire(RequestEvent.term(RequestEvent.Type.AUTHORIZATION_TERM_REMINDER, requestId, authorizationId));
        } else {
            authorization.expire();
            audit.record("AUTHORIZATION_EXPIRED", SocialMediaRequest.AUDIT_TYPE, requestId,
                    what + " ended: its last day was " + authorization.getEndsOn());
            events.fire(RequestEvent.term(RequestEvent.Type.AUTHORIZATION_EXPIRED, requestId, authorizationId));
            ended.fire(new AuthorizationEnded(authorizationId, requestId, authorization.getEmployee().getUsername(),
                    authorization.getEmployee().getFullName(), authorization.getPlatformLabel(), authorization.getAccountLabel(),
                    authorization.getEndsOn()));
        }
        authorization.termStageDone(stage, zone);
        return stage;
    }
}
