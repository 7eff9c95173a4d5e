package org.district.socialmedia.students.control;

import org.district.socialmedia.people.entity.StaffOrigin;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterRows.StaffRow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compares the staff rows of a OneRoster export (teachers, administrators, aides) with the stored staff
 * users. Pure, like {@link RosterReconciler}. Rules:
 * <ul>
 * <li>A staff row without a District email is reported, not stored.</li>
 * <li>A row is matched by its sourcedId (staff the roster brought before), else by email (any staff user:
 *     someone entered by hand or signing in by single sign-on is linked, not duplicated).</li>
 * <li>A roster user gets the row's name, email and school; every matched user gets EMPLOYEE and the
 *     roles the District maps the roster role to, added, never removed. A user entered by hand or by
 *     single sign-on keeps name, email and school.</li>
 * <li>Deactivation (status=tobedeleted, or absent from a bulk users.csv) touches roster users only:
 *     staff entered by hand and single sign-on users are never deactivated by an import.</li>
 * </ul>
 */
public final class StaffReconciler {

    private StaffReconciler() {
    }

    /** A stored staff user as the import sees it. */
    public record StoredStaff(Long id, String sourcedId, String fullName, String email, String unitCode, Set<Role> roles,
                              boolean active, StaffOrigin origin) {
        public StoredStaff {
            roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(roles);
        }
    }

    /** What a staff user becomes. */
    public record StaffData(String sourcedId, String fullName, String email, String unitCode, Set<Role> roles) {
        public StaffData {
            roles = Set.copyOf(roles);
        }
    }

    /**
     * @param bySourcedId staff users the roster brought, by their sourcedId (active or not)
     * @param byEmail     staff users whose email is in the file, by lower-case email
     * @param activeRosterIds sourcedIds of the active roster users (a bulk file's absence check)
     */
    public record StaffSnapshot(Map<String, StoredStaff> bySourcedId, Map<String, StoredStaff> byEmail,
                                Set<String> activeRosterIds) {
        public StaffSnapshot {
            bySourcedId = Map.copyOf(bySourcedId);
            byEmail = Map.copyOf(byEmail);
            activeRosterIds = Set.copyOf(activeRosterIds);
        }

        public static StaffSnapshot empty() {
            return new StaffSnapshot(Map.of(), Map.of(), Set.of());
        }
    }

    /**
     * @param created     new roster users, by sourcedId
     * @param updated     changed (or brought back, or linked) users, by staff user id
     * @param deactivated staff user ids
     */
    public record StaffChanges(Map<String, StaffData> created, Map<Long, StaffData> updated, Set<Long> deactivated,
                               int unchanged, List<ImportProblem> problems) {
        public StaffChanges {
            created = new LinkedHashMap<>(created);
            updated = new LinkedHashMap<>(updated);
            deactivated = new TreeSet<>(deactivated);
            problems = List.copyOf(problems);
        }

        public static StaffChanges none() {
            return new StaffChanges(Map.of(), Map.of(), Set.of(), 0, List.of());
        }

        public ImportReport.Counts counts() {
            return new ImportReport.Counts(created.size(), updated.size(), deactivated.size(), unchanged);
        }
    }

    /**
     * @param schoolCode    a row's org sourcedId to an org unit code, or null
     * @param districtEmail whether an address is in the District's domains
     * @param rolesOf       the roles a roster role brings (EMPLOYEE and the District's mapping)
     */
    public static StaffChanges reconcile(ParsedRoster roster, StaffSnapshot stored, Function<String, String> schoolCode,
                                         Predicate<String> districtEmail, Function<String, Set<Role>> rolesOf) {
        Objects.requireNonNull(stored, "stored");
        Map<String, StaffData> created = new LinkedHashMap<>();
        Map<Long, StaffData> updated = new LinkedHashMap<>();
        Set<Long> deactivated = new TreeSet<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> emailsSeen = new HashMap<>();
        int unchanged = 0;
        for (StaffRow row : roster.staff()) {
            StoredStaff bySourcedId = stored.bySourcedId().get(row.sourcedId());
            if (row.toBeDeleted()) {
                if (bySourcedId != null && bySourcedId.active() && bySourcedId.origin() == StaffOrigin.ROSTER) {
                    deactivated.add(bySourcedId.id());
                }
                continue;
            }
            if (row.email() == null || !districtEmail.test(row.email())) {
                problems.add(new ImportProblem(OneRosterParser.USERS, row.line(), (row.email() == null ? "email is empty"
                        : "email '" + row.email() + "' is not a District address") + ": a " + row.role()
                        + " without a District email is not stored"));
                continue;
            }
            Integer first = emailsSeen.putIfAbsent(row.email(), row.line());
            if (first != null) {
                problems.add(new ImportProblem(OneRosterParser.USERS, row.line(), "email '" + row.email()
                        + "' is already the email of the staff row on line " + first + "; this row was skipped"));
                continue;
            }
            StoredStaff byEmail = stored.byEmail().get(row.email());
            if (bySourcedId != null && byEmail != null && !byEmail.id().equals(bySourcedId.id())) {
                problems.add(new ImportProblem(OneRosterParser.USERS, row.line(), "email '" + row.email()
                        + "' belongs to another staff user; this row was skipped"));
                continue;
            }
            StoredStaff before = bySourcedId != null ? bySourcedId : byEmail;
            if (before != null && before.sourcedId() != null && !before.sourcedId().equals(row.sourcedId())) {
                problems.add(new ImportProblem(OneRosterParser.USERS, row.line(), "email '" + row.email()
                        + "' belongs to the roster's staff user '" + before.sourcedId() + "'; this row was skipped"));
                continue;
            }
            String unit = row.orgSourcedIds().stream().map(schoolCode).filter(Objects::nonNull).findFirst().orElse(null);
            Set<Role> roles = EnumSet.copyOf(rolesOf.apply(row.role()));
            if (before == null) {
                created.put(row.sourcedId(), new StaffData(row.sourcedId(), row.fullName(), row.email(), unit, roles));
                continue;
            }
            roles.addAll(before.roles());
            StaffData after = before.origin() == StaffOrigin.ROSTER
                    ? new StaffData(row.sourcedId(), row.fullName(), row.email(), unit != null ? unit : before.unitCode(), roles)
                    : new StaffData(row.sourcedId(), before.fullName(), before.email(), before.unitCode(), roles);
            StaffData now = new StaffData(before.sourcedId(), before.fullName(), before.email(), before.unitCode(), before.roles());
            boolean reactivate = !before.active() && before.origin() == StaffOrigin.ROSTER;
            if (after.equals(now) && !reactivate) {
                unchanged++;
            } else {
                updated.put(before.id(), after);
            }
        }
        if (roster.mode(OneRosterParser.USERS) == FileMode.BULK) {
            Set<String> named = roster.named(OneRosterParser.USERS);
            stored.activeRosterIds().stream().filter(id -> !named.contains(id)).forEach(id -> {
                StoredStaff s = stored.bySourcedId().get(id);
                if (s != null && s.origin() == StaffOrigin.ROSTER) {
                    deactivated.add(s.id());
                }
            });
        }
        return new StaffChanges(created, updated, deactivated, unchanged, problems);
    }
}
