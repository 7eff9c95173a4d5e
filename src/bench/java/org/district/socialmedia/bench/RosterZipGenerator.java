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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a OneRoster 1.1 CSV export of a whole District as one zip (issue 19, item 5): at {@code gen.scale=1.0}
 * 900 schools, 1,100,000 students, 2,000,000 guardians, 150,000 staff (teachers, administrators, aides),
 * 40,000 classes and 8,000,000 enrollments; every count times the scale otherwise (0.01: the quick sample).
 * Rows are written as they are made, straight into the zip: nothing is held in memory.
 * <p>
 * Every row is a function of the seed and its number. Students are {@code usr-s-N} with the District id
 * {@code 200000+N-1} and their guardians {@code usr-g-M}, as {@link DistrictDataGenerator} names them, with
 * some names outside ASCII (the import must read UTF-8). Each class has one teacher; the students' enrollments
 * are spread over the classes of their school. The manifest says bulk for the four files and absent for
 * the others.
 * <pre>
 * ./mvnw -Pgenerate-roster verify -Dgen.scale=1.0 -Dgen.zip=/srv/oneroster-district.zip
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

    RosterZipGenerator(Counts counts, long seed) {
        this.counts = counts;
        this.seed = seed;
    }

    public static void main(String[] args) throws IOException {
        double scale = Double.parseDouble(System.getProperty("gen.scale", "1.0"));
        long seed = Long.getLong("gen.seed", 42);
        Path zip = Path.of(System.getProperty("gen.zip", "target/oneroster-" + scale + ".zip")).toAbsolutePath();
        long started = System.nanoTime();
        Counts counts = Counts.at(scale);
        new RosterZipGenerator(counts, seed).write(zip);
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
        out.write("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
                + "file.academicSessions,absent\r\nfile.categories,absent\r\nfile.classes,bulk\r\n"
                + "file.classResources,absent\r\nfile.courses,absent\r\nfile.courseResources,absent\r\n"
                + "file.demographics,absent\r\nfile.enrollments,bulk\r\nfile.lineItems,absent\r\nfile.orgs,bulk\r\n"
                + "file.resources,absent\r\nfile.results,absent\r\nfile.users,bulk\r\n"
                + "source.systemName,RosterZipGenerator\r\nsource.systemCode,bench\r\n");
    }

    private void orgs(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n");
        out.write("org-district,,,Example Unified School District,district,DO,\r\n");
        for (long k = 0; k < counts.schools; k++) {
            String kind = k % 3 == 0 ? "High" : k % 3 == 1 ? "Middle" : "Elementary";
            out.write("org-" + (k + 1) + ",,," + FAMILY[(int) (k % FAMILY.length)].replace("'", "") + " " + (k + 1) + " "
                    + kind + " School,school,S" + (k + 1) + ",org-district\r\n");
        }
    }

    private void users(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\r\n");
        StringBuilder row = new StringBuilder(256);
        for (long j = 0; j < counts.students; j++) {
            SplittableRandom r = dice(1, j);
            long school = schoolOfStudent(j);
            row.setLength(0);
            row.append("usr-s-").append(j + 1).append(",,,true,org-").append(school + 1).append(",student,s")
                    .append(j + 1).append(",{Local:").append(200_000 + j).append("},").append(pick(r, GIVEN)).append(',')
                    .append(pick(r, FAMILY)).append(",,").append(200_000 + j).append(",,,,");
            long first = firstGuardian(j);
            long last = firstGuardian(j + 1);
            if (last - first > 1) {
                row.append('"');
            }
            for (long g = first; g < last; g++) {
                row.append(g > first ? "," : "").append("usr-g-").append(g + 1);
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
            SplittableRandom r = dice(2, g);
            long student = studentOfGuardian(g);
            String given = pick(r, GIVEN);
            String family = pick(r, FAMILY);
            String role = g == firstGuardian(student) || r.nextInt(100) < 80 ? "parent" : r.nextBoolean() ? "guardian" : "relative";
            row.setLength(0);
            row.append("usr-g-").append(g + 1).append(",,,true,org-").append(schoolOfStudent(student) + 1).append(',')
                    .append(role).append(",g").append(g + 1).append(",,").append(given).append(',').append(family)
                    .append(",,,").append(ascii(given)).append('.').append(ascii(family)).append(g + 1)
                    .append("@example.net,,+1-555-").append(String.format(Locale.ROOT, "%07d", g % 10_000_000))
                    .append(",usr-s-").append(student + 1).append(",,\r\n");
            out.append(row);
        }
        for (long e = 0; e < counts.staff; e++) {
            SplittableRandom r = dice(3, e);
            String given = pick(r, GIVEN);
            String family = pick(r, FAMILY);
            int roll = r.nextInt(100);
            String role = roll < 80 ? "teacher" : roll < 85 ? "administrator" : "aide";
            row.setLength(0);
            row.append("usr-t-").append(e + 1).append(",,,true,org-").append(e % counts.schools + 1).append(',').append(role)
                    .append(",t").append(e + 1).append(",{Employee:E").append(e + 1).append("},").append(given).append(',')
                    .append(family).append(",,E").append(e + 1).append(',').append(ascii(given)).append('.')
                    .append(ascii(family)).append(e + 1).append("@district.example.org,,,,,\r\n");
            out.append(row);
        }
    }

    private void classes(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,title,classType,grades,classCode,courseSourcedId,periods,"
                + "schoolSourcedId,termSourcedIds,subjects,subjectCodes\r\n");
        for (long c = 0; c < counts.classes; c++) {
            String topic = TOPICS[(int) (c % TOPICS.length)];
            long school = schoolOfClass(c);
            out.write("cls-" + (c + 1) + ",,,\"" + topic + ", Period " + (c % 7 + 1) + "\",scheduled,,C" + (c + 1)
                    + ",crs-" + topic.toLowerCase(Locale.ROOT) + "," + (c % 7 + 1) + ",org-" + (school + 1)
                    + ",term-2026,,\r\n");
        }
    }

    private void enrollments(Writer out) throws IOException {
        out.write("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,"
                + "beginDate,endDate\r\n");
        long n = 0;
        StringBuilder row = new StringBuilder(160);
        for (long c = 0; c < counts.classes; c++) {
            long school = schoolOfClass(c);
            // the class's teacher: a teacher of the same school when there is one
            long teacher = (c * counts.staff / counts.classes) / counts.schools * counts.schools + school;
            if (teacher >= counts.staff) {
                teacher = school % counts.staff;
            }
            n++;
            row.setLength(0);
            row.append("enr-").append(n).append(",,,cls-").append(c + 1).append(",org-").append(school + 1)
                    .append(",usr-t-").append(teacher + 1).append(",teacher,true,").append(BEGIN).append(',').append(END)
                    .append("\r\n");
            out.append(row);
        }
        for (long j = 0; j < counts.students; j++) {
            long school = schoolOfStudent(j);
            long firstClass = firstClass(school);
            long classesInSchool = firstClass(school + 1) - firstClass;
            long mine = firstEnrollment(j + 1) - firstEnrollment(j);
            long start = dice(4, j).nextLong(classesInSchool);
            for (long k = 0; k < mine; k++) {
                long c = firstClass + (start + k) % classesInSchool;
                n++;
                row.setLength(0);
                row.append("enr-").append(n).append(",,,cls-").append(c + 1).append(",org-").append(school + 1)
                        .append(",usr-s-").append(j + 1).append(",student,false,").append(BEGIN).append(',').append(END)
                        .append("\r\n");
                out.append(row);
            }
        }
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

    private SplittableRandom dice(long kind, long n) {
        return new SplittableRandom(seed * 1_000_003L + kind * 0x9E3779B97F4A7C15L + n);
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
