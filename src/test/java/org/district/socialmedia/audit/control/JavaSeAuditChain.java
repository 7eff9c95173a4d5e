package org.district.socialmedia.audit.control;

import jakarta.persistence.EntityManager;
import org.district.socialmedia.audit.entity.ChainWalk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The application's two verifications of the audit chain outside the server, for tests in other packages:
 * AuditChain (what GET /api/audit/verification runs, through JPA) on a Java SE entity manager, and the
 * command-line AuditChainCheck on a JDBC connection.
 */
public final class JavaSeAuditChain {

    private JavaSeAuditChain() {
    }

    /** AuditChain working on this entity manager (the caller runs its transactions) with the system clock. */
    public static AuditChain on(EntityManager em) {
        AuditChain chain = new AuditChain();
        chain.em = em;
        chain.clock = Clock.systemUTC();
        return chain;
    }

    /** The command-line check's walk over the chain. */
    public static ChainWalk checkWithJdbc(Connection c) throws SQLException {
        return AuditChainCheck.check(c);
    }
}
