package org.district.socialmedia.parents.entity;

/** A parent page asked too often from one address or with one link (ParentRateLimits). */
public class TooManyAttemptsException extends RuntimeException {

    public TooManyAttemptsException(String what) {
        super("Too many attempts " + what);
    }
}
