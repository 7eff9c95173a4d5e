package org.district.socialmedia.notifications.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutboxAttachmentTest {

    @Test
    void keepsACopyOfTheBytes() {
        byte[] bytes = {1, 2, 3};
        OutboxAttachment a = new OutboxAttachment(7L, "report.pdf", "application/pdf", bytes);
        bytes[0] = 9;
        assertArrayEquals(new byte[]{1, 2, 3}, a.getContent());
    }

    @Test
    void refusesEmptyFilesAndNamesThatCouldBreakTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> new OutboxAttachment(7L, "report.pdf", "application/pdf", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new OutboxAttachment(7L, "a\"b.pdf", "application/pdf", new byte[]{1}));
        assertThrows(IllegalArgumentException.class, () -> new OutboxAttachment(7L, "../x.pdf", "application/pdf", new byte[]{1}));
        assertThrows(IllegalArgumentException.class, () -> new OutboxAttachment(7L, " ", "application/pdf", new byte[]{1}));
    }
}
