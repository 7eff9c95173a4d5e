package org.district.socialmedia.people;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schools and departments kept without a roster, through the API on the real WAR: created, found,
 * renamed (what copies the name follows), deactivated and back; bad input and taken codes refused; only
 * system administrators; and a roster import that names a hand-made school's code uses it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnitsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    /** In every code and name, so that other tests' units and a second run on the same database do not count. */
    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private JsonObject create(String code, String name, String kind) {
        HttpResponse<String> created = api.post("/api/units", "sysadmin",
                "{\"code\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\"}".formatted(code, name, kind));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject unit = JsonBodies.object(created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/units/" + unit.getJsonNumber("id")), created.headers().toString());
        return unit;
    }

    private JsonObject list(String query) {
        HttpResponse<String> page = api.get("/api/units?" + query, "sysadmin");
        assertEquals(200, page.statusCode(), page.body());
        return JsonBodies.object(page.body());
    }

    @Test
    void aUnitIsCreatedFoundRenamedDeactivatedAndBroughtBack() {
        JsonObject unit = create("  Oak-" + tag + " ", "Oak " + tag + " Elementary", "SCHOOL");
        assertEquals("Oak-" + tag, unit.getString("code"), "spaces around go, capitals stay");
        assertEquals("SCHOOL", unit.getString("kind"));
        assertTrue(unit.getBoolean("active"));
        long id = unit.getJsonNumber("id").longValue();

        JsonObject found = list("text=" + tag.toUpperCase(Locale.ROOT));
        assertEquals(1, found.getInt("total"), found.toString());
        assertEquals("Oak " + tag + " Elementary", found.getJsonArray("rows").getJsonObject(0).getString("name"));
        assertEquals(0, list("text=" + tag + "&kind=DEPARTMENT").getInt("total"));

        HttpResponse<String> renamed = api.put("/api/units/" + id, "sysadmin",
                "{\"unit\":{\"name\":\"Oak %s Academy\"},\"version\":%d}".formatted(tag, unit.getJsonNumber("version").longValue()));
        assertEquals(200, renamed.statusCode(), renamed.body());
        JsonObject after = JsonBodies.object(renamed.body());
        assertEquals("Oak " + tag + " Academy", after.getString("name"));
        assertEquals("Oak-" + tag, after.getString("code"));
        assertNotEquals(unit.getJsonNumber("version").longValue(), after.getJsonNumber("version").longValue());
        HttpResponse<String> stale = api.put("/api/units/" + id, "sysadmin",
                "{\"unit\":{\"name\":\"Lost update\"},\"version\":%d}".formatted(unit.getJsonNumber("version").longValue()));
        assertEquals(409, stale.statusCode(), "a version read before the rename: " + stale.body());

        HttpResponse<String> deactivated = api.post("/api/units/" + id + "/deactivation", "sysadmin", "");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertFalse(JsonBodies.object(deactivated.body()).getBoolean("active"));
        assertEquals(0, list("text=" + tag + "&active=true").getInt("total"), "a deactivated unit is not among the active ones");
        assertEquals(1, list("text=" + tag + "&active=false").getInt("total"));
        assertEquals(400, api.post("/api/units/" + id + "/deactivation", "sysadmin", "").statusCode(), "deactivated once only");
        HttpResponse<String> back = api.post("/api/units/" + id + "/reactivation", "sysadmin", "");
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(JsonBodies.object(back.body()).getBoolean("active"));

        String audit = api.get("/api/audit?objectType=OrgUnit&objectId=" + id + "&size=10", "auditor").body();
        for (String action : List.of("UNIT_CREATED", "UNIT_CHANGED", "UNIT_DEACTIVATED", "UNIT_REACTIVATED")) {
            assertTrue(audit.contains(action), action + " in the audit log: " + audit);
        }
        assertEquals(404, api.get("/api/units/999999999", "sysadmin").statusCode());
    }

    @Test
    void aRenameReachesTheAccountsOrderAndThePublicDirectory() {
        long alpha = create("ALPHA-" + tag, "Alpha " + tag + " Middle School", "SCHOOL").getJsonNumber("id").longValue();
        create("BETA-" + tag, "Beta " + tag + " Middle School", "SCHOOL");
        for (String[] account : new String[][]{{"a", "ALPHA-"}, {"b", "BETA-"}}) {
            String handle = "@units_" + tag + account[0];
            HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                    {"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/%s","unit":"%s",
                     "purpose":"Announcements for families.","registeredEmail":"office@district.example.org","archiveCovered":true,"operatorException":"Registered before its operator is authorized (test)."}"""
                    .formatted(handle, handle.substring(1), account[1] + tag));
            assertEquals(201, created.statusCode(), created.body());
        }
        assertEquals(List.of("Alpha", "Beta"), schoolsInConsoleOrder());
        String etag = api.get("/api/directory", null).headers().firstValue("ETag").orElseThrow();

        JsonObject unit = JsonBodies.object(api.get("/api/units/" + alpha, "sysadmin").body());
        HttpResponse<String> renamed = api.put("/api/units/" + alpha, "sysadmin",
                "{\"unit\":{\"code\":\"ALPHA-%s\",\"name\":\"Zeta %s Middle School\",\"kind\":\"SCHOOL\"},\"version\":%d}"
                        .formatted(tag, tag, unit.getJsonNumber("version").longValue()));
        assertEquals(200, renamed.statusCode(), "the same code and kind may be sent back: " + renamed.body());

        assertEquals(List.of("Beta", "Zeta"), schoolsInConsoleOrder(), "the console's order by school follows the new name");
        assertNotEquals(etag, api.get("/api/directory", null).headers().firstValue("ETag").orElseThrow(),
                "the public directory shows the name: its version moved");
        String directory = api.get("/api/directory?unitId=" + alpha, null).body();
        assertTrue(directory.contains("Zeta " + tag + " Middle School") && !directory.contains("Alpha " + tag), directory);
    }

    /** The first word of the school of each of this test's accounts, in the accounts console's order by school. */
    private List<String> schoolsInConsoleOrder() {
        HttpResponse<String> page = api.get("/api/accounts?text=units_" + tag + "&sort=unit", "sysadmin");
        assertEquals(200, page.statusCode(), page.body());
        return JsonBodies.object(page.body()).getJsonArray("rows").stream()
                .map(row -> row.asJsonObject().getString("unit").split(" ")[0]).toList();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndATakenCodeIsAConflict() {
        HttpResponse<String> empty = api.post("/api/units", "sysadmin", "{\"code\":\" \",\"name\":\"\"}");
        assertEquals(400, empty.statusCode(), empty.body());
        JsonObject errors = JsonBodies.object(empty.body()).getJsonObject("errors");
        assertTrue(errors.getString("code").contains("Enter the code"), errors.toString());
        assertTrue(errors.getString("name").contains("Enter the name"), errors.toString());
        assertTrue(errors.getString("kind").contains("Choose school or department"), errors.toString());

        HttpResponse<String> badCode = api.post("/api/units", "sysadmin",
                "{\"code\":\"north campus\",\"name\":\"North Campus\",\"kind\":\"SCHOOL\"}");
        assertEquals(400, badCode.statusCode(), badCode.body());
        assertTrue(JsonBodies.object(badCode.body()).getJsonObject("errors").getString("code").contains("letters, digits"), badCode.body());
        assertEquals(400, api.post("/api/units", "sysadmin", "{\"code\":\"X\",\"name\":\"X\",\"kind\":\"CAMPUS\"}").statusCode(),
                "no such kind");

        JsonObject unit = create("Dup-" + tag, "Dup " + tag + " Department", "DEPARTMENT");
        for (String code : List.of("Dup-" + tag, "DUP-" + tag.toUpperCase(Locale.ROOT))) {
            HttpResponse<String> twice = api.post("/api/units", "sysadmin",
                    "{\"code\":\"%s\",\"name\":\"Another\",\"kind\":\"SCHOOL\"}".formatted(code));
            assertEquals(409, twice.statusCode(), code + ": " + twice.body());
            assertTrue(JsonBodies.object(twice.body()).getString("message").contains("already used by Dup " + tag), twice.body());
        }
        HttpResponse<String> twiceAndEmpty = api.post("/api/units", "sysadmin",
                "{\"code\":\"Dup-%s\",\"name\":\"\",\"kind\":\"SCHOOL\"}".formatted(tag));
        assertEquals(400, twiceAndEmpty.statusCode(), "every problem at once: " + twiceAndEmpty.body());
        assertTrue(JsonBodies.object(twiceAndEmpty.body()).getJsonObject("errors").containsKey("code"), twiceAndEmpty.body());
        assertEquals(1, list("text=dup-" + tag).getInt("total"), "nothing refused was stored");

        long version = unit.getJsonNumber("version").longValue();
        String path = "/api/units/" + unit.getJsonNumber("id");
        HttpResponse<String> newCode = api.put(path, "sysadmin",
                "{\"unit\":{\"code\":\"Other-%s\",\"name\":\"Dup\",\"kind\":\"SCHOOL\"},\"version\":%d}".formatted(tag, version));
        assertEquals(400, newCode.statusCode(), newCode.body());
        JsonObject fixed = JsonBodies.object(newCode.body()).getJsonObject("errors");
        assertTrue(fixed.getString("code").contains("cannot change") && fixed.getString("kind").contains("cannot become"), fixed.toString());
        assertEquals(400, api.put(path, "sysadmin", "{\"unit\":{\"name\":\" \"},\"version\":%d}".formatted(version)).statusCode());
        assertEquals(400, api.put(path, "sysadmin", "{\"name\":\"No envelope\"}").statusCode());
        assertEquals("Dup " + tag + " Department", JsonBodies.object(api.get(path, "sysadmin").body()).getString("name"));

        assertEquals(400, api.get("/api/units?size=101", "sysadmin").statusCode());
        assertEquals(400, api.get("/api/units?kind=CAMPUS", "sysadmin").statusCode());
    }

    /** Every role on every endpoint is AccessTableIT's walk; here, that a refused valid body stores nothing. */
    @Test
    void onlySystemAdministratorsKeepUnits() {
        String body = "{\"code\":\"X-%s\",\"name\":\"X\",\"kind\":\"SCHOOL\"}".formatted(tag);
        assertEquals(401, api.post("/api/units", null, body).statusCode());
        assertEquals(403, api.post("/api/units", "superintendent", body).statusCode());
        assertEquals(403, api.get("/api/units", "auditor").statusCode());
        assertEquals(0, list("text=X-" + tag).getInt("total"));
    }

    @Test
    void aRosterImportNamingAHandMadeSchoolUsesItAndKeepsItsName() throws IOException {
        // no identifier in orgs.csv: the sourcedId is the code, in its own case
        String sourcedId = "org-" + tag;
        create(sourcedId, "Riverside " + tag + " High School", "SCHOOL");
        String users = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n"
                + "stu-%1$s,,,true,org-%1$s,student,s%1$s,,Ana,River,,UN%1$s,,,,,09,\n".formatted(tag);
        byte[] zip = zip("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + sourcedId + ",,,Riverside HS (SIS spelling),school,,\n", "users.csv", users);
        HttpResponse<String> imported = api.postBytes("/api/imports/oneroster", "sysadmin", "application/zip", zip);
        assertEquals(202, imported.statusCode(), imported.body());
        JsonObject report = imported(JsonBodies.object(imported.body()).getJsonNumber("id").longValue());
        assertEquals("COMPLETED", report.getString("status"), report.toString());
        assertTrue(report.getString("summary").startsWith("schools: 0 new"), report.toString());
        assertEquals(1, report.getJsonObject("counts").getJsonObject("students").getInt("created"),
                "the student went into the hand-made school: " + report);

        JsonObject units = list("text=" + tag);
        assertEquals(1, units.getInt("total"), "one unit, not two: " + units);
        assertEquals("Riverside " + tag + " High School", units.getJsonArray("rows").getJsonObject(0).getString("name"),
                "the District's name stays: the import does not rename");
    }

    /** The import run once its batch job is done with it. */
    private JsonObject imported(long id) throws IOException {
        for (int tries = 0; tries < 600; tries++) {
            JsonObject run = JsonBodies.object(api.get("/api/imports/" + id, "sysadmin").body());
            if (!List.of("PREVIEWING", "RUNNING").contains(run.getString("status"))) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new AssertionError("import run " + id + " still at work after a minute");
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
