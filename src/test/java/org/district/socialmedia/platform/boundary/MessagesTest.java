package org.district.socialmedia.platform.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesTest {

    @Test
    void aLineErrorShownOnItsOwnNamesThePlatformNumber() {
        assertEquals("Platform 2: ", Messages.prefix("lines[1].account"));
        assertEquals("Platform 1: ", Messages.prefix("lines[0]"));
        assertEquals("", Messages.prefix("answer"));
    }
}
