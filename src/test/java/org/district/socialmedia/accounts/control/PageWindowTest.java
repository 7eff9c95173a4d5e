package org.district.socialmedia.accounts.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageWindowTest {

    @Test
    void aPageShowsItsRowsAndKnowsItsNeighbours() {
        PageWindow second = PageWindow.of(120, 50, "2");
        assertEquals(new PageWindow(2, 3, 50, 50, 120), second);
        assertEquals(100, second.lastShown());
        assertTrue(second.hasPrevious());
        assertTrue(second.hasNext());

        PageWindow last = PageWindow.of(120, 50, "3");
        assertEquals(100, last.first());
        assertEquals(120, last.lastShown(), "the last page is shorter");
        assertFalse(last.hasNext());
    }

    @Test
    void noPageNumberIsTheFirstPage() {
        PageWindow first = PageWindow.of(120, 50, null);
        assertEquals(1, first.page());
        assertEquals(0, first.first());
        assertFalse(first.hasPrevious());
    }

    @Test
    void nothingToShowIsOneEmptyPage() {
        PageWindow empty = PageWindow.of(0, 50, "4");
        assertEquals(new PageWindow(1, 1, 0, 50, 0), empty);
        assertEquals(0, empty.lastShown());
        assertFalse(empty.hasNext());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", " ", "-3", "0", "2.5"})
    void anAddressWithoutAUsablePageNumberShowsTheFirst(String page) {
        assertEquals(1, PageWindow.of(1000, 50, page).page());
    }

    @ParameterizedTest
    @ValueSource(strings = {"21", "999999", "99999999999999999"})
    void aPagePastTheLastShowsTheLast(String page) {
        PageWindow last = PageWindow.of(1000, 50, page);
        assertEquals(20, last.page());
        assertEquals(950, last.first());
    }

    @Test
    void thePageSizeIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> PageWindow.of(10, 0, "1"));
    }
}
