package org.district.socialmedia.audit.control;

import org.district.socialmedia.audit.entity.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {

    @Test
    void changesListOnlyTheFieldsThatChangedWithBeforeAndAfter() {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("fullName", new Object[]{"Maria Lopez", "Maria López"});
        fields.put("email", new Object[]{"m@district.example.org", "m@district.example.org"});
        fields.put("unit", new Object[]{null, "LHS"});
        assertEquals("fullName: \"Maria Lopez\" -> \"Maria López\"; unit: (none) -> \"LHS\"", FieldChanges.describe(fields));
    }

    @Test
    void overlongValuesAreCutToTheColumnSize() {
        AuditEntry entry = new AuditEntry(Instant.EPOCH, "a".repeat(100), null, null, "ACTION", "Type", "1",
                AuditEntry.Outcome.DONE, "d".repeat(5000));
        assertEquals(AuditEntry.ACTOR_MAX, entry.getActor().length());
        assertEquals(AuditEntry.DETAILS_MAX, entry.getDetails().length());
        assertTrue(entry.getDetails().endsWith("…"));
    }
}
