package org.district.socialmedia.settings.entity;

import org.district.socialmedia.platform.entity.Role;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the OneRoster import reads and guards a District's files: where the student id comes from, the
 * two safety limits (percent, as typed: "5%"), and the roles each roster staff role brings besides EMPLOYEE.
 *
 * @param idSource       {@code identifier}, {@code sourcedId}, or a userIds type (e.g. {@code Local})
 * @param staffRoles     OneRoster role (teacher, administrator, aide) to the extra roles it brings
 */
public record RosterSettings(String idSource, BigDecimal deactivationLimitPercent, BigDecimal rejectionLimitPercent,
                             Map<String, Set<Role>> staffRoles) implements Serializable {

    public static final String IDENTIFIER = "identifier";
    public static final String SOURCED_ID = "sourcedId";
    public static final List<String> STAFF_ROSTER_ROLES = List.of("teacher", "administrator", "aide");
    /** A file must never make anyone a Superintendent or a system administrator. */
    private static final Set<Role> NEVER_FROM_A_FILE = EnumSet.of(Role.SUPERINTENDENT, Role.SYSTEM_ADMIN);

    public static final RosterSettings DEFAULTS = new RosterSettings(IDENTIFIER, new BigDecimal("5"), new BigDecimal("2"), Map.of());

    public RosterSettings {
        Map<String, Set<Role>> copy = new LinkedHashMap<>();
        staffRoles.forEach((role, roles) -> copy.put(role, Set.copyOf(roles)));
        staffRoles = Map.copyOf(copy);
    }

    public static RosterSettings of(Map<SettingKey, String> values) {
        return new RosterSettings(values.get(SettingKey.ROSTER_STUDENT_ID_SOURCE),
                percent(values.get(SettingKey.ROSTER_DEACTIVATION_LIMIT)), percent(values.get(SettingKey.ROSTER_REJECTION_LIMIT)),
                staffRoles(values.get(SettingKey.ROSTER_STAFF_ROLES)));
    }

    /** EMPLOYEE and what the District maps the roster role to. */
    public Set<Role> rolesOf(String rosterRole) {
        Set<Role> roles = EnumSet.of(Role.EMPLOYEE);
        roles.addAll(staffRoles.getOrDefault(rosterRole, Set.of()));
        return roles;
    }

    static String canonicalIdSource(String value) {
        if (value.equalsIgnoreCase(IDENTIFIER)) {
            return IDENTIFIER;
        }
        if (value.equalsIgnoreCase(SOURCED_ID)) {
            return SOURCED_ID;
        }
        if (!value.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new IllegalArgumentException("The student id source is identifier, sourcedId, or a userIds type"
                    + " (letters, digits, '.', '_' or '-', such as Local or FED), not '" + value + "'");
        }
        return value;
    }

    static String canonicalPercent(String value) {
        BigDecimal percent;
        try {
            percent = new BigDecimal(value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A limit is a percentage such as 5%, not '" + value + "'");
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A limit is between 0% and 100%, not " + value);
        }
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    static String canonicalStaffRoles(String value) {
        if (value.equalsIgnoreCase("none")) {
            return "none";
        }
        Map<String, Set<Role>> parsed = staffRoles(value);
        return parsed.isEmpty() ? "none" : parsed.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().stream().map(Role::name).sorted().collect(Collectors.joining("+")))
                .collect(Collectors.joining("; "));
    }

    private static BigDecimal percent(String canonical) {
        return new BigDecimal(canonical.substring(0, canonical.length() - 1));
    }

    /** "administrator=SITE_ADMIN+CONSENT_CLERK; aide=EMPLOYEE" (',' or ';' between entries). */
    private static Map<String, Set<Role>> staffRoles(String value) {
        Map<String, Set<Role>> map = new LinkedHashMap<>();
        if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) {
            return map;
        }
        for (String entry : value.split("[;,]")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            String rosterRole = parts[0].strip().toLowerCase(Locale.ROOT);
            if (parts.length < 2 || !STAFF_ROSTER_ROLES.contains(rosterRole)) {
                throw new IllegalArgumentException("Each staff role mapping is teacher, administrator or aide, '=' and roles"
                        + " (e.g. administrator=SITE_ADMIN), not '" + entry.strip() + "'");
            }
            Set<Role> roles = map.computeIfAbsent(rosterRole, k -> EnumSet.noneOf(Role.class));
            for (String name : parts[1].split("\\+")) {
                Role role;
                try {
                    role = Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + name.strip() + "' is not a role of this application");
                }
                if (NEVER_FROM_A_FILE.contains(role)) {
                    throw new IllegalArgumentException(role + " is never given by a roster import; grant it by hand");
                }
                roles.add(role);
            }
        }
        return map;
    }
}
