package org.district.socialmedia.requests.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Platforms and standard reasons: the lists administrators keep. */
class CatalogTest {

    @Test
    void aPlatformIsRetiredAndReinstatedOnce() {
        Platform p = new Platform("  Threads ", false, 35);
        assertEquals("Threads", p.getName());
        assertTrue(p.isActive());
        p.retire();
        assertFalse(p.isActive());
        assertThrows(IllegalStateException.class, p::retire);
        p.reinstate();
        assertThrows(IllegalStateException.class, p::reinstate);
    }

    @Test
    void theOtherEntryCanBeToggled() {
        Platform other = new Platform("Other", true, 1000);
        assertTrue(other.isOtherNameRequired());
        other.requireOtherName(false);
        assertFalse(other.isOtherNameRequired());
    }

    @Test
    void aStandardReasonIsRevisedAndRetired() {
        StandardReason r = new StandardReason(" Objectives not job-related ", " Not related to your work. ");
        assertEquals("Objectives not job-related", r.getTitle());
        assertEquals("Not related to your work.", r.getText());
        r.revise("Not job-related", "Changed");
        assertEquals("Changed", r.getText());
        r.retire();
        assertFalse(r.isActive());
        assertThrows(IllegalStateException.class, r::retire);
    }

    @Test
    void audiencesHaveLabels() {
        assertEquals("Parents and guardians", Audience.PARENTS.label());
        for (Audience a : Audience.values()) {
            assertFalse(a.label().isBlank());
        }
    }
}
