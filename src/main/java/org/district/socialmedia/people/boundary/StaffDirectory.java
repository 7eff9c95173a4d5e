package org.district.socialmedia.people.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.control.FieldChanges;
import org.district.socialmedia.people.control.PasswordHasher;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffDeactivated;
import org.district.socialmedia.people.entity.StaffMoved;
import org.district.socialmedia.people.entity.StaffReactivated;
import org.district.socialmedia.people.entity.StaffRenamed;
import org.district.socialmedia.people.entity.StaffRolesRemoved;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.control.BeanChecks;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.people.control.PasswordHasher;
import org.district.socialmedia.people.control.PasswordPolicy;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff users. Managing them is for system administrators (schools and departments: UnitDirectory). */
@Stateless
public class StaffDirectory {

    public static final int PAGE_MAX = 100;

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Event<StaffDeactivated> deactivations;
    @Inject
    Event<StaffRolesRemoved> rolesRemoved;
    @Inject
    Event<StaffRenamed> renames;
    @Inject
    Event<StaffMoved> moves;
    @Inject
    Event<StaffReactivated> reactivations;
    @Inject
    Clock clock;
    @Inject
    Principal caller;
    @Inject
    Validator validator;
    @Inject
    DistrictSettingsService settings;

    private final PasswordHasher hasher = new PasswordHasher();

    /** What a system administrator types to create or change a staff user. */
    public record StaffForm(String username, String fullName, String email, Long unitId, Long supervisorId,
                            Set<Role> roles, String password) {
    }

    /** A row of the staff table: no password hash, nothing lazy. */
    public record StaffRow(Long id, String username, String fullName, String email, Long unitId, String unit,
                           String supervisorUsername, String supervisor, Set<Role> roles, boolean active, long version)
            implements java.io.Serializable {
    }

    public record Filter(String text, Long unitId, Boolean active) implements java.io.Serializable {
    }

    @PermitAll
    public Optional<String> fullNameOf(String username) {
        return em.createQuery("SELECT s.fullName FROM StaffUser s WHERE s.username = :u", String.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public long count(Filter filter) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(s) FROM StaffUser s" + where(filter), Long.class);
        bind(q, filter);
        return q.getSingleResult();
    }

    /** One page, sorted by a known column; the database does the paging (150,000 staff). */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public List<StaffRow> page(Filter filter, int first, int size, String sortBy, boolean ascending) {
        String column = switch (sortBy == null ? "" : sortBy) {
            case "fullName" -> "s.fullName";
            case "email" -> "s.email";
            case "unit" -> "u.name";
            default -> "s.username";
        };
        TypedQuery<StaffUser> q = em.createQuery("SELECT s FROM StaffUser s LEFT JOIN s.unit u" + where(filter)
                + " ORDER BY " + column + (ascending ? " ASC" : " DESC") + ", s.id", StaffUser.class);
        bind(q, filter);
        q.setFirstResult(Math.max(0, first));
        q.setMaxResults(Math.min(Math.max(1, size), PAGE_MAX));
        q.setHint("eclipselink.batch", "s.unit");
        q.setHint("eclipselink.batch", "s.supervisor");
        return q.getResultList().stream().map(StaffDirectory::row).toList();
    }

    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public StaffRow get(Long id) {
        return row(find(id));
    }

    /** The id of the active staff member with exactly this username, if any. */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public Optional<Long> activeIdOf(String username) {
        return em.createQuery("SELECT s.id FROM StaffUser s WHERE s.username = :u AND s.active = TRUE", Long.class)
                .setParameter("u", StaffUser.normalizeUsername(username)).getResultStream().findFirst();
    }

    /** Active staff whose name or username starts with the text, for picking a supervisor. */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public List<StaffRow> searchActive(String text, int limit) {
        String like = text == null ? "%" : text.strip().toLowerCase(Locale.ROOT) + "%";
        return em.createQuery("SELECT s FROM StaffUser s WHERE s.active = TRUE AND (LOWER(s.fullName) LIKE :t OR s.username LIKE :t) ORDER BY s.fullName",
                        StaffUser.class)
                .setParameter("t", like).setMaxResults(Math.min(limit, 50)).getResultStream().map(StaffDirectory::row).toList();
    }

    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public StaffRow create(StaffForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        StaffUser user = new StaffUser(form.username(), form.fullName(), form.email(), clock.instant());
        checkBean(user, errors);
        if (errors.get("username") == null && exists(StaffUser.BY_USERNAME, "username", user.getUsername())) {
            errors.put("username", "The username '" + user.getUsername() + "' is already taken");
        }
        checkEmail(user.getEmail(), null, errors);
        PasswordPolicy.problem(form.password()).ifPresent(problem -> errors.put("password", problem));
        applyRelations(user, form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        user.setPasswordHash(hasher.hash(form.password().toCharArray()));
        em.persist(user);
        em.flush();
        audit.record("STAFF_CREATED", "StaffUser", user.getId(), describe(user));
        return row(user);
    }

    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public StaffRow update(Long id, long expectedVersion, StaffForm form) {
        StaffUser user = find(id);
        if (user.getVersion() != expectedVersion) {
            throw new ConflictException("Staff user " + user.getUsername() + " was changed by somebody else in the meantime; reload and try again");
        }
        String before = describe(user);
        String nameBefore = user.getFullName();
        Long unitBefore = user.getUnit() == null ? null : user.getUnit().getId();
        Set<Role> rolesBefore = EnumSet.noneOf(Role.class);
        rolesBefore.addAll(user.getRoles());
        Map<String, String> errors = new LinkedHashMap<>();
        user.rename(form.fullName());
        user.changeEmail(form.email());
        checkBean(user, errors);
        checkEmail(user.getEmail(), user.getId(), errors);
        if (user.getUsername().equals(caller.getName()) && user.hasRole(Role.SYSTEM_ADMIN)
                && (form.roles() == null || !form.roles().contains(Role.SYSTEM_ADMIN))) {
            errors.put("roles", "You cannot remove your own system administrator role; ask another system administrator");
        }
        applyRelations(user, form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (form.password() != null && !form.password().isEmpty()) {
            PasswordPolicy.problem(form.password()).ifPresent(problem -> {
                throw new InvalidInputException("password", problem);
            });
            user.setPasswordHash(hasher.hash(form.password().toCharArray()));
        }
        em.lock(user, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        String after = describe(user);
        audit.record("STAFF_CHANGED", "StaffUser", user.getId(), diff(before, after)
                + (form.password() != null && !form.password().isEmpty() ? "; password reset" : ""));
        Set<Role> removed = EnumSet.noneOf(Role.class);
        removed.addAll(rolesBefore);
        removed.removeAll(user.getRoles());
        if (!user.getFullName().equals(nameBefore)) {
            renames.fire(new StaffRenamed(user.getId(), user.getFullName()));
        }
        Long unitAfter = user.getUnit() == null ? null : user.getUnit().getId();
        if (!Objects.equals(unitBefore, unitAfter)) {
            moves.fire(new StaffMoved(user.getId(), unitBefore, unitAfter));
        }
        if (!removed.isEmpty()) {
            // what the removed roles allowed ends with them (rights on accounts, authorizations), in this transaction
            rolesRemoved.fire(new StaffRolesRemoved(user.getId(), user.getUsername(), removed, caller.getName()));
        }
        return row(user);
    }

    /** Ends the user's access at once: sessions stop working on their next request. */
    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public StaffRow deactivate(Long id) {
        StaffUser user = find(id);
        if (user.getUsername().equals(caller.getName())) {
            throw new InvalidInputException("active", "You cannot deactivate your own account");
        }
        try {
            user.deactivate(clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("active", e.getMessage());
        }
        audit.record("STAFF_DEACTIVATED", "StaffUser", user.getId(), "active: \"true\" -> \"false\"");
        // offboarding (rights and authorizations end) happens in this transaction: all or nothing
        deactivations.fire(new StaffDeactivated(user.getId(), user.getUsername(), caller.getName()));
        return row(user);
    }

    @RolesAllowed(Role.SYSTEM_ADMIN_NAME)
    public StaffRow reactivate(Long id) {
        StaffUser user = find(id);
        try {
            user.reactivate();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("active", e.getMessage());
        }
        audit.record("STAFF_REACTIVATED", "StaffUser", user.getId(), "active: \"false\" -> \"true\"");
        reactivations.fire(new StaffReactivated(user.getId(), user.getUsername()));
        return row(user);
    }

    private void applyRelations(StaffUser user, StaffForm form, Map<String, String> errors) {
        if (form.unitId() != null) {
            OrgUnit unit = em.find(OrgUnit.class, form.unitId());
            if (unit == null) {
                errors.put("unit", "Choose a school or department from the list");
            } else {
                user.assignUnit(unit);
            }
        } else {
            user.assignUnit(null);
        }
        if (form.supervisorId() != null) {
            StaffUser supervisor = em.find(StaffUser.class, form.supervisorId());
            if (supervisor == null || !supervisor.isActive()) {
                errors.put("supervisor", "Choose an active staff member as supervisor");
            } else {
                try {
                    user.assignSupervisor(supervisor);
                } catch (IllegalArgumentException e) {
                    errors.put("supervisor", e.getMessage());
                }
            }
        } else {
            user.assignSupervisor(null);
        }
        if (form.roles() == null || form.roles().isEmpty()) {
            errors.put("roles", "Give the staff member at least one role");
        } else {
            user.grantRoles(EnumSet.copyOf(form.roles()));
        }
    }

    private void checkEmail(String email, Long selfId, Map<String, String> errors) {
        if (errors.containsKey("email") || email == null) {
            return;
        }
        DistrictSettings district = settings.current();
        if (!district.isDistrictEmail(email)) {
            errors.put("email", district.personalEmailRefusal(email));
            return;
        }
        em.createNamedQuery(StaffUser.BY_EMAIL, StaffUser.class).setParameter("email", email)
                .getResultStream().filter(other -> !other.getId().equals(selfId)).findFirst()
                .ifPresent(other -> errors.put("email", "This address already belongs to " + other.getUsername()));
    }

    private <T> void checkBean(T bean, Map<String, String> errors) {
        BeanChecks.collect(validator, bean, errors);
    }

    private boolean exists(String namedQuery, String parameter, Object value) {
        return !em.createNamedQuery(namedQuery).setParameter(parameter, value).setMaxResults(1).getResultList().isEmpty();
    }

    private StaffUser find(Long id) {
        StaffUser user = id == null ? null : em.find(StaffUser.class, id);
        if (user == null) {
            throw new NotFoundException("Staff user");
        }
        return user;
    }

    private static String where(Filter filter) {
        List<String> clauses = new ArrayList<>();
        if (filter != null) {
            if (filter.text() != null && !filter.text().isBlank()) {
                clauses.add("(s.username LIKE :text OR LOWER(s.fullName) LIKE :text OR s.email LIKE :text)");
            }
            if (filter.unitId() != null) {
                clauses.add("s.unit.id = :unit");
            }
            if (filter.active() != null) {
                clauses.add("s.active = :active");
            }
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static void bind(TypedQuery<?> q, Filter filter) {
        if (filter == null) {
            return;
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            q.setParameter("text", filter.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.unitId() != null) {
            q.setParameter("unit", filter.unitId());
        }
        if (filter.active() != null) {
            q.setParameter("active", filter.active());
        }
    }

    private static StaffRow row(StaffUser s) {
        return new StaffRow(s.getId(), s.getUsername(), s.getFullName(), s.getEmail(),
                s.getUnit() == null ? null : s.getUnit().getId(),
                s.getUnit() == null ? null : s.getUnit().getName(),
                s.getSupervisor() == null ? null : s.getSupervisor().getUsername(),
                s.getSupervisor() == null ? null : s.getSupervisor().getFullName(),
                s.getRoles().isEmpty() ? Set.of() : EnumSet.copyOf(s.getRoles()), s.isActive(), s.getVersion());
    }

    private static String describe(StaffUser s) {
        return "fullName=" + s.getFullName() + "|email=" + s.getEmail()
                + "|unit=" + (s.getUnit() == null ? "" : s.getUnit().getCode())
                + "|supervisor=" + (s.getSupervisor() == null ? "" : s.getSupervisor().getUsername())
                + "|roles=" + s.getRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static String diff(String before, String after) {
        Map<String, Object[]> changes = new LinkedHashMap<>();
        String[] b = before.split("\\|");
        String[] a = after.split("\\|");
        for (int i = 0; i < b.length; i++) {
            String field = b[i].substring(0, b[i].indexOf('='));
            changes.put(field, new Object[]{b[i].substring(field.length() + 1), a[i].substring(field.length() + 1)});
        }
        return FieldChanges.describe(changes);
    }
}
