package org.district.socialmedia.requests.entity;

import java.io.Serializable;

/**
 * Something happened to a request that people must hear about. Fired synchronously inside the
 * transaction of the change, so that the notifications' outbox rows commit or roll back with it.
 * Escalations name their stage and whether the sweep came late.
 */
public record RequestEvent(Type type, Long requestId, String actor, Long authorizationId, String stage, String lateNote)
        implements Serializable {

    public enum Type {
        SUBMITTED, INFO_REQUESTED, INFO_ANSWERED, DECIDED, WITHDRAWN, AUTHORIZATION_REVOKED,
        REMINDER, OVERDUE, OVERDUE_REPEAT, AUTHORIZATION_TERM_REMINDER, AUTHORIZATION_EXPIRED
    }

    public static RequestEvent of(Type type, Long requestId, String actor) {
        return new RequestEvent(type, requestId, actor, null, null, null);
    }

    public static RequestEvent revoked(Long requestId, String actor, Long authorizationId) {
        return new RequestEvent(Type.AUTHORIZATION_REVOKED, requestId, actor, authorizationId, null, null);
    }

    /** A stage of an authorization's term: the renewal reminder or the end. */
    public static RequestEvent term(Type type, Long requestId, Long authorizationId) {
        return new RequestEvent(type, requestId, "system", authorizationId, null, null);
    }

    public static RequestEvent escalation(Type type, Long requestId, String stage, String lateNote) {
        return new RequestEvent(type, requestId, "system", null, stage, lateNote);
    }
}
