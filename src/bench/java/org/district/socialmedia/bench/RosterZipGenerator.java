package org.district.socialmedia.bench;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a OneRoster 1.1 CSV export of a whole District as one zip (issue 19, item 5): at {@code gen.scale=1.0}
 * 900 schools, 1,100,000 students, 2,000,000 guardians, 150,000 staff (teachers, administrators, aides),
 * 40,000 classes and 8,000,000 enrollments; every count times the scale otherwise (0.01: the quick sample).
 * Rows are written as they are made, straight into the zip: nothing is held in memory.
 * <p>
 * Every row is a function of the seed and its number; sourcedIds are GUIDs, status and dateLastModified are
 * filled, as real exports do (so the files are as large as a real District's: enrollments.csv about 1.7 GB).
 * Student N has the District id {@code 200000+N}, as in {@link DistrictDataGenerator}'s database; some names
 * are outside ASCII (the import must read UTF-8). Each class has one teacher; the students' enrollments are
 * spread over the classes of their school. The manifest says bulk for the four files and absent for the others.
 * With {@code gen.delta=0.01} it writes instead the delta export of 1% of that District: every 100th row of
 * users.csv (students, guardians, staff), classes.csv and enrollments.csv, each with a value changed (family name,
 * title, end date), and orgs.csv whole; the manifest says delta.
 * <pre>
 * ./mvnw -Pgenerate-roster verify -Dgen.scale=1.0 -Dgen.zip=/srv/oneroster-district.zip
 * ./mvnw -Pgenerate-roster verify -Dgen.scale=1.0 -Dgen.delta=0.01 -Dgen.zip=/srv/oneroster-district-delta.zip
 * </pre>
 */
public final class RosterZipGenerator {

    static final String[] GIVEN = {"Maria", "James", "Aiko", "Helen", "Robert", "Patricia", "Thomas", "Daniel",
            "Fatima", "Grace", "Zoë", "José", "Chloé", "Søren", "Nguyễn", "Mónica", "Liam", "Ava", "Noah", "Mia"};
    static final String[] FAMILY = {"Lopez", "Carter", "Tanaka", "Brooks", "Chen", "Gomez", "Nguyen", "Kim",
            "Hassan", "Okafor", "Müller", "Peña", "O'Brien", "Łukasik", "Dvořák", "García", "Smith", "Park"};
    static final String[] TOPICS = {"Algebra", "Biology", "Chemistry", "English", "History", "Art", "Music",
            "Spanish", "Physics", "Geometry", "Photography", "Health"};
    static final String[] GRADES = {"KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};
    private static final Map<String, String> ASCII = new HashMap<>();
    /** status and dateLastModified of every row. */
    static final String LIVE = ",active,2026-08-15T07:30:00.000Z,";
    static final int ORG = 1;
    static final int STUDENT = 2;
    static final int GUARDIAN = 3;
    static final int STAFF = 4;
    static final int CLASS = 5;
    static final int ENROLLMENT = 6;
    static final int COURSE = 7;
    static final int TERM = 8;
    static final String BEGIN = "2026-08-20";
    static final String END = "2027-06-11";

    /** The counts at a scale; at least a few of each so that a tiny scale still gives a roster. */
    record Counts(long schools, long students, long guardians, long staff, long classes, long enrollments) {

        static Counts at(double scale) {
            long schools = scaled(900, scale, 3);
            long students = scaled(1_100_000, scale, 30);
            long classes = scaled(40_000, scale, schools * 10);
            return new Counts(schools, students, scaled(2_000_000, scale, students), scaled(150_000, scale, 10),
                    classes, scaled(8_000_000, scale, students + classes));
        }

        private static long scaled(long target, double scale, long min) {
            return Math.max(min, Math.round(target * scale));
        }

        long studentEnrollments() {
            return enrollments - classes;
        }
    }

    private final Counts counts;
    private final long seed;
    /** 0 for the whole export; otherwise a delta export of every {@code every}-th row, each with a value changed. */
    private final long every;

    RosterZipGenerator(Counts counts, long seed) {
        this(counts, seed, 0);
    }

    /** @param every 0: the bulk export; n: a delta export of every n-th row of users, classes and enrollments, changed */
    RosterZipGenerator(Counts counts, long seed, long every) {
        this.counts = counts;
        this.seed = seed;
        this.every = every;
    }

    /** Whether row n of a file is in the export. */
    private boolean written(long n) {
        return every == 0 || n % every == 0;
    }

    /** A value as the delta export changes it. */
    private String changed(String value) {
        return every == 0 ? value : value + "-Ames";
    }

    public static void main(String[] args) throws IOException {
        double scale = Double.parseDouble(System.getProperty("gen.scale", "1.0"));
        long seed = Long.getLong("gen.seed", 42);
        Path zip = Path.of(System.getProperty("gen.zip", "target/oneroster-" + scale + ".zip")).toAbsolutePath();
        // gen.delta=0.01: the delta export of 1% of the rows, each changed (a name, a title, an end date)
        double delta = Double.parseDouble(System.getProperty("gen.delta", "0"));
        long started = System.nanoTime();
        Counts counts = Counts.at(scale);
        new RosterZipGenerator(counts, seed, delta <= 0 ? 0 : Math.round(1 / delta)).write(zip);
        System.out.printf(Locale.ROOT, "%s: %,d bytes, %s, in %.1f s%n", zip, Files.size(zip), counts,
                (System.nanoTime() - started) / 1e9);
    }

    /** Writes the zip, replacing a file already there. */
    void write(Path zip) throws IOException {
        if (zip.getParent() != null) {
            Files.createDirectories(zip.getParent());
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
             ZipOutputStream out = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
            entry(out, "manifest.csv", this::manifest);
            entry(out, "orgs.csv", this::orgs);
            entry(out, "users.csv", this::users);
            entry(out, "classes.csv", this::classes);
            entry(out, "enrollments.csv", this::enrollments);
        }
    }

    private interface Rows {
        void write(Writer out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, String name, Rows rows) throws IOException {
        zip.putNextEntry(new ZipEntry("oneroster/" + name));
        // not closed: closing would close the zip
        Writer out = new OutputStreamWriter(new NoClose(zip), StandardCharsets.UTF_8);
        rows.write(out);
        out.flush();
        zip.closeEntry();
    }

    private void manifest(Writer out) throws IOException {
        String mode = every == 0 ? "bulk" : "delta";
        out.write("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
                + "file.academicSessions,absent\r\nfile.categories,absent\r\nfile.classes," + mode + "\r\n"
                + "file.classResources,absent\r\nfile.courses,absent\r\nfile.courseResources,absent\r\n"
                + "file.demographics,absent\r\nfile.enrollments," + mode + "\r\nfile.lineItems,absent\r\nfile.orgs," + mode + "\r\n"
                + "file.resources,absent\r\nfile.results,absent\r\nfile.users," + mode + "\r\n"
                + "source.systemName,RosterZipGenerator\r\nsource.systemCode,bench\r\n");
    }

    private void orgs(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n");
        String district = id(ORG, 0);
        out.write(district + LIVE + "Example Unified School District,district,DO,\r\n");
        for (long k = 0; k < counts.schools; k++) {
            String kind = k % 3 == 0 ? "High" : k % 3 == 1 ? "Middle" : "Elementary";
            out.write(id(ORG, k + 1) + LIVE + FAMILY[(int) (k % FAMILY.length)] + " " + (k + 1) + " " + kind
                    + " School,school,S" + (k + 1) + "," + district + "\r\n");
        }
    }

    private void users(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\r\n");
        StringBuilder row = new StringBuilder(320);
        for (long j = 0; j < counts.students; j++) {
            if (!written(j)) {
                continue;
            }
            SplittableRandom r = dice(STUDENT, j);
            long school = schoolOfStudent(j);
            row.setLength(0);
            row.append(id(STUDENT, j)).append(LIVE).append("true,").append(id(ORG, school + 1)).append(",student,s")
                    .append(j + 1).append(",{Local:").append(200_000 + j).append("},").append(pick(r, GIVEN)).append(',')
                    .append(changed(pick(r, FAMILY))).append(",,").append(200_000 + j).append(",,,,");
            long first = firstGuardian(j);
            long last = firstGuardian(j + 1);
            if (last - first > 1) {
                row.append('"');
            }
            for (long g = first; g < last; g++) {
                row.append(g > first ? "," : "").append(id(GUARDIAN, g));
            }
            if (last - first > 1) {
                row.append('"');
            }
            long inSchool = j - firstStudent(school);
            long size = firstStudent(school + 1) - firstStudent(school);
            row.append(',').append(GRADES[(int) (inSchool * GRADES.length / size)]).append(",\r\n");
            out.append(row);
        }
        for (long g = 0; g < counts.guardians; g++) {
            if (!written(g)) {
                continue;
            }
            SplittableRandom r = dice(GUARDIAN, g);
            long student = studentOfGuardian(g);
            String given = pick(r, GIVEN);
            String family = pick(r, FAMILY);
            String role = g == firstGuardian(student) || r.nextInt(100) < 80 ? "parent" : r.nextBoolean() ? "guardian" : "relative";
            row.setLength(0);
            row.append(id(GUARDIAN, g)).append(LIVE).append("true,").append(id(ORG, schoolOfStudent(student) + 1)).append(',')
                    .append(role).append(",g").append(g + 1).append(",,").append(given).append(',').append(changed(family))
                    .append(",,,").append(ascii(given)).append('.').append(ascii(family)).append(g + 1)
                    .append("@example.net,,+1-555-").append(String.format(Locale.ROOT, "%07d", g % 10_000_000))
                    .append(',').append(id(STUDENT, student)).append(",,\r\n");
            out.append(row);
        }
        for (long e = 0; e < counts.staff; e++) {
            if (!written(e)) {
                continue;
            }
            SplittableRandom r = dice(STAFF, e);
            String given = pick(r, GIVEN);
            String family = pick(r, FAMILY);
            int roll = r.nextInt(100);
            String role = roll < 80 ? "teacher" : roll < 85 ? "administrator" : "aide";
            row.setLength(0);
            row.append(id(STAFF, e)).append(LIVE).append("true,").append(id(ORG, e % counts.schools + 1)).append(',')
                    .append(role).append(",t").append(e + 1).append(",{Employee:E").append(e + 1).append("},").append(given)
                    .append(',').append(changed(family)).append(",,E").append(e + 1).append(',').append(ascii(given)).append('.')
                    .append(ascii(family)).append(e + 1).append("@district.example.org,,,,,\r\n");
            out.append(row);
        }
    }

    private void classes(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,title,classType,grades,classCode,courseSourcedId,periods,"
                + "schoolSourcedId,termSourcedIds,subjects,subjectCodes\r\n");
        String term = id(TERM, 2026);
        for (long c = 0; c < counts.classes; c++) {
            if (!written(c)) {
                continue;
            }
            String topic = TOPICS[(int) (c % TOPICS.length)];
            long school = schoolOfClass(c);
            out.write(id(CLASS, c) + LIVE + "\"" + topic + ", Period " + changed(String.valueOf(c % 7 + 1)) + "\",scheduled,,C" + (c + 1)
                    + "," + id(COURSE, c % TOPICS.length) + "," + (c % 7 + 1) + "," + id(ORG, school + 1) + "," + term
                    + ",,\r\n");
        }
    }

    private void enrollments(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,"
                + "beginDate,endDate\r\n");
        long n = 0;
        StringBuilder row = new StringBuilder(256);
        for (long c = 0; c < counts.classes; c++) {
            long school = schoolOfClass(c);
            // the class's teacher: a staff member of the same school when there is one
            long teacher = (c * counts.staff / counts.classes) / counts.schools * counts.schools + school;
            if (teacher >= counts.staff) {
                teacher = school % counts.staff;
            }
            row.setLength(0);
            if (!written(n)) {
                n++;
                continue;
            }
            row.append(id(ENROLLMENT, n++)).append(LIVE).append(id(CLASS, c)).append(',').append(id(ORG, school + 1))
                    .append(',').append(id(STAFF, teacher)).append(",teacher,true,").append(BEGIN).append(',').append(end())
                    .append("\r\n");
            out.append(row);
        }
        for (long j = 0; j < counts.students; j++) {
            long school = schoolOfStudent(j);
            long firstClass = firstClass(school);
            long classesInSchool = firstClass(school + 1) - firstClass;
            long mine = firstEnrollment(j + 1) - firstEnrollment(j);
            long start = dice(ENROLLMENT, j).nextLong(classesInSchool);
            String student = id(STUDENT, j);
            String org = id(ORG, school + 1);
            for (long k = 0; k < mine; k++) {
                long c = firstClass + (start + k) % classesInSchool;
                if (!written(n)) {
                    n++;
                    continue;
                }
                row.setLength(0);
                row.append(id(ENROLLMENT, n++)).append(LIVE).append(id(CLASS, c)).append(',').append(org).append(',')
                        .append(student).append(",student,false,").append(BEGIN).append(',').append(end()).append("\r\n");
                out.append(row);
            }
        }
    }

    /** The enrollments' end date; a week later in the delta export. */
    private String end() {
        return every == 0 ? END : "2027-06-18";
    }

    /**
     * A sourcedId as most SIS exports give them: a GUID, here a function of the seed, the kind of row and its
     * number, so that a file refers to another's rows without reading it.
     */
    String id(int kind, long n) {
        SplittableRandom r = new SplittableRandom(seed * 31 + kind * 0x9E3779B97F4A7C15L ^ n * 0xBF58476D1CE4E5B9L);
        long high = r.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x0000000000004000L;
        long low = r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    long firstStudent(long school) {
        return school * counts.students / counts.schools;
    }

    long schoolOfStudent(long j) {
        return ((j + 1) * counts.schools - 1) / counts.students;
    }

    long firstClass(long school) {
        return school * counts.classes / counts.schools;
    }

    long schoolOfClass(long c) {
        return ((c + 1) * counts.schools - 1) / counts.classes;
    }

    long firstGuardian(long j) {
        // the smallest g with studentOfGuardian(g) >= j: guardians are spread evenly, every student has one
        return (j * counts.guardians + counts.students - 1) / counts.students;
    }

    long studentOfGuardian(long g) {
        return g * counts.students / counts.guardians;
    }

    long firstEnrollment(long j) {
        return j * counts.studentEnrollments() / counts.students;
    }

    private SplittableRandom dice(int kind, long n) {
        return new SplittableRandom(seed * 1_000_003L + kind * 0x632BE59BD9B4E019L + n);
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** An email's local part: the name's letters without their accents. */
    private static String ascii(String name) {
        return ASCII.computeIfAbsent(name, n -> Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT));
    }

    /** The zip entry's stream, not closed by the writer over it. */
    private static final class NoClose extends FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
