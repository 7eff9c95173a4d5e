package org.district.socialmedia.audit.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.district.socialmedia.audit.entity.AuditEntry;
import org.district.socialmedia.audit.entity.AuditPending;
import org.district.socialmedia.audit.entity.ChainWalk;
import org.district.socialmedia.it.JavaSeUnit;
import org.district.socialmedia.platform.control.MigrationLocations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit chain on a real schema (the application's migrations on H2, EclipseLink in Java SE): rows
 * are sealed as the application seals them, then changed or deleted behind its back with plain SQL, as
 * a tamperer with database access would. Both verifications must see it: the application's
 * (AuditChain, JPA) and the command-line one (AuditChainCheck, JDBC).
 */
class AuditChainTamperTest {

    private String url;
    private Connection sql;
    private EntityManagerFactory emf;
    private EntityManager em;
    private AuditChain chain;
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void schemaWithFiveSealedRows() throws SQLException {
        url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).load().migrate();
        sql = DriverManager.getConnection(url, "sa", "sa");
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        emf = Persistence.createEntityManagerFactory("social-media", props);
        em = emf.createEntityManager();
        chain = JavaSeAuditChain.on(em);

        em.getTransaction().begin();
        for (int i = 1; i <= 5; i++) {
            // as AuditLog writes a row: the row and its place in the queue, in one transaction
            AuditEntry entry = new AuditEntry(Instant.now(), "clerk", "CONSENT_CLERK", "10.0.0." + i, "STUDENT_VIEWED",
                    "Student", String.valueOf(40 + i), AuditEntry.Outcome.DONE, "viewed the consent forms of student " + i);
            em.persist(entry);
            em.persist(new AuditPending(entry.getId()));
            ids.add(entry.getId());
        }
        em.getTransaction().commit();
        em.getTransaction().begin();
        assertEquals(5, chain.sealBatch());
        em.getTransaction().commit();
        em.clear();
    }

    @AfterEach
    void close() throws SQLException {
        em.close();
        emf.close();
        try (Statement s = sql.createStatement()) {
            s.execute("SHUTDOWN");
        }
        sql.close();
    }

    private void exec(String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private AuditChain.Verification inApplication() {
        em.clear();
        return chain.verify();
    }

    private ChainWalk.Broken fromCommandLine() throws SQLException {
        return AuditChainCheck.check(sql).broken();
    }

    @Test
    void anUntouchedLogVerifiesBothWaysAndSealingTwiceSealsNothingMore() throws SQLException {
        AuditChain.Verification v = inApplication();
        assertTrue(v.valid(), v.toString());
        assertEquals(5, v.checkedRows());
        assertEquals(0, v.unsealedRows());
        assertNull(fromCommandLine());
        em.getTransaction().begin();
        assertEquals(0, chain.sealBatch(), "the queue is empty: sealing again is a no-op");
        em.getTransaction().commit();
    }

    @Test
    void anEditedRowIsReportedAtItsLink() throws SQLException {
        exec("UPDATE audit_entry SET details = 'nothing to see here' WHERE id = " + ids.get(2));
        AuditChain.Verification v = inApplication();
        assertFalse(v.valid());
        assertEquals(3L, v.firstBrokenRow());
        assertEquals(ids.get(2), v.firstBrokenEntryId());
        assertEquals("the audit row was changed", v.reason());
        assertEquals(2, v.checkedRows(), "the two links before it hold");
        ChainWalk.Broken cli = fromCommandLine();
        assertEquals(3L, cli.seq());
        assertEquals("the audit row was changed", cli.reason());
    }

    @Test
    void aDeletedRowIsReportedAtItsLink() throws SQLException {
        exec("DELETE FROM audit_entry WHERE id = " + ids.get(1));
        AuditChain.Verification v = inApplication();
        assertFalse(v.valid());
        assertEquals(2L, v.firstBrokenRow());
        assertEquals("the audit row was deleted", v.reason());
        assertEquals("the audit row was deleted", fromCommandLine().reason());
    }

    @Test
    void deletingARowWithItsLinkOrTheLastRowsWithTheirLinksIsStillSeen() throws SQLException {
        exec("DELETE FROM audit_seal WHERE seq = 4");
        exec("DELETE FROM audit_entry WHERE id = " + ids.get(3));
        AuditChain.Verification v = inApplication();
        assertFalse(v.valid());
        assertEquals(4L, v.firstBrokenRow(), v.toString());
        assertEquals(4L, fromCommandLine().seq());

        exec("DELETE FROM audit_seal WHERE seq >= 4");
        exec("DELETE FROM audit_entry WHERE id = " + ids.get(4));
        assertFalse(inApplication().valid(), "the head still says five links");
        assertEquals(4L, fromCommandLine().seq());
    }

    @Test
    void aRowDeletedBeforeItsTurnIsSealedAsMissing() throws SQLException {
        em.getTransaction().begin();
        AuditEntry late = new AuditEntry(Instant.now(), "auditor", "AUDITOR", null, "AUDIT_EXPORTED", "AuditEntry", null,
                AuditEntry.Outcome.DONE, "5 rows");
        em.persist(late);
        em.persist(new AuditPending(late.getId()));
        em.getTransaction().commit();
        exec("DELETE FROM audit_entry WHERE id = " + late.getId());
        em.getTransaction().begin();
        assertEquals(1, chain.sealBatch());
        em.getTransaction().commit();
        AuditChain.Verification v = inApplication();
        assertFalse(v.valid());
        assertEquals(6L, v.firstBrokenRow());
        assertEquals("the audit row was deleted", v.reason());
    }
}
