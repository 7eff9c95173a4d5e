package org.district.socialmedia.students.entity;

import java.util.Objects;

/**
 * A school's students, classes or enrollments changed, in the firing transaction: a student entered by hand, or a
 * roster written or undone (one event per school it touched). Counts kept of them observe it.
 */
public record RosterChanged(Long schoolId) {

    public RosterChanged {
        Objects.requireNonNull(schoolId, "the school whose roster changed");
    }
}
