package org.district.socialmedia.requests;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Deadline escalation with the application clock moved instead of waiting, GreenMail as the SMTP
 * server: reminders at 2 and 1 days, overdue at the deadline, a daily repeat, each once; nothing
 * for a request decided in time; one late message after "downtime" across several stages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EscalationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private final Api api = Api.onTestServer();
    private Inbox inbox;

    @BeforeEach
    void startSmtp() {
        inbox = Inbox.start();
    }

    @AfterEach
    void resetClock() {
        api.post("/api/test/clock/reset", "sysadmin", "{}");
        inbox.close();
    }

    private JsonObject submit(String user) {
        HttpResponse<String> created = api.post("/api/requests", user, """
                {"lines":[{"platform":"Podcast","objectives":"Escalation check %s","audience":["PUBLIC"],
                  "accountName":"esc-%s","districtEmail":"teacher@district.example.org"}]}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body());
    }

    /** Moves the server's clock to the given instant (forward only). */
    private void moveTo(Instant target) {
        Instant now = Instant.parse(JsonBodies.object(api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").body()).getString("now"));
        Duration by = Duration.between(now, target);
        if (!by.isNegative()) {
            HttpResponse<String> moved = api.post("/api/test/clock", "sysadmin", "{\"by\":\"" + by + "\"}");
            assertEquals(200, moved.statusCode(), moved.body());
        }
    }

    private void sweepAndRelay() {
        api.post("/api/test/sweep", "sysadmin", "{}");
        api.post("/api/test/mail-relay", "sysadmin", "{}");
    }

    /** Runs the sweep and the relay until a mail whose subject contains the text has arrived. */
    private void awaitMail(String subjectPart) throws Exception {
        inbox.awaitCount(subjectPart, 1, this::sweepAndRelay);
    }

    /** Distinct messages (by Message-ID) whose subject contains the text. */
    private int count(String subjectPart) {
        return inbox.count(subjectPart);
    }

    /** Gives a duplicate its chance to appear ({@link Inbox#settle}). */
    private void settle() throws Exception {
        inbox.settle(this::sweepAndRelay);
    }

    @Test
    void remindersOverdueAndRepeatEachHappenOnce() throws Exception {
        JsonObject request = submit("employee1");
        long id = request.getJsonNumber("id").longValue();
        Instant deadline = Instant.parse(request.getString("deadline"));
        String reminder = "reminder: request " + id + " is due";
        String overdue = "OVERDUE: request " + id + " from";

        moveTo(deadline.minus(Duration.ofDays(2)).plusSeconds(60));
        awaitMail(reminder);
        settle();
        assertEquals(1, count(reminder), "the 2-day reminder, once");

        moveTo(deadline.minus(Duration.ofDays(1)).plusSeconds(60));
        inbox.awaitCount(reminder, 2, this::sweepAndRelay);
        settle();
        assertEquals(2, count(reminder), "the 1-day reminder, once");

        moveTo(deadline.plusSeconds(60));
        awaitMail(overdue);
        awaitMail("the answer to your request " + id + " is late");
        settle();
        assertEquals(1, count(overdue));
        assertEquals("OVERDUE", JsonBodies.object(api.get("/api/requests/" + id, "employee1").body()).getString("status"));

        moveTo(deadline.plus(Duration.ofDays(1)).plusSeconds(60));
        inbox.awaitCount(overdue, 2, this::sweepAndRelay);
        settle();
        assertEquals(2, count(overdue), "one daily reminder while overdue");
        assertEquals(1, count("the answer to your request " + id + " is late"), "the employee is told once");

        String timeline = api.get("/api/requests/" + id + "/timeline", "employee1").body();
        for (String stage : new String[]{"REMINDER_P2D", "REMINDER_P1D", "OVERDUE (due", "OVERDUE_REPEAT_1"}) {
            assertTrue(timeline.contains(stage), stage + " on the timeline: " + timeline);
        }
        assertTrue(timeline.contains("superintendent"), "whom it reached");
    }

    @org.jboss.arquillian.test.api.ArquillianResource
    org.jboss.as.arquillian.container.ManagementClient management;

    @Test
    void aRedeploymentInTheMiddleSendsNoDuplicate() throws Exception {
        JsonObject request = submit("employee2");
        long id = request.getJsonNumber("id").longValue();
        Instant deadline = Instant.parse(request.getString("deadline"));
        String reminder = "reminder: request " + id + " is due";
        moveTo(deadline.minus(Duration.ofDays(2)).plusSeconds(30));
        awaitMail(reminder);
        settle();

        org.jboss.dmr.ModelNode redeploy = new org.jboss.dmr.ModelNode();
        redeploy.get("operation").set("redeploy");
        redeploy.get("address").add("deployment", "ROOT.war");
        org.jboss.dmr.ModelNode outcome = management.getControllerClient().execute(redeploy);
        assertEquals("success", outcome.get("outcome").asString(), outcome.toString());
        Instant up = Instant.now().plus(Duration.ofSeconds(60));
        while (api.get("/api/health", null).statusCode() != 200 && Instant.now().isBefore(up)) {
            Thread.sleep(300);
        }

        // the application's clock starts again from real time after a redeployment: move it once more
        moveTo(deadline.minus(Duration.ofDays(2)).plusSeconds(90));
        settle();
        assertEquals(1, count(reminder), "no second 2-day reminder after the restart");
        moveTo(deadline.minus(Duration.ofDays(1)).plusSeconds(30));
        inbox.awaitCount(reminder, 2, this::sweepAndRelay);
        settle();
        assertEquals(2, count(reminder), "the 1-day reminder still comes, once");
    }

    @Test
    void twoSweepsAtOnceFireEachStageOnce() throws Exception {
        JsonObject request = submit("employee1");
        long id = request.getJsonNumber("id").longValue();
        moveTo(Instant.parse(request.getString("deadline")).minus(Duration.ofDays(2)).plusSeconds(30));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Callable<String>> sweeps = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(() -> api.post("/api/test/escalate/" + id, "sysadmin", "{}").body());
            }
            int fired = 0;
            for (var f : pool.invokeAll(sweeps)) {
                if (f.get().contains("REMINDER_P2D")) {
                    fired++;
                }
            }
            assertTrue(fired <= 1, "at most one of the concurrent sweeps records the stage: " + fired);
        } finally {
            pool.shutdown();
        }
        awaitMail("reminder: request " + id + " is due");
        settle();
        assertEquals(1, count("reminder: request " + id + " is due"));
        String timeline = api.get("/api/requests/" + id + "/timeline", "employee1").body();
        assertEquals(1, timeline.split("REMINDER_P2D", -1).length - 1, "one stage on the timeline: " + timeline);
    }

    @Test
    void aRequestDecidedBeforeItsReminderGetsNone() throws Exception {
        JsonObject request = submit("employee2");
        long id = request.getJsonNumber("id").longValue();
        long line = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/requests/" + id + "/decision", "superintendent",
                "{\"lines\":[{\"lineId\":" + line + ",\"outcome\":\"AUTHORIZE\"}]}").statusCode());
        moveTo(Instant.parse(request.getString("deadline")).plus(Duration.ofDays(2)));
        settle();
        settle();
        assertEquals(0, count("request " + id + " is due"));
        assertEquals(0, count("OVERDUE: request " + id + " "));
    }

    @Test
    void afterDowntimeAcrossThreeStagesOneLateMessageIsSent() throws Exception {
        JsonObject request = submit("employee3");
        long id = request.getJsonNumber("id").longValue();
        Instant deadline = Instant.parse(request.getString("deadline"));
        moveTo(deadline.plus(Duration.ofHours(3)));
        awaitMail("OVERDUE: request " + id + " from");
        settle();
        assertEquals(0, count("reminder: request " + id + " is due"), "no flood of missed reminders");
        assertEquals(1, count("OVERDUE: request " + id + " from"));
        JsonArray timeline;
        try (var reader = jakarta.json.Json.createReader(new StringReader(api.get("/api/requests/" + id + "/timeline", "employee3").body()))) {
            timeline = reader.readArray();
        }
        boolean lateNoted = false;
        for (int i = 0; i < timeline.size(); i++) {
            JsonObject e = timeline.getJsonObject(i);
            if (e.getString("action").startsWith("ESCALATION_") && e.getString("details").contains("LATE")
                    && e.getString("details").contains("REMINDER_P2D, REMINDER_P1D")) {
                lateNoted = true;
            }
        }
        assertTrue(lateNoted, "the timeline says it was late and why: " + timeline);
    }

    /** The caller's authorization from this request, as GET /api/me/authorizations gives it. */
    private JsonObject authorizationOf(String user, long requestId) {
        JsonArray mine = jakarta.json.Json.createReader(new StringReader(api.get("/api/me/authorizations", user).body())).readArray();
        for (int i = 0; i < mine.size(); i++) {
            if (mine.getJsonObject(i).getJsonNumber("requestId").longValue() == requestId) {
                return mine.getJsonObject(i);
            }
        }
        return fail("no authorization from request " + requestId + " in " + mine);
    }

    @Test
    void anAuthorizationIsRemindedOnceRenewedByItsHolderOnlyAndEndsOnce() throws Exception {
        JsonObject request = submit("employee1");
        long id = request.getJsonNumber("id").longValue();
        long line = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        String decision = "{\"lines\":[{\"lineId\":" + line + ",\"outcome\":\"AUTHORIZE\"}],\"endsOn\":\"%s\"}";

        HttpResponse<String> notADate = api.post("/api/requests/" + id + "/decision", "superintendent", decision.formatted("soon"));
        assertEquals(400, notADate.statusCode(), notADate.body());
        assertTrue(JsonBodies.object(notADate.body()).getJsonObject("errors").containsKey("endsOn"), notADate.body());
        HttpResponse<String> past = api.post("/api/requests/" + id + "/decision", "superintendent",
                decision.formatted(LocalDate.now(LA).minusDays(1)));
        assertEquals(400, past.statusCode(), past.body());
        assertEquals("SUBMITTED", JsonBodies.object(api.get("/api/requests/" + id, "employee1").body()).getString("status"),
                "a refused decision changes nothing");

        LocalDate lastDay = LocalDate.now(LA).plusDays(45);
        HttpResponse<String> decided = api.post("/api/requests/" + id + "/decision", "superintendent", decision.formatted(lastDay));
        assertEquals(200, decided.statusCode(), decided.body());
        JsonObject authorization = authorizationOf("employee1", id);
        long authorizationId = authorization.getJsonNumber("id").longValue();
        assertEquals(lastDay.toString(), authorization.getString("endsOn"));

        HttpResponse<String> notTheirs = api.post("/api/authorizations/" + authorizationId + "/renewal", "employee2", "");
        assertEquals(403, notTheirs.statusCode(), notTheirs.body());
        assertTrue(notTheirs.body().contains("Only the holder"), notTheirs.body());
        assertTrue(authorizationOf("employee1", id).isNull("renewalRequestId"), "a refused renewal changes nothing");

        String reminder = "your authorization for Podcast ends after";
        moveTo(lastDay.minusDays(30).atStartOfDay(LA).toInstant().plusSeconds(3600));
        awaitMail(reminder);
        settle();
        assertEquals(1, count(reminder), "the renewal reminder, once");

        HttpResponse<String> renewal = api.post("/api/authorizations/" + authorizationId + "/renewal", "employee1", "");
        assertEquals(201, renewal.statusCode(), renewal.body());
        JsonObject renewed = JsonBodies.object(renewal.body());
        assertEquals("SUBMITTED", renewed.getString("status"));
        assertTrue(renewed.getJsonArray("lines").getJsonObject(0).getString("objectives").startsWith("Escalation check"),
                "filled in from the authorization: " + renewed);
        assertEquals(renewed.getJsonNumber("id").longValue(), authorizationOf("employee1", id).getJsonNumber("renewalRequestId").longValue());
        HttpResponse<String> twice = api.post("/api/authorizations/" + authorizationId + "/renewal", "employee1", "");
        assertEquals(409, twice.statusCode(), twice.body());

        String ended = "your authorization for Podcast has ended";
        moveTo(lastDay.plusDays(1).atStartOfDay(LA).toInstant().plusSeconds(3600));
        awaitMail(ended);
        settle();
        assertEquals(1, count(ended), "the end, once");
        assertEquals(1, count(reminder), "no second reminder");
        assertEquals("EXPIRED", authorizationOf("employee1", id).getString("status"));
        String timeline = api.get("/api/requests/" + id + "/timeline", "employee1").body();
        assertTrue(timeline.contains("AUTHORIZATION_EXPIRED") && timeline.contains("AUTHORIZATION_RENEWAL_REQUESTED"), timeline);
    }
}
