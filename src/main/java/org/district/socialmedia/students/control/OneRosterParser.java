package org.district.socialmedia.students.control;

import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterRows.ClassRow;
import org.district.socialmedia.students.control.RosterRows.EnrollmentRow;
import org.district.socialmedia.students.control.RosterRows.GuardianRow;
import org.district.socialmedia.students.control.RosterRows.OrgRow;
import org.district.socialmedia.students.control.RosterRows.StaffRow;
import org.district.socialmedia.students.control.RosterRows.StudentRow;
import org.district.socialmedia.students.entity.Enrollment;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;
import org.district.socialmedia.students.entity.SchoolClass;
import org.district.socialmedia.students.entity.Student;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a OneRoster 1.1 CSV export (a zip, a folder, or its files in memory): manifest.csv, orgs.csv,
 * users.csv and, when present, classes.csv and enrollments.csv. Each row is checked on its own; a
 * bad row becomes an {@link ImportProblem} with its file, line and reason, and the good rows are
 * still returned. Columns are found by their header (any order, any case); other OneRoster files
 * (courses, academicSessions, demographics...) are ignored.
 * <p>
 * Without a manifest, or when it names no mode for a file that is present, the file is read as
 * DELTA: a missing manifest must never deactivate the whole roster.
 */
public final class OneRosterParser {

    public static final String MANIFEST = "manifest.csv";
    public static final String ORGS = "orgs.csv";
    public static final String USERS = "users.csv";
    public static final String CLASSES = "classes.csv";
    public static final String ENROLLMENTS = "enrollments.csv";
    public static final List<String> FILES = List.of(ORGS, USERS, CLASSES, ENROLLMENTS);
    /** Staff roles imported as staff users; a proctor is not District staff. */
    public static final Set<String> STAFF_ROLES = Set.of("teacher", "administrator", "aide");
    private static final Set<String> SKIPPED_ROLES = Set.of("teacher", "administrator", "aide", "proctor");
    private static final Pattern USER_ID = Pattern.compile("\\{\\s*([^:{}]+?)\\s*:\\s*([^{}]*?)\\s*}");

    private OneRosterParser() {
    }

    /**
     * Told how far the reading is: at the start of each file, every {@value #PROGRESS_ROWS} rows, and at the end.
     * Called on the reading thread; what it does takes that long from the reading.
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (file, filesRead, filesTotal, rows) -> { };

        /**
         * @param file       the file being read, or null once every file is read
         * @param filesRead  OneRoster files read to their end so far (the manifest not counted)
         * @param filesTotal OneRoster files to read (those the manifest does not call absent)
         * @param rows       data rows read so far in all files, headers excluded
         */
        void reading(String file, int filesRead, int filesTotal, int rows);
    }

    static final int PROGRESS_ROWS = 10_000;

    /**
     * Takes enrollments.csv's rows as they are read, instead of the roster holding them: a District's millions of
     * enrollments are staged in the database ({@link EnrollmentStage}). Every data row reaches it once, usable,
     * skipped for its role or refused; the duplicates' check (a sourcedId already on an earlier line) is then the
     * stage's, since the parser keeps no set of the file's sourcedIds.
     */
    public interface EnrollmentSink {
        void usable(EnrollmentRow row);

        /** @param sourcedId null when the row has none */
        void skipped(int line, String sourcedId);

        /** @param sourcedId null when the row has none */
        void refused(int line, String sourcedId, String reason);
    }

    /** Reads a zip; files may sit in one folder inside it. The stream is read to its end, not closed. */
    public static ParsedRoster parseZip(InputStream zip) throws IOException {
        return parseZip(zip, RosterSettings.IDENTIFIER);
    }

    /**
     * @param idSource where the District student id is: identifier, sourcedId or a userIds type. The files are
     *                 unpacked into a temporary folder first: they are read a record at a time, and more than once.
     */
    public static ParsedRoster parseZip(InputStream zip, String idSource) throws IOException {
        Path folder = Files.createTempDirectory("oneroster-");
        try {
            ZipInputStream in = new ZipInputStream(zip);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (name.equals(MANIFEST) || FILES.contains(name)) {
                    Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return parseFolder(folder, idSource);
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** Reads the files of a folder (the dev run's demo roster, an SFTP drop). */
    public static ParsedRoster parseFolder(Path folder) throws IOException {
        return parseFolder(folder, RosterSettings.IDENTIFIER);
    }

    /** Reads the files of a folder (an upload unpacked and checked, the demo roster, a drop folder). */
    public static ParsedRoster parseFolder(Path folder, String idSource) throws IOException {
        return parseFolder(folder, idSource, Progress.NONE);
    }

    /** Reads the files of a folder a record at a time, telling {@code progress} how far it is. */
    public static ParsedRoster parseFolder(Path folder, String idSource, Progress progress) throws IOException {
        return parseFolder(folder, idSource, progress, null);
    }

    /**
     * Reads the files of a folder a record at a time, telling {@code progress} how far it is.
     *
     * @param enrollments takes enrollments.csv's rows instead of the roster (null: the roster holds them)
     */
    public static ParsedRoster parseFolder(Path folder, String idSource, Progress progress, EnrollmentSink enrollments)
            throws IOException {
        Map<String, CsvReader.Source> files = new HashMap<>();
        for (String name : concat(MANIFEST, FILES)) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, () -> Files.newInputStream(file));
            }
        }
        return read(files, idSource, progress, enrollments);
    }

    /** @param files contents by lower-case file name */
    public static ParsedRoster parse(Map<String, byte[]> files) {
        return parse(files, RosterSettings.IDENTIFIER);
    }

    /**
     * @param files    contents by lower-case file name
     * @param idSource where the District student id is: identifier, sourcedId or a userIds type such as Local
     */
    public static ParsedRoster parse(Map<String, byte[]> files, String idSource) {
        Objects.requireNonNull(files, "files");
        Map<String, CsvReader.Source> sources = new HashMap<>();
        files.forEach((name, content) -> sources.put(name, () -> new ByteArrayInputStream(content)));
        try {
            return read(sources, idSource, Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param files files by lower-case name, each read a record at a time
     * @throws IOException when a file cannot be read at all (what it holds is reported as problems instead)
     */
    public static ParsedRoster read(Map<String, CsvReader.Source> files, String idSource, Progress progress)
            throws IOException {
        return read(files, idSource, progress, null);
    }

    /**
     * @param files          files by lower-case name, each read a record at a time
     * @param enrollmentSink takes enrollments.csv's rows instead of the roster (null: the roster holds them)
     * @throws IOException when a file cannot be read at all (what it holds is reported as problems instead)
     */
    public static ParsedRoster read(Map<String, CsvReader.Source> files, String idSource, Progress progress,
                                    EnrollmentSink enrollmentSink) throws IOException {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(idSource, "idSource");
        Objects.requireNonNull(progress, "progress");
        List<StaffRow> staff = new ArrayList<>();
        Map<String, Integer> idSources = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, FileMode> modes = modes(files, problems);
        Map<String, Integer> skipped = new LinkedHashMap<>();
        List<OrgRow> orgs = new ArrayList<>();
        List<StudentRow> students = new ArrayList<>();
        List<GuardianRow> guardians = new ArrayList<>();
        List<ClassRow> classes = new ArrayList<>();
        List<EnrollmentRow> enrollments = new ArrayList<>();
        Map<String, Set<String>> named = new HashMap<>();
        Counter counter = new Counter(progress, (int) modes.values().stream().filter(mode -> mode != FileMode.ABSENT).count());
        if (modes.get(ORGS) != FileMode.ABSENT) {
            Table table = Table.read(ORGS, files.get(ORGS), problems, counter, row -> orgs.add(org(row)),
                    "sourcedId", "name", "type");
            named.put(ORGS, table.sourcedIds());
        }
        if (modes.get(USERS) != FileMode.ABSENT) {
            Table table = Table.read(USERS, files.get(USERS), problems, counter, row -> {
                String role = row.lower("role");
                if (role == null) {
                    throw new RowException("role is empty");
                }
                if (role.equals("student")) {
                    countIdSources(row, idSources);
                    students.add(student(row, idSource));
                } else if (GuardianRole.fromOneRoster(role).isPresent()) {
                    guardians.add(guardian(row, GuardianRole.fromOneRoster(role).get()));
                } else if (STAFF_ROLES.contains(role)) {
                    staff.add(staff(row, role));
                } else if (SKIPPED_ROLES.contains(role)) {
                    skipped.merge(USERS, 1, Integer::sum);
                } else {
                    throw new RowException("role '" + role + "' is not a OneRoster 1.1 role");
                }
                return null;
            }, "sourcedId", "role", "givenName", "familyName");
            checkComplete(table, modes, problems);
            named.put(USERS, table.sourcedIds());
        }
        if (modes.get(CLASSES) != FileMode.ABSENT) {
            Table table = Table.read(CLASSES, files.get(CLASSES), problems, counter, row -> classes.add(schoolClass(row)),
                    "sourcedId", "title", "schoolSourcedId");
            checkComplete(table, modes, problems);
            named.put(CLASSES, table.sourcedIds());
        }
        if (modes.get(ENROLLMENTS) != FileMode.ABSENT && enrollmentSink != null) {
            Table table = Table.read(ENROLLMENTS, files.get(ENROLLMENTS), problems, counter, enrollmentSink, row -> {
                String role = row.lower("role");
                if ("student".equals(role)) {
                    enrollmentSink.usable(enrollment(row));
                } else if (role != null && SKIPPED_ROLES.contains(role)) {
                    enrollmentSink.skipped(row.line(), row.value("sourcedId"));
                } else {
                    throw new RowException(role == null ? "role is empty" : "role '" + role + "' is not a OneRoster 1.1 role");
                }
                return null;
            }, "sourcedId", "classSourcedId", "userSourcedId", "role");
            checkComplete(table, modes, problems);
        } else if (modes.get(ENROLLMENTS) != FileMode.ABSENT) {
            Table table = Table.read(ENROLLMENTS, files.get(ENROLLMENTS), problems, counter, row -> {
                String role = row.lower("role");
                if ("student".equals(role)) {
                    enrollments.add(enrollment(row));
                } else if (role != null && SKIPPED_ROLES.contains(role)) {
                    skipped.merge(ENROLLMENTS, 1, Integer::sum);
                } else {
                    throw new RowException(role == null ? "role is empty" : "role '" + role + "' is not a OneRoster 1.1 role");
                }
                return null;
            }, "sourcedId", "classSourcedId", "userSourcedId", "role");
            checkComplete(table, modes, problems);
            named.put(ENROLLMENTS, table.sourcedIds());
        }
        counter.done();
        return new ParsedRoster(modes, orgs, students, guardians, classes, enrollments, skipped, named, problems,
                staff, idSources, counter.rows, enrollmentSink != null && modes.get(ENROLLMENTS) != FileMode.ABSENT);
    }

    /**
     * A bulk file deactivates what it does not name; one that was not read to its end (no header, a
     * missing column, an unclosed quote) would deactivate everything after the break, so it counts as
     * a delta.
     */
    private static void checkComplete(Table table, Map<String, FileMode> modes, List<ImportProblem> problems) {
        if (!table.complete() && modes.get(table.file) == FileMode.BULK) {
            modes.put(table.file, FileMode.DELTA);
            problems.add(new ImportProblem(table.file, 0,
                    "not read completely, so applied as a delta: nothing was deactivated for being absent"));
        }
    }

    private static Map<String, FileMode> modes(Map<String, CsvReader.Source> files, List<ImportProblem> problems)
            throws IOException {
        Map<String, String> manifest = new HashMap<>();
        if (files.containsKey(MANIFEST)) {
            Table.read(MANIFEST, files.get(MANIFEST), problems, null,
                    row -> manifest.put(row.required("propertyName"), row.lower("value")), "propertyName", "value");
            String version = manifest.get("oneroster.version");
            if (version != null && !version.startsWith("1.")) {
                problems.add(new ImportProblem(MANIFEST, 0, "oneroster.version is " + version
                        + "; read as OneRoster 1.1, check the result"));
            }
        } else {
            problems.add(new ImportProblem(MANIFEST, 0,
                    "missing; every file was read as a delta, so nothing was deactivated for being absent"));
        }
        Map<String, FileMode> modes = new HashMap<>();
        for (String file : FILES) {
            String key = "file." + file.substring(0, file.length() - ".csv".length());
            String declared = manifest.get(key);
            boolean present = files.containsKey(file);
            FileMode mode;
            if (declared == null) {
                mode = present ? FileMode.DELTA : FileMode.ABSENT;
            } else {
                mode = switch (declared) {
                    case "bulk" -> FileMode.BULK;
                    case "delta" -> FileMode.DELTA;
                    case "absent" -> FileMode.ABSENT;
                    default -> {
                        problems.add(new ImportProblem(MANIFEST, 0, key + " is '" + declared
                                + "', not bulk, delta or absent; the file was read as a delta"));
                        yield present ? FileMode.DELTA : FileMode.ABSENT;
                    }
                };
            }
            if (mode != FileMode.ABSENT && !present) {
                problems.add(new ImportProblem(file, 0, "the manifest lists it as " + declared + " but it is missing"));
                mode = FileMode.ABSENT;
            } else if (mode == FileMode.ABSENT && present) {
                problems.add(new ImportProblem(file, 0, "the manifest says absent; the file was ignored"));
            }
            modes.put(file, mode);
        }
        return modes;
    }

    private static OrgRow org(Table.Row row) {
        String identifier = row.value("identifier");
        OrgRow org = new OrgRow(row.required("sourcedId"), row.toBeDeleted(), row.line(), row.required("name"),
                row.lower("type"), identifier);
        String code = org.code();
        if (code.length() > OrgUnit.CODE_MAX || !code.matches("[A-Za-z0-9_-]+")) {
            throw new RowException((identifier != null ? "identifier" : "sourcedId") + " '" + code
                    + "' cannot be a school code (at most " + OrgUnit.CODE_MAX + " letters, digits, '-' or '_')");
        }
        row.maxLength("name", OrgUnit.NAME_MAX);
        return org;
    }

    /** How many student rows each possible id source fills: the preview tells the District which to choose. */
    private static void countIdSources(Table.Row row, Map<String, Integer> idSources) {
        if (row.value("identifier") != null) {
            idSources.merge(RosterSettings.IDENTIFIER, 1, Integer::sum);
        }
        if (row.value("sourcedId") != null) {
            idSources.merge(RosterSettings.SOURCED_ID, 1, Integer::sum);
        }
        userIds(row).keySet().forEach(type -> idSources.merge(type, 1, Integer::sum));
    }

    /** userIds: "{Local:863},{FED:1234}" (OneRoster 1.1), by type in the file's case; the first of a type wins. */
    static Map<String, String> userIds(Table.Row row) {
        Map<String, String> ids = new LinkedHashMap<>();
        String value = row.value("userIds");
        if (value != null) {
            Matcher matcher = USER_ID.matcher(value);
            while (matcher.find()) {
                if (!matcher.group(2).isBlank()) {
                    ids.putIfAbsent(matcher.group(1), matcher.group(2).strip());
                }
            }
        }
        return ids;
    }

    private static String districtId(Table.Row row, String idSource) {
        if (idSource.equals(RosterSettings.IDENTIFIER)) {
            return row.value("identifier");
        }
        if (idSource.equals(RosterSettings.SOURCED_ID)) {
            return row.value("sourcedId");
        }
        return userIds(row).entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(idSource))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String idSourceName(String idSource) {
        return idSource.equals(RosterSettings.IDENTIFIER) || idSource.equals(RosterSettings.SOURCED_ID)
                ? idSource : "userIds {" + idSource + ":...}";
    }

    private static StaffRow staff(Table.Row row, String role) {
        String sourcedId = row.required("sourcedId");
        if (row.toBeDeleted()) {
            return new StaffRow(sourcedId, true, row.line(), null, null, null, List.of(), role);
        }
        String email = row.value("email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new RowException("email '" + email + "' is not an email address");
        }
        String given = row.required("givenName");
        String family = row.required("familyName");
        if (given.length() + family.length() + 1 > StaffUser.NAME_MAX) {
            throw new RowException("givenName and familyName are longer than " + StaffUser.NAME_MAX + " characters together");
        }
        row.maxLength("email", StaffUser.EMAIL_MAX);
        return new StaffRow(sourcedId, false, row.line(), given, family,
                email == null ? null : email.toLowerCase(Locale.ROOT), row.list("orgSourcedIds"), role);
    }

    private static StudentRow student(Table.Row row, String idSource) {
        String sourcedId = row.required("sourcedId");
        boolean toBeDeleted = row.toBeDeleted();
        if (toBeDeleted) {
            // a deletion needs nothing but the id: SIS exports often blank the rest
            return new StudentRow(sourcedId, true, row.line(), null, null, null, List.of(), null, List.of());
        }
        row.maxLength("sourcedId", Student.SOURCED_ID_MAX);
        String districtId = districtId(row, idSource);
        if (districtId == null) {
            throw new RowException(idSourceName(idSource) + " (the District student id, ROSTER_STUDENT_ID_SOURCE) is empty");
        }
        if (districtId.length() > Student.DISTRICT_ID_MAX) {
            throw new RowException(idSourceName(idSource) + " is longer than " + Student.DISTRICT_ID_MAX + " characters");
        }
        row.maxLength("givenName", Student.NAME_MAX);
        row.maxLength("familyName", Student.NAME_MAX);
        List<String> orgs = row.list("orgSourcedIds");
        if (orgs.isEmpty()) {
            throw new RowException("orgSourcedIds is empty: the student's school is needed");
        }
        List<String> grades = row.list("grades");
        String grade = grades.isEmpty() ? null : grades.get(0);
        if (grade != null && grade.length() > Student.GRADE_MAX) {
            throw new RowException("grades '" + grade + "' is longer than " + Student.GRADE_MAX + " characters");
        }
        return new StudentRow(sourcedId, false, row.line(), districtId, row.required("givenName"),
                row.required("familyName"), orgs, grade, row.list("agentSourcedIds"));
    }

    private static GuardianRow guardian(Table.Row row, GuardianRole role) {
        String sourcedId = row.required("sourcedId");
        if (row.toBeDeleted()) {
            return new GuardianRow(sourcedId, true, row.line(), null, null, null, null, role, List.of());
        }
        row.maxLength("sourcedId", Guardian.SOURCED_ID_MAX);
        row.maxLength("givenName", Guardian.NAME_MAX);
        row.maxLength("familyName", Guardian.NAME_MAX);
        row.maxLength("email", Guardian.EMAIL_MAX);
        String email = row.value("email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new RowException("email '" + email + "' is not an email address");
        }
        // stored lower case (Guardian does so): compared as such, "Kim@Example.org" re-imported is no change
        email = email == null ? null : email.toLowerCase(Locale.ROOT);
        String phone = row.value("phone") != null ? row.value("phone") : row.value("sms");
        if (phone != null && phone.length() > Guardian.PHONE_MAX) {
            throw new RowException("phone '" + phone + "' is longer than " + Guardian.PHONE_MAX + " characters");
        }
        return new GuardianRow(sourcedId, false, row.line(), row.required("givenName"), row.required("familyName"),
                email, phone, role, row.list("agentSourcedIds"));
    }

    private static ClassRow schoolClass(Table.Row row) {
        String sourcedId = row.required("sourcedId");
        if (row.toBeDeleted()) {
            return new ClassRow(sourcedId, true, row.line(), null, null, null);
        }
        row.maxLength("sourcedId", SchoolClass.SOURCED_ID_MAX);
        row.maxLength("title", SchoolClass.TITLE_MAX);
        row.maxLength("classCode", SchoolClass.CODE_MAX);
        return new ClassRow(sourcedId, false, row.line(), row.required("title"), row.value("classCode"),
                row.required("schoolSourcedId"));
    }

    private static EnrollmentRow enrollment(Table.Row row) {
        String sourcedId = row.required("sourcedId");
        // refused here, on the row, rather than by the column's length when the write reaches it (which failed the run)
        row.maxLength("sourcedId", Enrollment.SOURCED_ID_MAX);
        if (row.toBeDeleted()) {
            return new EnrollmentRow(sourcedId, true, row.line(), null, null, null, null);
        }
        LocalDate begin = row.date("beginDate");
        LocalDate end = row.date("endDate");
        if (begin != null && end != null && end.isBefore(begin)) {
            throw new RowException("endDate " + end + " is before beginDate " + begin);
        }
        String classSourcedId = row.required("classSourcedId");
        String userSourcedId = row.required("userSourcedId");
        row.maxLength("classSourcedId", SchoolClass.SOURCED_ID_MAX);
        row.maxLength("userSourcedId", Student.SOURCED_ID_MAX);
        return new EnrollmentRow(sourcedId, false, row.line(), classSourcedId, userSourcedId, begin, end);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** A row that cannot be used; its message becomes the problem's reason. */
    static final class RowException extends RuntimeException {
        RowException(String message) {
            super(message, null, false, false);
        }
    }

    /** Data rows read so far in all files, told to the {@link Progress} now and then. */
    private static final class Counter {
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
            if (++rows % PROGRESS_ROWS == 0) {
                progress.reading(file, filesRead, filesTotal, rows);
            }
        }

        void end() {
            filesRead++;
        }

        void done() {
            progress.reading(null, filesRead, filesTotal, rows);
        }
    }

    /** One CSV file with a header, read a record at a time: finds columns by name and reports unusable rows. */
    static final class Table {

        private final String file;
        private final Map<String, Integer> columns = new HashMap<>();
        private final List<ImportProblem> problems;
        /** Each sourcedId read and the line it was first on: the duplicates' check, and what the file names. */
        private final Map<String, Integer> seen = new HashMap<>();
        /** Takes every row instead of {@link #seen} and {@link #problems}: a staged file (null: held). */
        private final EnrollmentSink sink;
        private boolean complete;
        private boolean header = true;

        private Table(String file, List<ImportProblem> problems, EnrollmentSink sink) {
            this.file = file;
            this.problems = problems;
            this.sink = sink;
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
        static Table read(String file, CsvReader.Source source, List<ImportProblem> problems, Counter counter,
                          Function<Row, ?> reader, String... required) throws IOException {
            return read(file, source, problems, counter, null, reader, required);
        }

        /** @param sink takes each row, usable or refused (null: the rows' problems and sourcedIds are kept here) */
        static Table read(String file, CsvReader.Source source, List<ImportProblem> problems, Counter counter,
                          EnrollmentSink sink, Function<Row, ?> reader, String... required) throws IOException {
            Table table = new Table(file, problems, sink);
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
    }
}
