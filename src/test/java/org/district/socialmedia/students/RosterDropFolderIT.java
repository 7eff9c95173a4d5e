package org.district.socialmedia.students;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.Inbox;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roster drop folder on the real WAR (the test server has ROSTER_DROP_DIR set, ROSTER_DROP_SETTLE=PT0S): a
 * zip that appears is imported by the same job as an upload, started by the folder; one that would pass a
 * safety limit stops before writing and the system administrators are mailed once; a file that is no zip is
 * moved aside and they are told. Files are written under a hidden name and renamed in, as a vendor should.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterDropFolderIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();
    private final Path folder = Path.of(System.getProperty("it.roster.drop.dir", "target/roster-drop"));
    private Inbox inbox;

    @BeforeEach
    void startSmtp() throws IOException {
        Files.createDirectories(folder);
        inbox = Inbox.start();
    }

    @AfterEach
    void stopSmtp() {
        inbox.close();
    }

    /** Drops a file as a vendor should: written under a hidden name, then renamed in. */
    private String drop(byte[] content) throws IOException {
        String name = "sis-" + UUID.randomUUID().toString().substring(0, 8) + ".zip";
        Path part = folder.resolve("." + name + ".part");
        Files.write(part, content);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    /** Runs the drop folder's timer until the file is gone from the folder; answers where it went. */
    private Path taken(String name, String outcome) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            assertEquals(200, api.post("/api/test/roster-drop-sweep", "sysadmin", "{}").statusCode());
            Optional<Path> moved = find(folder.resolve(outcome), name);
            if (moved.isPresent() && !Files.exists(folder.resolve(name))) {
                return moved.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not moved to " + outcome + "/ in 60 s");
    }

    private static Optional<Path> find(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + name)).findFirst();
        }
    }

    /** The run the folder started for the file, once its job is no longer at work. */
    private JsonObject runOf(String name) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            HttpResponse<String> history = api.get("/api/imports?max=50", "sysadmin");
            assertEquals(200, history.statusCode(), history.body());
            for (JsonValue v : JsonBodies.array(history.body())) {
                JsonObject run = v.asJsonObject();
                if (name.equals(run.getString("fileName", null))) {
                    assertEquals("roster-drop-folder", run.getString("startedBy"), run.toString());
                    String status = run.getString("status");
                    if (!status.equals("PREVIEWING") && !status.equals("RUNNING")) {
                        return run;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no settled run for " + name + " in 60 s");
    }

    private List<MimeMessage> mails(String subjectPart, String to) {
        return inbox.mails(subjectPart, to);
    }

    private void sweepAndRelay() {
        api.post("/api/test/roster-drop-sweep", "sysadmin", "{}");
        api.post("/api/test/mail-relay", "sysadmin", "{}");
    }

    /** Sweeps and relays until the mail is there, then twice more: a notice that went out twice would by now. */
    private List<MimeMessage> mailedOnce(String subjectPart) throws Exception {
        inbox.await(subjectPart, "sysadmin@", this::sweepAndRelay);
        inbox.settle(this::sweepAndRelay);
        return mails(subjectPart, "sysadmin@");
    }

    private static Map<String, String> delta(String users) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,delta\n"
                + "file.orgs,absent\nfile.classes,absent\nfile.enrollments,absent\n");
        files.put("users.csv", "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n" + users);
        return files;
    }

    @Test
    void aDroppedZipIsImportedByTheSameJobAndFiledAway() throws Exception {
        String id = String.valueOf(800000 + (int) (Math.random() * 99999));
        String name = drop(RosterImportIT.zip(delta("drop-stu-" + id + ",,,true,LHS,student,drop" + id + ",,Dana,Drop,," + id
                + ",,,,,10,\n")));

        Path filed = taken(name, "imported");
        JsonObject run = runOf(name);
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(1, run.getJsonObject("counts").getJsonObject("students").getInt("created"), run.toString());
        assertTrue(Files.size(filed) > 0);
        assertTrue(mails(name, "sysadmin@").isEmpty(), "a completed drop needs nobody");
    }

    @Test
    void aDropThatPassesASafetyLimitStopsAndTheSystemAdministratorsAreToldOnce() throws Exception {
        // a bulk users file of one student: every other student would be deactivated
        Map<String, String> files = delta("drop-lone,,,true,LHS,student,drop.lone,,Lone,Student,,899999,,,,,10,\n");
        files.put("manifest.csv", files.get("manifest.csv").replace("file.users,delta", "file.users,bulk"));
        String name = drop(RosterImportIT.zip(files));

        taken(name, "imported");
        JsonObject run = runOf(name);
        assertEquals("AWAITING_CONFIRMATION", run.getString("status"), run.toString());
        try {
            List<MimeMessage> told = mailedOnce(name);
            assertEquals(1, told.size(), "one notice, however many passes");
            String body = (String) ((MimeMultipart) told.get(0).getContent()).getBodyPart(0).getContent();
            assertTrue(body.contains("ROSTER_DEACTIVATION_LIMIT"), body);
        } finally {
            HttpResponse<String> stop = api.postBytes("/api/imports/" + run.getJsonNumber("id") + "/stop", "sysadmin",
                    "application/json", new byte[0]);
            assertEquals(200, stop.statusCode(), stop.body());
        }
    }

    @Test
    void aFileThatIsNoZipIsMovedAsideAndTheSystemAdministratorsAreTold() throws Exception {
        String name = drop("not a zip at all".getBytes(StandardCharsets.UTF_8));

        taken(name, "refused");
        assertEquals(1, mailedOnce(name).size());
        JsonArray history = JsonBodies.array(api.get("/api/imports?max=50", "sysadmin").body());
        assertFalse(history.stream().anyMatch(v -> name.equals(v.asJsonObject().getString("fileName", null))),
                "no run for a refused file");
    }
}
