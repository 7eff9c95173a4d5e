package org.district.socialmedia.parents.entity;

import jakarta.ejb.ApplicationException;
/** A parent page asked too often from one address or with one link (ParentRateLimits). */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends RuntimeException {

    public TooManyAttemptsException(String what) {
        super("Too many attempts " + what);
    }
}
