package org.district.socialmedia.audit.control;

import org.district.socialmedia.audit.entity.AuditHash;
import org.district.socialmedia.audit.entity.ChainWalk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The audit chain checked from the command line, straight from the database with JDBC and without the
 * application (which a tamperer might have changed): {@code mvn -Paudit-verify verify}, see docs/operations.md.
 * Reads audit.db.url / audit.db.user / audit.db.password (system properties), else DB_URL / DB_USER /
 * DB_PASSWORD (the PostgreSQL datasource's variables), else the dev run's H2 file (audit.h2.url, set by the
 * profile) with H2's sa / sa. Prints the result as JSON, like
 * {@code GET /api/audit/verification}; exit status 0 when the chain holds, 1 when it is broken, 2 on error.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static void main(String[] args) {
        String url = setting("audit.db.url", "DB_URL", System.getProperty("audit.h2.url"));
        if (url == null || url.isBlank()) {
            System.err.println("Name the database: -Daudit.db.url=jdbc:... (or DB_URL)");
            System.exit(2);
        }
        boolean h2 = url.startsWith("jdbc:h2:");
        try (Connection c = DriverManager.getConnection(url, setting("audit.db.user", "DB_USER", h2 ? "sa" : null),
                setting("audit.db.password", "DB_PASSWORD", h2 ? "sa" : null))) {
            ChainWalk walk = check(c);
            ChainWalk.Broken broken = walk.broken();
            System.out.println("{\"valid\":" + (broken == null) + ",\"checkedRows\":" + walk.checked() + ",\"firstBrokenRow\":"
                    + (broken == null ? "null" : broken.seq()) + ",\"firstBrokenEntryId\":"
                    + (broken == null || broken.entryId() == null ? "null" : broken.entryId()) + ",\"reason\":"
                    + (broken == null ? "null" : "\"" + broken.reason() + "\"") + "}");
            System.exit(broken == null ? 0 : 1);
        } catch (SQLException e) {
            System.err.println("Cannot read the audit chain: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Walks every link with its row, in one pass (a cursor: ten million rows do not fit in memory). */
    static ChainWalk check(Connection c) throws SQLException {
        long headSeq;
        String headHash;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1")) {
            if (!rs.next()) {
                throw new SQLException("The audit_chain table has no head row");
            }
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
        ChainWalk walk = new ChainWalk();
        // PostgreSQL streams with a fetch size only inside a transaction
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT s.seq, s.entry_id, s.prev_hash, s.row_hash, e.id, e.occurred_at, "
                + "e.actor, e.actor_roles, e.ip_address, e.action, e.object_type, e.object_id, e.outcome, e.details "
                + "FROM audit_seal s LEFT JOIN audit_entry e ON e.id = s.entry_id WHERE s.seq <= ? ORDER BY s.seq")) {
            ps.setFetchSize(5_000);
            ps.setLong(1, headSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long entryId = rs.getLong(2);
                    String content = null;
                    if (rs.getObject(5) != null) {
                        OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
                        Instant occurredAt = at == null ? null : at.toInstant();
                        content = AuditHash.content(rs.getLong(5), occurredAt, rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
                    }
                    if (!walk.next(rs.getLong(1), entryId, rs.getString(3), rs.getString(4), content)) {
                        break;
                    }
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        walk.finish(headSeq, headHash);
        return walk;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value != null && !value.isBlank() ? value : fallback;
    }
}
