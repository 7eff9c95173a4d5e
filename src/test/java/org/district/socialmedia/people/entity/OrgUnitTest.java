package org.district.socialmedia.people.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgUnitTest {

    @Test
    void theCodeKeepsItsCaseBecauseTheRosterImportMatchesItExactly() {
        OrgUnit unit = new OrgUnit("  org-lhs-North ", " Lincoln High North  ", OrgUnit.Kind.SCHOOL);
        assertEquals("org-lhs-North", unit.getCode(), "only the spaces around go: a roster naming org-lhs-North finds this unit");
        assertEquals("Lincoln High North", unit.getName());
        assertTrue(unit.isActive(), "a new unit is offered at once");
    }

    @Test
    void aRenameSaysWhetherTheNameChanged() {
        OrgUnit unit = new OrgUnit("LHS", "Lincoln High School", OrgUnit.Kind.SCHOOL);
        assertFalse(unit.rename("  Lincoln High School "), "the same name with spaces around is no change: no audit entry, no new directory version");
        assertTrue(unit.rename(" Abraham Lincoln High School "));
        assertEquals("Abraham Lincoln High School", unit.getName());
        assertEquals("LHS", unit.getCode(), "the code never follows the name");
        assertEquals(OrgUnit.Kind.SCHOOL, unit.getKind());
    }

    @Test
    void deactivatingAndReactivatingAreEachDoneOnce() {
        OrgUnit unit = new OrgUnit("TRANS", "Transportation", OrgUnit.Kind.DEPARTMENT);
        unit.deactivate();
        assertFalse(unit.isActive());
        IllegalStateException twice = assertThrows(IllegalStateException.class, unit::deactivate);
        assertEquals("Transportation is already deactivated", twice.getMessage());
        unit.reactivate();
        assertTrue(unit.isActive());
        assertThrows(IllegalStateException.class, unit::reactivate);
    }
}
