package org.district.socialmedia.audit.control;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An audit row's details for an edit: "field: before -> after" for each changed field. Not on AuditLog,
 * whose public static method made WildFly warn at every start (WFLYEJB0131: an EJB with a static method).
 */
public final class FieldChanges {

    private FieldChanges() {
    }

    /** "field: before -> after" for each changed field, in the map's order. */
    public static String describe(Map<String, Object[]> beforeAfter) {
        return beforeAfter.entrySet().stream()
                .filter(e -> !Objects.equals(e.getValue()[0], e.getValue()[1]))
                .map(e -> e.getKey() + ": " + show(e.getValue()[0]) + " -> " + show(e.getValue()[1]))
                .collect(Collectors.joining("; "));
    }

    private static String show(Object value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
