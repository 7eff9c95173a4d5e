package org.district.socialmedia.students.control;

import org.district.socialmedia.students.entity.ImportRunStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parser's progress while it reads a roster a record at a time, and how often it is passed on. */
class RosterReadingProgressTest {

    record Call(String file, int filesRead, int filesTotal, int rows) {
    }

    @TempDir
    Path folder;

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A bulk roster of {@code students} students in one school, with no classes or enrollments. */
    private void roster(int students) throws IOException {
        write("manifest.csv", "propertyName,value\r\nfile.orgs,bulk\r\nfile.users,bulk\r\nfile.classes,absent\r\n"
                + "file.enrollments,absent\r\n");
        write("orgs.csv", "sourcedId,name,type,identifier\r\no1,Lincoln High School,school,LHS\r\n");
        try (Writer out = Files.newBufferedWriter(folder.resolve("users.csv"), StandardCharsets.UTF_8)) {
            out.write("sourcedId,orgSourcedIds,role,givenName,familyName,identifier\r\n");
            for (int i = 1; i <= students; i++) {
                out.write("s" + i + ",o1,student,Ann,Lee," + (100_000 + i) + "\r\n");
            }
        }
    }

    @Test
    void tellsEachFileAsItStartsEveryTenThousandRowsAndTheEnd() throws IOException {
        roster(25_000);
        List<Call> calls = new ArrayList<>();
        ParsedRoster parsed = OneRosterParser.parseFolder(folder, "identifier",
                (file, filesRead, filesTotal, rows) -> calls.add(new Call(file, filesRead, filesTotal, rows)));
        assertEquals(25_000, parsed.students().size());
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(new Call("orgs.csv", 0, 2, 0), new Call("users.csv", 1, 2, 1),
                new Call("users.csv", 1, 2, 10_000), new Call("users.csv", 1, 2, 20_000),
                new Call(null, 2, 2, 25_001)), calls);
        assertEquals(25_001, parsed.rows());
    }

    @Test
    void aStreamedFolderReadsAsTheSameFilesInMemory() throws IOException {
        roster(3);
        Map<String, byte[]> files = new HashMap<>();
        for (String name : List.of("manifest.csv", "orgs.csv", "users.csv")) {
            files.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        assertEquals(OneRosterParser.parse(files), OneRosterParser.parseFolder(folder));
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252FromItsFirstRow() throws IOException {
        roster(0);
        // a UTF-8 name first, then a Windows-1252 byte: the whole file is Windows-1252, as before the streaming
        byte[] users = ("sourcedId,orgSourcedIds,role,givenName,familyName,identifier\r\n"
                + "s1,o1,student,Ren\u00e9e,Lee,1001\r\n").getBytes(Charset.forName("windows-1252"));
        Files.write(folder.resolve("users.csv"), users);
        ParsedRoster parsed = OneRosterParser.parseFolder(folder);
        assertEquals("Ren\u00e9e", parsed.students().get(0).givenName());
        assertEquals("not UTF-8; read as Windows-1252, check accented names", parsed.problems().get(0).reason());
    }

    @Test
    void passesOnAChangeOfFileAtOnceAndRowsAtMostOnceASecond() {
        List<Call> shown = new ArrayList<>();
        long[] now = {0};
        ReadingProgress progress = new ReadingProgress(
                (file, filesRead, filesTotal, rows) -> shown.add(new Call(file, filesRead, filesTotal, rows)), () -> now[0]);
        progress.reading("orgs.csv", 0, 4, 0);
        progress.reading("users.csv", 1, 4, 901);
        now[0] += 400_000_000L;
        progress.reading("users.csv", 1, 4, 10_901);
        now[0] += 700_000_000L;
        progress.reading("users.csv", 1, 4, 20_901);
        progress.reading("users.csv", 1, 4, 30_901);
        progress.reading(null, 4, 4, 30_950);
        assertEquals(List.of(new Call("orgs.csv", 0, 4, 0), new Call("users.csv", 1, 4, 901),
                new Call("users.csv", 1, 4, 20_901), new Call(null, 4, 4, 30_950)), shown);
    }

    @Test
    void aFigureThatCannotBeShownDoesNotStopTheReading() {
        ReadingProgress progress = new ReadingProgress((file, filesRead, filesTotal, rows) -> {
            throw new IllegalStateException("database down");
        });
        progress.reading("users.csv", 1, 4, 10_000);
    }

    @Test
    void aRunNoLongerAtWorkEndsTheReading() {
        ReadingProgress progress = new ReadingProgress((file, filesRead, filesTotal, rows) -> {
            throw new ImportRunStateException("Import run 7 is no longer at work; its reading ends");
        });
        assertThrows(ImportRunStateException.class, () -> progress.reading("users.csv (checking the upload)", 0, 4, 10_000));
    }
}
