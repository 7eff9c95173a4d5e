package org.district.socialmedia.consent.control;

import org.district.socialmedia.consent.entity.ConsentItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsentNotifierLabelTest {

    @Test
    void theTakedownEmailNamesItemsAsTheFormsBoxesDo() {
        assertEquals("photographs", ConsentNotifier.label(ConsentItem.PHOTO));
        assertEquals("first name only", ConsentNotifier.label(ConsentItem.FIRST_NAME));
        assertEquals("student work", ConsentNotifier.label(ConsentItem.STUDENT_WORK));
    }
}
