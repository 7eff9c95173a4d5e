package org.district.socialmedia.students.boundary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadLimitTest {

    @Test
    void readsUpToTheLimit() throws IOException {
        byte[] bytes = new byte[100];
        try (InputStream in = new UploadLimit(new ByteArrayInputStream(bytes), 100)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void oneByteMoreFailsWhicheverWayItIsRead() {
        assertThrows(UploadLimit.TooLarge.class, () -> new UploadLimit(new ByteArrayInputStream(new byte[101]), 100).readAllBytes());
        assertThrows(UploadLimit.TooLarge.class, () -> {
            InputStream in = new UploadLimit(new ByteArrayInputStream(new byte[101]), 100);
            while (in.read() >= 0) {
                // byte by byte
            }
        });
        assertThrows(UploadLimit.TooLarge.class, () -> {
            InputStream in = new UploadLimit(new ByteArrayInputStream(new byte[101]), 100);
            in.skip(60);
            in.skip(60);
        });
    }

    @Test
    void cannotBeResetToReadBytesUncounted() {
        assertFalse(new UploadLimit(new ByteArrayInputStream(new byte[1]), 1).markSupported());
    }
}
