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
import org.h2.Driver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The H2 backup of docs/operations.md, as an operator takes it: the database file is held open the way
 * the server holds it (the datasource's URL with H2_AUTO_SERVER=true), and a second process, H2's Shell
 * tool, runs BACKUP TO through H2's auto-server. The zip, unpacked into a fresh folder, is a database
 * whose audit chain verifies with the command-line check.
 */
class H2OnlineBackupTest {

    private static final int ROWS = 4;

    @Test
    void aBackupTakenWhileTheDatabaseIsOpenRestoresWithAValidAuditChain() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "h2-backup-test", UUID.randomUUID().toString())).toAbsolutePath();
        Path live = folder.resolve("live/social-media");
        // as configure-datasource-h2.cli builds it when H2_AUTO_SERVER=true
        String url = "jdbc:h2:file:" + live + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=true;AUTO_SERVER=true";
        Flyway.configure().dataSource(url, "sa", "sa").locations(MigrationLocations.of("H2")).load().migrate();
        Map<String, String> props = JavaSeUnit.onH2(url);
        props.put("eclipselink.logging.level", "SEVERE");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("social-media", props);
        EntityManager em = emf.createEntityManager();
        Path zip = folder.resolve("social-media-backup.zip");
        try {
            sealRows(em);
            Process shell = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                    "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + live + ";AUTO_SERVER=TRUE", "-user", "sa", "-password", "sa",
                    "-sql", "BACKUP TO '" + zip + "'")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("shell.log").toFile()).start();
            assertTrue(shell.waitFor(60, TimeUnit.SECONDS), "H2's Shell finished");
            assertEquals(0, shell.exitValue(), Files.readString(folder.resolve("shell.log")));
        } finally {
            em.close();
            emf.close();
        }

        Path restored = folder.resolve("restored");
        unzip(zip, restored);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("social-media") + ";MODE=LEGACY", "sa", "sa")) {
            ChainWalk walk = JavaSeAuditChain.checkWithJdbc(c);
            assertNull(walk.broken(), "the restored chain verifies");
            assertEquals(ROWS, walk.checked());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_entry")) {
                rs.next();
                assertEquals(ROWS, rs.getLong(1));
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private static void sealRows(EntityManager em) {
        em.getTransaction().begin();
        for (int i = 1; i <= ROWS; i++) {
            AuditEntry entry = new AuditEntry(Instant.now(), "sysadmin", "SYSTEM_ADMIN", "10.0.0." + i, "SETTINGS_CHANGED",
                    "Settings", String.valueOf(i), AuditEntry.Outcome.DONE, "change " + i);
            em.persist(entry);
            em.persist(new AuditPending(entry.getId()));
        }
        em.getTransaction().commit();
        em.getTransaction().begin();
        assertEquals(ROWS, JavaSeAuditChain.on(em).sealBatch());
        em.getTransaction().commit();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path file = into.resolve(e.getName()).normalize();
                assertTrue(file.startsWith(into), e.getName());
                Files.copy(in, file);
            }
        }
    }
}
