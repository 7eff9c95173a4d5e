package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.RosterRows.GuardianRow;
import org.district.socialmedia.students.control.RosterRows.OrgRow;
import org.district.socialmedia.students.control.RosterRows.StaffRow;
import org.district.socialmedia.students.control.RosterRows.StudentRow;
import org.district.socialmedia.students.control.RosterSnapshot.GuardianData;
import org.district.socialmedia.students.control.RosterSnapshot.StudentData;
import org.district.socialmedia.students.entity.Student;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * users.csv's rows on their way into the run's staging tables ({@link StagedUsers}): held only until a batch of
 * {@link EnrollmentStage#BATCH} is full, then handed to the store (a transaction of its own in the server), so the
 * heap holds one batch whatever the file's size. A student's school is found as it is staged (orgs.csv is read
 * before users.csv, and the District's schools are few). {@link #flush()} once the reading is done.
 */
public final class UserStage implements UserSink {

    static final String STUDENT = "S";
    static final String GUARDIAN = "G";
    static final String STAFF = "T";

    /**
     * One staged row; {@code payload} is the import_change payload its create or update would carry, {@code agents}
     * its agentSourcedIds in file order, {@code schoolCode} null when none of its orgs is a school.
     */
    public record Staged(int line, String sourcedId, String kind, String state, boolean deleted, String districtId,
                         String givenName, String familyName, String orgIds, String schoolCode, String grade,
                         String email, String phone, String role, String payload, String reason, List<String> agents) {
        public Staged {
            agents = List.copyOf(agents);
        }
    }

    private final Set<String> unitCodes;
    private final Consumer<List<Staged>> store;
    private final List<Staged> batch = new ArrayList<>(EnrollmentStage.BATCH);
    private Function<String, String> schoolCode;

    /** @param unitCodes the codes of the District's org units (schools are matched by code) */
    public UserStage(Set<String> unitCodes, Consumer<List<Staged>> store) {
        this.unitCodes = Set.copyOf(unitCodes);
        this.store = Objects.requireNonNull(store, "store");
        this.schoolCode = RosterReconciler.schoolCodes(List.of(), this.unitCodes);
    }

    @Override
    public void orgs(List<OrgRow> orgs) {
        schoolCode = RosterReconciler.schoolCodes(orgs, unitCodes);
    }

    @Override
    public void student(StudentRow row) {
        if (row.toBeDeleted()) {
            add(new Staged(row.line(), named(row.sourcedId()), STUDENT, EnrollmentStage.USABLE, true, null, null, null,
                    null, null, null, null, null, null, null, null, List.of()));
            return;
        }
        String school = row.orgSourcedIds().stream().map(schoolCode).filter(Objects::nonNull).findFirst().orElse(null);
        String payload = school == null ? null : RosterChangeRows.student(
                new StudentData(row.districtId(), row.givenName(), row.familyName(), school, row.grade()));
        add(new Staged(row.line(), named(row.sourcedId()), STUDENT, EnrollmentStage.USABLE, false, row.districtId(),
                row.givenName(), row.familyName(), String.join(",", row.orgSourcedIds()), school, row.grade(), null,
                null, null, payload, null, row.agentSourcedIds()));
    }

    @Override
    public void guardian(GuardianRow row) {
        if (row.toBeDeleted()) {
            add(new Staged(row.line(), named(row.sourcedId()), GUARDIAN, EnrollmentStage.USABLE, true, null, null, null,
                    null, null, null, null, null, null, null, null, List.of()));
            return;
        }
        String payload = RosterChangeRows.guardian(
                new GuardianData(row.givenName(), row.familyName(), row.email(), row.phone(), row.role()));
        add(new Staged(row.line(), named(row.sourcedId()), GUARDIAN, EnrollmentStage.USABLE, false, null,
                row.givenName(), row.familyName(), null, null, null, row.email(), row.phone(), row.role().name(),
                payload, null, row.agentSourcedIds()));
    }

    @Override
    public void staff(StaffRow row) {
        add(new Staged(row.line(), named(row.sourcedId()), STAFF, EnrollmentStage.USABLE, row.toBeDeleted(), null, null,
                null, null, null, null, null, null, null, null, null, List.of()));
    }

    @Override
    public void skipped(int line, String sourcedId) {
        add(new Staged(line, named(sourcedId), null, EnrollmentStage.SKIPPED, false, null, null, null, null, null, null,
                null, null, null, null, null, List.of()));
    }

    @Override
    public void refused(int line, String sourcedId, String reason) {
        add(new Staged(line, named(sourcedId), null, EnrollmentStage.REFUSED, false, null, null, null, null, null, null,
                null, null, null, null, reason, List.of()));
    }

    /**
     * A sourcedId longer than any stored one names no stored record, so it is staged as none: PostgreSQL's B-tree
     * index on it takes no entry over about 2,700 bytes, and a student's or guardian's row is refused for it anyway.
     */
    static String named(String sourcedId) {
        return sourcedId == null || sourcedId.length() > Student.SOURCED_ID_MAX ? null : sourcedId;
    }

    private void add(Staged row) {
        batch.add(row);
        if (batch.size() == EnrollmentStage.BATCH) {
            flush();
        }
    }

    public void flush() {
        if (!batch.isEmpty()) {
            store.accept(List.copyOf(batch));
            batch.clear();
        }
    }
}
