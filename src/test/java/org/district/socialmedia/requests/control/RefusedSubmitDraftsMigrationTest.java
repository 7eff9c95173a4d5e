package org.district.socialmedia.requests.control;

import org.district.socialmedia.platform.control.MigrationLocations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V15 on the application's schema (H2): the drafts a refused submit left behind go, every other
 * request stays, and no audit row is touched (the audit log is a hash chain).
 */
class RefusedSubmitDraftsMigrationTest {

    private String url;
    private Connection sql;

    @BeforeEach
    void schemaAtV14() throws SQLException {
        url = "jdbc:h2:mem:v15-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).target("14").load().migrate();
        sql = DriverManager.getConnection(url, "sa", "sa");
        update("INSERT INTO staff_user (id, username, full_name, email, active, created_at, version)"
                + " VALUES (900, 'coach', 'Casey Coach', 'coach@district.example.org', TRUE, CURRENT_TIMESTAMP, 0)");
    }

    @AfterEach
    void close() throws SQLException {
        update("SHUTDOWN");
        sql.close();
    }

    @Test
    void onlyUntouchedDraftsHoldingAnAddressThePolicyRefusesAreRemoved() throws SQLException {
        // refused at submission for the personal address, never saved again: a leftover
        draft(1001, "coach.private@gmail.com", "REQUEST_DRAFTED");
        // the same, but the employee came back and saved it: kept
        draft(1002, "coach.private@gmail.com", "REQUEST_DRAFTED", "REQUEST_LINES_CHANGED");
        // District addresses, the own domain and a school's subdomain: kept, even if never touched again
        draft(1003, "coach@district.example.org", "REQUEST_DRAFTED");
        draft(1004, "band@hs.district.example.org", "REQUEST_DRAFTED");
        // a draft without an address yet: nothing proves it was ever submitted; kept
        draft(1005, null, "REQUEST_DRAFTED");
        // not a draft: kept whatever it holds
        draft(1006, "coach.private@gmail.com", "REQUEST_DRAFTED");
        update("UPDATE sm_request SET status = 'WITHDRAWN' WHERE id = 1006");
        long auditRows = count("SELECT COUNT(*) FROM audit_entry");

        Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).load().migrate();

        assertEquals(0, count("SELECT COUNT(*) FROM sm_request WHERE id = 1001"));
        assertEquals(0, count("SELECT COUNT(*) FROM sm_request_line WHERE request_id = 1001"));
        assertEquals(0, count("SELECT COUNT(*) FROM sm_request_line_audience WHERE line_id = 10010"));
        assertEquals(5, count("SELECT COUNT(*) FROM sm_request WHERE id IN (1002, 1003, 1004, 1005, 1006)"));
        assertEquals(5, count("SELECT COUNT(*) FROM sm_request_line WHERE request_id IN (1002, 1003, 1004, 1005, 1006)"));
        assertEquals(auditRows, count("SELECT COUNT(*) FROM audit_entry"), "audit rows are never deleted");
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'refused_submit_leftover'"));
    }

    private void draft(long id, String email, String... auditActions) throws SQLException {
        update("INSERT INTO sm_request (id, requester_id, status, created_at, review_cycle, version, queue_key)"
                + " VALUES (" + id + ", 900, 'DRAFT', CURRENT_TIMESTAMP, 0, 0, TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00')");
        long line = id * 10;
        update("INSERT INTO sm_request_line (id, request_id, position, platform_id, objectives, communicates_with_students,"
                + " new_account_name, district_email) VALUES (" + line + ", " + id + ", 0, 1, 'Game results for parents',"
                + " FALSE, 'Lincoln athletics', " + (email == null ? "NULL" : "'" + email + "'") + ")");
        update("INSERT INTO sm_request_line_audience (line_id, audience) VALUES (" + line + ", 'PARENTS')");
        for (int i = 0; i < auditActions.length; i++) {
            update("INSERT INTO audit_entry (id, occurred_at, actor, action, object_type, object_id, outcome, details)"
                    + " VALUES (" + (id * 10 + i) + ", CURRENT_TIMESTAMP, 'coach', '" + auditActions[i]
                    + "', 'SocialMediaRequest', '" + id + "', 'DONE', '1. Facebook')");
        }
    }

    private void update(String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
