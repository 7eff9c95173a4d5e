package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.OneRosterParser.RefusedRows;
import org.district.socialmedia.students.control.OneRosterParser.Progress;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One CSV file with a header, read a record at a time: finds columns by name and reports unusable rows. */
final class RosterCsvTable {

    private final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<ImportProblem> problems;
    /** Each sourcedId read and the line it was first on: the duplicates' check, and what the file names. */
    private final Map<String, Integer> seen = new HashMap<>();
    /** Takes every row instead of {@link #seen} and {@link #problems}: a staged file (null: held). */
    private final RefusedRows sink;
    private boolean complete;
    private boolean header = true;

    private RosterCsvTable(String file, List<ImportProblem> problems, RefusedRows sink) {
        this.file = file;
        this.problems = problems;
        this.sink = sink;
    }

    /** The file's name in the zip. */
    String file() {
        return file;
    }

    /** Whether every line of the file was read (rows refused one by one still count as read). */
    boolean complete() {
        return complete;
    }

    /** The sourcedId of every row, usable or not. */
    Set<String> sourcedIds() {
        return seen.keySet();
    }

    /**
     * Reads the file: its header, then each row fed to the reader; a row it refuses, or a second row with the
     * same sourcedId, is reported.
     *
     * @param counter counts the data rows (null: not counted, the manifest)
     */
    static RosterCsvTable read(String file, CsvReader.Source source, List<ImportProblem> problems, Counter counter,
                      Function<Row, ?> reader, String... required) throws IOException {
        return read(file, source, problems, counter, null, reader, required);
    }

    /** @param sink takes each row, usable or refused (null: the rows' problems and sourcedIds are kept here) */
    static RosterCsvTable read(String file, CsvReader.Source source, List<ImportProblem> problems, Counter counter,
                      RefusedRows sink, Function<Row, ?> reader, String... required) throws IOException {
        RosterCsvTable table = new RosterCsvTable(file, problems, sink);
        if (counter != null) {
            counter.start(file);
        }
        boolean[] refused = new boolean[1];
        boolean read = CsvReader.read(file, source, problems, record -> {
            if (refused[0]) {
                return;
            }
            if (table.header) {
                table.header = false;
                refused[0] = !table.header(record, required);
                return;
            }
            if (counter != null) {
                counter.row(file);
            }
            table.row(record, reader);
        });
        if (table.header) {
            problems.add(new ImportProblem(file, 0, "empty: not even a header line"));
        }
        table.complete = read && !table.header && !refused[0];
        if (counter != null) {
            counter.end();
        }
        return table;
    }

    private boolean header(CsvReader.Record record, String... required) {
        List<String> header = record.fields();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = Arrays.stream(required)
                .filter(column -> !columns.containsKey(column.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            problems.add(new ImportProblem(file, record.line(),
                    "the header lacks the column(s) " + String.join(", ", missing) + "; the file was not read"));
            return false;
        }
        return true;
    }

    private void row(CsvReader.Record record, Function<Row, ?> reader) {
        Row row = new Row(record);
        if (sink != null) {
            staged(row, reader);
            return;
        }
        try {
            if (columns.containsKey("sourcedid")) {
                String id = row.required("sourcedId");
                Integer first = seen.putIfAbsent(id, record.line());
                if (first != null) {
                    throw new RowException("sourcedId '" + id + "' was already on line " + first
                            + "; this row was ignored");
                }
            }
            if (record.fields().size() > columns.size() && !extraCellsBlank(record)) {
                throw new RowException("has " + record.fields().size() + " values but the header has "
                        + columns.size() + " columns (an unquoted comma?)");
            }
            reader.apply(row);
        } catch (RowException e) {
            problems.add(new ImportProblem(file, record.line(), e.getMessage()));
        }
    }

    /** The same checks in the same order as a held row's, but for the duplicates', which the stage makes. */
    private void staged(Row row, Function<Row, ?> reader) {
        try {
            row.required("sourcedId");
            if (row.record.fields().size() > columns.size() && !extraCellsBlank(row.record)) {
                throw new RowException("has " + row.record.fields().size() + " values but the header has "
                        + columns.size() + " columns (an unquoted comma?)");
            }
            reader.apply(row);
        } catch (RowException e) {
            sink.refused(row.line(), row.value("sourcedId"), e.getMessage());
        }
    }

    private boolean extraCellsBlank(CsvReader.Record record) {
        return record.fields().subList(columns.size(), record.fields().size()).stream().allMatch(String::isBlank);
    }

    final class Row {
        private final CsvReader.Record record;

        Row(CsvReader.Record record) {
            this.record = record;
        }

        int line() {
            return record.line();
        }

        /** Stripped, null when blank or when the file has no such column. */
        String value(String column) {
            Integer index = columns.get(column.toLowerCase(Locale.ROOT));
            if (index == null || index >= record.fields().size()) {
                return null;
            }
            String value = record.fields().get(index).strip();
            return value.isEmpty() ? null : value;
        }

        String lower(String column) {
            String value = value(column);
            return value == null ? null : value.toLowerCase(Locale.ROOT);
        }

        String required(String column) {
            String value = value(column);
            if (value == null) {
                throw new RowException(column + " is empty");
            }
            return value;
        }

        void maxLength(String column, int max) {
            String value = value(column);
            if (value != null && value.length() > max) {
                throw new RowException(column + " is longer than " + max + " characters");
            }
        }

        /** A OneRoster list cell: comma-separated inside one quoted value. */
        List<String> list(String column) {
            String value = value(column);
            if (value == null) {
                return List.of();
            }
            return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        }

        LocalDate date(String column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new RowException(column + " '" + value + "' is not a date (YYYY-MM-DD)");
            }
        }

        boolean toBeDeleted() {
            String status = lower("status");
            if (status == null || status.equals("active")) {
                return false;
            }
            if (status.equals("tobedeleted")) {
                return true;
            }
            throw new RowException("status '" + value("status") + "' is neither active nor tobedeleted");
        }
    }

    /** Data rows read so far in all files, told to the {@link Progress} now and then. */
    static final class Counter {
        private final Progress progress;
        private final int filesTotal;
        private int filesRead;
        private int rows;

        Counter(Progress progress, int filesTotal) {
            this.progress = progress;
            this.filesTotal = filesTotal;
        }

        void start(String file) {
            progress.reading(file, filesRead, filesTotal, rows);
        }

        void row(String file) {
            if (++rows % OneRosterParser.PROGRESS_ROWS == 0) {
                progress.reading(file, filesRead, filesTotal, rows);
            }
        }

        void end() {
            filesRead++;
        }

        /** Data rows read so far in all files. */
        int rows() {
            return rows;
        }

        void done() {
            progress.reading(null, filesRead, filesTotal, rows);
        }
    }
}
