package org.district.socialmedia.platform.entity;

import jakarta.ejb.ApplicationException;

/** The record does not exist, or the caller may not know that it does (same answer: 404). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
