package org.district.socialmedia.requests.control.migration;

import org.district.socialmedia.requests.control.DeadlineSlots;
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
 * The reviewer's "due within two days" count (issue 22, item 5) from a tally: how many requests wait for a first
 * answer (SUBMITTED) per quarter-hour of their deadline ({@link DeadlineSlots}: the slot is the epoch second the UTC
 * quarter-hour starts at), kept by the requests services in the transaction of every change of status or deadline
 * (requests' RequestDeadlineTally, a Tally the operators' recount checks and rebuilds). The row of slot
 * {@value DeadlineSlots#GUARD} is no quarter-hour: it is the lock every writer takes first, so that two transactions never both
 * insert a slot that did not exist. A Java migration because the slot of a deadline is the application's arithmetic,
 * which neither database writes the same way. H2 (MODE=LEGACY) and PostgreSQL 15.
 */
public class V82__Request_deadline_tally extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE request_deadline_tally ("
                    + " slot BIGINT NOT NULL,"
                    + " requests BIGINT NOT NULL,"
                    + " CONSTRAINT pk_request_deadline_tally PRIMARY KEY (slot))");
            s.executeUpdate("INSERT INTO request_deadline_tally (slot, requests) VALUES (" + DeadlineSlots.GUARD + ", 0)");
        }
        fill(c);
    }

    /**
     * Replaces every slot's count with one of the submitted requests (the guard row stays); also for the data
     * generator, whose requests go past the services. Runs in the caller's transaction.
     */
    public static void fill(Connection c) throws SQLException {
        Map<Long, Long> slots = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT queue_key FROM sm_request WHERE status = 'SUBMITTED'")) {
            while (rs.next()) {
                slots.merge(DeadlineSlots.slotOf(rs.getObject(1, OffsetDateTime.class).toInstant()), 1L, Long::sum);
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM request_deadline_tally WHERE slot <> " + DeadlineSlots.GUARD);
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO request_deadline_tally (slot, requests) VALUES (?, ?)")) {
            int batched = 0;
            for (Map.Entry<Long, Long> e : slots.entrySet()) {
                insert.setLong(1, e.getKey());
                insert.setLong(2, e.getValue());
                insert.addBatch();
                if (++batched % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
