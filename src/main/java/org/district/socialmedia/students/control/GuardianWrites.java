package org.district.socialmedia.students.control;

import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.entity.Guardian;
import org.district.socialmedia.students.entity.GuardianRole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.district.socialmedia.students.control.RosterChangeRows.CREATE;
import static org.district.socialmedia.students.control.RosterChangeRows.GUARDIAN;
import static org.district.socialmedia.students.control.RosterChangeRows.UPDATE;

/**
 * A range of a run's {@code import_change} rows of kind GUARDIAN written set-wise, as {@link StudentWrites} writes the
 * students: updates (a reactivation included) one MERGE of the guardians whose values change, creates an
 * {@code INSERT ... SELECT} with ids from {@code guardian_seq}, deactivations an UPDATE of the active ones and their
 * record for the undo. The payload ({@link RosterChangeRows#guardian}: given name, family name, email, phone, role) is
 * split in SQL; the email is stored lower case, as the entity stores it. A row the entity would refuse fails the range
 * before anything is written. No school is told ({@link TouchedSchools}). A guardian is created only when the plan
 * links it to a student (its LINK rows come later in the same write), as through the entities.
 */
final class GuardianWrites {

    private static final String[] FIELDS = {"given_name", "family_name", "email", "phone", "relationship"};
    private static final String CREATES = SetWiseRows.fields(GUARDIAN, CREATE, FIELDS);
    private static final String STORED_UPDATES = "(" + SetWiseRows.fields(GUARDIAN, UPDATE, FIELDS) + ") p"
            + " JOIN guardian t ON t.sourced_id = p.ref";
    private static final String ROLES = Arrays.stream(GuardianRole.values()).map(r -> "'" + r.name() + "'")
            .collect(Collectors.joining(", "));
    /**
     * What the entity refuses ({@code Guardian}'s rules) of a row {@code p}; its email check ({@code [^@\s]+@[^@\s]+},
     * the whole value) as a regular expression both databases run alike.
     */
    private static final String REFUSED = "(p.given_name IS NULL OR LENGTH(p.given_name) > " + Guardian.NAME_MAX
            + " OR p.family_name IS NULL OR LENGTH(p.family_name) > " + Guardian.NAME_MAX
            + " OR LENGTH(p.email) > " + Guardian.EMAIL_MAX + " OR NOT REGEXP_LIKE(p.email, '^[^@\\s]+@[^@\\s]+$')"
            + " OR LENGTH(p.phone) > " + Guardian.PHONE_MAX + " OR p.relationship IS NULL OR p.relationship NOT IN (" + ROLES + "))";

    private GuardianWrites() {
    }

    /**
     * Applies the guardian rows with seq numbers {@code fromSeq} to {@code toSeq} (updates, creates, then
     * deactivations) and records the deactivations for the undo.
     *
     * @return the schools touched: none
     * @throws InvalidInputException what the entity says of the first row it would refuse
     */
    static Set<Long> apply(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        refuse(c, runId, fromSeq, toSeq, now);
        update(c, runId, fromSeq, toSeq);
        create(c, runId, fromSeq, toSeq, now);
        StudentWrites.deactivate(c, "guardian", GUARDIAN, runId, fromSeq, toSeq, now);
        return Set.of();
    }

    /** The first row, in seq order, the entity would refuse fails the range with the entity's own refusal. */
    private static void refuse(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT v.ref, v.given_name, v.family_name, v.email, v.phone,"
                + " v.relationship FROM (SELECT p.seq, p.ref, p.given_name, p.family_name, p.email, p.phone, p.relationship"
                + " FROM " + STORED_UPDATES + " WHERE " + REFUSED
                + " UNION ALL SELECT p.seq, p.ref, p.given_name, p.family_name, p.email, p.phone, p.relationship"
                + " FROM (" + CREATES + ") p WHERE " + REFUSED + ") v ORDER BY v.seq FETCH FIRST 1 ROWS ONLY")) {
            RosterChangeLog.bindRange(select, 1, runId, fromSeq, toSeq);
            RosterChangeLog.bindRange(select, 4, runId, fromSeq, toSeq);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    // an unknown role fails as the entity path's decoding of the row fails (GuardianRole.valueOf)
                    GuardianRole role = rs.getString(6) == null ? null : GuardianRole.valueOf(rs.getString(6));
                    new Guardian(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), role, now);
                    throw new IllegalArgumentException("Guardian '" + rs.getString(1) + "' cannot be written");
                }
            }
        }
    }

    /** The stored guardians whose values change, or who are inactive, take the row's values, are active, and a new version. */
    private static void update(Connection c, long runId, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO guardian g USING (SELECT t.id, p.given_name,"
                + " p.family_name, LOWER(p.email) AS email, p.phone, p.relationship FROM " + STORED_UPDATES
                + " WHERE t.active = FALSE OR t.deactivated_at IS NOT NULL OR t.given_name <> p.given_name"
                + " OR t.family_name <> p.family_name OR t.email IS DISTINCT FROM LOWER(p.email)"
                + " OR t.phone IS DISTINCT FROM p.phone OR t.relationship <> p.relationship) n ON (g.id = n.id)"
                + " WHEN MATCHED THEN UPDATE SET given_name = n.given_name, family_name = n.family_name, email = n.email,"
                + " phone = n.phone, relationship = n.relationship, active = TRUE, deactivated_at = NULL, version = g.version + 1")) {
            RosterChangeLog.bindRange(merge, 1, runId, fromSeq, toSeq);
            merge.executeUpdate();
        }
    }

    /** New guardians, numbered in seq order onto ids from {@code guardian_seq}, version 1 as EclipseLink persists them. */
    private static void create(Connection c, long runId, long fromSeq, long toSeq, Instant now) throws SQLException {
        long count = SetWiseRows.count(c, GUARDIAN, CREATE, runId, fromSeq, toSeq);
        SetWiseRows.insertNumbered(c, "guardian_seq", count, "INSERT INTO guardian (id, sourced_id, given_name, family_name,"
                + " email, phone, relationship, active, created_at, version)"
                + " SELECT ? + n.r, n.ref, n.given_name, n.family_name, LOWER(n.email), n.phone, n.relationship, TRUE, ?, 1"
                + " FROM (SELECT p.*, ROW_NUMBER() OVER (ORDER BY p.seq) - 1 AS r FROM (" + CREATES + ") p) n"
                + " WHERE n.r BETWEEN ? AND ?",
                now, runId, fromSeq, toSeq);
    }
}
