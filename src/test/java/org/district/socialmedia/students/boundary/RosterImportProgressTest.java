package org.district.socialmedia.students.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RosterImportProgressTest {

    @Test
    void saysTheTimeLeftInRoundFigures() {
        assertEquals("about 1 second", RosterImportPage.timeLeft(0));
        assertEquals("about 40 seconds", RosterImportPage.timeLeft(40));
        assertEquals("about 1 minute", RosterImportPage.timeLeft(60));
        assertEquals("about 3 minutes", RosterImportPage.timeLeft(170));
        assertEquals("about 1 hour 5 minutes", RosterImportPage.timeLeft(3_900));
        assertEquals("about 2 hours", RosterImportPage.timeLeft(7_200));
    }
}
