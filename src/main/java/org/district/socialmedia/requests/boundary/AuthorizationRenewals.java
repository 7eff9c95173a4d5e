package org.district.socialmedia.requests.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.platform.entity.AccessDeniedException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.requests.entity.Authorization;
import org.district.socialmedia.requests.entity.IllegalRequestStateException;
import org.district.socialmedia.requests.entity.RequestLine;

import java.util.List;

/**
 * The holder's renewal of an authorization whose term is ending: a new request filled in from the
 * line it granted, submitted at once, and reviewed like any other (the same review period and
 * escalation). Only the holder renews, once per authorization.
 */
@Stateless
@RolesAllowed(Role.EMPLOYEE_NAME)
public class AuthorizationRenewals {

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext context;
    @Inject
    RequestService requests;
    @Inject
    AuditLog audit;

    /**
     * @throws NotFoundException            when there is no such authorization
     * @throws AccessDeniedException        when it is someone else's
     * @throws IllegalRequestStateException when it no longer allows use, or its renewal was requested already
     */
    public RequestView renew(Long authorizationId) {
        Authorization authorization = authorizationId == null ? null : em.find(Authorization.class, authorizationId);
        if (authorization == null) {
            throw new NotFoundException("Authorization");
        }
        if (!authorization.getEmployee().getUsername().equals(context.getCallerPrincipal().getName())) {
            throw new AccessDeniedException("Only the holder of an authorization can request its renewal");
        }
        if (!authorization.isActive()) {
            throw new IllegalRequestStateException("Only an active authorization can be renewed; this one is "
                    + authorization.getStatus() + ": file a new request instead");
        }
        if (authorization.getRenewalRequestId() != null) {
            throw new IllegalRequestStateException("Its renewal was already requested (request " + authorization.getRenewalRequestId() + ")");
        }
        RequestLine line = authorization.getLine();
        LineInput input = new LineInput(line.getPlatform() == null ? null : line.getPlatform().getId(), null,
                line.getOtherPlatformName(), line.getObjectives(), line.getAudiences(), line.isCommunicatesWithStudents(),
                line.getExistingAccountId(), line.getNewAccountName(), line.getDistrictEmail());
        // the holder acknowledged the policy when the authorization was requested; the renewal asks for the same use
        RequestView created = requests.submitLines(null, List.of(input), true);
        authorization.renewedBy(created.id());
        audit.record("AUTHORIZATION_RENEWAL_REQUESTED", RequestService.OBJECT_TYPE, authorization.getRequest().getId(),
                "authorization " + authorizationId + " (" + authorization.getPlatformLabel() + ", " + authorization.getAccountLabel()
                        + ", until " + authorization.getEndsOn() + "): renewal requested in request " + created.id());
        return created;
    }
}
