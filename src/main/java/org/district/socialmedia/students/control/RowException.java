package org.district.socialmedia.students.control;

/** A row that cannot be used; its message becomes the problem's reason. */
final class RowException extends RuntimeException {
    RowException(String message) {
        super(message, null, false, false);
    }
}

