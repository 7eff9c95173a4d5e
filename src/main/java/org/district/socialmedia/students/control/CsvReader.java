package org.district.socialmedia.students.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV as SIS exports write it, read with Apache Commons CSV: UTF-8 with or without a byte
 * order mark, CRLF, LF or CR line ends, quoted values holding commas, doubled quotes and line breaks.
 * Lenient where that is harmless (a quote inside an unquoted value, or text after a closing quote,
 * is kept as text); a quoted value that never closes is reported, because everything after it
 * would be misread.
 */
public final class CsvReader {

    /** @param line the line the record starts on (a quoted line break makes a record span lines) */
    public record Record(int line, List<String> fields) {

        public Record {
            fields = List.copyOf(fields);
        }
    }

    /**
     * @param records  blank lines skipped, header included as the first
     * @param complete false when an unclosed quote stopped the reading: the rest of the file is unknown
     */
    public record Content(List<Record> records, boolean complete) {
    }

    // Empty lines are kept as records so that the parser's line count stays the physical one: a
    // skipped blank line would not be counted before the record that follows it. They are dropped below.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();

    private CsvReader() {
    }

    /**
     * @param file     the name problems are reported under
     * @param problems receives what could not be read; the records before it are returned
     */
    public static Content read(String file, byte[] content, List<ImportProblem> problems) {
        String text = decode(file, content, problems);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<Record> records = new ArrayList<>();
        int line = 1;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                // the iterator reads no further than the record it returns, so the count of line
                // ends read so far tells where the next record starts
                line = Math.toIntExact(parser.getCurrentLineNumber()) + 1;
                if (!rows.hasNext()) {
                    break;
                }
                CSVRecord row = rows.next();
                if (row.size() > 1 || !row.get(0).isEmpty()) {
                    records.add(new Record(line, row.toList()));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV's only failure on an in-memory text is a quoted value cut off by the end of the file
            problems.add(new ImportProblem(file, line,
                    "a quoted value is not closed (a \" is missing); this row and the rest of the file were not read"));
            return new Content(records, false);
        }
        return new Content(records, true);
    }

    private static String decode(String file, byte[] content, List<ImportProblem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            // Excel's "CSV" without "UTF-8" is Windows-1252; reading it as such keeps accented names.
            problems.add(new ImportProblem(file, 0, "not UTF-8; read as Windows-1252, check accented names"));
            return new String(content, Charset.forName("windows-1252"));
        }
    }
}
