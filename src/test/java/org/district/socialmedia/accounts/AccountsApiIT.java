package org.district.socialmedia.accounts;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts API on the real WAR: the registry's rules, who may grant what, who sees which
 * account (another's account answers 404 with none of its content), and the public directory.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject createAccount(Api api, String handle, String unit) {
        HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/%s","unit":"%s",
                 "purpose":"Announcements for families.","registeredEmail":"office@district.example.org","archiveCovered":true,"operatorException":"Registered before its operator is authorized (test)."}"""
                .formatted(handle, handle.replace("@", ""), unit));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/accounts/" + JsonBodies.object(created.body()).getJsonNumber("id")));
        return JsonBodies.object(created.body());
    }

    @Test
    void theRegistryRefusesPersonalEmailsDuplicatesAndBadAddressesNamingEachField() {
        HttpResponse<String> personal = api.post("/api/accounts", "sysadmin", """
                {"platform":"Facebook","handle":"%s","url":"ftp://example.org","unit":"LHS","purpose":"x",
                 "registeredEmail":"coach.smith@gmail.com"}""".formatted(unique("Lincoln ")));
        assertEquals(400, personal.statusCode(), personal.body());
        JsonObject errors = JsonBodies.object(personal.body()).getJsonObject("errors");
        assertTrue(errors.getString("registeredEmail").contains("Personal e-mail addresses should not be used on District-related sites"),
                errors.toString());
        assertTrue(errors.containsKey("url"), errors.toString());

        String handle = unique("@lhs_");
        JsonObject registered = createAccount(api, handle, "LHS");
        HttpResponse<String> twice = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/x","unit":"WES","purpose":"x",
                 "registeredEmail":"office@district.example.org",
                 "operatorException":"Registered before its operator is authorized (test)."}""".formatted(handle.toUpperCase()));
        assertEquals(400, twice.statusCode(), twice.body());
        assertTrue(JsonBodies.object(twice.body()).getJsonObject("errors").getString("handle").contains("already in the registry"));

        assertEquals("sysadmin", registered.getString("operatorExceptionBy"), "the exception says by whom");
        assertTrue(registered.getString("operatorException").startsWith("Registered before its operator"), registered.toString());

        String orphan = unique("@orphan_");

        HttpResponse<String> noOperator = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/x","unit":"WES","purpose":"Announcements for families.",
                 "registeredEmail":"office@district.example.org"}""".formatted(orphan));
        assertEquals(400, noOperator.statusCode(), noOperator.body());
        assertTrue(JsonBodies.object(noOperator.body()).getJsonObject("errors").getString("operatorException")
                .contains("authorization"), noOperator.body());
        HttpResponse<String> vague = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/x","unit":"WES","purpose":"Announcements for families.",
                 "registeredEmail":"office@district.example.org","operatorException":"later"}""".formatted(orphan));
        assertEquals(400, vague.statusCode(), vague.body());
        assertFalse(api.get("/api/accounts?text=" + orphan.substring(1), "sysadmin").body().contains(orphan), "a refused registration stores nothing");

        assertEquals(403, api.post("/api/accounts", "employee1", "{\"handle\":\"x\"}").statusCode(), "employees do not keep the registry");
        assertEquals(403, api.get("/api/accounts", "clerk").statusCode(), "consent clerks have no business here");
    }

    /** A 1x1 PNG. */
    private static final byte[] PNG = HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489"
            + "0000000D49444154789C6360000002000154A24F5D0000000049454E44AE426082");

    private HttpResponse<String> signOff(long account, String user, String checklist, String fileName, String type, byte[] content) {
        Multipart body = new Multipart().text("checklist", "application/json", checklist).file("evidence", fileName, type, content);
        return api.postBytes("/api/accounts/" + account + "/checklist", user, body.contentType(), body.bytes());
    }

    /**
     * Issue 20 item 4: the yearly checklist. A sign-off with a file that is not an image or PDF, items not confirmed
     * and too few administrators names each fault and changes nothing; a full one records who, when and the
     * screenshot, and moves the due date a year on.
     */
    @Test
    void aChecklistIsSignedOffOnlyWhenEveryItemHoldsWithAScreenshotJudgedByContent() {
        long account = createAccount(api, unique("@checklist_"), "LHS").getJsonNumber("id").longValue();
        assertEquals(201, api.post("/api/accounts/" + account + "/grants", "superintendent",
                "{\"holder\":\"siteadmin\",\"reason\":\"Runs the account.\"}").statusCode());
        String path = "/api/accounts/" + account + "/checklist";
        JsonObject due = JsonBodies.object(api.get(path, "siteadmin").body());
        String firstDue = due.getString("dueOn");
        assertFalse(due.getBoolean("overdue"));
        assertTrue(due.getBoolean("dueSoon"), "a new account's first checklist is due within 30 days: " + due);
        assertTrue(due.getBoolean("maySignOff"), due.toString());
        JsonArray items = due.getJsonArray("privacyItems");
        assertFalse(items.isEmpty(), "Instagram has the privacy checklist the upgrade gave every platform");
        String allItems = items.toString();

        HttpResponse<String> refused = signOff(account, "siteadmin", """
                {"identifiesDistrict":true,"privacyItems":[%s],"recoveryIsDistrict":false}""".formatted(items.get(0).toString()),
                "settings.png", "image/png", "<html><body>not a screenshot</body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject errors = JsonBodies.object(refused.body()).getJsonObject("errors");
        assertTrue(errors.getString("evidence").contains("PDF, JPEG or PNG"), errors.toString());
        assertEquals(Set.of("evidence", "privacyItems", "recoveryIsDistrict", "admins"), errors.keySet(), errors.toString());
        JsonObject unchanged = JsonBodies.object(api.get(path, "siteadmin").body());
        assertEquals(firstDue, unchanged.getString("dueOn"), "nothing changes");
        assertTrue(unchanged.getJsonArray("history").isEmpty());

        String full = "{\"identifiesDistrict\":true,\"privacyItems\":" + allItems + ",\"recoveryIsDistrict\":true}";
        HttpResponse<String> oneAdmin = signOff(account, "siteadmin", full, "settings.png", "image/png", PNG);
        assertEquals(400, oneAdmin.statusCode(), oneAdmin.body());
        assertEquals(Set.of("admins"), JsonBodies.object(oneAdmin.body()).getJsonObject("errors").keySet(), oneAdmin.body());

        assertEquals(201, api.post("/api/accounts/" + account + "/grants", "superintendent",
                "{\"holder\":\"siteadmin2\",\"reason\":\"Second administrator.\"}").statusCode());
        assertEquals(403, signOff(account, "auditor", full, "settings.png", "image/png", PNG).statusCode(), "auditors change nothing");
        HttpResponse<String> signed = signOff(account, "siteadmin", full, "settings.pdf", "application/pdf", PNG);
        assertEquals(200, signed.statusCode(), signed.body());
        JsonObject after = JsonBodies.object(signed.body());
        JsonObject signOff = after.getJsonArray("history").getJsonObject(0);
        assertEquals("siteadmin", signOff.getString("signedBy"));
        assertEquals(firstDue, signOff.getString("dueOn"));
        assertEquals("PNG", signOff.getString("evidenceType"), "judged by content, not by its name or declared type");
        assertEquals(2, signOff.getInt("adminsAtSignOff"));
        assertEquals(signOff.getString("nextDueOn"), after.getString("dueOn"));
        assertTrue(after.getString("dueOn").compareTo(firstDue) > 0, "a year on: " + after);
        assertFalse(after.getBoolean("dueSoon"));

        HttpResponse<byte[]> download = api.getBytes(path + "/" + signOff.getJsonNumber("id") + "/evidence", "siteadmin2", "Accept", "image/png");
        assertEquals(200, download.statusCode());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(PNG.length, download.body().length);

        assertEquals(404, api.get(path, "employee1").statusCode(), "another's account is not found");
        assertEquals(404, api.getBytes(path + "/999999999/evidence", "sysadmin", "Accept", "image/png").statusCode(),
                "a sign-off of no such id (or of another account) is not found");
    }

    @Test
    void onlyTheSuperintendentOrAnEmpoweredDesigneeGrantsAndNeverToThemselvesOrToANonAdministrator() {
        long account = createAccount(api, unique("@grant_"), "RMS").getJsonNumber("id").longValue();
        String path = "/api/accounts/" + account + "/grants";

        HttpResponse<String> self = api.post(path, "superintendent", "{\"holder\":\"superintendent\",\"reason\":\"mine\"}");
        assertEquals(400, self.statusCode(), self.body());
        assertTrue(JsonBodies.object(self.body()).getJsonObject("errors").getString("holderId").contains("themselves"));

        HttpResponse<String> teacher = api.post(path, "superintendent", "{\"holder\":\"employee1\",\"reason\":\"help\"}");
        assertEquals(400, teacher.statusCode(), teacher.body());
        assertTrue(JsonBodies.object(teacher.body()).getJsonObject("errors").getString("holderId").contains("Site administrator"));

        HttpResponse<String> noReason = api.post(path, "superintendent", "{\"holder\":\"siteadmin\",\"endsOn\":\"2001-01-01\"}");
        assertEquals(400, noReason.statusCode());
        JsonObject errors = JsonBodies.object(noReason.body()).getJsonObject("errors");
        assertTrue(errors.containsKey("reason") && errors.containsKey("endsOn"), errors.toString());

        assertEquals(403, api.post(path, "sysadmin", "{\"holder\":\"siteadmin\",\"reason\":\"x\"}").statusCode(),
                "system administrators keep the registry but do not grant rights");
        assertEquals(403, api.post(path, "siteadmin2", "{\"holder\":\"siteadmin\",\"reason\":\"x\"}").statusCode());

        HttpResponse<String> granted = api.post(path, "superintendent", "{\"holder\":\"siteadmin\",\"reason\":\"Supervises the music staff.\"}");
        assertEquals(201, granted.statusCode(), granted.body());
        JsonObject grant = JsonBodies.object(granted.body());
        assertEquals("ACTIVE", grant.getString("status"));
        assertTrue(grant.getString("endsOn").endsWith("-06-30"), "by default the rights end with the school year: " + grant);
        assertEquals("Superintendent", grant.getString("grantedAs"));

        HttpResponse<String> openEnded = api.post(path, "designee", """
                {"holder":"siteadmin2","reason":"Second administrator.","openEndedReason":"Standing duty of the office manager."}""");
        assertEquals(201, openEnded.statusCode(), "the demo designee was given the power to grant: " + openEnded.body());
        assertEquals(JsonValue.NULL, JsonBodies.object(openEnded.body()).get("endsOn"));
        assertEquals("Designee of the Superintendent", JsonBodies.object(openEnded.body()).getString("grantedAs"));

        HttpResponse<String> renewed = api.post(path, "superintendent", "{\"holder\":\"siteadmin\",\"reason\":\"Another year.\"}");
        assertEquals(201, renewed.statusCode(), "granting again renews: " + renewed.body());

        JsonObject view = JsonBodies.object(api.get("/api/accounts/" + account, "auditor").body());
        assertEquals(2, view.getInt("activeAdmins"), "the renewal replaced the first grant: " + view);
        assertTrue(view.getJsonArray("grants").stream().map(JsonValue::asJsonObject)
                .anyMatch(g -> g.getJsonNumber("id").longValue() == grant.getJsonNumber("id").longValue()
                        && g.getString("status").equals("REVOKED") && g.getString("endReason").startsWith("Renewed")), view.toString());
        assertFalse(view.getJsonArray("issues").toString().contains("FEWER_THAN_TWO_ADMINS"), view.toString());
    }

    @Test
    void theRightsTableOrdersByHolderIgnoringCaseAndFollowsARename() {
        String username = unique("holder").toLowerCase();
        HttpResponse<String> created = api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"zzzz Sorted Last","email":"%s@district.example.org",
                 "roles":["EMPLOYEE","SITE_ADMIN"],"password":"a long enough password"}""".formatted(username, username));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject user = JsonBodies.object(created.body());
        long account = createAccount(api, unique("@byholder_"), "LHS").getJsonNumber("id").longValue();
        String path = "/api/accounts/" + account + "/grants";
        for (String holder : List.of(username, "siteadmin", "siteadmin2")) {
            assertEquals(201, api.post(path, "superintendent", "{\"holder\":\"" + holder + "\",\"reason\":\"Order test.\"}")
                    .statusCode());
        }
        long grant = JsonBodies.object(api.get("/api/grants?accountId=" + account + "&holder=" + username, "auditor").body())
                .getJsonArray("rows").getJsonObject(0).getJsonNumber("id").longValue();

        assertEquals(List.of(2, 0), positionsOf(grant, account), "'zzzz' after the demo administrators, either way round");
        // over the whole registry (the index walk of V14): no other name sorts after it (nor, below, before "AAAA Sorted
        // First"); the holder's name, not the id, since the test may have run before on the same database
        JsonArray lastOfAll = JsonBodies.object(api.get("/api/grants?sort=holder&ascending=false&size=1", "auditor").body())
                .getJsonArray("rows");
        assertEquals("zzzz Sorted Last", lastOfAll.getJsonObject(0).getString("holderName"), lastOfAll.toString());

        HttpResponse<String> renamed = api.put("/api/staff/" + user.getJsonNumber("id"), "sysadmin", """
                {"user":{"username":"%s","fullName":"AAAA Sorted First","email":"%s@district.example.org","roles":["EMPLOYEE","SITE_ADMIN"]},
                 "version":%d}""".formatted(username, username, user.getJsonNumber("version").longValue()));
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals(List.of(0, 2), positionsOf(grant, account), "the rename moves the rights to the name's place, case ignored");
        JsonArray firstOfAll = JsonBodies.object(api.get("/api/grants?sort=holder&size=1", "auditor").body()).getJsonArray("rows");
        assertEquals("AAAA Sorted First", firstOfAll.getJsonObject(0).getString("holderName"), firstOfAll.toString());

        HttpResponse<String> csv = api.getAccepting("/api/grants/export?accountId=" + account + "&sort=holder", "auditor", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        String[] lines = csv.body().split("\r\n");
        assertEquals(4, lines.length, "the header and the account's three rights: " + csv.body());
        assertTrue(lines[1].startsWith(grant + "," + account + ",") && lines[1].contains("," + username + ",AAAA Sorted First,ACTIVE,"),
                "the export in the table's order, with the new name: " + lines[1]);
    }

    /** Where the grant is in the account's rights by holder: ascending, then descending. */
    private List<Integer> positionsOf(long grant, long account) {
        List<Integer> positions = new java.util.ArrayList<>();
        for (boolean ascending : new boolean[] {true, false}) {
            List<Long> ids = JsonBodies.object(api.get("/api/grants?accountId=" + account + "&sort=holder&ascending=" + ascending,
                    "auditor").body()).getJsonArray("rows").stream().map(r -> r.asJsonObject().getJsonNumber("id").longValue()).toList();
            assertEquals(3, ids.size(), ids.toString());
            positions.add(ids.indexOf(grant));
        }
        return positions;
    }

    @Test
    void theRightsTableOrdersByLastDayWithOpenEndedRightsLastAndTheirKeyNeverExpiresSoon() {
        long account = createAccount(api, unique("@order_"), "LHS").getJsonNumber("id").longValue();
        String path = "/api/accounts/" + account + "/grants";
        String soon = java.time.LocalDate.now().plusDays(10).toString();
        assertEquals(201, api.post(path, "superintendent", """
                {"holder":"siteadmin2","reason":"Standing duty.","openEndedReason":"Office manager of the school."}""").statusCode());
        assertEquals(201, api.post(path, "superintendent", "{\"holder\":\"siteadmin\",\"reason\":\"Event.\",\"endsOn\":\"" + soon + "\"}")
                .statusCode());

        JsonArray ascending = JsonBodies.object(api.get("/api/grants?accountId=" + account, "auditor").body()).getJsonArray("rows");
        assertEquals(soon, ascending.getJsonObject(0).getString("endsOn"), ascending.toString());
        assertEquals(JsonValue.NULL, ascending.getJsonObject(1).get("endsOn"), "no end date sorts after every date: " + ascending);
        JsonArray descending = JsonBodies.object(api.get("/api/grants?accountId=" + account + "&ascending=false", "auditor").body())
                .getJsonArray("rows");
        assertEquals(JsonValue.NULL, descending.getJsonObject(0).get("endsOn"), descending.toString());

        JsonObject expiring = JsonBodies.object(api.get("/api/grants?accountId=" + account + "&expiringSoon=true", "auditor").body());
        assertEquals(1, expiring.getInt("total"), "open-ended rights never expire soon: " + expiring);
        assertEquals(soon, expiring.getJsonArray("rows").getJsonObject(0).getString("endsOn"));

        JsonObject bySchool = JsonBodies.object(api.get("/api/accounts?sort=unit&size=100", "auditor").body());
        assertTrue(bySchool.getBoolean("totalExact"));
        java.util.List<String> units = bySchool.getJsonArray("rows").stream().map(r -> r.asJsonObject().getString("unit")).toList();
        java.util.List<String> sorted = units.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertEquals(sorted, units, "by school, in the order of the schools' names");
    }

    @Test
    void revokingNeedsAReasonEndsTheRightsOnceAndTheHolderLosesSightOfTheAccount() {
        long account = createAccount(api, unique("@revoke_"), "WES").getJsonNumber("id").longValue();
        long grant = JsonBodies.object(api.post("/api/accounts/" + account + "/grants", "superintendent",
                "{\"holder\":\"siteadmin2\",\"reason\":\"Office manager.\"}").body()).getJsonNumber("id").longValue();
        assertEquals(200, api.get("/api/accounts/" + account, "siteadmin2").statusCode(), "the holder sees the account");
        assertEquals(404, api.get("/api/accounts/" + account, "siteadmin").statusCode(), "another administrator does not");
        assertFalse(api.get("/api/accounts/" + account, "siteadmin").body().contains("office@district"), "and learns nothing of it");

        HttpResponse<String> noReason = api.post("/api/grants/" + grant + "/revocation", "superintendent", "{\"reason\":\" \"}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        HttpResponse<String> revoked = api.post("/api/grants/" + grant + "/revocation", "superintendent", "{\"reason\":\"Moved to another school.\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("REVOKED", JsonBodies.object(revoked.body()).getString("status"));
        assertEquals(409, api.post("/api/grants/" + grant + "/revocation", "superintendent", "{\"reason\":\"again\"}").statusCode());
        assertEquals(404, api.get("/api/accounts/" + account, "siteadmin2").statusCode(), "rights ended: the account is out of sight");

        String history = api.get("/api/accounts/" + account, "auditor").body();
        assertTrue(history.contains("\"status\":\"REVOKED\""), history);
    }

    @Test
    void anAccountMadeFromAnAuthorizedRequestLineIsOperatedByTheEmployee() {
        JsonArray mine = JsonBodies.array(api.get("/api/me/authorizations", "employee1").body());
        HttpResponse<String> submitted = api.post("/api/requests", "employee1", """
                {"lines":[{"platform":"YouTube","objectives":"Lab safety videos for my classes.","audience":["STUDENTS"],
                  "communicatesWithStudents":true,"accountName":"%s","districtEmail":"mlopez@district.example.org"}]}"""
                .formatted(unique("Chem Lab ")));
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonObject request = JsonBodies.object(submitted.body());
        long lineId = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> decided = api.post("/api/requests/" + request.getJsonNumber("id") + "/decision", "superintendent",
                "{\"lines\":[{\"lineId\":" + lineId + ",\"outcome\":\"AUTHORIZE\"}]}");
        assertEquals(200, decided.statusCode(), decided.body());
        JsonArray now = JsonBodies.array(api.get("/api/me/authorizations", "employee1").body());
        assertEquals(mine.size() + 1, now.size());
        long authorization = now.stream().map(JsonValue::asJsonObject).mapToLong(a -> a.getJsonNumber("id").longValue()).max().orElseThrow();

        HttpResponse<String> created = api.post("/api/accounts", "sysadmin",
                "{\"authorizationId\":" + authorization + ",\"url\":\"https://www.youtube.com/@chemlab\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject account = JsonBodies.object(created.body());
        assertEquals("YouTube", account.getString("platform"));
        assertEquals("mlopez@district.example.org", account.getString("registeredEmail"));
        assertEquals("Lincoln High School", account.getString("unit"), "the employee's school owns it");
        assertEquals("employee1", account.getJsonArray("operators").getJsonObject(0).getString("username"));

        JsonObject list = JsonBodies.object(api.get("/api/accounts?size=200", "employee1").body());
        assertTrue(list.getBoolean("totalExact"), list.toString());
        assertEquals(list.getJsonArray("rows").size(), list.getInt("total"), "a few accounts are counted exactly");
        Set<Long> visible = list.getJsonArray("rows").stream()
                .map(r -> r.asJsonObject().getJsonNumber("id").longValue()).collect(Collectors.toSet());
        assertTrue(visible.contains(account.getJsonNumber("id").longValue()), "the operator sees the account");
        assertEquals(404, api.get("/api/accounts/" + account.getJsonNumber("id"), "employee2").statusCode());
    }

    @Test
    void theCsvExportHoldsExactlyWhatTheFilterShowsAndIsAudited() {
        String handle = unique("@csv_");
        long id = createAccount(api, handle, "LHS").getJsonNumber("id").longValue();
        HttpResponse<String> csv = api.getAccepting("/api/accounts/export?text=" + handle.substring(1), "auditor", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(2, lines.length, "the header and the one matching account: " + csv.body());
        assertTrue(lines[0].startsWith("id,platform,handle,url"), lines[0]);
        assertTrue(lines[1].startsWith(id + ",Instagram,'" + handle + ","),
                "a cell starting with @ is defused for spreadsheets: " + lines[1]);
        assertEquals(403, api.getAccepting("/api/accounts/export", "clerk", "text/csv").statusCode());
    }

    @Test
    void theDirectoryIsPublicListsOnlyActiveAccountsWithFourFieldsAndRevalidatesByETag() {
        String handle = unique("@dir_");
        long id = createAccount(api, handle, "WES").getJsonNumber("id").longValue();
        HttpResponse<String> directory = api.get("/api/directory", null);
        assertEquals(200, directory.statusCode(), directory.body());
        JsonArray entries = JsonBodies.array(directory.body());
        JsonObject mine = entries.stream().map(JsonValue::asJsonObject).filter(e -> e.getString("handle").equals(handle)).findFirst()
                .orElseThrow(() -> new AssertionError(handle + " not in " + directory.body()));
        assertEquals(Set.of("platform", "handle", "url", "unit"), mine.keySet(), "nothing but the four fields");
        assertEquals("Washington Elementary School", mine.getString("unit"));
        assertFalse(directory.body().contains("@district.example.org"), "no email address is published");

        String etag = directory.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag, "the directory carries an ETag");
        assertTrue(directory.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        assertEquals(304, api.getWithHeader("/api/directory", null, "If-None-Match", etag).statusCode());

        JsonObject account = JsonBodies.object(api.get("/api/accounts/" + id, "sysadmin").body());
        assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").statusCode());
        HttpResponse<String> suspended = api.put("/api/accounts/" + id + "/status", "sysadmin",
                "{\"status\":\"SUSPENDED\",\"version\":" + account.getJsonNumber("version") + "}");
        assertEquals(200, suspended.statusCode(), suspended.body());
        HttpResponse<String> after = api.getWithHeader("/api/directory", null, "If-None-Match", etag);
        assertEquals(200, after.statusCode(), "a change answers in full with a new ETag");
        assertFalse(after.body().contains(handle), "a suspended account is not listed");
    }

    /**
     * The rights timer looks at a new account's checklist at its first pass: that look plans its next one and is no
     * change of the account, so a change begun on the account as it was read before still saves.
     */
    @Test
    void theTimersFirstLookAtANewAccountLeavesItsVersionSoAChangeBegunBeforeSaves() {
        // as registered: the timer's own pass (every 2 s on the test server) may come before or after the one run here
        JsonObject before = createAccount(api, unique("@looked_"), "LHS");
        long id = before.getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/test/rights-sweep", "sysadmin", "{}").statusCode());
        JsonObject looked = JsonBodies.object(api.get("/api/accounts/" + id, "sysadmin").body());
        assertEquals(before.getJsonNumber("version"), looked.getJsonNumber("version"), looked.toString());
        HttpResponse<String> suspended = api.put("/api/accounts/" + id + "/status", "sysadmin",
                "{\"status\":\"SUSPENDED\",\"version\":" + before.getJsonNumber("version") + "}");
        assertEquals(200, suspended.statusCode(), suspended.body());
    }

    @Test
    void rightsGrantedBearTheGranterNameAsTheDirectoryHasIt() {
        long account = createAccount(api, unique("@named_"), "LHS").getJsonNumber("id").longValue();
        HttpResponse<String> granted = api.post("/api/accounts/" + account + "/grants", "superintendent",
                "{\"holder\":\"siteadmin\",\"reason\":\"Runs the school's page.\"}");
        assertEquals(201, granted.statusCode(), granted.body());
        JsonObject grant = JsonBodies.object(granted.body());
        assertEquals("superintendent", grant.getString("grantedBy"));
        assertEquals("Dr. Helen Brooks", grant.getString("grantedByName"));
    }
}
