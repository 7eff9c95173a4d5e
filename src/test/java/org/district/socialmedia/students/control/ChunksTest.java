package org.district.socialmedia.students.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChunksTest {

    @Test
    void splitsInOrderWithAShortLastChunk() {
        List<Integer> items = IntStream.range(0, 1001).boxed().toList();
        List<List<Integer>> chunks = Chunks.of(items, 500);
        assertEquals(List.of(500, 500, 1), chunks.stream().map(List::size).toList());
        assertEquals(items, chunks.stream().flatMap(List::stream).toList());
    }

    @Test
    void anExactMultipleHasNoEmptyChunk() {
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), Chunks.of(List.of(1, 2, 3, 4), 2));
    }

    @Test
    void nothingGivesNoChunk() {
        assertEquals(List.of(), Chunks.of(List.of(), 500));
    }

    @Test
    void aChunkHoldsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> Chunks.of(List.of(1), 0));
    }
}
