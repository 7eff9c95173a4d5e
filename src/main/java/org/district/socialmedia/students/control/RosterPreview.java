package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.people.entity.StaffOrigin;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.settings.entity.RosterSettings;
import org.district.socialmedia.students.control.ImportLimits.Share;
import org.district.socialmedia.students.control.ParsedRoster.FileMode;
import org.district.socialmedia.students.control.RosterSnapshot.ClassData;
import org.district.socialmedia.students.control.RosterSnapshot.EnrollmentData;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.Stored;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.control.StagedEnrollments.Figures;
import org.district.socialmedia.students.control.StaffReconciler.StaffChanges;
import org.district.socialmedia.students.control.StaffReconciler.StaffSnapshot;
import org.district.socialmedia.students.control.StaffReconciler.StoredStaff;
import org.district.socialmedia.students.entity.GuardianRole;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The dry run of a roster import: reads the part of the stored roster the files concern, lets
 * {@link RosterReconciler} and {@link StaffReconciler} decide, and says what would be created, changed and
 * deactivated, which rows are rejected and whether the safety limits hold. Writes nothing. Its entry
 * points take a zip or a folder, so a batch job can call it as the upload does.
 */
@Stateless
public class RosterPreview {

    /**
     * What an import would do: {@link RosterWriter} applies exactly this.
     *
     * @param problems the problems held: all of them, but for the staged enrollments' refused rows and the staged
     *                 users' problems
     * @param staged   the staged enrollments' figures, null when the roster holds its enrollments
     * @param users    the staged users' figures (students, guardians, links), null when the roster holds them
     */
    public record Plan(ParsedRoster roster, RosterChanges changes, StaffChanges staff, List<ImportProblem> problems,
                       Map<String, Share> shares, int rejectedRows, List<String> limitReasons, ImportReport report,
                       Figures staged, StagedUsers.Figures users) {

        public boolean bulk() {
            return roster.modes().containsValue(FileMode.BULK);
        }

        /** Every problem, the staged enrollments' included. */
        public int problemCount() {
            return problems.size() + (staged == null ? 0 : staged.refused()) + (users == null ? 0 : users.problems());
        }
    }

    // Projections: plain values for the snapshot, no entities (whose eager relations would load too), read into named rows.
    public record UnitRow(String code, Long id) {
    }

    public record StudentRow(String sourcedId, String districtId, String givenName, String familyName, String schoolCode,
                      String grade, Boolean active) {
        Stored<StudentData> stored() {
            return new Stored<>(new StudentData(districtId, givenName, familyName, schoolCode, grade), active);
        }
    }

    public record LinkRow(String studentId, String guardianId) {
    }

    public record GuardianRow(String sourcedId, String givenName, String familyName, String email, String phone,
                       GuardianRole relationship, Boolean active) {
    }

    public record ClassRow(String sourcedId, String title, String classCode, String schoolCode, Boolean active) {
    }

    public record EnrollmentRow(String sourcedId, String classId, String studentId, LocalDate beginDate, LocalDate endDate,
                         Boolean active) {
    }

    static final String UNITS = "SELECT NEW " + UnitRow.class.getName() + "(u.code, u.id) FROM OrgUnit u";
    private static final String STUDENT_ROW = "SELECT NEW " + StudentRow.class.getName()
            + "(s.sourcedId, s.districtId, s.givenName, s.familyName, u.code, s.grade, s.active) FROM Student s JOIN s.school u";
    static final String STUDENTS = STUDENT_ROW + " WHERE s.sourcedId IN :ids";
    // hand-entered students too (sourcedId null): their District ids cannot be taken
    static final String STUDENTS_BY_DISTRICT_ID = STUDENT_ROW + " WHERE s.districtId IN :ids";
    static final String STUDENTS_OF_GUARDIANS = "SELECT DISTINCT s.sourcedId FROM Student s JOIN s.guardians g"
            + " WHERE g.sourcedId IN :ids AND s.sourcedId IS NOT NULL";
    static final String LINKS = "SELECT NEW " + LinkRow.class.getName() + "(s.sourcedId, g.sourcedId) FROM Student s JOIN s.guardians g"
            + " WHERE s.sourcedId IN :ids AND g.sourcedId IS NOT NULL";
    static final String GUARDIANS = "SELECT NEW " + GuardianRow.class.getName() + "(g.sourcedId, g.givenName, g.familyName,"
            + " g.email, g.phone, g.relationship, g.active) FROM Guardian g WHERE g.sourcedId IN :ids";
    static final String CLASSES = "SELECT NEW " + ClassRow.class.getName() + "(c.sourcedId, c.title, c.classCode, u.code, c.active)"
            + " FROM SchoolClass c JOIN c.school u WHERE c.sourcedId IN :ids";
    static final String ENROLLMENTS = "SELECT NEW " + EnrollmentRow.class.getName() + "(e.sourcedId, c.sourcedId, s.sourcedId,"
            + " e.beginDate, e.endDate, e.active) FROM Enrollment e JOIN e.schoolClass c JOIN e.student s WHERE e.sourcedId IN :ids";
    // a bulk file's absence check: inactive records are not deactivated again, so active ids suffice
    static final String ACTIVE_STUDENT_IDS = "SELECT s.sourcedId FROM Student s WHERE s.sourcedId IS NOT NULL AND s.active = TRUE";
    static final String ACTIVE_GUARDIAN_IDS = "SELECT g.sourcedId FROM Guardian g WHERE g.sourcedId IS NOT NULL AND g.active = TRUE";
    static final String ACTIVE_CLASS_IDS = "SELECT c.sourcedId FROM SchoolClass c WHERE c.sourcedId IS NOT NULL AND c.active = TRUE";
    static final String ACTIVE_ENROLLMENT_IDS = "SELECT e.sourcedId FROM Enrollment e WHERE e.sourcedId IS NOT NULL AND e.active = TRUE";

    @PersistenceContext
    EntityManager em;
    @Inject
    EnrollmentStaging staging;
    @Inject
    UserStaging users;

    public Plan previewZip(Path zip, RosterSettings settings, Predicate<String> districtEmail) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            return plan(OneRosterParser.parseZip(in, settings.idSource()), settings, districtEmail);
        }
    }

    public Plan previewFolder(Path folder, RosterSettings settings, Predicate<String> districtEmail) throws IOException {
        return plan(OneRosterParser.parseFolder(folder, settings.idSource()), settings, districtEmail);
    }

    /** Reads only; the caller's transaction (or none) is not written to. */
    public Plan plan(ParsedRoster roster, RosterSettings settings, Predicate<String> districtEmail) {
        if (roster.enrollmentsStaged() || roster.usersStaged()) {
            throw new IllegalArgumentException("staged rows are planned with their run");
        }
        return plan(roster, settings, districtEmail, null);
    }

    /**
     * @param runId the run whose enrollments are staged ({@link ParsedRoster#enrollmentsStaged()}): they are
     *              compared there, and only the staging tables are written to
     */
    public Plan plan(ParsedRoster roster, RosterSettings settings, Predicate<String> districtEmail, Long runId) {
        if (roster.usersStaged() && roster.mode(OneRosterParser.ENROLLMENTS) != FileMode.ABSENT && !roster.enrollmentsStaged()) {
            // held enrollments would be checked against the held students, of which there are none
            throw new IllegalArgumentException("staged users are planned with staged enrollments");
        }
        Map<String, Long> units = unitIds();
        RosterChanges changes = RosterReconciler.reconcile(roster, snapshot(roster, units.keySet()));
        StagedUsers.Figures stagedUsers = roster.usersStaged()
                ? users.compare(runId, roster.mode(OneRosterParser.USERS) == FileMode.BULK) : null;
        StaffChanges staff = roster.staff().isEmpty() && roster.mode(OneRosterParser.USERS) != FileMode.BULK
                ? StaffChanges.none()
                : StaffReconciler.reconcile(roster, staffSnapshot(roster, runId), RosterReconciler.schoolCodes(roster, units.keySet()),
                districtEmail, settings::rolesOf);
        List<ImportProblem> problems = new ArrayList<>(changes.problems());
        problems.addAll(staff.problems());
        problems.sort(Comparator.comparing(ImportProblem::file).thenComparingInt(ImportProblem::line));
        Figures staged = null;
        if (roster.enrollmentsStaged()) {
            staged = staging.compare(runId, roster.mode(OneRosterParser.ENROLLMENTS) == FileMode.BULK,
                    changes.students().created().keySet(), changes.classes().created().keySet());
            roster = roster.withSkipped(OneRosterParser.ENROLLMENTS, staged.skipped());
        }
        ImportReport.Counts students = stagedUsers == null ? ImportReport.Counts.of(changes.students()) : stagedUsers.students();
        ImportReport.Counts guardians = stagedUsers == null ? ImportReport.Counts.of(changes.guardians()) : stagedUsers.guardians();
        Map<String, Share> shares = new LinkedHashMap<>();
        shares.put("students", new Share(students.deactivated(), count(ACTIVE_STUDENTS)));
        shares.put("guardians", new Share(guardians.deactivated(), count(ACTIVE_GUARDIANS)));
        shares.put("staff", new Share(staff.deactivated().size(), count(ACTIVE_STAFF)));
        // the staged rows' lines are not the held problems' (a row is either staged or held)
        int rejected = ImportLimits.rejectedRows(problems) + (staged == null ? 0 : staged.refused())
                + (stagedUsers == null ? 0 : stagedUsers.rejectedRows());
        ImportLimits limits = new ImportLimits(settings.deactivationLimitPercent(), settings.rejectionLimitPercent());
        boolean bulk = roster.modes().containsValue(FileMode.BULK);
        List<String> reasons = limits.reasons(bulk, shares, roster.rows(), rejected);
        ImportReport report = ImportReport.of(roster, changes, staff, problems, students, guardians,
                stagedUsers == null ? changes.links().size() : stagedUsers.links(),
                staged == null ? ImportReport.Counts.of(changes.enrollments()) : staged.counts(),
                (staged == null ? 0 : staged.refused()) + (stagedUsers == null ? 0 : stagedUsers.problems()));
        return new Plan(roster, changes, staff, problems, shares, rejected, reasons, report, staged, stagedUsers);
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    static final String ACTIVE_STUDENTS = "SELECT COUNT(s) FROM Student s WHERE s.active = TRUE";
    static final String ACTIVE_GUARDIANS = "SELECT COUNT(g) FROM Guardian g WHERE g.active = TRUE";
    static final String ACTIVE_STAFF = "SELECT COUNT(s) FROM StaffUser s WHERE s.active = TRUE";
    static final String STAFF_BY_ROSTER_ID = "SELECT s FROM StaffUser s WHERE s.rosterSourcedId IN :ids";
    static final String STAFF_BY_EMAIL = "SELECT s FROM StaffUser s WHERE s.email IN :ids";
    static final String ACTIVE_ROSTER_STAFF = "SELECT s FROM StaffUser s WHERE s.active = TRUE AND s.origin = :origin"
            + " AND s.rosterSourcedId IS NOT NULL";

    /** @param runId the run whose users are staged ({@link ParsedRoster#usersStaged()}), else null */
    private StaffSnapshot staffSnapshot(ParsedRoster roster, Long runId) {
        Set<String> ids = new HashSet<>();
        Set<String> emails = new HashSet<>();
        roster.staff().forEach(row -> {
            ids.add(row.sourcedId());
            if (row.email() != null) {
                emails.add(row.email());
            }
        });
        Map<String, StoredStaff> bySourcedId = new HashMap<>();
        Map<String, StoredStaff> byEmail = new HashMap<>();
        Set<String> activeRoster = new HashSet<>();
        forChunks(ids, chunk -> em.createQuery(STAFF_BY_ROSTER_ID, StaffUser.class).setParameter("ids", chunk)
                .getResultList().forEach(u -> bySourcedId.put(u.getRosterSourcedId(), stored(u))));
        forChunks(emails, chunk -> em.createQuery(STAFF_BY_EMAIL, StaffUser.class).setParameter("ids", chunk)
                .getResultList().forEach(u -> byEmail.put(u.getEmail(), stored(u))));
        if (roster.mode(OneRosterParser.USERS) == FileMode.BULK) {
            // a staged file's sourcedIds are in its stage, not in the roster: only the staff it does not name are
            // its absence check's (the reconciler deactivates those the roster does not name, here all of them)
            Set<String> unnamed = roster.usersStaged() ? users.unnamedRosterStaff(runId) : null;
            em.createQuery(ACTIVE_ROSTER_STAFF, StaffUser.class).setParameter("origin", StaffOrigin.ROSTER).getResultList()
                    .forEach(u -> {
                        if (unnamed == null || unnamed.contains(u.getRosterSourcedId())) {
                            activeRoster.add(u.getRosterSourcedId());
                        }
                        bySourcedId.putIfAbsent(u.getRosterSourcedId(), stored(u));
                    });
        }
        return new StaffSnapshot(bySourcedId, byEmail, activeRoster);
    }

    private static StoredStaff stored(StaffUser u) {
        Set<Role> roles = u.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.getRoles());
        return new StoredStaff(u.getId(), u.getRosterSourcedId(), u.getFullName(), u.getEmail(),
                u.getUnit() == null ? null : u.getUnit().getCode(), roles, u.isActive(), u.getOrigin());
    }


    private RosterSnapshot snapshot(ParsedRoster roster, Set<String> unitCodes) {
        RosterMentions mentions = RosterMentions.of(roster);
        // A student linked to an adult of this file may lose that link: its links are compared, so all
        // of them are loaded, not only those to the file's adults.
        Set<String> studentIds = new HashSet<>(mentions.students());
        Set<String> adultsInFile = new HashSet<>();
        roster.guardians().forEach(row -> adultsInFile.add(row.sourcedId()));
        forChunks(adultsInFile, chunk -> studentIds.addAll(select(STUDENTS_OF_GUARDIANS, chunk, String.class)));

        Map<String, Stored<StudentData>> students = new HashMap<>();
        Set<String> handEntered = new HashSet<>();
        forChunks(studentIds, chunk -> select(STUDENTS, chunk, StudentRow.class)
                .forEach(r -> students.put(r.sourcedId(), r.stored())));
        forChunks(mentions.districtIds(), chunk -> select(STUDENTS_BY_DISTRICT_ID, chunk, StudentRow.class).forEach(r -> {
            if (r.sourcedId() == null) {
                handEntered.add(r.districtId());
            } else {
                students.putIfAbsent(r.sourcedId(), r.stored());
            }
        }));
        Map<String, Set<String>> links = new HashMap<>();
        forChunks(studentIds, chunk -> select(LINKS, chunk, LinkRow.class)
                .forEach(r -> links.computeIfAbsent(r.studentId(), k -> new HashSet<>()).add(r.guardianId())));

        Map<String, Stored<GuardianData>> guardians = new HashMap<>();
        forChunks(mentions.guardians(), chunk -> select(GUARDIANS, chunk, GuardianRow.class).forEach(r -> guardians.put(r.sourcedId(),
                new Stored<>(new GuardianData(r.givenName(), r.familyName(), r.email(), r.phone(), r.relationship()), r.active()))));
        Map<String, Stored<ClassData>> classes = new HashMap<>();
        forChunks(mentions.classes(), chunk -> select(CLASSES, chunk, ClassRow.class).forEach(r -> classes.put(r.sourcedId(),
                new Stored<>(new ClassData(r.title(), r.classCode(), r.schoolCode()), r.active()))));
        Map<String, Stored<EnrollmentData>> enrollments = new HashMap<>();
        forChunks(mentions.enrollments(), chunk -> select(ENROLLMENTS, chunk, EnrollmentRow.class).forEach(r -> enrollments.put(r.sourcedId(),
                new Stored<>(new EnrollmentData(r.classId(), r.studentId(), r.beginDate(), r.endDate()), r.active()))));

        if (roster.reconciledMode(OneRosterParser.USERS) == FileMode.BULK) {
            present(ACTIVE_STUDENT_IDS, students);
            present(ACTIVE_GUARDIAN_IDS, guardians);
        }
        if (roster.mode(OneRosterParser.CLASSES) == FileMode.BULK) {
            present(ACTIVE_CLASS_IDS, classes);
        }
        if (roster.reconciledMode(OneRosterParser.ENROLLMENTS) == FileMode.BULK) {
            present(ACTIVE_ENROLLMENT_IDS, enrollments);
        }
        return new RosterSnapshot(unitCodes, students, guardians, classes, enrollments, links, handEntered);
    }

    /** Adds the active records not loaded yet by their presence only (ids, no values). */
    private <T> void present(String activeIds, Map<String, Stored<T>> loaded) {
        em.createQuery(activeIds, String.class).getResultList().forEach(id -> loaded.putIfAbsent(id, new Stored<>(null, true)));
    }

    public Map<String, Long> unitIds() {
        Map<String, Long> ids = new HashMap<>();
        em.createQuery(UNITS, UnitRow.class).getResultList().forEach(r -> ids.put(r.code(), r.id()));
        return ids;
    }

    private <T> List<T> select(String jpql, Collection<String> ids, Class<T> type) {
        return em.createQuery(jpql, type).setParameter("ids", ids).getResultList();
    }

    private static <T> void forChunks(Collection<T> items, Consumer<List<T>> action) {
        Chunks.of(items, RosterWriter.CHUNK).forEach(action);
    }

}
