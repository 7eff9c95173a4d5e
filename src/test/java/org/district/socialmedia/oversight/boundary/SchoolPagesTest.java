package org.district.socialmedia.oversight.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard's place in a list of schools moves a page at a time and stays within the list. */
class SchoolPagesTest {

    @Test
    void movesAPageAtATimeWithinTheList() {
        SchoolPages pages = new SchoolPages(25);
        pages.previous();
        assertEquals(0, pages.first(), "no page before the first");
        pages.next(60);
        assertEquals(25, pages.first());
        pages.next(60);
        assertEquals(50, pages.first(), "the last page, part full");
        pages.next(60);
        assertEquals(50, pages.first(), "no page past the last row");
        pages.previous();
        assertEquals(25, pages.first());
        pages.reset();
        assertEquals(0, pages.first());
        pages.next(25);
        assertEquals(0, pages.first(), "a list of one page has no next");
    }
}
