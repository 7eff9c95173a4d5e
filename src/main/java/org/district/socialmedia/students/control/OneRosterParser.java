package org.district.socialmedia.students.control;

import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterRows.ClassRow;
import org.district.socialmedia.students.control.RosterRows.EnrollmentRow;
import org.district.socialmedia.students.control.RosterRows.GuardianRow;
import org.district.socialmedia.students.control.RosterRows.OrgRow;
import org.district.socialmedia.students.control.RosterRows.StaffRow;
import org.district.socialmedia.students.control.RosterRows.StudentRow;
import org.district.socialmedia.students.entity.GuardianRole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    public interface EnrollmentSink extends RefusedRows {
        void usable(EnrollmentRow row);

        /** @param sourcedId null when the row has none */
        void skipped(int line, String sourcedId);
    }

    /** Takes a staged file's refused rows: the file's table then keeps neither their problems nor its sourcedIds. */
    public interface RefusedRows {
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
        return parseFolder(folder, idSource, progress, enrollments, null);
    }

    /**
     * Reads the files of a folder a record at a time, telling {@code progress} how far it is.
     *
     * @param enrollments takes enrollments.csv's rows instead of the roster (null: the roster holds them)
     * @param users       takes users.csv's rows instead of the roster's students and guardians (null: held)
     */
    public static ParsedRoster parseFolder(Path folder, String idSource, Progress progress, EnrollmentSink enrollments,
                                           UserSink users) throws IOException {
        Map<String, CsvReader.Source> files = new HashMap<>();
        for (String name : concat(MANIFEST, FILES)) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, () -> Files.newInputStream(file));
            }
        }
        return read(files, idSource, progress, enrollments, users);
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
        return read(files, idSource, progress, enrollmentSink, null);
    }

    /**
     * @param files          files by lower-case name, each read a record at a time
     * @param enrollmentSink takes enrollments.csv's rows instead of the roster (null: the roster holds them)
     * @param userSink       takes users.csv's rows instead of the roster's students and guardians (null: held)
     * @throws IOException when a file cannot be read at all (what it holds is reported as problems instead)
     */
    public static ParsedRoster read(Map<String, CsvReader.Source> files, String idSource, Progress progress,
                                    EnrollmentSink enrollmentSink, UserSink userSink) throws IOException {
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
        RosterCsvTable.Counter counter = new RosterCsvTable.Counter(progress, (int) modes.values().stream().filter(mode -> mode != FileMode.ABSENT).count());
        if (modes.get(ORGS) != FileMode.ABSENT) {
            RosterCsvTable table = RosterCsvTable.read(ORGS, files.get(ORGS), problems, counter, row -> orgs.add(OneRosterRowReaders.org(row)),
                    "sourcedId", "name", "type");
            named.put(ORGS, table.sourcedIds());
        }
        boolean usersStaged = userSink != null && modes.get(USERS) != FileMode.ABSENT;
        if (usersStaged) {
            userSink.orgs(orgs);
        }
        if (modes.get(USERS) != FileMode.ABSENT) {
            RosterCsvTable table = RosterCsvTable.read(USERS, files.get(USERS), problems, counter, usersStaged ? userSink : null, row -> {
                String role = row.lower("role");
                if (role == null) {
                    throw new RowException("role is empty");
                }
                if (role.equals("student")) {
                    OneRosterRowReaders.countIdSources(row, idSources);
                    StudentRow student = OneRosterRowReaders.student(row, idSource);
                    if (usersStaged) {
                        userSink.student(student);
                    } else {
                        students.add(student);
                    }
                } else if (GuardianRole.fromOneRoster(role).isPresent()) {
                    GuardianRow guardian = OneRosterRowReaders.guardian(row, GuardianRole.fromOneRoster(role).get());
                    if (usersStaged) {
                        userSink.guardian(guardian);
                    } else {
                        guardians.add(guardian);
                    }
                } else if (STAFF_ROLES.contains(role)) {
                    StaffRow member = OneRosterRowReaders.staff(row, role);
                    staff.add(member);
                    if (usersStaged) {
                        userSink.staff(member);
                    }
                } else if (SKIPPED_ROLES.contains(role)) {
                    skipped.merge(USERS, 1, Integer::sum);
                    if (usersStaged) {
                        userSink.skipped(row.line(), row.value("sourcedId"));
                    }
                } else {
                    throw new RowException("role '" + role + "' is not a OneRoster 1.1 role");
                }
                return null;
            }, "sourcedId", "role", "givenName", "familyName");
            checkComplete(table, modes, problems);
            if (!usersStaged) {
                named.put(USERS, table.sourcedIds());
            }
        }
        if (modes.get(CLASSES) != FileMode.ABSENT) {
            RosterCsvTable table = RosterCsvTable.read(CLASSES, files.get(CLASSES), problems, counter, row -> classes.add(OneRosterRowReaders.schoolClass(row)),
                    "sourcedId", "title", "schoolSourcedId");
            checkComplete(table, modes, problems);
            named.put(CLASSES, table.sourcedIds());
        }
        if (modes.get(ENROLLMENTS) != FileMode.ABSENT && enrollmentSink != null) {
            RosterCsvTable table = RosterCsvTable.read(ENROLLMENTS, files.get(ENROLLMENTS), problems, counter, enrollmentSink, row -> {
                String role = row.lower("role");
                if ("student".equals(role)) {
                    enrollmentSink.usable(OneRosterRowReaders.enrollment(row));
                } else if (role != null && SKIPPED_ROLES.contains(role)) {
                    enrollmentSink.skipped(row.line(), row.value("sourcedId"));
                } else {
                    throw new RowException(role == null ? "role is empty" : "role '" + role + "' is not a OneRoster 1.1 role");
                }
                return null;
            }, "sourcedId", "classSourcedId", "userSourcedId", "role");
            checkComplete(table, modes, problems);
        } else if (modes.get(ENROLLMENTS) != FileMode.ABSENT) {
            RosterCsvTable table = RosterCsvTable.read(ENROLLMENTS, files.get(ENROLLMENTS), problems, counter, row -> {
                String role = row.lower("role");
                if ("student".equals(role)) {
                    enrollments.add(OneRosterRowReaders.enrollment(row));
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
                staff, idSources, counter.rows(), enrollmentSink != null && modes.get(ENROLLMENTS) != FileMode.ABSENT,
                usersStaged);
    }

    /**
     * A bulk file deactivates what it does not name; one that was not read to its end (no header, a
     * missing column, an unclosed quote) would deactivate everything after the break, so it counts as
     * a delta.
     */
    private static void checkComplete(RosterCsvTable table, Map<String, FileMode> modes, List<ImportProblem> problems) {
        if (!table.complete() && modes.get(table.file()) == FileMode.BULK) {
            modes.put(table.file(), FileMode.DELTA);
            problems.add(new ImportProblem(table.file(), 0,
                    "not read completely, so applied as a delta: nothing was deactivated for being absent"));
        }
    }

    private static Map<String, FileMode> modes(Map<String, CsvReader.Source> files, List<ImportProblem> problems)
            throws IOException {
        Map<String, String> manifest = new HashMap<>();
        if (files.containsKey(MANIFEST)) {
            RosterCsvTable.read(MANIFEST, files.get(MANIFEST), problems, null,
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

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
