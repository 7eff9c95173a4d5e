package org.district.socialmedia.accounts.control;

import java.io.Serializable;

/**
 * The rows a numbered page shows, for pages whose number comes from the address (?page=). Anyone can
 * type that address: a page past the last shows the last one, and anything but a number the first,
 * rather than an error page.
 *
 * @param page  from 1
 * @param pages at least 1, also when nothing matches
 * @param first the first row's offset
 */
public record PageWindow(int page, int pages, int first, int size, long total) implements Serializable {

    public static PageWindow of(long total, int size, String requested) {
        if (size < 1 || total < 0) {
            throw new IllegalArgumentException("size " + size + ", total " + total);
        }
        int pages = (int) Math.max(1, (total + size - 1) / size);
        long wanted;
        try {
            wanted = requested == null ? 1 : Long.parseLong(requested.strip());
        } catch (NumberFormatException e) {
            wanted = 1;
        }
        int page = (int) Math.min(pages, Math.max(1, wanted));
        return new PageWindow(page, pages, (page - 1) * size, size, total);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The number of the last row shown, counting from 1 (0 when there is none). */
    public long lastShown() {
        return Math.min(total, (long) first + size);
    }
}
