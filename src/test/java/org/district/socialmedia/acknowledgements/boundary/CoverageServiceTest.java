package org.district.socialmedia.acknowledgements.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CoverageServiceTest {

    @Test
    void csvCellsASpreadsheetWouldRunGetAnApostrophe() {
        assertEquals("'=HYPERLINK(\"x\")", CoverageService.safe("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CoverageService.safe("+1"));
        assertEquals("'@sum", CoverageService.safe("@sum"));
        assertEquals("Maria Lopez", CoverageService.safe("Maria Lopez"));
        assertNull(CoverageService.safe(null));
    }
}
