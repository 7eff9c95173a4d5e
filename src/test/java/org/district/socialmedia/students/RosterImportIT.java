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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OneRoster 1.1 import on the real WAR: the demo files again change nothing, new files load
 * their good rows and report each bad one with file, line and reason, a student may have no
 * guardian, and only a system administrator imports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterImportIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    static byte[] zip(Map<String, String> files) throws IOException {
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

    private JsonObject importZip(byte[] zip) {
        HttpResponse<String> report = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip", zip);
        assertEquals(200, report.statusCode(), report.body());
        return JsonBodies.object(report.body());
    }

    private static void assertNoChange(JsonObject report) {
        for (String kind : List.of("students", "guardians", "classes", "enrollments")) {
            JsonObject counts = report.getJsonObject(kind);
            assertEquals(0, counts.getInt("created") + counts.getInt("updated") + counts.getInt("deactivated"),
                    kind + " unchanged: " + report);
        }
        assertEquals(0, report.getInt("guardianLinksChanged"), report.toString());
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

        assertEquals(2, report.getJsonObject("students").getInt("created"), report.toString());
        assertEquals(1, report.getJsonObject("guardians").getInt("created"), report.toString());
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
        assertEquals(200, multipart.statusCode(), "the zip as a form upload works too: " + multipart.body());
    }

    /**
     * The server's 15 MB request limit (max-post-size) is lifted for this path only (WEB-INF/undertow-handlers.conf):
     * a zip past it reaches the import, which refuses it for its own reason (no users.csv), not the server.
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
    }
}
