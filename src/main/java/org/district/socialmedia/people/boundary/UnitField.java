package org.district.socialmedia.people.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The "School or department" type-ahead box of a page: the unit's id is what the page filters or saves,
 * the chosen unit gives the box its text. An id set on its own (from the address, or from the record
 * being edited) comes without a name: it is read whenever the id changes.
 */
public final class UnitField implements Serializable {

    private Long id;
    private OrgUnits.UnitChoice unit;

    public Long id() {
        return id;
    }

    public void id(Long id) {
        this.id = id;
    }

    public OrgUnits.UnitChoice shown(OrgUnits units) {
        if (id != null && (unit == null || !id.equals(unit.id()))) {
            unit = units.get(id);
        }
        return id == null ? null : unit;
    }

    public void choose(OrgUnits.UnitChoice chosen) {
        this.unit = chosen;
        this.id = chosen == null ? null : chosen.id();
    }

    public static List<OrgUnits.UnitChoice> complete(OrgUnits units, String text) {
        return units.find(text, OrgUnits.CHOICES_MAX);
    }

    public UnitChoiceConverter converter(OrgUnits units) {
        return new UnitChoiceConverter(units, unit);
    }
}
