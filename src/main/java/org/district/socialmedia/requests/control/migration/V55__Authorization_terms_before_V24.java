package org.district.socialmedia.requests.control.migration;

import org.district.socialmedia.settings.entity.AuthorizationTerm;
import org.district.socialmedia.settings.entity.SettingKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Authorizations decided before authorizations had terms (V24 added ends_on, NULL for them) never ended: the
 * term sweep looks only at next_term_at, "My authorizations" said "No end set", the API gave no endsOn and they
 * could not be renewed. Each active one gets a last day by the rule new ones get (AUTHORIZATION_TERM and
 * SCHOOL_YEAR_END as the District has them: a stored override, else the server's setting, else the default;
 * {@link AuthorizationTerm#endForExisting}) and its reminder scheduled, with an audit row. A Java migration
 * because the rule and the settings are the application's, not SQL's. H2 and PostgreSQL.
 */
public class V55__Authorization_terms_before_V24 extends BaseJavaMigration {

    static final String AUDIT_ACTION = "AUTHORIZATION_TERM_SET";

    private record Older(long id, long requestId, Timestamp grantedAt) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        ZoneId zone = ZoneId.of(setting(c, SettingKey.TIME_ZONE));
        MonthDay schoolYearEnd = MonthDay.parse("--" + setting(c, SettingKey.SCHOOL_YEAR_END));
        AuthorizationTerm term = AuthorizationTerm.parse(setting(c, SettingKey.AUTHORIZATION_TERM));
        OffsetDateTime now = OffsetDateTime.now(Clock.systemUTC());
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();

        List<Older> older = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, request_id, granted_at FROM sm_authorization"
                     + " WHERE status = 'ACTIVE' AND ends_on IS NULL ORDER BY id")) {
            while (rs.next()) {
                older.add(new Older(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3)));
            }
        }
        if (older.isEmpty()) {
            return;
        }
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String nextAuditId = postgres ? "SELECT nextval('audit_entry_seq')" : "SELECT NEXT VALUE FOR audit_entry_seq";
        try (PreparedStatement update = c.prepareStatement("UPDATE sm_authorization SET ends_on = ?, next_term_at = ?,"
                + " version = version + 1 WHERE id = ? AND ends_on IS NULL");
             PreparedStatement audit = c.prepareStatement("INSERT INTO audit_entry (id, occurred_at, actor, actor_roles, action,"
                     + " object_type, object_id, outcome, details) VALUES (?, ?, 'system', '', ?, 'SocialMediaRequest', ?, 'DONE', ?)");
             PreparedStatement pending = c.prepareStatement("INSERT INTO audit_pending (entry_id) VALUES (?)");
             Statement ids = c.createStatement()) {
            for (Older a : older) {
                LocalDate grantedOn = a.grantedAt().toInstant().atZone(zone).toLocalDate();
                LocalDate lastDay = term.endForExisting(grantedOn, today, schoolYearEnd);
                update.setObject(1, lastDay);
                update.setObject(2, AuthorizationTerm.remindAt(lastDay, zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
                update.setLong(3, a.id());
                update.addBatch();
                // a whole block of the sequence per row: EclipseLink hands out the 50 ids below each value it reads
                long auditId;
                try (ResultSet rs = ids.executeQuery(nextAuditId)) {
                    rs.next();
                    auditId = rs.getLong(1);
                }
                audit.setLong(1, auditId);
                audit.setObject(2, now);
                audit.setString(3, AUDIT_ACTION);
                audit.setString(4, Long.toString(a.requestId()));
                audit.setString(5, "authorization " + a.id() + " (granted " + grantedOn + ", before authorizations had terms)"
                        + " now lasts until " + lastDay + " (AUTHORIZATION_TERM " + term + "); the holder is reminded from "
                        + lastDay.minusDays(AuthorizationTerm.REMINDER_DAYS));
                audit.addBatch();
                pending.setLong(1, auditId);
                pending.addBatch();
            }
            update.executeBatch();
            audit.executeBatch();
            pending.executeBatch();
        }
    }

    /** The District's value as DistrictSettingsService reads it: the stored override, else the server's, else the default. */
    private static String setting(Connection c, SettingKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM district_setting WHERE setting_key = ?")) {
            s.setString(1, key.property());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    try {
                        return key.canonical(rs.getString(1));
                    } catch (IllegalArgumentException invalid) {
                        // the service falls back the same way
                    }
                }
            }
        }
        try {
            return key.canonical(System.getProperty(key.property(), key.builtInDefault()));
        } catch (IllegalArgumentException invalid) {
            return key.builtInDefault();
        }
    }
}
