package org.district.socialmedia.consent;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.Inbox;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.Multipart;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consent API on the real WAR with the demo roster: uploads judged by their content, each reason
 * of the check before posting, a revocation's takedown task with its email and reminder (each once),
 * and a clerk of another school who learns nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentApiIT {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    /** A 1x1 PNG. */
    private static final byte[] PNG = HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489"
            + "0000000D49444154789C6360000002000154A24F5D0000000049454E44AE426082");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();
    private Inbox inbox;
    /** The handle of the account the last accountOn made. */
    private String lastHandle;

    @AfterEach
    void cleanUp() {
        api.post("/api/test/clock/reset", "sysadmin", "{}");
        if (inbox != null) {
            inbox.close();
        }
    }

    static byte[] realPdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("I authorize the District to post photographs of my child."));
        document.close();
        return out.toByteArray();
    }

    private LocalDate today() {
        return serverNow().atZone(DISTRICT).toLocalDate();
    }

    private Instant serverNow() {
        return Instant.parse(JsonBodies.object(api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").body()).getString("now"));
    }

    static long guardianOf(Api api, String clerk, String studentId) {
        HttpResponse<String> student = api.get("/api/students/" + studentId, clerk);
        assertEquals(200, student.statusCode(), student.body());
        return JsonBodies.object(student.body()).getJsonArray("guardians").getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** An electronic form (no scan) for a student of Washington Elementary, recorded by its clerk. */
    static JsonObject electronicForm(Api api, String studentId, String items, String channelPart) {
        HttpResponse<String> created = api.post("/api/consents", "clerk", """
                {"studentId":"%s","guardianId":%d,"signedOn":"%s","formVersion":"2026-1","receivedBy":"ELECTRONIC",
                 "items":%s%s}""".formatted(studentId, guardianOf(api, "clerk", studentId), LocalDate.now(DISTRICT).minusDays(2),
                items, channelPart));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body());
    }

    private HttpResponse<String> upload(String studentId, String fileName, String declaredType, byte[] content) {
        String consent = """
                {"studentId":"%s","guardianId":%d,"signedOn":"%s","formVersion":"2026-1","receivedBy":"PAPER_SCAN",
                 "items":["PHOTO","FIRST_NAME"],"channel":"ALL"}""".formatted(studentId, guardianOf(api, "clerk", studentId),
                today().minusDays(1));
        Multipart body = new Multipart().text("consent", "application/json", consent).file("scan", fileName, declaredType, content);
        return api.postBytes("/api/consents", "clerk", body.contentType(), body.bytes());
    }

    /** An account at Washington Elementary on the platform, with siteadmin2 holding rights on it (so may check posts). */
    private long accountOn(String platform) {
        String handle = "@consent_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                {"platform":"%s","handle":"%s","url":"https://example.org/%s","unit":"WES","purpose":"Class news.",
                 "registeredEmail":"wes-office@district.example.org","operatorException":"Registered before its operator is authorized (test)."}""".formatted(platform, handle, handle.substring(1)));
        assertEquals(201, created.statusCode(), created.body());
        long id = JsonBodies.object(created.body()).getJsonNumber("id").longValue();
        lastHandle = handle;
        assertEquals(201, api.post("/api/accounts/" + id + "/grants", "superintendent",
                "{\"holder\":\"siteadmin2\",\"reason\":\"Posts for the school.\"}").statusCode());
        return id;
    }

    private Map<String, JsonObject> check(long account, String items, String students) {
        HttpResponse<String> answer = api.post("/api/consent-checks", "siteadmin2",
                "{\"accountId\":" + account + ",\"items\":" + items + ",\"studentIds\":" + students + "}");
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, JsonObject> byStudent = new LinkedHashMap<>();
        for (JsonValue v : JsonBodies.object(answer.body()).getJsonArray("results")) {
            JsonObject r = v.asJsonObject();
            assertEquals(Set.of("studentId", "allowed", "reason"), r.keySet(), "nothing but the answer: " + r);
            byStudent.put(r.getString("studentId"), r);
        }
        return byStudent;
    }

    private static String reason(JsonObject result) {
        return result.isNull("reason") ? null : result.getString("reason");
    }

    @Test
    void theRenewalListNamesStudentsWithoutConsentInForceOfTheClerksOwnSchoolOnly() {
        HttpResponse<String> wes = api.get("/api/consents/renewals?size=200", "clerk");
        assertEquals(200, wes.statusCode(), wes.body());
        JsonArray rows = JsonBodies.array(wes.body());
        assertTrue(rows.size() > 0, "the demo school has students to renew: " + wes.body());
        assertTrue(rows.stream().map(JsonValue::asJsonObject).allMatch(r -> "Washington Elementary School".equals(r.getString("school"))),
                "only the clerk's school: " + wes.body());
        assertTrue(rows.stream().map(JsonValue::asJsonObject).anyMatch(r -> r.getString("why").equals("No consent in force")),
                wes.body());
        HttpResponse<String> all = api.get("/api/consents/renewals?size=200", "auditor");
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(JsonBodies.array(all.body()).size() >= rows.size());
    }

    @Test
    void aHostileFileNameNeitherReachesTheDiskNorComesBack() {
        String hostile = "../../../../etc/passwd<script>alert(1)</script>.pdf";
        HttpResponse<String> created = upload("100030", hostile, "application/pdf", realPdf());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject form = JsonBodies.object(created.body());
        JsonObject scan = form.getJsonArray("scans").getJsonObject(0);
        HttpResponse<String> download = api.getAccepting("/api/consents/" + form.getJsonNumber("id") + "/scans/" + scan.getJsonNumber("id"),
                "clerk", "*/*");
        assertEquals(200, download.statusCode());
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertFalse(disposition.contains("..") || disposition.contains("/") || disposition.contains("<"), disposition);
        assertTrue(download.body().startsWith("%PDF"), "the bytes as uploaded");
    }

    @Test
    void scansAreJudgedByTheirContentNotTheirName() {
        HttpResponse<String> pdf = upload("100029", "signed.pdf", "application/pdf", realPdf());
        assertEquals(201, pdf.statusCode(), pdf.body());
        JsonObject form = JsonBodies.object(pdf.body());
        JsonObject scan = form.getJsonArray("scans").getJsonObject(0);
        assertEquals("PDF", scan.getString("type"));
        assertEquals(64, scan.getString("sha256").length());

        HttpResponse<String> download = api.getAccepting("/api/consents/" + form.getJsonNumber("id") + "/scans/" + scan.getJsonNumber("id"),
                "clerk", "*/*");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), "never inline");
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(download.headers().firstValue("Content-Disposition").orElse("").contains("signed.pdf"),
                "stored under a name the server made");

        HttpResponse<String> png = upload("100029", "form.pdf", "application/pdf", PNG);
        assertEquals(201, png.statusCode(), png.body());
        assertEquals("PNG", JsonBodies.object(png.body()).getJsonArray("scans").getJsonObject(0).getString("type"),
                "a picture named .pdf is kept as the picture it is");

        HttpResponse<String> html = upload("100029", "form.pdf", "application/pdf",
                "<html><body><script>alert('x')</script></body></html>".getBytes());
        assertEquals(400, html.statusCode(), html.body());
        assertTrue(JsonBodies.object(html.body()).getJsonObject("errors").containsKey("scan"));

        byte[] eleven = new byte[11 * 1024 * 1024];
        byte[] head = realPdf();
        System.arraycopy(head, 0, eleven, 0, head.length);
        HttpResponse<String> big = upload("100029", "big.pdf", "application/pdf", eleven);
        assertEquals(400, big.statusCode(), big.body());
        assertTrue(JsonBodies.object(big.body()).getJsonObject("errors").getString("scan").contains("10 MB"), big.body());

        HttpResponse<String> noScan = api.post("/api/consents", "clerk", """
                {"studentId":"100029","guardianId":%d,"signedOn":"%s","formVersion":"x","receivedBy":"PAPER_SCAN","items":["PHOTO"]}"""
                .formatted(guardianOf(api, "clerk", "100029"), today()));
        assertEquals(400, noScan.statusCode(), "a paper form needs its scan");
    }

    @Test
    void eachReasonOfTheCheckAppearsWhenItShould() {
        long youtube = accountOn("YouTube");
        LocalDate today = LocalDate.now(DISTRICT);
        electronicForm(api, "100033", "[\"PHOTO\"]", ",\"channel\":\"ALL\"");
        electronicForm(api, "100034", "[\"PHOTO\",\"FULL_NAME\"]", ",\"channel\":\"PLATFORMS\",\"platformIds\":[2]");
        electronicForm(api, "100035", "[\"PHOTO\"]", ",\"channel\":\"ALL\",\"periodStart\":\"%s\",\"periodEnd\":\"%s\""
                .formatted(today.minusDays(60), today.minusDays(1)));
        long revoked = electronicForm(api, "100036", "[\"PHOTO\"]", ",\"channel\":\"ALL\"").getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/consents/" + revoked + "/revocation", "clerk",
                "{\"revokedOn\":\"" + today + "\",\"receivedBy\":\"Front office\"}").statusCode());

        Map<String, JsonObject> photo = check(youtube, "[\"PHOTO\"]", "[\"100033\",\"100034\",\"100035\",\"100036\",\"100037\"]");
        assertTrue(photo.get("100033").getBoolean("allowed"));
        assertEquals(JsonValue.NULL, photo.get("100033").get("reason"));
        assertEquals("CHANNEL_NOT_COVERED", reason(photo.get("100034")), "consent for Instagram only");
        assertEquals("EXPIRED", reason(photo.get("100035")));
        assertEquals("REVOKED", reason(photo.get("100036")));
        assertEquals("NO_CONSENT", reason(photo.get("100037")));

        Map<String, JsonObject> named = check(youtube, "[\"PHOTO\",\"FULL_NAME\"]", "[\"100033\"]");
        assertEquals("ITEM_NOT_CONSENTED", reason(named.get("100033")), "photographs yes, the full name no");

        HttpResponse<String> unknown = api.post("/api/consent-checks", "siteadmin2",
                "{\"accountId\":" + youtube + ",\"items\":[\"PHOTO\"],\"studentIds\":[\"no-such-student\"]}");
        assertEquals(400, unknown.statusCode());
        assertEquals(403, api.post("/api/consent-checks", "employee1",
                "{\"accountId\":" + youtube + ",\"items\":[\"PHOTO\"],\"studentIds\":[\"100033\"]}").statusCode(),
                "only the account's operators and administrators check its posts");

        HttpResponse<String> byClass = api.post("/api/consent-checks", "siteadmin2",
                "{\"accountId\":" + youtube + ",\"items\":[\"PHOTO\"],\"classId\":\"cls-wes-5b\"}");
        assertEquals(200, byClass.statusCode(), byClass.body());
        assertTrue(JsonBodies.object(byClass.body()).getJsonArray("results").size() > 1, "the whole class roster: " + byClass.body());
    }

    @Test
    void aRevocationCreatesATakedownTaskWithAnEmailAndRemindersUntilDoneEachOnce() throws Exception {
        inbox = Inbox.start();
        long account = accountOn("Facebook");
        long form = electronicForm(api, "100038", "[\"PHOTO\",\"FULL_NAME\"]", ",\"channel\":\"ALL\"").getJsonNumber("id").longValue();
        assertTrue(check(account, "[\"PHOTO\"]", "[\"100038\"]").get("100038").getBoolean("allowed"), "the post was cleared");

        HttpResponse<String> revoked = api.post("/api/consents/" + form + "/revocation", "clerk",
                "{\"revokedOn\":\"" + today() + "\",\"receivedBy\":\"Phone call to the office\",\"items\":[\"PHOTO\"]}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        // one task per account that posted (earlier runs on the same database may have posted elsewhere too)
        JsonArray tasks = JsonBodies.object(revoked.body()).getJsonArray("takedownTasks");
        long task = JsonBodies.array(api.get("/api/takedown-tasks", "clerk").body()).stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getJsonNumber("accountId").longValue() == account
                        && tasks.stream().anyMatch(id -> id.toString().equals(t.getJsonNumber("id").toString())))
                .mapToLong(t -> t.getJsonNumber("id").longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no takedown task for the account that posted: " + revoked.body()));
        String inForce = JsonBodies.object(revoked.body()).getJsonArray("itemsInForce").toString();
        assertFalse(inForce.contains("PHOTO"), inForce);
        assertTrue(inForce.contains("FULL_NAME"), "the rest of the consent stays: " + inForce);

        String subject = "take down posts on Facebook " + lastHandle;
        awaitMail(subject, 1);
        assertTrue(api.get("/api/takedown-tasks", "siteadmin2").body().contains("\"id\":" + task), "the operator sees the task");
        assertTrue(api.get("/api/takedown-tasks", "clerk").body().contains("\"id\":" + task), "the school's clerk sees it");

        move(Duration.ofDays(1).plusMinutes(5));
        awaitMail("reminder: " + subject, 1);
        settle();
        assertEquals(1, count("reminder: " + subject), "one reminder per due time");

        HttpResponse<String> done = api.post("/api/takedown-tasks/" + task + "/completion", "siteadmin2", "{\"note\":\"Post deleted.\"}");
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(409, api.post("/api/takedown-tasks/" + task + "/completion", "siteadmin2", "{}").statusCode());
        move(Duration.ofDays(2));
        settle();
        assertEquals(1, count("reminder: " + subject), "no reminder once done");
        assertEquals(1, count(subject) - count("reminder: " + subject), "the task's first email, once");
    }

    @Test
    void aClerkOfAnotherSchoolGetsNotFoundAndEmployeesNoConsentRecords() {
        long form = electronicForm(api, "100039", "[\"PHOTO\"]", ",\"channel\":\"ALL\"").getJsonNumber("id").longValue();
        assertEquals(404, api.get("/api/students/100039", "clerk2").statusCode(), "Lincoln's clerk does not see Washington's student");
        HttpResponse<String> other = api.get("/api/consents/" + form, "clerk2");
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains("100039"), "and learns nothing of it");
        assertEquals(404, api.post("/api/consents/" + form + "/revocation", "clerk2",
                "{\"revokedOn\":\"" + today() + "\",\"receivedBy\":\"x\"}").statusCode());
        assertEquals(403, api.get("/api/consents/" + form, "employee2").statusCode());
        assertEquals(200, api.get("/api/consents/" + form, "auditor").statusCode(), "auditors read every school");
        assertEquals(403, api.post("/api/consents/" + form + "/revocation", "auditor",
                "{\"revokedOn\":\"" + today() + "\",\"receivedBy\":\"x\"}").statusCode(), "but change nothing");
    }

    @Test
    void consentEndsAtTheEndOfItsPeriodByTheTimer() {
        LocalDate today = today();
        long form = electronicForm(api, "100032", "[\"PHOTO\"]", ",\"channel\":\"ALL\",\"periodStart\":\"%s\",\"periodEnd\":\"%s\""
                .formatted(today.minusDays(30), today)).getJsonNumber("id").longValue();
        assertEquals("ACTIVE", JsonBodies.object(api.get("/api/consents/" + form, "clerk").body()).getString("status"));
        move(Duration.ofDays(1).plusHours(1));
        // a pass the timer is running already answers at once: ask again until the expiry is done
        String status = "ACTIVE";
        for (int attempt = 0; attempt < 30 && !status.equals("EXPIRED"); attempt++) {
            api.post("/api/test/consent-sweep", "sysadmin", "{}");
            status = JsonBodies.object(api.get("/api/consents/" + form, "clerk").body()).getString("status");
            if (!status.equals("EXPIRED")) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertEquals("EXPIRED", status);
    }

    private void move(Duration by) {
        assertEquals(200, api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + by + "\"}").statusCode());
    }

    private void sweepAndRelay() {
        api.post("/api/test/consent-sweep", "sysadmin", "{}");
        api.post("/api/test/mail-relay", "sysadmin", "{}");
    }

    private void awaitMail(String subjectPart, int atLeast) throws Exception {
        inbox.awaitCount(subjectPart, atLeast, this::sweepAndRelay);
    }

    private void settle() throws Exception {
        inbox.settle(this::sweepAndRelay);
    }

    private int count(String subjectPart) {
        return inbox.count(subjectPart);
    }
}
