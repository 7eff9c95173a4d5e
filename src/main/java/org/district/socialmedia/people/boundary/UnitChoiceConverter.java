package org.district.socialmedia.people.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;

/**
 * Turns the id that a school-or-department type-ahead box posts back into the unit it names, and
 * back. Pages hand it out from a getter rather than as a managed converter: it needs the page's
 * boundary, and the unit the box already shows, which is sent back unchanged with every later
 * submission of the form and then costs no query.
 */
public final class UnitChoiceConverter implements Converter<OrgUnits.UnitChoice> {

    private final OrgUnits units;
    private final OrgUnits.UnitChoice shown;

    public UnitChoiceConverter(OrgUnits units, OrgUnits.UnitChoice shown) {
        this.units = units;
        this.shown = shown;
    }

    @Override
    public OrgUnits.UnitChoice getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(value.strip());
        } catch (NumberFormatException typedButNotChosen) {
            // the box lets only a suggestion through; text arrives only from a page that skipped its script
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Choose a school or department from the suggestions", null));
        }
        if (shown != null && shown.id() == id) {
            return shown;
        }
        OrgUnits.UnitChoice unit = units.get(id);
        if (unit == null) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "That school or department does not exist (any more): choose another", null));
        }
        return unit;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, OrgUnits.UnitChoice value) {
        return value == null ? "" : String.valueOf(value.id());
    }
}
