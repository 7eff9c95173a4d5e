package org.district.socialmedia.students.entity;

import org.district.socialmedia.platform.entity.InvalidInputException;

import java.util.Map;

/** Text rules shared by the roster entities. */
public final class Names {

    private Names() {
    }

    /** Stripped, and null when nothing is left: a blank cell is no value. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String required(Map<String, String> errors, String field, String value, int max, String missing) {
        String cleaned = clean(value);
        if (cleaned == null) {
            errors.put(field, missing);
        } else if (cleaned.length() > max) {
            errors.put(field, "At most " + max + " characters");
        }
        return cleaned;
    }

    static String optional(Map<String, String> errors, String field, String value, int max) {
        String cleaned = clean(value);
        if (cleaned != null && cleaned.length() > max) {
            errors.put(field, "At most " + max + " characters");
        }
        return cleaned;
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
