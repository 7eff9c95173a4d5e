package org.district.socialmedia.students.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits a collection into lists of at most a given size, in its iteration order. */
public final class Chunks {

    private Chunks() {
    }

    public static <T> List<List<T>> of(Collection<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A chunk holds at least one item, not " + size);
        }
        List<List<T>> chunks = new ArrayList<>();
        List<T> chunk = new ArrayList<>(Math.min(size, items.size()));
        for (T item : items) {
            chunk.add(item);
            if (chunk.size() == size) {
                chunks.add(chunk);
                chunk = new ArrayList<>(size);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
