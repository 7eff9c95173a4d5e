package org.district.socialmedia.acknowledgements;

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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Versioned policy and acknowledgement campaigns, end to end through the API with the test clock moved and
 * GreenMail as the SMTP server: a published version that requires acknowledgement starts a campaign for every
 * active staff member; the notice, each reminder and the overdue notice go out once however often the timer
 * runs; staff acknowledge through the API and through the email's personal link (used twice, or expired: refused); the
 * coverage report and its CSV. The campaign is ended at the end, so the demo staff owe nothing in later tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AcknowledgementsIT {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    private static final Pattern TOKEN = Pattern.compile("acknowledge\\.xhtml\\?token=([A-Za-z0-9_-]+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();
    private final List<Long> campaigns = new ArrayList<>();
    private Inbox inbox;

    @BeforeEach
    void startSmtp() {
        inbox = Inbox.start();
    }

    @AfterEach
    void endCampaignsAndResetClock() {
        for (Long id : campaigns) {
            api.post("/api/acknowledgements/campaigns/" + id + "/closing", "sysadmin", "{}");
        }
        // a test that failed before it knew its campaign: whatever is open ends, so later tests' staff owe nothing
        HttpResponse<String> latest = api.get("/api/acknowledgements/coverage", "superintendent");
        if (latest.statusCode() == 200 && JsonBodies.object(latest.body()).getJsonObject("campaign").getBoolean("open")) {
            api.post("/api/acknowledgements/campaigns/" + JsonBodies.object(latest.body()).getJsonObject("campaign").getJsonNumber("id")
                    + "/closing", "sysadmin", "{}");
        }
        api.post("/api/test/clock/reset", "sysadmin", "{}");
        inbox.close();
    }

    private Instant serverNow() {
        return Instant.parse(JsonBodies.object(api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").body()).getString("now"));
    }

    private void moveClock(Duration by) {
        HttpResponse<String> moved = api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + by + "\"}");
        assertEquals(200, moved.statusCode(), moved.body());
    }

    private void sweepAndRelay() {
        assertEquals(200, api.post("/api/test/ack-sweep", "sysadmin", "{}").statusCode());
        api.post("/api/test/mail-relay", "sysadmin", "{}");
    }

    /** Two timer passes and relays: a stage that would go out twice would by now. */
    private void sweepTwiceAndRelay() throws Exception {
        inbox.settle(this::sweepAndRelay);
    }

    private void awaitMail(String subjectPart, String to) throws Exception {
        inbox.await(subjectPart, to, this::sweepAndRelay);
    }

    /** Distinct messages (by Message-ID) whose subject contains the text, sent to the address. */
    private List<MimeMessage> mails(String subjectPart, String to) {
        return inbox.mails(subjectPart, to);
    }

    private static String token(MimeMessage m) throws Exception {
        String text = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
        Matcher found = TOKEN.matcher(text);
        assertTrue(found.find(), "a personal link in: " + text);
        return found.group(1);
    }

    private JsonObject publishGuidelines(LocalDate effectiveOn, boolean requiresAck, String label) {
        HttpResponse<String> published = api.post("/api/policy-versions", "superintendent", "{\"document\":\"SUPERINTENDENT_GUIDELINES\","
                + "\"label\":\"" + label + "\",\"effectiveOn\":\"" + effectiveOn + "\",\"summary\":\"First guidelines.\","
                + "\"text\":\"Supplemental guidelines\\nEmployees keep personal and District accounts apart.\\n"
                + "Nothing here restricts concerted activity about wages, hours or working conditions.\","
                + "\"requiresAcknowledgement\":" + requiresAck + "}");
        assertEquals(201, published.statusCode(), published.body());
        return JsonBodies.object(published.body());
    }

    private JsonObject mine(String user, long versionId) {
        return JsonBodies.array(api.get("/api/me/acknowledgements", user).body()).stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getJsonNumber("versionId").longValue() == versionId).findFirst().orElseThrow();
    }

    @Test
    void aVersionInForceStartsACampaignThatRemindsOnceAndIsAcknowledgedByApiAndByLink() throws Exception {
        LocalDate today = serverNow().atZone(DISTRICT).toLocalDate();
        String suffix = Long.toString(System.nanoTime() % 100000);

        // bad input first: nothing is published
        assertEquals(403, api.post("/api/policy-versions", "employee1", "{\"document\":\"SUPERINTENDENT_GUIDELINES\"}").statusCode());
        HttpResponse<String> past = api.post("/api/policy-versions", "superintendent", "{\"document\":\"SUPERINTENDENT_GUIDELINES\","
                + "\"label\":\"Past\",\"effectiveOn\":\"" + today.minusDays(1) + "\",\"summary\":\"x\",\"text\":\"x\",\"requiresAcknowledgement\":true}");
        assertEquals(400, past.statusCode(), past.body());
        assertTrue(past.body().contains("effectiveOn"), past.body());

        String label = "Guidelines " + suffix;
        JsonObject version = publishGuidelines(today, true, label);
        long versionId = version.getJsonNumber("id").longValue();
        assertTrue(version.getBoolean("inForce"), version.toString());
        JsonObject later = publishGuidelines(today.plusDays(400), false, "Later guidelines " + suffix);
        assertFalse(later.getBoolean("inForce"));
        // the earlier version stays readable, and the board policy's version 1 is still the one in force
        assertEquals(200, api.get("/api/policy-versions/" + versionId, "employee2").statusCode());
        JsonObject board = JsonBodies.array(api.get("/api/policy-versions", "employee1").body()).stream().map(JsonValue::asJsonObject)
                .filter(v -> v.getBoolean("inForce")).findFirst().orElseThrow();
        assertTrue(board.getString("text").contains("concerted activity"), "the acknowledged text carries the carve-out");
        assertTrue(board.getString("text").contains("Employee Rules of Conduct"), "and the rules of conduct");

        // the timer starts the campaign; every active staff member gets the notice once
        String notice = "please acknowledge Supplemental guidelines on social media use (" + label + ")";
        String reminder = "reminder: " + notice;
        awaitMail(notice, "employee1@");
        sweepTwiceAndRelay();
        JsonObject coverage = JsonBodies.object(api.get("/api/acknowledgements/coverage", "superintendent").body());
        long campaignId = coverage.getJsonObject("campaign").getJsonNumber("id").longValue();
        campaigns.add(campaignId);
        assertEquals(versionId, coverage.getJsonObject("campaign").getJsonNumber("versionId").longValue());
        long total = coverage.getJsonNumber("total").longValue();
        assertTrue(total >= 7, "every active demo staff member: " + coverage);
        assertEquals(0, coverage.getJsonNumber("done").longValue());
        List<MimeMessage> notices = mails(notice, "employee1@");
        assertEquals(1, notices.size(), "the notice, once");
        assertEquals(1, mails(notice, "employee2@").size());
        String firstLink = token(notices.get(0));

        // P14D with reminders P7D,P2D: past the first reminder, each reminder once
        moveClock(Duration.ofDays(7).plusMinutes(1));
        awaitMail(reminder, "employee1@");
        sweepTwiceAndRelay();
        assertEquals(2, mails(notice, "employee1@").size(), "the notice and the reminder (whose subject contains the notice's)");
        List<MimeMessage> reminders = mails(reminder, "employee1@");
        assertEquals(1, reminders.size(), "the first reminder, once");

        // the link of the notice, for employee1 only, once
        String body = "{\"token\":\"" + firstLink + "\"}";
        assertEquals(403, api.post("/api/me/acknowledgements", "employee2", body).statusCode(), "someone else's link");
        assertEquals(404, api.post("/api/me/acknowledgements", "employee1", "{\"token\":\"not-a-token\"}").statusCode());
        HttpResponse<String> byLink = api.post("/api/me/acknowledgements", "employee1", body);
        assertEquals(200, byLink.statusCode(), byLink.body());
        JsonObject mine = mine("employee1", versionId);
        assertNotNull(mine.getString("acknowledgedAt"));
        assertEquals("LINK", mine.getString("channel"));
        assertEquals(version.getString("textSha256"), mine.getString("textSha256"), "the SHA-256 of the text shown");
        HttpResponse<String> again = api.post("/api/me/acknowledgements", "employee1", body);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("already used"), again.body());
        String reminderLink = token(reminders.get(0));
        assertEquals(409, api.post("/api/me/acknowledgements", "employee1", "{\"token\":\"" + reminderLink + "\"}").statusCode(),
                "acknowledged already: the reminder's link changes nothing");

        // through the API: the version in force only
        HttpResponse<String> notInForce = api.post("/api/me/acknowledgements", "employee2",
                "{\"versionId\":" + later.getJsonNumber("id").longValue() + "}");
        assertEquals(409, notInForce.statusCode(), notInForce.body());
        assertTrue(notInForce.body().contains("not in force"), notInForce.body());
        assertTrue(mine("employee2", versionId).isNull("acknowledgedAt"), "nothing changed");
        assertEquals(400, api.post("/api/me/acknowledgements", "employee2", "{}").statusCode());
        HttpResponse<String> byApi = api.post("/api/me/acknowledgements", "employee2", "{\"versionId\":" + versionId + "}");
        assertEquals(200, byApi.statusCode(), byApi.body());
        assertEquals("API", mine("employee2", versionId).getString("channel"));
        assertEquals(409, api.post("/api/me/acknowledgements", "employee2", "{\"versionId\":" + versionId + "}").statusCode());

        // past the end: the second reminder went out once on the way; the overdue notice goes to the unit's contact, once
        moveClock(Duration.ofDays(7));
        awaitMail("policy acknowledgement overdue", "@");
        sweepTwiceAndRelay();
        assertEquals(1, mails(reminder, "employee2@").size(), "employee2 had the first reminder only");
        assertEquals(1, mails(reminder, "employee3@").size(), "the second reminder was passed by the overdue notice");
        assertEquals(0, mails("overdue: Maria Lopez", "@").size(), "who acknowledged is not overdue");
        Map<String, Integer> overdueBySubject = new HashMap<>();
        for (MimeMessage m : mails("policy acknowledgement overdue", "@")) {
            overdueBySubject.merge(m.getSubject(), 1, Integer::sum);
        }
        assertFalse(overdueBySubject.isEmpty());
        overdueBySubject.forEach((subject, n) -> assertEquals(1, n, "once: " + subject));

        // a personal link past the period's end (employee3's reminder's): refused, and nothing changes
        String expiredLink = token(mails(reminder, "employee3@").get(0));
        HttpResponse<String> expired = api.post("/api/me/acknowledgements", "employee3", "{\"token\":\"" + expiredLink + "\"}");
        assertEquals(409, expired.statusCode(), expired.body());
        assertTrue(expired.body().contains("expired"), expired.body());
        assertTrue(mine("employee3", versionId).isNull("acknowledgedAt"), "nothing changed");

        // coverage: District and per unit, with who is outstanding, and the CSV
        JsonObject after = JsonBodies.object(api.get("/api/acknowledgements/coverage", "auditor").body());
        assertEquals(2, after.getJsonNumber("done").longValue(), after.toString());
        assertEquals(total - 2, after.getJsonNumber("overdue").longValue(), "everybody else is overdue");
        JsonObject lhs = after.getJsonArray("units").stream().map(JsonValue::asJsonObject)
                .filter(u -> !u.isNull("unitId") && u.getString("unitName").contains("Lincoln")).findFirst().orElseThrow();
        JsonObject unit = JsonBodies.object(api.get("/api/acknowledgements/coverage?unit=" + lhs.getJsonNumber("unitId"), "superintendent").body());
        assertTrue(unit.getJsonArray("outstandingPeople").stream().map(JsonValue::asJsonObject)
                .noneMatch(p -> p.getString("username").equals("employee1")), "employee1 acknowledged: " + unit);
        assertEquals(lhs.getJsonNumber("outstanding").longValue(), unit.getJsonArray("outstandingPeople").size());
        assertEquals(403, api.get("/api/acknowledgements/coverage", "employee1").statusCode());
        HttpResponse<String> csv = api.getAccepting("/api/acknowledgements/coverage.csv", "superintendent", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("username,full_name,school_or_department,due_at,acknowledged_at,overdue"), csv.body());
        assertTrue(csv.body().lines().anyMatch(l -> l.startsWith("employee1,Maria Lopez,") && l.endsWith(",false")), csv.body());
        assertEquals(total + 1, csv.body().lines().count());
    }
}
