package org.district.socialmedia.students.entity;

/**
 * Students, classes or enrollments changed, in the firing transaction: a student entered by hand in a school,
 * or (no school) a roster written or undone, which can touch any school. Counts kept of them observe it.
 */
public record RosterChanged(Long schoolId) {

    public static RosterChanged anySchool() {
        return new RosterChanged(null);
    }
}
