package org.district.socialmedia.parents.entity;

import org.district.socialmedia.consent.entity.ConsentItem;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressTest {

    @Test
    void countsSentOpenedAnsweredConsentedPerItemAndDeclinedPerClassAndForTheSchool() {
        List<Progress> rows = Progress.of(List.of(
                new Progress.Link("3A", false, false, false, null),
                new Progress.Link("3A", true, false, false, null),
                new Progress.Link("3A", true, true, false, EnumSet.of(ConsentItem.PHOTO, ConsentItem.FIRST_NAME)),
                new Progress.Link("4B", true, true, true, EnumSet.noneOf(ConsentItem.class)),
                new Progress.Link("4B", true, true, false, EnumSet.of(ConsentItem.PHOTO))), "Whole school");
        assertEquals(List.of("3A", "4B", "Whole school"), rows.stream().map(Progress::group).toList());
        Progress a = rows.get(0);
        assertEquals(List.of(3, 2, 1, 0), List.of(a.sent(), a.opened(), a.answered(), a.declined()));
        assertEquals(1, a.consentedTo(ConsentItem.PHOTO));
        assertEquals(0, a.consentedTo(ConsentItem.VIDEO));
        Progress school = rows.get(2);
        assertEquals(List.of(5, 4, 3, 1), List.of(school.sent(), school.opened(), school.answered(), school.declined()));
        assertEquals(2, school.consentedTo(ConsentItem.PHOTO));
        assertEquals(1, school.consentedTo(ConsentItem.FIRST_NAME));
    }
}
