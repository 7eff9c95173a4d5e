package org.district.socialmedia.students;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.Multipart;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OneRoster 1.1 import on the real WAR: the demo files again change nothing, new files load
 * their good rows and report each bad one with file, line and reason, a student may have no
 * guardian, and only a system administrator imports. Every import is a run: previewed, then written at
 * once, or held for a confirmation when it passes a safety limit; stopped, confirmed, and its
 * deactivations undone. Teachers become staff users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class RosterImportIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    public static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, String> demoFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("manifest.csv", "orgs.csv", "users.csv", "classes.csv", "enrollments.csv")) {
            try (InputStream in = RosterImportIT.class.getResourceAsStream("/demo/oneroster/" + name)) {
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Starts a run (202 PREVIEWING, with its Location); answers the run once its job has done what it does. */
    private JsonObject start(byte[] zip, boolean previewOnly) {
        HttpResponse<String> run = api.postBytes("/api/imports/oneroster" + (previewOnly ? "?preview=true" : ""), "sysadmin",
                "application/zip", zip);
        assertEquals(202, run.statusCode(), run.body());
        JsonObject body = JsonBodies.object(run.body());
        assertEquals("PREVIEWING", body.getString("status"), body.toString());
        assertTrue(run.headers().firstValue("Location").orElse("").endsWith("/api/imports/" + body.getJsonNumber("id").longValue()),
                run.headers().toString());
        return settled(body.getJsonNumber("id").longValue());
    }

    /** The run once its job is no longer at work (neither PREVIEWING nor RUNNING). */
    private JsonObject settled(long id) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> read = api.get("/api/imports/" + id, "sysadmin");
            assertEquals(200, read.statusCode(), read.body());
            JsonObject run = JsonBodies.object(read.body());
            String status = run.getString("status");
            if (!status.equals("PREVIEWING") && !status.equals("RUNNING")) {
                return run;
            }
            assertTrue(System.nanoTime() < until, "the job still at work after a minute: " + run);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private JsonObject post(String path) {
        HttpResponse<String> answer = api.postBytes(path, "sysadmin", "application/json", new byte[0]);
        assertEquals(200, answer.statusCode(), answer.body());
        return JsonBodies.object(answer.body());
    }

    /** Confirms a run: 202 RUNNING; answers the run once written. */
    private JsonObject confirm(long id) {
        HttpResponse<String> answer = api.postBytes("/api/imports/" + id + "/confirmation", "sysadmin", "application/json", new byte[0]);
        assertEquals(202, answer.statusCode(), answer.body());
        JsonObject running = JsonBodies.object(answer.body());
        assertTrue(List.of("RUNNING", "COMPLETED", "FAILED").contains(running.getString("status")), running.toString());
        return settled(id);
    }

    /** Imports, confirming when the run waits (other tests may have left records a bulk file would deactivate). */
    private JsonObject importZip(byte[] zip) {
        JsonObject run = start(zip, false);
        if (run.getString("status").equals("AWAITING_CONFIRMATION")) {
            run = confirm(run.getJsonNumber("id").longValue());
        }
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        // the reading's own figures, written while it read: every row, every file, none being read any more
        assertEquals(run.getInt("rows"), run.getInt("rowsRead"), run.toString());
        assertEquals(run.getInt("filesTotal"), run.getInt("filesRead"), run.toString());
        assertTrue(!run.containsKey("readingFile") || run.isNull("readingFile"), run.toString());
        return run;
    }

    private static JsonObject counts(JsonObject run, String kind) {
        return run.getJsonObject("counts").getJsonObject(kind);
    }

    private static void assertNoChange(JsonObject report) {
        for (String kind : List.of("students", "guardians", "staff", "classes", "enrollments")) {
            JsonObject counts = counts(report, kind);
            assertEquals(0, counts.getInt("created") + counts.getInt("updated") + counts.getInt("deactivated"),
                    kind + " unchanged: " + report);
        }
    }

    @Test
    void theSameFilesAgainChangeNothing() throws IOException {
        byte[] demo = zip(demoFiles());
        importZip(demo);
        JsonObject again = importZip(demo);
        assertNoChange(again);
        assertTrue(again.getJsonArray("problems").isEmpty(), again.toString());
    }

    @Test
    void goodRowsLoadAndEveryBadRowIsReportedWithFileLineAndReason() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String header = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n";
        String users = header
                + "stu-%1$s-a,,,true,org-lhs,student,a%1$s,,Mina,Park,,IT%1$sA,,,,par-%1$s,10,\n"
                + "stu-%1$s-b,,,true,org-lhs,student,b%1$s,,Theo,Quinn,,IT%1$sB,,,,,11,\n"
                + "par-%1$s,,,true,org-lhs,parent,p%1$s,,Jin,Park,,,jin.park.%1$s@example.com,,555-0100,stu-%1$s-a,,\n"
                + "stu-%1$s-c,,,true,org-lhs,student,c%1$s,,No,Identifier,,,,,,,10,\n"
                + "stu-%1$s-d,,,true,org-nowhere,student,d%1$s,,Lost,School,,IT%1$sD,,,,,10,\n"
                + "stu-%1$s-e,,,true,org-lhs,janitor,e%1$s,,Odd,Role,,IT%1$sE,,,,,10,\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + "org-lhs,,,Lincoln High School,school,LHS,\n");
        files.put("users.csv", users.formatted(run));
        JsonObject report = importZip(zip(files));

        assertEquals(2, counts(report, "students").getInt("created"), report.toString());
        assertEquals(1, counts(report, "guardians").getInt("created"), report.toString());
        var all = report.getJsonArray("problems");
        assertTrue(all.toString().contains("manifest.csv"), "without a manifest the files are read as a delta, and the report says so");
        var problems = all.stream().map(p -> p.asJsonObject()).filter(p -> p.getString("file").equals("users.csv")).toList();
        assertEquals(3, problems.size(), "the three bad rows, and only them: " + all);
        for (JsonObject problem : problems) {
            assertTrue(problem.getInt("line") >= 5 && problem.getInt("line") <= 7, problem.toString());
            assertTrue(!problem.getString("reason").isBlank());
        }

        JsonObject withGuardian = JsonBodies.object(api.get("/api/students/IT" + run + "A", "clerk2").body());
        assertEquals("Jin Park", withGuardian.getJsonArray("guardians").getJsonObject(0).getString("name"));
        HttpResponse<String> alone = api.get("/api/students/IT" + run + "B", "clerk2");
        assertEquals(200, alone.statusCode(), "a student without guardian is stored: " + alone.body());
        assertTrue(JsonBodies.object(alone.body()).getJsonArray("guardians").isEmpty());

        assertNoChange(importZip(zip(files)));
    }

    @Test
    void onlyASystemAdministratorImportsAndAnythingButAZipIsRefused() throws IOException {
        byte[] demo = zip(demoFiles());
        assertEquals(403, api.postBytes("/api/imports/oneroster", "clerk", "application/zip", demo).statusCode());
        HttpResponse<String> notZip = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip",
                "sourcedId,status\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notZip.statusCode(), notZip.body());
        assertTrue(JsonBodies.object(notZip.body()).getJsonObject("errors").containsKey("file"));

        Multipart form = new Multipart().file("file", "roster.zip", "application/zip", demo);
        HttpResponse<String> multipart = api.postBytes("/api/imports/oneroster", "sysadmin", form.contentType(), form.bytes());
        assertEquals(202, multipart.statusCode(), "the zip as a form upload works too: " + multipart.body());
        assertEquals("roster.zip", JsonBodies.object(multipart.body()).getString("fileName"));
        settled(JsonBodies.object(multipart.body()).getJsonNumber("id").longValue());
    }

    /**
     * A District's export takes a minute to unpack and check: the request stores the zip and answers at once, and
     * the run's job checks it. What only unpacking finds (here a users.csv that is not UTF-8) fails the run with
     * the check's message, and nothing is written or kept.
     */
    @Test
    void whatOnlyUnpackingFindsFailsTheRunWithTheChecksMessage() throws IOException {
        String tag = "IT" + UUID.randomUUID().toString().substring(0, 6);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("orgs.csv"));
            zip.write(ORGS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("users.csv"));
            zip.write((USERS_HEADER + tag + ",active,,true,org-lhs,student,,,Zoë,Lee,,"
                    + tag + ",,,,,,\n").getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        HttpResponse<String> started = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip", bytes.toByteArray());
        assertEquals(202, started.statusCode(), "refused only by its job: " + started.body());
        JsonObject run = settled(JsonBodies.object(started.body()).getJsonNumber("id").longValue());

        assertEquals("FAILED", run.getString("status"), run.toString());
        assertTrue(run.getString("outcome").startsWith("users.csv is not UTF-8: byte "), run.toString());
        assertEquals(404, api.get("/api/students/" + tag, "clerk2").statusCode(), "nothing written");
    }

    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
            + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n";
    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
            + "org-lhs,,,Lincoln High School,school,LHS,\n";

    private JsonObject student(String districtId) {
        HttpResponse<String> student = api.get("/api/students/" + districtId, "clerk2");
        assertEquals(200, student.statusCode(), student.body());
        return JsonBodies.object(student.body());
    }

    @Test
    void aPreviewWritesNothingUntilConfirmedAndAStoppedRunNothingEver() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orgs.csv", ORGS);
        files.put("users.csv", USERS_HEADER + "stu-%1$s-p,,,true,org-lhs,student,p%1$s,,Pia,Lund,,PV%1$s,,,,,10,\n".formatted(run));
        JsonObject preview = start(zip(files), true);
        assertEquals("AWAITING_CONFIRMATION", preview.getString("status"), preview.toString());
        assertEquals(1, counts(preview, "students").getInt("created"), preview.toString());
        assertEquals(64, preview.getString("fileSha256").length());
        assertEquals(404, api.get("/api/students/PV" + run, "clerk2").statusCode(), "a preview writes nothing");

        long id = preview.getJsonNumber("id").longValue();
        HttpResponse<String> read = api.get("/api/imports/" + id + "?first=0&size=10", "sysadmin");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("AWAITING_CONFIRMATION", JsonBodies.object(read.body()).getString("status"));
        assertEquals(403, api.get("/api/imports/" + id, "auditor").statusCode());

        JsonObject confirmed = confirm(id);
        assertEquals("COMPLETED", confirmed.getString("status"), confirmed.toString());
        assertEquals("sysadmin", confirmed.getString("confirmedBy"));
        assertTrue(student("PV" + run).getBoolean("active"));
        assertEquals(409, api.postBytes("/api/imports/" + id + "/stop", "sysadmin", "application/json", new byte[0]).statusCode(),
                "a completed run cannot be stopped");

        files.put("users.csv", USERS_HEADER + "stu-%1$s-q,,,true,org-lhs,student,q%1$s,,Quin,Lund,,PQ%1$s,,,,,10,\n".formatted(run));
        JsonObject second = start(zip(files), true);
        JsonObject stopped = post("/api/imports/" + second.getJsonNumber("id").longValue() + "/stop");
        assertEquals("STOPPED", stopped.getString("status"));
        assertEquals(409, api.postBytes("/api/imports/" + second.getJsonNumber("id").longValue() + "/confirmation", "sysadmin",
                "application/json", new byte[0]).statusCode(), "a stopped run is never written");
        assertEquals(404, api.get("/api/students/PQ" + run, "clerk2").statusCode());
    }

    /**
     * A zip of more than one part of the kept file's rows (RunFiles keeps 16 MiB a transaction on PostgreSQL; on H2
     * it keeps the zip in the upload folder): kept whole with its preview, and written on confirmation from the kept
     * copy, unpacked and checked again.
     */
    @Test
    void aZipKeptInSeveralPartsIsWrittenFromTheDatabasesCopy() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        byte[] noise = new byte[20 * 1024 * 1024];
        new Random(23).nextBytes(noise); // incompressible: 20 rows of 1 MiB, two parts
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("orgs.csv"));
            zip.write(ORGS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("users.csv"));
            zip.write((USERS_HEADER + "stu-%1$s-k,,,true,org-lhs,student,k%1$s,,Kai,Lund,,PK%1$s,,,,,10,\n".formatted(run))
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("attachments/photo.bin"));
            zip.write(noise);
            zip.closeEntry();
        }
        JsonObject preview = start(bytes.toByteArray(), true);
        assertEquals("AWAITING_CONFIRMATION", preview.getString("status"), preview.toString());
        JsonObject confirmed = confirm(preview.getJsonNumber("id").longValue());
        assertEquals("COMPLETED", confirmed.getString("status"), confirmed.toString());
        assertTrue(student("PK" + run).getBoolean("active"));
    }

    @Test
    void aBulkFileThatWouldDeactivateTooManyWaitsAndItsDeactivationsCanBeUndone() throws IOException {
        importZip(zip(demoFiles()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", "propertyName,value\nfile.orgs,bulk\nfile.users,bulk\nfile.classes,absent\nfile.enrollments,absent\n");
        files.put("orgs.csv", ORGS);
        // the export of another source: identifier empty, so every student row is rejected; none may be deactivated for it
        files.put("users.csv", USERS_HEADER + "stu-001,,,true,org-lhs,student,ava,,Ava,Nguyen,,,,,,par-001,10,\n"
                + "stu-002,,,true,org-lhs,student,liam,,Liam,Garcia,,100002,,,,,09,\n");
        JsonObject held = start(zip(files), false);
        assertEquals("AWAITING_CONFIRMATION", held.getString("status"), held.toString());
        assertTrue(held.getBoolean("needsConfirmation"));
        assertTrue(held.getString("limitReasons").contains("ROSTER_DEACTIVATION_LIMIT"), held.toString());
        assertTrue(held.getString("limitReasons").contains("ROSTER_REJECTION_LIMIT"), held.toString());
        assertTrue(student("100001").getBoolean("active"), "nothing deactivated before the confirmation");
        int wouldDeactivate = counts(held, "students").getInt("deactivated");
        assertTrue(wouldDeactivate >= 38, held.toString());

        JsonObject done = confirm(held.getJsonNumber("id").longValue());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertTrue(student("100001").getBoolean("active"), "a rejected row's student counts as present");
        assertFalse(student("100003").getBoolean("active"), "absent from the bulk file");

        JsonObject undone = post("/api/imports/undo-deactivations");
        assertEquals(done.getJsonNumber("id").longValue(), undone.getJsonNumber("id").longValue());
        assertFalse(undone.isNull("undoneAt"), undone.toString());
        assertTrue(student("100003").getBoolean("active"), "the undo reactivates what the run deactivated");
        assertEquals(409, api.postBytes("/api/imports/undo-deactivations", "sysadmin", "application/json", new byte[0]).statusCode(),
                "once");
        HttpResponse<String> history = api.get("/api/imports", "sysadmin");
        assertEquals(200, history.statusCode());
        assertTrue(history.body().contains("\"id\":" + done.getJsonNumber("id").longValue()), history.body());
    }

    @Test
    void teachersBecomeStaffUsersMatchedByEmailAndStaffWithoutADistrictEmailAreReported() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orgs.csv", ORGS);
        files.put("users.csv", USERS_HEADER
                + "tch-%1$s,,,true,org-lhs,teacher,t%1$s,,Tess,Ward,,,tward%1$s@district.example.org,,,,,\n".formatted(run)
                + "aid-%1$s,,,true,org-lhs,aide,a%1$s,,No,Mail,,,,,,,,\n".formatted(run)
                + "tch-001,,,true,org-lhs,teacher,mlopez,,Maria,Lopez,,T001,employee1@district.example.org,,,,,\n");
        JsonObject report = importZip(zip(files));
        assertEquals(1, counts(report, "staff").getInt("created"), report.toString());
        assertTrue(report.getJsonArray("problems").toString().contains("without a District email is not stored"), report.toString());

        JsonObject staff = JsonBodies.object(api.get("/api/staff?text=tward" + run, "sysadmin").body());
        assertEquals(1, staff.getInt("total"), staff.toString());
        JsonObject employee1 = JsonBodies.object(api.get("/api/staff?text=employee1%40district", "sysadmin").body());
        assertEquals(1, employee1.getInt("total"), "the demo teacher is the demo user employee1, not a second one: " + employee1);

        // gone from the SIS: the roster's teacher is deactivated; the user entered by hand never is
        files.put("users.csv", USERS_HEADER
                + "tch-%1$s,tobedeleted,,true,org-lhs,teacher,,,,,,,,,,,,\n".formatted(run)
                + "tch-001,tobedeleted,,true,org-lhs,teacher,,,,,,,,,,,,\n");
        JsonObject gone = importZip(zip(files));
        assertEquals(1, counts(gone, "staff").getInt("deactivated"), gone.toString());
        JsonObject stillActive = JsonBodies.object(api.get("/api/staff?text=employee1%40district&active=true", "sysadmin").body());
        assertEquals(1, stillActive.getInt("total"), stillActive.toString());
    }

    /**
     * The 15 MiB request limit is lifted for the raw zip to this path only (RosterUploadSize): a zip past it
     * reaches the import, which refuses it for its own reason (no users.csv), not the server. The same zip as
     * a form upload keeps the 15 MiB limit: the server refuses it, by an answer or by closing the connection.
     */
    @Test
    void aZipLargerThanTheServersPostLimitReachesTheImport() throws IOException {
        byte[] noise = new byte[17 * 1024 * 1024];
        new Random(19).nextBytes(noise); // incompressible: the zip stays past 15 MB
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("attachments/photo.bin"));
            zip.write(noise);
            zip.closeEntry();
        }
        byte[] large = out.toByteArray();
        assertTrue(large.length > 15 * 1024 * 1024, "past max-post-size: " + large.length);

        HttpResponse<String> answer = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip", large);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(JsonBodies.object(answer.body()).getJsonObject("errors").getString("file").contains("users.csv"),
                answer.body());

        Multipart form = new Multipart().file("file", "large.zip", "application/zip", large);
        try {
            HttpResponse<String> refused = api.postBytes("/api/imports/oneroster", "sysadmin", form.contentType(), form.bytes());
            assertTrue(refused.statusCode() == 413 || refused.statusCode() >= 500 || refused.statusCode() == 400
                    && !refused.body().contains("users.csv"), refused.statusCode() + " " + refused.body());
        } catch (IllegalStateException closed) {
            assertTrue(closed.getCause() instanceof IOException, closed.toString());
        }
    }
}
