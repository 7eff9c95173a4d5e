package org.district.socialmedia.students.control;

import org.district.socialmedia.students.control.RosterRows.GuardianRow;
import org.district.socialmedia.students.control.RosterRows.OrgRow;
import org.district.socialmedia.students.control.RosterRows.StaffRow;
import org.district.socialmedia.students.control.RosterRows.StudentRow;

import java.util.List;

/**
 * Takes users.csv's rows as they are read, instead of the roster holding its students and guardians: a
 * District's millions of users are staged in the database ({@link UserStage}). Every data row reaches it once;
 * the duplicates' check is the stage's. Staff rows are held by the roster as well (they are reconciled in
 * memory) and reach the sink only so that the stage knows every sourcedId the file names.
 */
public interface UserSink extends OneRosterParser.RefusedRows {
    /** orgs.csv's rows, before any user (none when orgs.csv is absent): a student's school is found as it is staged. */
    void orgs(List<OrgRow> orgs);

    void student(StudentRow row);

    void guardian(GuardianRow row);

    void staff(StaffRow row);

    /** @param sourcedId null when the row has none */
    void skipped(int line, String sourcedId);
}
