package org.district.socialmedia.consent.control.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Consent coverage for the District (issue 22, item 5) without reading every unit: the District's row of the tally
 * (consent_coverage_district, consent's CoverageDistrict), the sums over every school row of consent_coverage_tally as
 * stored, filled here from those rows and moved by each count of a school after; and the units' name order from an
 * index, so that a page of schools is read from it instead of sorting every unit. The order is LOWER(name), then id, as
 * the District's answer has always been: a column the database computes from the name (so that no writer of org_unit,
 * the roster's or the generator's, has to know of it), which each database declares in its own words. That is why this
 * is a Java migration. H2 (MODE=LEGACY) and PostgreSQL 15.
 */
public class V88__Consent_coverage_district extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean h2 = "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        try (Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE org_unit ADD COLUMN name_key VARCHAR(200) GENERATED ALWAYS AS (LOWER(name))" + (h2 ? "" : " STORED"));
            s.executeUpdate("CREATE INDEX ix_org_unit_name_key ON org_unit (name_key, id)");
            s.executeUpdate("CREATE TABLE consent_coverage_district ("
                    + " id           INTEGER NOT NULL,"
                    + " units        BIGINT  NOT NULL,"
                    + " schools      BIGINT  NOT NULL,"
                    + " forms_ending BIGINT  NOT NULL,"
                    + " CONSTRAINT pk_consent_coverage_district PRIMARY KEY (id))");
            s.executeUpdate("INSERT INTO consent_coverage_district (id, units, schools, forms_ending)"
                    + " SELECT 1, COUNT(*), COALESCE(SUM(CASE WHEN enrolled > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(forms_ending), 0)"
                    + " FROM consent_coverage_tally WHERE class_id = 0");
        }
    }
}
