package org.district.socialmedia.platform.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBAccessException;

/**
 * A refusal decided by the application's own rules (not by @RolesAllowed): the caller may not do
 * this. An application exception, so it reaches the page or the API as itself, even from a bean
 * running in its caller's transaction (a plain EJBAccessException would arrive wrapped as a
 * rolled-back transaction and answer 500). Pages show the 403 page, the API answers 403.
 */
@ApplicationException(rollback = true)
public class AccessDeniedException extends EJBAccessException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
