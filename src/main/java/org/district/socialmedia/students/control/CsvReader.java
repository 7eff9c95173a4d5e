package org.district.socialmedia.students.control;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV as SIS exports write it, read with Apache Commons CSV: UTF-8 with or without a byte
 * order mark, CRLF, LF or CR line ends, quoted values holding commas, doubled quotes and line breaks.
 * Lenient where that is harmless (a quote inside an unquoted value, or text after a closing quote,
 * is kept as text); a quoted value that never closes is reported, because everything after it
 * would be misread.
 * <p>
 * A file is read as a stream of records, one at a time, never whole: a District's enrollments.csv is
 * gigabytes. Its encoding is checked first by a pass of its own ({@link Source} opens it again), because a
 * file that is not UTF-8 is read as Windows-1252 from its first byte, not from the first byte that gave it away.
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

    /** A file that can be opened more than once (on disk, or in memory). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    // Empty lines are kept as records so that the parser's line count stays the physical one: a
    // skipped blank line would not be counted before the record that follows it. They are dropped below.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();
    private static final int BUFFER = 1 << 16;

    private CsvReader() {
    }

    /** A small file in memory, its records in a list (tests, the demo roster). */
    public static Content read(String file, byte[] content, List<ImportProblem> problems) {
        List<Record> records = new ArrayList<>();
        try {
            boolean complete = read(file, () -> new ByteArrayInputStream(content), problems, records::add);
            return new Content(records, complete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Feeds each record (blank lines skipped, the header first) to {@code each} as it is read.
     *
     * @param file     the name problems are reported under
     * @param problems receives what could not be read; the records before it have been fed
     * @return false when an unclosed quote stopped the reading: the rest of the file is unknown
     * @throws IOException when the file itself cannot be read (not for what it holds)
     */
    public static boolean read(String file, Source source, List<ImportProblem> problems, Consumer<Record> each)
            throws IOException {
        Charset charset = StandardCharsets.UTF_8;
        if (!isUtf8(source)) {
            // Excel's "CSV" without "UTF-8" is Windows-1252; reading it as such keeps accented names.
            problems.add(new ImportProblem(file, 0, "not UTF-8; read as Windows-1252, check accented names"));
            charset = Charset.forName("windows-1252");
        }
        int line = 1;
        try (Reader text = withoutByteOrderMark(new FailingReader(new InputStreamReader(source.open(), charset), file));
             CSVParser parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get()) {
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
                    each.accept(new Record(line, row.toList()));
                }
            }
        } catch (ReadFailure e) {
            throw e.getCause();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the file reads (ReadFailure above), so what Commons CSV refuses is a quoted value cut off by the end
            problems.add(new ImportProblem(file, line,
                    "a quoted value is not closed (a \" is missing); this row and the rest of the file were not read"));
            return false;
        }
        return true;
    }

    /** Whether the whole file decodes as UTF-8, read a buffer at a time. */
    static boolean isUtf8(Source source) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buffer = new char[BUFFER];
        try (Reader in = new InputStreamReader(source.open(), decoder)) {
            while (in.read(buffer) >= 0) {
                // only decoding matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        BufferedReader buffered = new BufferedReader(in, BUFFER);
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') {
            buffered.reset();
        }
        return buffered;
    }

    /** The file's own read errors, told apart from what Commons CSV makes of the text. */
    private static final class FailingReader extends Reader {
        private final Reader in;
        private final String file;

        FailingReader(Reader in, String file) {
            this.in = in;
            this.file = file;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                throw new ReadFailure(new IOException("cannot read " + file + ": " + e.getMessage(), e));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class ReadFailure extends RuntimeException {
        ReadFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
