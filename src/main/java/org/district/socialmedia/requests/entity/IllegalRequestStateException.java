package org.district.socialmedia.requests.entity;

import jakarta.ejb.ApplicationException;
import org.district.socialmedia.platform.entity.StateConflictException;

/**
 * An action that the request's (or authorization's) current status does not allow, such as deciding a
 * withdrawn request. Usually a stale page or a second person acting first, so the API answers 409.
 * An application exception so that it reaches the caller as itself and rolls back the transaction.
 */
@ApplicationException(rollback = true)
public class IllegalRequestStateException extends StateConflictException {

    public IllegalRequestStateException(String message) {
        super(message);
    }
}
