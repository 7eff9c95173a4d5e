package org.district.socialmedia.accounts.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DirectoryUnitsTest {

    private static final DirectoryUnits.Unit LINCOLN = new DirectoryUnits.Unit(1L, "LHS", "Lincoln High School", 12);
    private static final DirectoryUnits.Unit MARTI = new DirectoryUnits.Unit(2L, "JME", "José Martí Elementary", 3);
    private static final DirectoryUnits.Unit COMMUNICATIONS = new DirectoryUnits.Unit(3L, "COMM", "Communications", 1);
    private static final List<DirectoryUnits.Unit> ALL = List.of(COMMUNICATIONS, MARTI, LINCOLN);

    @Test
    void aUnitIsFoundByPartOfItsNameWhateverTheCapitals() {
        assertEquals(List.of(LINCOLN), DirectoryUnits.matching(ALL, "high"));
        assertEquals(List.of(LINCOLN), DirectoryUnits.matching(ALL, "  LINCOLN   high "), "spaces typed around and between words");
    }

    @Test
    void accentsNeedNotBeTyped() {
        assertEquals(List.of(MARTI), DirectoryUnits.matching(ALL, "jose marti"));
        assertEquals(List.of(MARTI), DirectoryUnits.matching(ALL, "Martí"));
    }

    @Test
    void aUnitIsFoundByItsCode() {
        assertEquals(List.of(COMMUNICATIONS), DirectoryUnits.matching(ALL, "comm"));
    }

    @Test
    void noTextMatchesEveryUnitInTheListsOrder() {
        assertSame(ALL, DirectoryUnits.matching(ALL, null));
        assertSame(ALL, DirectoryUnits.matching(ALL, "   "));
    }

    @Test
    void nothingMatchesWhatNoUnitIsCalled() {
        assertEquals(List.of(), DirectoryUnits.matching(ALL, "roosevelt"));
    }

    @Test
    void theListIsBuiltOncePerVersion() {
        DirectoryUnits units = new DirectoryUnits();
        AtomicInteger builds = new AtomicInteger();
        units.of("v1", () -> {
            builds.incrementAndGet();
            return ALL;
        });
        assertSame(ALL, units.of("v1", () -> List.of()));
        assertEquals(1, builds.get());
        assertEquals(List.of(), units.of("v2", List::of), "a new version is built");
    }
}
