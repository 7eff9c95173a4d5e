package org.district.socialmedia.accounts.control.migration;

import org.district.socialmedia.accounts.control.DistrictDays;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The District's row of the account compliance tally (issue 22, item 5): the sums of every unit's row as stored
 * (account_compliance_tally, V74, V80, V84), stale or not, so that the District's accounts report reads one row and the
 * units that do not hold instead of summing a thousand. Columns: the unit rows' seven compliance figures, four bands
 * of administrators and flagged rights, summed; days_from and days: their rights in force by last day summed by
 * calendar day (each unit row counts 62 days from its own expiring_from), comma-separated from days_from (NULL: no
 * row counts any right on any day). One row, id 1. The count of a unit's row (accounts' AccountComplianceTally)
 * changes it by the row's difference in the same transaction; the operators' recount checks it against the units'
 * rows and rebuilds it. Filled here from the unit rows: no writer runs while the server migrates. A Java migration
 * because the days are the sum of the rows' texts by calendar day ({@link DistrictDays}), which neither database
 * adds up the same way. H2 (MODE=LEGACY) and PostgreSQL 15.
 */
public class V87__Account_compliance_district extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE account_compliance_district ("
                    + " id BIGINT NOT NULL, accounts BIGINT NOT NULL, failing BIGINT NOT NULL, identification BIGINT NOT NULL,"
                    + " privacy BIGINT NOT NULL, admins BIGINT NOT NULL, operators BIGINT NOT NULL, checklists BIGINT NOT NULL,"
                    + " admins_none BIGINT NOT NULL, admins_one BIGINT NOT NULL, admins_two BIGINT NOT NULL, admins_more BIGINT NOT NULL,"
                    + " flagged BIGINT NOT NULL, days_from DATE, days VARCHAR(20000),"
                    + " CONSTRAINT pk_account_compliance_district PRIMARY KEY (id))");
            s.executeUpdate("INSERT INTO account_compliance_district (id, accounts, failing, identification, privacy, admins, operators,"
                    + " checklists, admins_none, admins_one, admins_two, admins_more, flagged)"
                    + " SELECT 1, COALESCE(SUM(accounts), 0), COALESCE(SUM(failing), 0), COALESCE(SUM(identification), 0),"
                    + " COALESCE(SUM(privacy), 0), COALESCE(SUM(admins), 0), COALESCE(SUM(operators), 0), COALESCE(SUM(checklists), 0),"
                    + " COALESCE(SUM(admins_none), 0), COALESCE(SUM(admins_one), 0), COALESCE(SUM(admins_two), 0),"
                    + " COALESCE(SUM(admins_more), 0), COALESCE(SUM(flagged), 0) FROM account_compliance_tally");
        }
        List<LocalDate> froms = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT expiring_from, expiring_days FROM account_compliance_tally"
                     + " WHERE expiring_from IS NOT NULL AND expiring_days IS NOT NULL ORDER BY expiring_from")) {
            while (rs.next()) {
                froms.add(rs.getDate(1).toLocalDate());
                texts.add(rs.getString(2));
            }
        }
        // from the earliest row's day, so that every row's days are kept
        DistrictDays days = froms.isEmpty() ? DistrictDays.NONE : new DistrictDays(froms.get(0), new long[0]);
        for (int i = 0; i < froms.size(); i++) {
            days = days.plus(froms.get(i), texts.get(i), 1);
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE account_compliance_district SET days_from = ?, days = ? WHERE id = 1")) {
            update.setDate(1, days.from() == null ? null : Date.valueOf(days.from()));
            update.setString(2, days.text());
            update.executeUpdate();
        }
    }
}
