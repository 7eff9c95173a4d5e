package org.district.socialmedia.platform.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void cellsAreJoinedWithCommasAndTheLineEndsWithCrLf() {
        assertEquals("id,platform,handle\r\n", Csv.line("id", "platform", "handle"));
        assertEquals("only\r\n", Csv.line("only"));
        assertEquals("\r\n", Csv.line());
    }

    @Test
    void nullAndEmptyAreEmptyCells() {
        assertEquals("", Csv.cell(null));
        assertEquals("", Csv.cell(""));
        assertEquals(",x,\r\n", Csv.line(null, "x", ""));
    }

    @Test
    void plainTextIsNotQuoted() {
        assertEquals("Lincoln High School", Csv.cell("Lincoln High School"));
        assertEquals("a=b", Csv.cell("a=b"), "an equals sign inside is harmless");
        assertEquals("Ñandú café 日本", Csv.cell("Ñandú café 日本"));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertEquals("\"Lincoln, Oregon\"", Csv.cell("Lincoln, Oregon"));
        assertEquals("\"The \"\"Lions\"\" page\"", Csv.cell("The \"Lions\" page"));
        assertEquals("\"\"\"\"", Csv.cell("\""));
        assertEquals("\"line one\nline two\"", Csv.cell("line one\nline two"));
        assertEquals("\"line one\r\nline two\"", Csv.cell("line one\r\nline two"));
        assertEquals("\"a\rb\"", Csv.cell("a\rb"));
        assertEquals("1,\"Lincoln, Oregon\",\"say \"\"hi\"\"\"\r\n", Csv.line("1", "Lincoln, Oregon", "say \"hi\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1:A9)", "+15551234567", "-2+3", "@SUM(1)", "=cmd|' /C calc'!A0"})
    void formulasArePrefixedWithAnApostrophe(String value) {
        assertEquals("'" + value, Csv.cell(value));
    }

    @Test
    void tabAndCarriageReturnAtTheStartArePrefixedToo() {
        assertEquals("'\t=1+1", Csv.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", Csv.cell("\r=1+1"), "prefixed, then quoted for the CR");
    }

    @Test
    void aFormulaWithCommasAndQuotesIsPrefixedThenQuoted() {
        assertEquals("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"",
                Csv.cell("=HYPERLINK(\"https://evil.example\",\"click\")"));
        assertEquals("x,\"'=1,2\"\r\n", Csv.line("x", "=1,2"));
    }
}
