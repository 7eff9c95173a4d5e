package org.district.socialmedia.requests.boundary;

import java.io.Serializable;

/**
 * Something happened to a request that people must hear about. Fired synchronously inside the
 * transaction of the change, so that the notifications' outbox rows commit or roll back with it.
 */
public record RequestEvent(Type type, Long requestId, String actor, Long authorizationId) implements Serializable {

    public enum Type { SUBMITTED, INFO_REQUESTED, INFO_ANSWERED, DECIDED, WITHDRAWN, AUTHORIZATION_REVOKED }

    public static RequestEvent of(Type type, Long requestId, String actor) {
        return new RequestEvent(type, requestId, actor, null);
    }
}
