package org.district.socialmedia.consent.entity;

import jakarta.ejb.ApplicationException;
import org.district.socialmedia.platform.entity.StateConflictException;

/**
 * An action the form's or task's state does not allow (revoking what is already revoked, finishing a
 * finished task): usually a stale page or a second clerk acting first, so the API answers 409.
 */
@ApplicationException(rollback = true)
public class ConsentStateException extends StateConflictException {

    public ConsentStateException(String message) {
        super(message);
    }
}
