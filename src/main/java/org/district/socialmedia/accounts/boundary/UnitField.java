package org.district.socialmedia.accounts.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The "School or department" type-ahead box of a page: the unit's id is what the page filters or saves,
 * the chosen unit gives the box its text. An id set on its own (from the address, or from the account
 * being edited) comes without a name: it is read whenever the id changes.
 */
final class UnitField implements Serializable {

    private Long id;
    private AccountService.UnitChoice unit;

    Long id() {
        return id;
    }

    void id(Long id) {
        this.id = id;
    }

    AccountService.UnitChoice shown(AccountService service) {
        if (id != null && (unit == null || !id.equals(unit.id()))) {
            unit = service.unit(id);
        }
        return id == null ? null : unit;
    }

    void choose(AccountService.UnitChoice chosen) {
        this.unit = chosen;
        this.id = chosen == null ? null : chosen.id();
    }

    static List<AccountService.UnitChoice> complete(AccountService service, String text) {
        return service.findUnits(text, AccountService.UNIT_CHOICES_MAX);
    }

    UnitChoiceConverter converter(AccountService service) {
        return new UnitChoiceConverter(service, unit);
    }
}
