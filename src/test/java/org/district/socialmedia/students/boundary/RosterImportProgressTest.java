package org.district.socialmedia.students.boundary;

import org.district.socialmedia.students.entity.ImportStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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

    private static RunView run(ImportStatus status, String readingFile, int filesRead, int filesTotal, int rowsRead,
                               int rowsToWrite) {
        return new RunView(7L, status, "ab", "roster.zip", "sysadmin", null, true, "identifier", null, Map.of(), null,
                0, 0, 0, null, false, null, null, null, null, 0, null, null, List.of(), filesTotal, filesRead, 0,
                rowsToWrite, null, 0, rowsRead, readingFile);
    }

    @Test
    void saysWhichFileThePreviewReadsAndHowManyRowsSoFar() {
        assertEquals("Reading users.csv: 120,000 rows (file 2 of 4); nothing is written.",
                RosterImportPage.progress(run(ImportStatus.PREVIEWING, "users.csv", 1, 4, 120_000, 0)));
        assertEquals("Read 4 of 4 files (1,204,400 rows); preparing the preview; nothing is written.",
                RosterImportPage.progress(run(ImportStatus.PREVIEWING, null, 4, 4, 1_204_400, 0)));
        assertEquals("Reading the files for the preview; nothing is written.",
                RosterImportPage.progress(run(ImportStatus.PREVIEWING, null, 0, 0, 0, 0)));
    }

    @Test
    void saysWhatTheWritesPlanReadsAgain() {
        assertEquals("Writing the import: reading enrollments.csv: 3,000,000 rows (file 4 of 4) again; then the changes"
                        + " are planned.",
                RosterImportPage.progress(run(ImportStatus.RUNNING, "enrollments.csv", 3, 4, 3_000_000, 0)));
    }
}
