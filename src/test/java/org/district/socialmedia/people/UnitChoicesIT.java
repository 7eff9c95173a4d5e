package org.district.socialmedia.people;

import jakarta.inject.Inject;
import org.district.socialmedia.people.boundary.OrgUnits;
import org.district.socialmedia.people.boundary.OrgUnits.UnitChoice;
import org.district.socialmedia.it.AsEmployee;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.people.entity.OrgUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: the schools and departments the type-ahead boxes of the accounts console, the
 * rights page, the account editor and staff administration offer (OrgUnits.find), found by the
 * database by part of the name or code in any case, active ones only, by name, never more than asked
 * or than twenty; and one unit by id (OrgUnits.get), which links may still name after it closed.
 */
@ExtendWith(ArquillianExtension.class)
class UnitChoicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    TestTransactions tx;
    @Inject
    AsEmployee employee;

    /** In every name and code of this test's units, so that neither other tests' units nor a second run get in the way. */
    private String tag;

    @BeforeEach
    void units() {
        tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        tx.inNewTransaction(em -> {
            em.persist(new OrgUnit("V" + tag, "Quokka" + tag + " Valley Academy", OrgUnit.Kind.SCHOOL));
            em.persist(new OrgUnit("H" + tag, "Quokka" + tag + " Hills Elementary School", OrgUnit.Kind.SCHOOL));
            em.persist(new OrgUnit("R" + tag, "Quokka" + tag + " Ridge Middle School", OrgUnit.Kind.SCHOOL));
            em.persist(new OrgUnit("TRANSPORT-" + tag, "Transportation Department " + tag, OrgUnit.Kind.DEPARTMENT));
            return null;
        });
        tx.inNewTransaction(em -> {
            em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class).setParameter("code", "R" + tag).getSingleResult().deactivate();
            return null;
        });
    }

    private List<UnitChoice> find(String text, int limit) {
        return employee.units(units -> units.find(text, limit));
    }

    private static List<String> names(List<UnitChoice> units) {
        return units.stream().map(UnitChoice::name).toList();
    }

    @Test
    void partOfTheNameInAnyCaseFindsTheActiveUnitsByName() {
        List<UnitChoice> found = find("  kKA" + tag.toLowerCase(Locale.ROOT) + " ", 20);
        assertEquals(List.of("Quokka" + tag + " Hills Elementary School", "Quokka" + tag + " Valley Academy"), names(found),
                "both active schools, by name; the closed one (Ridge) is not offered");
        assertEquals("H" + tag, found.get(0).code());
        assertEquals("Quokka" + tag + " Hills Elementary School (H" + tag + ")", found.get(0).label());

        assertEquals(List.of("Quokka" + tag + " Valley Academy"), names(find(tag + " VALLEY", 20)), "inside the name, not only its start");
        assertTrue(find("Quokka" + tag + " Ridge", 20).isEmpty(), "a closed unit is never offered");
    }

    @Test
    void partOfTheCodeFindsAUnitWhoseNameDoesNotHaveIt() {
        assertEquals(List.of("Transportation Department " + tag), names(find("transport-" + tag.toLowerCase(Locale.ROOT), 20)));
        assertEquals(List.of("Quokka" + tag + " Valley Academy"), names(find("v" + tag, 20)),
                "the code V<tag> is in no name: only that unit");
    }

    @Test
    void neverMoreThanAskedNorMoreThanTwenty() {
        assertEquals(List.of("Quokka" + tag + " Hills Elementary School"), names(find("quokka" + tag, 1)), "the first by name");
        tx.inNewTransaction(em -> {
            for (int i = 0; i < OrgUnits.CHOICES_MAX + 5; i++) {
                em.persist(new OrgUnit(String.format("M%02d%s", i, tag), String.format("Many%s %02d", tag, i), OrgUnit.Kind.DEPARTMENT));
            }
            return null;
        });
        List<UnitChoice> many = find("many" + tag, 1000);
        assertEquals(OrgUnits.CHOICES_MAX, many.size(), "a box never gets more than twenty");
        assertEquals("Many" + tag + " 00", many.get(0).name());
        assertEquals("Many" + tag + " 19", many.get(19).name());
        assertTrue(find("many" + tag, 0).isEmpty(), "a limit of none answers none (not 'no limit')");
    }

    @Test
    void wildcardsAreTextAndNothingMatchesNothing() {
        assertTrue(find("%", 20).isEmpty(), "a percent sign is a character, not 'anything'");
        assertTrue(find("quokka_" + tag, 20).isEmpty(), "an underscore is a character, not 'any one'");
        assertTrue(find("no school is called this " + tag, 20).isEmpty());
        assertTrue(find("x".repeat(OrgUnit.NAME_MAX + 1), 20).isEmpty(), "longer than any name");
    }

    @Test
    void oneUnitByIdAlsoAClosedOneForLinksThatStillNameIt() {
        Long closed = tx.inNewTransaction(em -> em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class)
                .setParameter("code", "R" + tag).getSingleResult().getId());
        UnitChoice unit = employee.units(units -> units.get(closed));
        assertNotNull(unit);
        assertEquals("Quokka" + tag + " Ridge Middle School", unit.name());
        assertNull(employee.units(units -> units.get(-1L)), "no unit has that id");
        assertNull(employee.units(units -> units.get(null)));
    }
}
