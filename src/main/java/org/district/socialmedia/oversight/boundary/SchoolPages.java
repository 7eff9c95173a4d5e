package org.district.socialmedia.oversight.boundary;

import java.io.Serializable;

/**
 * Where the dashboard is in a list of the District's schools shown a page at a time: the first row shown (0 on), moved
 * a page forward while rows are left, or back to no further than the first. Kept in the view's state, so serializable.
 */
final class SchoolPages implements Serializable {

    private final int size;
    private int first;

    SchoolPages(int size) {
        this.size = size;
    }

    int size() {
        return size;
    }

    int first() {
        return first;
    }

    /** A page further, when the list of {@code total} rows goes on past this one. */
    void next(long total) {
        if (first + size < total) {
            first += size;
        }
    }

    void previous() {
        first = Math.max(0, first - size);
    }

    void reset() {
        first = 0;
    }
}
