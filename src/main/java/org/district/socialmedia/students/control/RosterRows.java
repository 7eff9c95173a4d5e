package org.district.socialmedia.students.control;

import org.district.socialmedia.students.entity.GuardianRole;

import java.time.LocalDate;
import java.util.List;

/**
 * The rows of a OneRoster 1.1 export that the District uses, as read from the files: checked one by
 * one, not yet against each other or the stored roster (that is {@link RosterReconciler}'s job).
 * Every row knows its line, so later problems can still point at it.
 */
public final class RosterRows {

    private RosterRows() {
    }

    /** What every row has: its sourcedId, whether it says status=tobedeleted, its line. */
    public interface Row {
        String sourcedId();

        boolean toBeDeleted();

        int line();
    }

    /**
     * orgs.csv. The District's org_unit code for it is {@link #code()}.
     *
     * @param type the OneRoster org type, lower case: school, district, local, state, national, department
     */
    public record OrgRow(String sourcedId, boolean toBeDeleted, int line, String name, String type, String identifier)
            implements Row {

        /** The org_unit code: the org's identifier when it has one, else its sourcedId. */
        public String code() {
            return identifier != null ? identifier : sourcedId;
        }

        public boolean isSchool() {
            return "school".equals(type);
        }
    }

    /** users.csv, role student. {@code districtId} is the OneRoster identifier column. */
    public record StudentRow(String sourcedId, boolean toBeDeleted, int line, String districtId, String givenName,
                             String familyName, List<String> orgSourcedIds, String grade, List<String> agentSourcedIds)
            implements Row {

        public StudentRow {
            orgSourcedIds = List.copyOf(orgSourcedIds);
            agentSourcedIds = List.copyOf(agentSourcedIds);
        }
    }

    /** users.csv, role parent, guardian or relative; {@code phone} is the phone column, else sms. */
    public record GuardianRow(String sourcedId, boolean toBeDeleted, int line, String givenName, String familyName,
                              String email, String phone, GuardianRole role, List<String> agentSourcedIds)
            implements Row {

        public GuardianRow {
            agentSourcedIds = List.copyOf(agentSourcedIds);
        }
    }

    /**
     * users.csv, role teacher, administrator or aide: a staff user. {@code email} lower case, null when empty
     * (reported by the reconciler: staff without a District email are not stored).
     */
    public record StaffRow(String sourcedId, boolean toBeDeleted, int line, String givenName, String familyName,
                           String email, List<String> orgSourcedIds, String role) implements Row {

        public StaffRow {
            orgSourcedIds = List.copyOf(orgSourcedIds);
        }

        public String fullName() {
            return givenName + " " + familyName;
        }
    }

    /** classes.csv. */
    public record ClassRow(String sourcedId, boolean toBeDeleted, int line, String title, String classCode,
                           String schoolSourcedId) implements Row {
    }

    /** enrollments.csv, role student (other roles are skipped by the parser). */
    public record EnrollmentRow(String sourcedId, boolean toBeDeleted, int line, String classSourcedId,
                                String userSourcedId, LocalDate beginDate, LocalDate endDate) implements Row {
    }
}
