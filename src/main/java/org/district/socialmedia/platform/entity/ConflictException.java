package org.district.socialmedia.platform.entity;

import jakarta.ejb.ApplicationException;

/** Somebody else changed or decided the same record first (optimistic locking): 409, nothing lost. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
