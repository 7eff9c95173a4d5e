package org.district.socialmedia.students.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as SIS exports write it: UTF-8 with or without a byte order mark, CRLF or LF line
 * ends, quoted values holding commas, doubled quotes and line breaks. Lenient where that is
 * harmless (a quote inside an unquoted value is kept as text); a quoted value that never closes
 * is reported, because everything after it would be misread.
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
        List<String> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean anything = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    value.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (value.length() == 0 && !afterQuote) {
                        quoted = true;
                    } else {
                        value.append(c);
                    }
                    anything = true;
                }
                case ',' -> {
                    fields.add(value.toString());
                    value.setLength(0);
                    afterQuote = false;
                    anything = true;
                }
                case '\r' -> {
                    // CR of CRLF; a lone CR (old Mac files) ends the line too
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        recordLine = endRecord(records, fields, value, anything, recordLine, ++line);
                        anything = false;
                        afterQuote = false;
                    }
                }
                case '\n' -> {
                    recordLine = endRecord(records, fields, value, anything, recordLine, ++line);
                    anything = false;
                    afterQuote = false;
                }
                default -> {
                    if (afterQuote && !Character.isWhitespace(c)) {
                        // "abc"def: keep the text rather than lose it
                        value.append(c);
                    } else if (!afterQuote) {
                        value.append(c);
                    }
                    anything = true;
                }
            }
        }
        if (quoted) {
            problems.add(new ImportProblem(file, recordLine,
                    "a quoted value is not closed (a \" is missing); this row and the rest of the file were not read"));
            return new Content(records, false);
        }
        endRecord(records, fields, value, anything, recordLine, line);
        return new Content(records, true);
    }

    private static int endRecord(List<Record> records, List<String> fields, StringBuilder value, boolean anything,
                                 int recordLine, int nextLine) {
        if (anything || value.length() > 0) {
            fields.add(value.toString());
            records.add(new Record(recordLine, fields));
        }
        fields.clear();
        value.setLength(0);
        return nextLine;
    }

    private static String decode(String file, byte[] content, List<ImportProblem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            // Excel's "CSV" without "UTF-8" is Windows-1252; reading it as such keeps accented names.
            problems.add(new ImportProblem(file, 0, "not UTF-8; read as Windows-1252, check accented names"));
            return new String(content, java.nio.charset.Charset.forName("windows-1252"));
        }
    }
}
