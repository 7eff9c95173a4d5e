package org.district.socialmedia.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * The database cannot be reached now (down, restarting, a wrong password): the API answers 503 with
 * Retry-After, pages the static "unavailable" page. An application exception, so that the EJB container
 * rolls back without logging a stack trace for each request of an outage (the failure is logged once a
 * minute instead: DatabaseReadiness).
 */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
