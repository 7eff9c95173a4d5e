package org.district.socialmedia.people.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.audit.control.FieldChanges;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.UnitRenamed;
import org.district.socialmedia.platform.control.BeanChecks;
import org.district.socialmedia.platform.control.LikePatterns;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The District's schools and departments, kept by system administrators without a roster: list,
 * create, rename, deactivate and reactivate. Every change is audited. The code is the key the roster
 * import matches on, so a unit created here under a school's roster identifier is the one a later
 * import uses, never a second one.
 */
@Stateless
@RolesAllowed(Role.SYSTEM_ADMIN_NAME)
public class UnitDirectory {

    public static final int PAGE_MAX = 100;

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Validator validator;
    @Inject
    Event<UnitRenamed> renames;

    /** What is typed to create a unit; on a change only the name may differ from the stored unit. */
    public record UnitForm(String code, String name, OrgUnit.Kind kind) implements Serializable {
    }

    public record UnitRow(Long id, String code, String name, OrgUnit.Kind kind, boolean active, long version)
            implements Serializable {
    }

    /** {@code text} is part of the name or code (any case); null fields do not filter. */
    public record Filter(String text, OrgUnit.Kind kind, Boolean active) implements Serializable {
    }

    public long count(Filter filter) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(u) FROM OrgUnit u" + where(filter), Long.class);
        bind(q, filter);
        return q.getSingleResult();
    }

    /** One page by name (a District has about a thousand units: the database pages). */
    public List<UnitRow> page(Filter filter, int first, int size) {
        TypedQuery<OrgUnit> q = em.createQuery("SELECT u FROM OrgUnit u" + where(filter) + " ORDER BY u.name, u.id", OrgUnit.class);
        bind(q, filter);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), PAGE_MAX))
                .getResultStream().map(UnitDirectory::row).toList();
    }

    public UnitRow get(Long id) {
        return row(find(id));
    }

    /**
     * A new active unit. 400 names every invalid field (a code already in use among them when there are
     * others); a code already in use on an otherwise valid form is 409.
     */
    public UnitRow create(UnitForm form) {
        UnitForm typed = form == null ? new UnitForm(null, null, null) : form;
        OrgUnit unit = new OrgUnit(typed.code(), typed.name(), typed.kind());
        Map<String, String> errors = new LinkedHashMap<>();
        BeanChecks.collect(validator, unit, errors);
        Optional<OrgUnit> taken = errors.containsKey("code") ? Optional.empty() : withCodeLike(unit.getCode());
        if (taken.isPresent()) {
            String used = codeTaken(taken.get());
            if (errors.isEmpty()) {
                throw new ConflictException(used);
            }
            errors.put("code", used);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        em.persist(unit);
        try {
            em.flush();
        } catch (PersistenceException sameCodeAtTheSameMoment) {
            // another server created the same code since the check: the unique constraint refused this one
            throw new ConflictException("The code '" + unit.getCode() + "' was taken a moment ago; reload the list");
        }
        Map<String, Object[]> created = new LinkedHashMap<>();
        created.put("code", new Object[]{null, unit.getCode()});
        created.put("name", new Object[]{null, unit.getName()});
        created.put("kind", new Object[]{null, unit.getKind().name()});
        audit.record("UNIT_CREATED", "OrgUnit", unit.getId(), FieldChanges.describe(created));
        return row(unit);
    }

    /** Renames a unit; the code and the kind, if sent, must be the stored ones. A stale version is 409. */
    public UnitRow update(Long id, long expectedVersion, UnitForm form) {
        OrgUnit unit = find(id);
        if (unit.getVersion() != expectedVersion) {
            throw new ConflictException(unit.getName() + " was changed by somebody else in the meantime; reload and try again");
        }
        UnitForm typed = form == null ? new UnitForm(null, null, null) : form;
        Map<String, String> errors = new LinkedHashMap<>();
        if (typed.code() != null && !typed.code().strip().equals(unit.getCode())) {
            errors.put("code", "The code cannot change: the roster import finds the unit by it. Create a new unit instead");
        }
        if (typed.kind() != null && typed.kind() != unit.getKind()) {
            errors.put("kind", "A school cannot become a department or the reverse: it decides whose students its accounts may post about");
        }
        String before = unit.getName();
        boolean renamed = unit.rename(typed.name());
        BeanChecks.collect(validator, unit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (renamed) {
            em.flush();
            audit.record("UNIT_CHANGED", "OrgUnit", unit.getId(), FieldChanges.describe(Map.of("name", new Object[]{before, unit.getName()})));
            // the copies of the name elsewhere follow in this transaction, after the unit's own write
            renames.fire(new UnitRenamed(unit.getId(), unit.getName()));
        }
        return row(unit);
    }

    /** No longer offered for new staff, accounts or students; those that name it keep it. */
    public UnitRow deactivate(Long id) {
        OrgUnit unit = find(id);
        try {
            unit.deactivate();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("active", e.getMessage());
        }
        em.flush();
        audit.record("UNIT_DEACTIVATED", "OrgUnit", unit.getId(), "active: \"true\" -> \"false\"");
        return row(unit);
    }

    public UnitRow reactivate(Long id) {
        OrgUnit unit = find(id);
        try {
            unit.reactivate();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("active", e.getMessage());
        }
        em.flush();
        audit.record("UNIT_REACTIVATED", "OrgUnit", unit.getId(), "active: \"false\" -> \"true\"");
        return row(unit);
    }

    private Optional<OrgUnit> withCodeLike(String code) {
        return em.createQuery("SELECT u FROM OrgUnit u WHERE LOWER(u.code) = :code", OrgUnit.class)
                .setParameter("code", code.toLowerCase(Locale.ROOT)).setMaxResults(1).getResultStream().findFirst();
    }

    private static String codeTaken(OrgUnit other) {
        return "The code '" + other.getCode() + "' is already used by " + other.getName()
                + (other.isActive() ? "" : " (deactivated: reactivate it instead)");
    }

    private OrgUnit find(Long id) {
        OrgUnit unit = id == null ? null : em.find(OrgUnit.class, id);
        if (unit == null) {
            throw new NotFoundException("School or department");
        }
        return unit;
    }

    private static String where(Filter filter) {
        List<String> clauses = new ArrayList<>();
        if (filter != null) {
            if (filter.text() != null && !filter.text().isBlank()) {
                clauses.add("(LOWER(u.name) LIKE :text ESCAPE '\\' OR LOWER(u.code) LIKE :text ESCAPE '\\')");
            }
            if (filter.kind() != null) {
                clauses.add("u.kind = :kind");
            }
            if (filter.active() != null) {
                clauses.add("u.active = :active");
            }
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static void bind(TypedQuery<?> q, Filter filter) {
        if (filter == null) {
            return;
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            q.setParameter("text", "%" + LikePatterns.escape(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.kind() != null) {
            q.setParameter("kind", filter.kind());
        }
        if (filter.active() != null) {
            q.setParameter("active", filter.active());
        }
    }

    private static UnitRow row(OrgUnit u) {
        return new UnitRow(u.getId(), u.getCode(), u.getName(), u.getKind(), u.isActive(), u.getVersion());
    }
}
