package org.district.socialmedia.students.control;

import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.settings.entity.RosterSettings;
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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each OneRoster row as the roster's row of its kind ({@link RosterRows}), with the per-row rules (required values,
 * the columns' lengths, the District student id from its configured source), or a {@link RowException} whose message
 * becomes the row's problem. {@link OneRosterParser} reads the files and calls these.
 */
final class OneRosterRowReaders {

    private static final Pattern USER_ID = Pattern.compile("\\{\\s*([^:{}]+?)\\s*:\\s*([^{}]*?)\\s*}");

    private OneRosterRowReaders() {
    }

    static OrgRow org(RosterCsvTable.Row row) {
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
    static void countIdSources(RosterCsvTable.Row row, Map<String, Integer> idSources) {
        if (row.value("identifier") != null) {
            idSources.merge(RosterSettings.IDENTIFIER, 1, Integer::sum);
        }
        if (row.value("sourcedId") != null) {
            idSources.merge(RosterSettings.SOURCED_ID, 1, Integer::sum);
        }
        userIds(row).keySet().forEach(type -> idSources.merge(type, 1, Integer::sum));
    }

    /** userIds: "{Local:863},{FED:1234}" (OneRoster 1.1), by type in the file's case; the first of a type wins. */
    static Map<String, String> userIds(RosterCsvTable.Row row) {
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

    static String districtId(RosterCsvTable.Row row, String idSource) {
        if (idSource.equals(RosterSettings.IDENTIFIER)) {
            return row.value("identifier");
        }
        if (idSource.equals(RosterSettings.SOURCED_ID)) {
            return row.value("sourcedId");
        }
        return userIds(row).entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(idSource))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    static String idSourceName(String idSource) {
        return idSource.equals(RosterSettings.IDENTIFIER) || idSource.equals(RosterSettings.SOURCED_ID)
                ? idSource : "userIds {" + idSource + ":...}";
    }

    static StaffRow staff(RosterCsvTable.Row row, String role) {
        String sourcedId = row.required("sourcedId");
        if (row.toBeDeleted()) {
            return new StaffRow(sourcedId, true, row.line(), null, null, null, List.of(), role);
        }
        row.maxLength("sourcedId", StaffUser.ROSTER_SOURCED_ID_MAX);
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

    static StudentRow student(RosterCsvTable.Row row, String idSource) {
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

    static GuardianRow guardian(RosterCsvTable.Row row, GuardianRole role) {
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

    static ClassRow schoolClass(RosterCsvTable.Row row) {
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

    static EnrollmentRow enrollment(RosterCsvTable.Row row) {
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
}
