package org.district.socialmedia.students.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.district.socialmedia.students.control.CsvReader.Content;
import org.district.socialmedia.students.control.CsvReader.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    private final List<ImportProblem> problems = new ArrayList<>();

    private Content read(String text) {
        return CsvReader.read("users.csv", text.getBytes(StandardCharsets.UTF_8), problems);
    }

    private static Record record(int line, String... fields) {
        return new Record(line, List.of(fields));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        Content csv = read("\uFEFFsourcedId,role\r\ns1,student\r\n");
        assertEquals(List.of(record(1, "sourcedId", "role"), record(2, "s1", "student")), csv.records());
        assertTrue(csv.complete());
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void everyLineEndEndsARecord(String end) {
        Content csv = read("a,b" + end + "c,d" + end + "e,f" + end);
        assertEquals(List.of(record(1, "a", "b"), record(2, "c", "d"), record(3, "e", "f")), csv.records());
    }

    @Test
    void aQuotedLineBreakStaysInTheValueAndLaterRecordsKeepTheirPhysicalLine() {
        Content csv = read("id,note\r\n1,\"two\r\nlines\"\r\n2,\"three\nshort\nlines\"\r\n3,last\r\n");
        assertEquals(List.of(record(1, "id", "note"), record(2, "1", "two\r\nlines"),
                record(4, "2", "three\nshort\nlines"), record(7, "3", "last")), csv.records());
    }

    @Test
    void blankLinesAreSkippedButCounted() {
        Content csv = read("a,b\r\n\r\n\r\nc,d\r\n\r\n");
        assertEquals(List.of(record(1, "a", "b"), record(4, "c", "d")), csv.records());
    }

    @Test
    void theLastRecordNeedsNoLineEnd() {
        assertEquals(List.of(record(1, "a", "b"), record(2, "c", "d")), read("a,b\r\nc,d").records());
    }

    @Test
    void emptyAndEmptyQuotedValuesAreEmptyStrings() {
        assertEquals(List.of(record(1, "", "", "x", "")), read("\"\",,x,\"\"\r\n").records());
    }

    @Test
    void quotedCommasAndDoubledQuotes() {
        assertEquals(List.of(record(1, "Mary, Jr.", "O\"Neil", "p1,p2")),
                read("\"Mary, Jr.\",\"O\"\"Neil\",\"p1,p2\"\n").records());
    }

    @Test
    void aStrayQuoteInsideAnUnquotedValueIsKeptAsText() {
        assertEquals(List.of(record(1, "5'10\"", "O'Neil")), read("5'10\",O'Neil\n").records());
    }

    @Test
    void raggedRowsKeepTheirOwnLengthAndLine() {
        Content csv = read("a,b,c\r\n1,2\r\n1,2,3,4\r\n1,2,3\r\n");
        assertEquals(List.of(record(1, "a", "b", "c"), record(2, "1", "2"), record(3, "1", "2", "3", "4"),
                record(4, "1", "2", "3")), csv.records());
        assertTrue(csv.complete());
    }

    @Test
    void anUnclosedQuoteIsReportedOnTheLineItsRecordStartsAndTheRecordsBeforeItAreKept() {
        Content csv = read("a,b\r\n\"x\r\ny\",1\r\nc,\"never closed\r\nd,e\r\n");
        assertFalse(csv.complete());
        assertEquals(List.of(record(1, "a", "b"), record(2, "x\r\ny", "1")), csv.records());
        assertEquals(List.of(new ImportProblem("users.csv", 4,
                "a quoted value is not closed (a \" is missing); this row and the rest of the file were not read")),
                problems);
    }

    @Test
    void windows1252IsReadWithAWarning() {
        byte[] latin = "name\r\nJos\u00e9\r\n".getBytes(Charset.forName("windows-1252"));
        Content csv = CsvReader.read("users.csv", latin, problems);
        assertEquals(List.of(record(1, "name"), record(2, "Jos\u00e9")), csv.records());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).reason().contains("Windows-1252"), problems.toString());
    }

    @Test
    void anEmptyFileHasNoRecords() {
        Content csv = read("");
        assertEquals(List.of(), csv.records());
        assertTrue(csv.complete());
    }
}
