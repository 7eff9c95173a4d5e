package org.district.socialmedia.requests.control.migration;

import org.district.socialmedia.requests.control.RequestAgeTally;
import org.district.socialmedia.requests.control.SubmissionDays;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests report's open requests by age (issue 22, item 5) from a tally: how many requests are open per status
 * (SUBMITTED, INFO_REQUESTED, OVERDUE) and UTC day of their submission ({@link SubmissionDays}: the epoch day), kept by
 * the requests services in the transaction of every change of status (requests' RequestAgeTally, a Tally the
 * operators' recount checks and rebuilds). The row of status {@value RequestAgeTally#GUARD} is no status: it is the lock
 * every writer takes first, so that two transactions never both insert a row that did not exist. A Java migration
 * because the day of a submission is the application's arithmetic, which neither database writes the same way. H2
 * (MODE=LEGACY) and PostgreSQL 15.
 */
public class V85__Request_age_tally extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE request_age_tally ("
                    + " status VARCHAR(20) NOT NULL,"
                    + " submitted_day BIGINT NOT NULL,"
                    + " requests BIGINT NOT NULL,"
                    + " CONSTRAINT pk_request_age_tally PRIMARY KEY (status, submitted_day))");
            s.executeUpdate("INSERT INTO request_age_tally (status, submitted_day, requests) VALUES ('" + RequestAgeTally.GUARD + "', 0, 0)");
        }
        fill(c);
    }

    /**
     * Replaces every row's count with one of the open requests (the guard row stays); also for the data generator,
     * whose requests go past the services. Runs in the caller's transaction.
     */
    public static void fill(Connection c) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, submitted_at FROM sm_request"
                     + " WHERE status IN ('SUBMITTED', 'INFO_REQUESTED', 'OVERDUE') AND submitted_at IS NOT NULL")) {
            while (rs.next()) {
                long day = SubmissionDays.dayOf(rs.getObject(2, OffsetDateTime.class).toInstant());
                rows.merge(rs.getString(1) + " " + day, 1L, Long::sum);
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM request_age_tally WHERE status <> '" + RequestAgeTally.GUARD + "'");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO request_age_tally (status, submitted_day, requests) VALUES (?, ?, ?)")) {
            int batched = 0;
            for (Map.Entry<String, Long> e : rows.entrySet()) {
                String[] key = e.getKey().split(" ");
                insert.setString(1, key[0]);
                insert.setLong(2, Long.parseLong(key[1]));
                insert.setLong(3, e.getValue());
                insert.addBatch();
                if (++batched % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
