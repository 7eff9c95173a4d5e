package org.district.socialmedia.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.district.socialmedia.audit.control.JavaSeAuditChain;
import org.district.socialmedia.audit.entity.ChainWalk;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.PostgresBackup;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log for auditors on the real WAR: a failed login and a denied access are found by person
 * and action, newest first; the export is itself audited; the hash chain verifies; nobody else reads it.
 * On PostgreSQL, a backup taken while the server writes the log restores into a fresh database whose
 * chain verifies (docs/operations.md, "Backup and restore").
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    @Test
    void aFailedLoginAndADeniedAccessAreFoundByPersonAndActionNewestFirst() {
        String nobody = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(401, api.getWithPassword("/api/accounts", nobody, "wrong").statusCode());
        JsonObject logins = JsonBodies.object(api.get("/api/audit?actor=" + nobody + "&action=login", "auditor").body());
        assertEquals(1, logins.getInt("total"), logins.toString());
        assertTrue(logins.getBoolean("totalExact"));
        JsonObject row = logins.getJsonArray("rows").getJsonObject(0);
        assertEquals("LOGIN", row.getString("action"));
        assertEquals("DENIED", row.getString("outcome"));
        assertEquals(nobody, row.getString("actor"));

        assertEquals(403, api.get("/api/audit", "employee1").statusCode(), "teachers do not read the audit log");
        JsonArray denied = JsonBodies.object(api.get("/api/audit?actor=employee1&outcome=DENIED&size=5", "auditor").body())
                .getJsonArray("rows");
        assertTrue(denied.size() >= 1, "the refusal is in the log: " + denied);

        String today = LocalDate.now().toString();
        JsonArray newest = JsonBodies.object(api.get("/api/audit?from=" + today + "&to=" + today + "&size=20", "auditor").body())
                .getJsonArray("rows");
        for (int i = 1; i < newest.size(); i++) {
            String before = newest.getJsonObject(i - 1).getString("occurredAt");
            String after = newest.getJsonObject(i).getString("occurredAt");
            // as instants: the text drops trailing zeros (".214Z" is ".214000Z"), so it does not sort as the times do
            assertTrue(!Instant.parse(before).isBefore(Instant.parse(after)), "newest first: " + before + " then " + after);
        }
    }

    @Test
    void badFiltersAreNamedAndOthersAreRefused() {
        HttpResponse<String> bad = api.get("/api/audit?from=yesterday&outcome=MAYBE", "auditor");
        assertEquals(400, bad.statusCode(), bad.body());
        JsonObject errors = JsonBodies.object(bad.body()).getJsonObject("errors");
        assertTrue(errors.containsKey("from") && errors.containsKey("outcome"), errors.toString());
        HttpResponse<String> backwards = api.get("/api/audit?from=2026-02-01&to=2026-01-01", "auditor");
        assertEquals(400, backwards.statusCode());
        assertTrue(JsonBodies.object(backwards.body()).getJsonObject("errors").containsKey("to"));
        assertEquals(400, api.get("/api/audit?objectId=7", "auditor").statusCode(), "an id needs its kind of object");
        assertEquals(400, api.get("/api/audit?size=100000", "auditor").statusCode());
        assertEquals(403, api.get("/api/audit/verification", "superintendent").statusCode());
        assertEquals(403, api.getAccepting("/api/audit/export", "clerk", "text/csv").statusCode());
    }

    @Test
    void theExportHoldsTheRowsFoundAndIsItselfAudited() {
        String nobody = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        api.getWithPassword("/api/accounts", nobody, "wrong");
        api.getWithPassword("/api/accounts", nobody, "wrong again");
        HttpResponse<String> csv = api.getAccepting("/api/audit/export?actor=" + nobody, "auditor", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("audit-log.csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(3, lines.length, csv.body());
        assertTrue(lines[0].startsWith("id,occurred_at,actor"));
        assertTrue(lines[1].contains(nobody) && lines[1].contains("LOGIN") && lines[1].contains("DENIED"), lines[1]);

        JsonObject exported = JsonBodies.object(api.get("/api/audit?actor=auditor&action=AUDIT_EXPORTED&size=1", "auditor").body());
        JsonObject last = exported.getJsonArray("rows").getJsonObject(0);
        assertTrue(last.getString("details").startsWith("2 rows"), last.toString());
    }

    @Test
    void theHashChainVerifiesAndTheVerificationIsLogged() {
        api.getWithPassword("/api/accounts", "chain-" + UUID.randomUUID(), "wrong");
        HttpResponse<String> answer = api.get("/api/audit/verification", "auditor");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject v = JsonBodies.object(answer.body());
        assertTrue(v.getBoolean("valid"), v.toString());
        assertTrue(v.getJsonNumber("checkedRows").longValue() > 0, v.toString());
        assertEquals(JsonValue.NULL, v.get("firstBrokenRow"));

        JsonObject logged = JsonBodies.object(api.get("/api/audit?action=AUDIT_VERIFIED&size=1", "auditor").body());
        assertTrue(logged.getJsonArray("rows").getJsonObject(0).getString("details").contains("chain intact"), logged.toString());
    }

    @Test
    @EnabledIfSystemProperty(named = "it.database", matches = "postgresql")
    void aBackupTakenWhileTheServerWritesRestoresIntoAFreshDatabaseWhoseChainVerifies() throws Exception {
        PostgresBackup pg = new PostgresBackup();
        String restored = pg.database() + "_restore";
        Path dump = Files.createDirectories(Path.of(System.getProperty("it.war")).getParent().resolve("backup")).resolve(pg.database() + ".dump");
        api.getWithPassword("/api/accounts", "backup-" + UUID.randomUUID(), "wrong");
        assertEquals(200, api.get("/api/audit/verification", "auditor").statusCode(), "seals what is queued");

        // audit rows keep coming (denied logins) and the sealer runs every 2 s while pg_dump reads
        AtomicBoolean dumping = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (dumping.get()) {
                api.getWithPassword("/api/accounts", "during-backup-" + UUID.randomUUID(), "wrong");
            }
        });
        try {
            pg.dump(dump);
        } finally {
            dumping.set(false);
            writer.join();
        }
        pg.restore(dump, restored);

        try (Connection copy = pg.connect(restored); Connection live = pg.connect(pg.database())) {
            ChainWalk walk = JavaSeAuditChain.checkWithJdbc(copy);
            assertNull(walk.broken(), "the restored chain verifies: " + walk.broken());
            assertTrue(walk.checked() > 0);
            assertEquals(walk.checked(), count(copy, "audit_seal"), "every seal in the copy belongs to its chain");
            // tables that only the tests write, and none of them runs now: the copy holds what the live database holds
            assertEquals(counts(live), counts(copy));
        }
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[]{"flyway_schema_history", "staff_user", "student", "consent_form", "consent_evidence_content", "sm_request"}) {
            counts.put(table, count(c, table));
        }
        return counts;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
