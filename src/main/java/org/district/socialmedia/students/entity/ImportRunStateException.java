package org.district.socialmedia.students.entity;

import org.district.socialmedia.platform.entity.StateConflictException;

/** An import run asked to do what its status does not allow (confirming a stopped run, undoing twice): 409. */
public class ImportRunStateException extends StateConflictException {

    public ImportRunStateException(String message) {
        super(message);
    }
}
