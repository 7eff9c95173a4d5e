package org.district.socialmedia.people.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.control.LikePatterns;
import org.district.socialmedia.platform.entity.Role;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The schools and departments that "School or department" type-ahead boxes offer (the accounts console,
 * the rights table, the account editor, staff administration). A District has about a thousand: too many
 * to send to a page or keep in a view, so the database finds the few that match what was typed.
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
        Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class OrgUnits {

    /** The most schools and departments a type-ahead box offers at once: more means the text should be longer. */
    public static final int CHOICES_MAX = 20;

    @PersistenceContext
    EntityManager em;

    public record UnitChoice(Long id, String code, String name) implements Serializable {
        /** Names are not unique across the District; codes are. */
        public String label() {
            return name + " (" + code + ")";
        }
    }

    /** The active schools and departments whose name or code contains the text (any case), by name, at most {@link #CHOICES_MAX}. */
    public List<UnitChoice> find(String text, int limit) {
        String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        // nothing a name or code could contain is longer; a longer text only makes a longer pattern to scan with
        if (typed.length() > OrgUnit.NAME_MAX || limit < 1) {
            return List.of();
        }
        String like = "%" + LikePatterns.escape(typed) + "%";
        return em.createQuery("SELECT u FROM OrgUnit u WHERE u.active = TRUE AND (LOWER(u.name) LIKE :text ESCAPE '\\'"
                        + " OR LOWER(u.code) LIKE :text ESCAPE '\\') ORDER BY u.name, u.id", OrgUnit.class)
                .setParameter("text", like).setMaxResults(Math.min(limit, CHOICES_MAX)).getResultStream()
                .map(OrgUnits::choice).toList();
    }

    /** One school or department by id, also an inactive one (an address may still name it); null when there is none. */
    public UnitChoice get(Long id) {
        OrgUnit unit = id == null ? null : em.find(OrgUnit.class, id);
        return unit == null ? null : choice(unit);
    }

    private static UnitChoice choice(OrgUnit u) {
        return new UnitChoice(u.getId(), u.getCode(), u.getName());
    }
}
