package org.district.socialmedia.students.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * The OneRoster 1.1 roles of a student's adults. All three may sign the District's consent form:
 * the District treats whoever the student information system lists for the student as entitled
 * to, which is the SIS's job to get right.
 */
public enum GuardianRole {
    PARENT, GUARDIAN, RELATIVE;

    /** The OneRoster role value ("parent", "guardian", "relative"), any case. */
    public static Optional<GuardianRole> fromOneRoster(String role) {
        if (role == null) {
            return Optional.empty();
        }
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "parent" -> Optional.of(PARENT);
            case "guardian" -> Optional.of(GUARDIAN);
            case "relative" -> Optional.of(RELATIVE);
            default -> Optional.empty();
        };
    }
}
