package org.district.socialmedia.students.control;

import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.students.control.RosterChanges.Changes;
import org.district.socialmedia.students.control.RosterChanges.NewUnit;
import org.district.socialmedia.students.control.RosterSnapshot.ClassData;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.control.StaffReconciler.StaffChanges;
import org.district.socialmedia.students.control.StaffReconciler.StaffData;
import org.district.socialmedia.students.entity.GuardianRole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A write's changes as rows of {@code import_change}, one a record, in the order {@link RosterWriter} applies
 * them (new schools, guardians, students, classes, enrollments, then students' guardians, then deactivations,
 * then staff), and back: any run of consecutive rows decodes to the part of the changes it holds, which the
 * writer applies as it would the whole. Pure, so that a chunk's rows are the same after a restart.
 */
public final class RosterChangeRows {

    /** One change: seq orders them, ref is the record's key (a sourcedId, a school code, a staff user id). */
    public record RosterChange(long seq, String kind, String op, String ref, String payload) {
    }

    /** What a run of rows changes. */
    public record Part(RosterChanges changes, StaffChanges staff) {
    }

    static final String UNIT = "UNIT";
    static final String GUARDIAN = "GUARDIAN";
    static final String STUDENT = "STUDENT";
    static final String CLASS = "CLASS";
    static final String ENROLLMENT = "ENROLLMENT";
    static final String LINK = "LINK";
    static final String STAFF = "STAFF";
    static final String CREATE = "CREATE";
    static final String UPDATE = "UPDATE";
    static final String DEACTIVATE = "DEACTIVATE";
    static final String SET = "SET";

    // control characters a CSV value does not hold; not NUL, which PostgreSQL refuses in text
    static final String SEPARATOR = "\u001F";
    static final String NULL = "\u0001";

    private RosterChangeRows() {
    }

    /**
     * Seq numbers left free in the order for changes stored set-wise (the staged enrollments'): {@code writes} for
     * their updates and creates, {@code deactivations} for their deactivations.
     */
    public record Reserved(long writes, long deactivations, long userWrites, long links, long userDeactivations) {
        public static final Reserved NONE = new Reserved(0, 0);

        /** For the staged enrollments only. */
        public Reserved(long writes, long deactivations) {
            this(writes, deactivations, 0, 0, 0);
        }
    }

    /**
     * Where the reserved seq numbers start: the staged enrollments' ({@code writes}, {@code deactivations}), the
     * staged users' guardian and student updates and creates, links, and student and guardian deactivations.
     */
    public record ReservedAt(long writes, long deactivations, long userWrites, long links, long userDeactivations) {
    }

    /** Every change in apply order, numbered from 0. */
    public static void forEach(RosterChanges changes, StaffChanges staff, Consumer<RosterChange> each) {
        forEach(changes, staff, each, Reserved.NONE);
    }

    /** Every change in apply order, numbered from 0, with seq numbers left free for those stored set-wise. */
    public static ReservedAt forEach(RosterChanges changes, StaffChanges staff, Consumer<RosterChange> each,
                                     Reserved reserved) {
        Sequence out = new Sequence(each);
        changes.unitsToCreate().forEach(u -> out.add(UNIT, CREATE, u.code(), u.name()));
        // staged users are not in the changes: theirs, in the same order, take the places left free
        long userWritesAt = out.skip(reserved.userWrites());
        Changes<GuardianData> guardians = changes.guardians();
        guardians.updated().forEach((id, d) -> out.add(GUARDIAN, UPDATE, id, guardian(d)));
        guardians.created().forEach((id, d) -> out.add(GUARDIAN, CREATE, id, guardian(d)));
        Changes<StudentData> students = changes.students();
        students.updated().forEach((id, d) -> out.add(STUDENT, UPDATE, id, student(d)));
        students.created().forEach((id, d) -> out.add(STUDENT, CREATE, id, student(d)));
        Changes<ClassData> classes = changes.classes();
        classes.updated().forEach((id, d) -> out.add(CLASS, UPDATE, id, join(d.title(), d.classCode(), d.schoolCode())));
        classes.created().forEach((id, d) -> out.add(CLASS, CREATE, id, join(d.title(), d.classCode(), d.schoolCode())));
        long writesAt = out.skip(reserved.writes());
        Changes<EnrollmentData> enrollments = changes.enrollments();
        enrollments.updated().forEach((id, d) -> out.add(ENROLLMENT, UPDATE, id, enrollment(d)));
        enrollments.created().forEach((id, d) -> out.add(ENROLLMENT, CREATE, id, enrollment(d)));
        changes.links().forEach((student, adults) -> out.add(LINK, SET, student,
                adults.isEmpty() ? null : join(adults.stream().sorted().toArray(String[]::new))));
        long linksAt = out.skip(reserved.links());
        // the writer's deactivation order: enrollments before their classes and students
        long deactivationsAt = out.skip(reserved.deactivations());
        enrollments.deactivated().forEach(id -> out.add(ENROLLMENT, DEACTIVATE, id, null));
        classes.deactivated().forEach(id -> out.add(CLASS, DEACTIVATE, id, null));
        long userDeactivationsAt = out.skip(reserved.userDeactivations());
        students.deactivated().forEach(id -> out.add(STUDENT, DEACTIVATE, id, null));
        guardians.deactivated().forEach(id -> out.add(GUARDIAN, DEACTIVATE, id, null));
        staff.created().forEach((id, d) -> out.add(STAFF, CREATE, id, staff(d)));
        staff.updated().forEach((id, d) -> out.add(STAFF, UPDATE, String.valueOf(id), staff(d)));
        staff.deactivated().forEach(id -> out.add(STAFF, DEACTIVATE, String.valueOf(id), null));
        return new ReservedAt(writesAt, deactivationsAt, userWritesAt, linksAt, userDeactivationsAt);
    }

    /** The changes a run of consecutive rows holds (in seq order). */
    public static Part part(List<RosterChange> rows) {
        List<NewUnit> units = new ArrayList<>();
        Bucket<GuardianData> guardians = new Bucket<>();
        Bucket<StudentData> students = new Bucket<>();
        Bucket<ClassData> classes = new Bucket<>();
        Bucket<EnrollmentData> enrollments = new Bucket<>();
        Map<String, Set<String>> links = new TreeMap<>();
        Map<String, StaffData> staffCreated = new LinkedHashMap<>();
        Map<Long, StaffData> staffUpdated = new LinkedHashMap<>();
        Set<Long> staffDeactivated = new LinkedHashSet<>();
        for (RosterChange row : rows) {
            String[] f = split(row.payload());
            switch (row.kind()) {
                case UNIT -> units.add(new NewUnit(row.ref(), f[0]));
                case GUARDIAN -> guardians.add(row, () -> new GuardianData(f[0], f[1], f[2], f[3],
                        f[4] == null ? null : GuardianRole.valueOf(f[4])));
                case STUDENT -> students.add(row, () -> new StudentData(f[0], f[1], f[2], f[3], f[4]));
                case CLASS -> classes.add(row, () -> new ClassData(f[0], f[1], f[2]));
                case ENROLLMENT -> enrollments.add(row, () -> new EnrollmentData(f[0], f[1], date(f[2]), date(f[3])));
                case LINK -> links.put(row.ref(), f.length == 1 && f[0] == null ? Set.of()
                        : new HashSet<>(Arrays.asList(f)));
                case STAFF -> {
                    switch (row.op()) {
                        case CREATE -> staffCreated.put(row.ref(), staffData(f));
                        case UPDATE -> staffUpdated.put(Long.valueOf(row.ref()), staffData(f));
                        default -> staffDeactivated.add(Long.valueOf(row.ref()));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown change " + row.kind() + " " + row.op() + " at seq " + row.seq());
            }
        }
        RosterChanges changes = new RosterChanges(units, students.changes(), guardians.changes(), classes.changes(),
                enrollments.changes(), links, List.of());
        return new Part(changes, new StaffChanges(staffCreated, staffUpdated, staffDeactivated, 0, List.of()));
    }

    static String guardian(GuardianData d) {
        return join(d.givenName(), d.familyName(), d.email(), d.phone(), d.role() == null ? null : d.role().name());
    }

    static String student(StudentData d) {
        return join(d.districtId(), d.givenName(), d.familyName(), d.schoolCode(), d.grade());
    }

    static String enrollment(EnrollmentData d) {
        return join(d.classSourcedId(), d.studentSourcedId(), d.beginDate() == null ? null : d.beginDate().toString(),
                d.endDate() == null ? null : d.endDate().toString());
    }

    private static String staff(StaffData d) {
        return join(d.sourcedId(), d.fullName(), d.email(), d.unitCode(),
                d.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
    }

    private static StaffData staffData(String[] f) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (f[4] != null && !f[4].isEmpty()) {
            Arrays.stream(f[4].split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return new StaffData(f[0], f[1], f[2], f[3], roles);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    static String join(String... fields) {
        return Arrays.stream(fields).map(f -> f == null ? NULL : f).collect(Collectors.joining(SEPARATOR));
    }

    static String[] split(String payload) {
        if (payload == null) {
            return new String[]{null};
        }
        String[] fields = payload.split(SEPARATOR, -1);
        for (int i = 0; i < fields.length; i++) {
            if (NULL.equals(fields[i])) {
                fields[i] = null;
            }
        }
        return fields;
    }

    private static final class Sequence {
        private final Consumer<RosterChange> each;
        private long next;

        Sequence(Consumer<RosterChange> each) {
            this.each = each;
        }

        void add(String kind, String op, String ref, String payload) {
            each.accept(new RosterChange(next++, kind, op, ref, payload));
        }

        /** Leaves {@code count} seq numbers free; the first of them. */
        long skip(long count) {
            long first = next;
            next += count;
            return first;
        }
    }

    /** One kind's created, updated and deactivated records of a run of rows. */
    private static final class Bucket<T> {
        private final Map<String, T> created = new LinkedHashMap<>();
        private final Map<String, T> updated = new LinkedHashMap<>();
        private final Set<String> deactivated = new LinkedHashSet<>();

        void add(RosterChange row, Supplier<T> data) {
            switch (row.op()) {
                case CREATE -> created.put(row.ref(), data.get());
                case UPDATE -> updated.put(row.ref(), data.get());
                default -> deactivated.add(row.ref());
            }
        }

        Changes<T> changes() {
            return new Changes<>(created, updated, deactivated, 0);
        }
    }
}
