package org.district.socialmedia.students;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.SecondServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A roster import whose server is killed with {@code kill -9} in the middle of its write resumes from its last
 * checkpoint once the server is back, and ends COMPLETED with every row once: no duplicate, nothing lost. Runs
 * its own WildFly ({@link SecondServer}); in the PostgreSQL run it shares the one database with the Arquillian
 * server, whose resume sweep may be the one that takes the run over, as another server of a district's cluster would.
 */
class RosterImportSurvivesCrashIT {

    private static final int OFFSET = 300;
    /** Students, each with a guardian and an enrollment: some 4 changes each, well over a hundred chunks. */
    private static final int STUDENTS = 8_000;

    private final SecondServer server = new SecondServer("crash", OFFSET);
    private final Api api = server.api();

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)  // two server starts and a large import: more than the default 5
    void aWriteKilledMidwayResumesFromItsCheckpointWithEveryRowOnce() throws Exception {
        server.prepare();
        server.start();
        String tag = "Crash" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        HttpResponse<String> upload = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip", roster(tag));
        assertEquals(202, upload.statusCode(), upload.body());
        long id = JsonBodies.object(upload.body()).getJsonNumber("id").longValue();

        JsonObject midway = midWrite(id);
        server.kill();
        server.start();
        JsonObject done = resumed(id);

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertTrue(done.getInt("resumes") >= 1, "taken over after the crash: " + done);
        assertEquals(done.getInt("rowsToWrite"), done.getInt("rowsWritten"), done.toString());
        assertEquals(midway.getInt("rowsToWrite"), done.getInt("rowsToWrite"), "the write was not planned again: " + done);
        HttpResponse<String> students = api.get("/api/students?text=" + tag + "&size=1", "auditor");
        assertEquals(200, students.statusCode(), students.body());
        assertEquals(STUDENTS, JsonBodies.object(students.body()).getJsonNumber("total").intValue(),
                "every student once, none lost: " + done);
        JsonObject again = JsonBodies.object(api.postBytes("/api/imports/oneroster?preview=true", "sysadmin", "application/zip",
                roster(tag)).body());
        JsonObject preview = settled(again.getJsonNumber("id").longValue());
        for (String kind : new String[]{"students", "guardians", "enrollments"}) {
            JsonObject counts = preview.getJsonObject("counts").getJsonObject(kind);
            assertEquals(0, counts.getInt("created") + counts.getInt("updated"), kind + " all written as the file says: " + preview);
        }
    }

    /** A OneRoster delta export of STUDENTS students with their guardians, all in one class. */
    private static byte[] roster(String tag) throws IOException {
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
                + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n");
        StringBuilder enrollments = new StringBuilder("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,"
                + "role,primary,beginDate,endDate\n");
        for (int i = 0; i < STUDENTS; i++) {
            String n = tag + "-" + i;
            users.append("s-").append(n).append(",,,true,org-lhs,student,,,Sam,").append(tag).append(",,").append(n)
                    .append(",,,,g-").append(n).append(",10,\n");
            users.append("g-").append(n).append(",,,true,org-lhs,parent,,,Pat,").append(tag).append("-parent,,,")
                    .append("p").append(i).append('@').append(tag.toLowerCase()).append(".example.org,,,s-").append(n).append(",,\n");
            enrollments.append("e-").append(n).append(",,,c-").append(tag).append(",org-lhs,s-").append(n)
                    .append(",student,false,2026-08-20,2027-06-11\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,delta\n"
                + "file.users,delta\nfile.classes,delta\nfile.enrollments,delta\n");
        files.put("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + "org-lhs,,,Lincoln High School,school,LHS,\n");
        files.put("users.csv", users.toString());
        files.put("classes.csv", "sourcedId,status,dateLastModified,title,classType,grades,classCode,courseSourcedId,periods,"
                + "schoolSourcedId,termSourcedIds,subjects,subjectCodes\nc-" + tag + ",,,Crash Course,scheduled,10,CC-1,crs,P1,org-lhs,t,,\n");
        files.put("enrollments.csv", enrollments.toString());
        return RosterImportIT.zip(files);
    }

    /** The run once its write has committed some chunks and has more to go. */
    private JsonObject midWrite(long id) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(giveUp)) {
            JsonObject run = JsonBodies.object(api.get("/api/imports/" + id, "sysadmin").body());
            int toWrite = run.getInt("rowsToWrite");
            int written = run.getInt("rowsWritten");
            if (!run.getString("status").equals("PREVIEWING") && !run.getString("status").equals("RUNNING")) {
                fail("the run ended before it could be killed mid-write (make the roster larger): " + run);
            }
            if (toWrite > 0 && written >= toWrite / 10) {
                assertTrue(written < toWrite, "mid-write: " + run);
                return run;
            }
            Thread.sleep(20);
        }
        fail("the write did not get a tenth of the way in 180 s");
        return null;
    }

    /** Runs the resume sweep now and then (its timer may run first) until the run is done. */
    private JsonObject resumed(long id) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(300));
        while (Instant.now().isBefore(giveUp)) {
            JsonObject run = JsonBodies.object(api.get("/api/imports/" + id, "sysadmin").body());
            String status = run.getString("status");
            if (!status.equals("PREVIEWING") && !status.equals("RUNNING")) {
                return run;
            }
            api.post("/api/test/roster-resume-sweep", "sysadmin", "{}");
            Thread.sleep(1000);
        }
        fail("the run was not resumed and completed within 300 s of the restart");
        return null;
    }

    private JsonObject settled(long id) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(giveUp)) {
            JsonObject run = JsonBodies.object(api.get("/api/imports/" + id, "sysadmin").body());
            if (!run.getString("status").equals("PREVIEWING")) {
                return run;
            }
            Thread.sleep(200);
        }
        fail("the preview took more than 120 s");
        return null;
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }
}
