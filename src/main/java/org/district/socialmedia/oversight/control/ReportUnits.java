package org.district.socialmedia.oversight.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.util.List;
import java.util.Locale;

/** The school or department a report is filtered to: the {@code unit} parameter, its id or its code ("LHS"). */
@Stateless
public class ReportUnits {

    @PersistenceContext
    EntityManager em;

    /** The unit's id, or null for the whole District (no unit given). */
    public Long resolve(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String text = unit.strip();
        List<Long> ids;
        if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
            ids = em.createQuery("SELECT u.id FROM OrgUnit u WHERE u.id = :id", Long.class)
                    .setParameter("id", Long.valueOf(text)).getResultList();
        } else {
            ids = em.createQuery("SELECT u.id FROM OrgUnit u WHERE UPPER(u.code) = :code", Long.class)
                    .setParameter("code", text.toUpperCase(Locale.ROOT)).getResultList();
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException("unit", "No school or department '" + text + "' (give its id or its code)");
        }
        return ids.get(0);
    }
}
