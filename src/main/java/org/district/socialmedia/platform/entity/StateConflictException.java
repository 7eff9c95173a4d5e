package org.district.socialmedia.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * An action that a record's current state does not allow (deciding a withdrawn request, revoking a revoked
 * form): usually a stale page or a second person acting first, so the API answers 409. Each component
 * throws its own subclass; the API maps them all here, below the components.
 */
@ApplicationException(rollback = true)
public abstract class StateConflictException extends RuntimeException {

    protected StateConflictException(String message) {
        super(message);
    }
}
