package org.district.socialmedia.requests;

import jakarta.json.JsonArray;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requests API end to end, with the demo users: the policy's steps 1-5 and their rules. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    private JsonObject submit(String user, String marker) {
        HttpResponse<String> created = api.post("/api/requests", user, """
                {"lines":[
                  {"platform":"Instagram","objectives":"Game results for parents %s","audience":["PARENTS"],
                   "communicatesWithStudents":false,"accountId":null,"accountName":"@lincoln_hs_athletics",
                   "districtEmail":"coach@district.example.org"},
                  {"platform":"Other","otherPlatformName":"Discord","objectives":"Homework help <script>alert(1)</script>",
                   "audience":["STUDENTS"],"communicatesWithStudents":true,"accountName":"Chem help server",
                   "districtEmail":"coach@lhs.district.example.org"}]}""".formatted(marker));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").contains("/api/requests/"));
        return JsonBodies.object(created.body());
    }

    @Test
    void anEmployeeSubmitsAndTheDeadlineEndsTheLastDayInTheDistrictsZone() {
        Instant before = Instant.now();
        JsonObject request = submit("employee2", UUID.randomUUID().toString());
        assertEquals("SUBMITTED", request.getString("status"));
        ZonedDateTime deadline = Instant.parse(request.getString("deadline")).atZone(ZoneId.of("America/Los_Angeles"));
        assertEquals(23, deadline.getHour());
        assertEquals(59, deadline.getMinute());
        long days = Duration.between(before, deadline.toInstant()).toDays();
        assertTrue(days >= 7 && days <= 8, "about 7 days: " + deadline);
        JsonArray lines = request.getJsonArray("lines");
        assertEquals(2, lines.size());
        assertEquals("Instagram", lines.getJsonObject(0).getString("platform"));
        assertEquals("Discord", lines.getJsonObject(1).getString("platform"));
        assertEquals("Homework help <script>alert(1)</script>", lines.getJsonObject(1).getString("objectives"), "kept as text");
    }

    @Test
    void aPersonalEmailAndMissingObjectivesAreRefusedFieldByField() {
        HttpResponse<String> refused = api.post("/api/requests", "employee1", """
                {"lines":[{"platform":"Facebook","objectives":"  ","audience":["PARENTS"],"accountName":"Lincoln PTA",
                           "districtEmail":"coach@gmail.com"},
                          {"platform":"Myspace","objectives":"x","audience":["PARENTS"],"accountName":"y",
                           "districtEmail":"coach@district.example.org"}]}""");
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject errors = JsonBodies.object(refused.body()).getJsonObject("errors");
        assertTrue(errors.getString("lines[1].platform").contains("not on the District's list"), errors.toString());
        // every problem at once: the unknown platform does not hide its line's other problems, nor the first line's
        assertTrue(errors.getString("lines[1].objectives").contains("at least 20 characters"), errors.toString());
        assertTrue(errors.containsKey("lines[0].objectives"), errors.toString());
        assertTrue(errors.getString("lines[0].districtEmail").contains("Personal e-mail"), errors.toString());
        HttpResponse<String> personal = api.post("/api/requests", "employee1", """
                {"lines":[{"platform":"Facebook","objectives":"  ","audience":["PARENTS"],"accountName":"Lincoln PTA",
                           "districtEmail":"coach@gmail.com"}]}""");
        assertEquals(400, personal.statusCode(), personal.body());
        JsonObject fields = JsonBodies.object(personal.body()).getJsonObject("errors");
        assertTrue(fields.getString("lines[0].districtEmail").contains("Personal e-mail addresses should not be used on District-related sites"),
                fields.toString());
        assertTrue(fields.containsKey("lines[0].objectives"), fields.toString());
    }

    @Test
    void anotherEmployeesRequestIsNotFoundAndShowsNothing() {
        String marker = UUID.randomUUID().toString();
        long id = submit("employee2", marker).getJsonNumber("id").longValue();
        HttpResponse<String> other = api.get("/api/requests/" + id, "employee1");
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains(marker));
        assertEquals(404, api.getAccepting("/api/requests/" + id + "/letter", "employee1", "application/pdf").statusCode());
        assertEquals(200, api.get("/api/requests/" + id, "auditor").statusCode(), "auditors read every request");
        assertEquals(403, api.post("/api/requests/" + id + "/decision", "employee1",
                "{\"question\":\"May I decide my colleague's request?\"}").statusCode());
        assertEquals(403, api.post("/api/requests", "sysadmin", "{\"lines\":[]}").statusCode(), "only employees file requests");
    }

    @Test
    void aDesigneeAmendsAndRejectsWithExplanationsAndTheEmployeeGetsTheLetter() {
        JsonObject request = submit("employee2", UUID.randomUUID().toString());
        long id = request.getJsonNumber("id").longValue();
        long first = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        long second = request.getJsonArray("lines").getJsonObject(1).getJsonNumber("id").longValue();

        HttpResponse<String> unexplained = api.post("/api/requests/" + id + "/decision", "designee", """
                {"lines":[{"lineId":%d,"outcome":"AMEND","limits":"Announcements only, no student photographs",
                           "explanation":"Photographs need parental consent"},
                          {"lineId":%d,"outcome":"REJECT"}]}""".formatted(first, second));
        assertEquals(400, unexplained.statusCode(), unexplained.body());
        assertTrue(JsonBodies.object(unexplained.body()).getJsonObject("errors").containsKey("lines[1].explanation"), unexplained.body());

        HttpResponse<String> decided = api.post("/api/requests/" + id + "/decision", "designee", """
                {"lines":[{"lineId":%d,"outcome":"AMEND","limits":"Announcements only, no student photographs",
                           "explanation":"Photographs need parental consent"},
                          {"lineId":%d,"outcome":"REJECT","explanation":"Use the District's learning platform"}]}""".formatted(first, second));
        assertEquals(200, decided.statusCode(), decided.body());
        JsonObject answer = JsonBodies.object(decided.body());
        assertEquals("DECIDED", answer.getString("status"));
        assertEquals("AUTHORIZED_WITH_MODIFICATIONS", answer.getString("outcome"));
        assertEquals("Designee of the Superintendent", answer.getString("decidedByRole"));
        assertTrue(answer.getBoolean("letterAvailable"));

        HttpResponse<String> again = api.post("/api/requests/" + id + "/decision", "superintendent", """
                {"lines":[{"lineId":%d,"outcome":"AUTHORIZE"},{"lineId":%d,"outcome":"AUTHORIZE"}]}""".formatted(first, second));
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("Already decided by Robert Chen"), again.body());

        HttpResponse<String> letter = api.getAccepting("/api/requests/" + id + "/letter", "employee2", "application/pdf");
        assertEquals(200, letter.statusCode());
        assertEquals("application/pdf", letter.headers().firstValue("Content-Type").orElse(""));
        assertTrue(letter.body().startsWith("%PDF-"));
        assertEquals(200, api.getAccepting("/api/requests/" + id + "/letter", "auditor", "application/pdf").statusCode());

        JsonArray mine = Json.array(api.get("/api/me/authorizations", "employee2").body());
        boolean found = false;
        for (int i = 0; i < mine.size(); i++) {
            JsonObject a = mine.getJsonObject(i);
            if (a.getJsonNumber("requestId").longValue() == id) {
                found = true;
                assertEquals("AMEND", a.getString("outcome"));
                assertEquals("Announcements only, no student photographs", a.getString("limits"));
                assertEquals("ACTIVE", a.getString("status"));
                // no last day given: AUTHORIZATION_TERM (the school year's end), always in the future
                assertFalse(a.isNull("endsOn"), a.toString());
                assertTrue(java.time.LocalDate.parse(a.getString("endsOn")).isAfter(java.time.LocalDate.now()), a.toString());
            }
        }
        assertTrue(found, "the amended line is an authorization; the rejected one is not");
    }

    @Test
    void anInformationRequestStopsTheClockAndTheAnswerStartsANewPeriod() {
        JsonObject request = submit("employee3", UUID.randomUUID().toString());
        long id = request.getJsonNumber("id").longValue();
        HttpResponse<String> asked = api.post("/api/requests/" + id + "/decision", "superintendent",
                "{\"question\":\"Who moderates the Discord server?\"}");
        assertEquals(200, asked.statusCode(), asked.body());
        JsonObject waiting = JsonBodies.object(asked.body());
        assertEquals("INFO_REQUESTED", waiting.getString("status"));
        assertTrue(waiting.isNull("deadline"), "the clock is stopped");

        HttpResponse<String> answered = api.post("/api/requests/" + id + "/info-response", "employee3",
                "{\"answer\":\"I moderate it with the assistant principal.\"}");
        assertEquals(200, answered.statusCode(), answered.body());
        JsonObject resumed = JsonBodies.object(answered.body());
        assertEquals("SUBMITTED", resumed.getString("status"));
        assertEquals(2, resumed.getInt("reviewCycle"));
        assertFalse(resumed.isNull("deadline"));
        assertEquals(2, resumed.getJsonArray("cycles").size(), "every cycle is kept");
        assertEquals("Who moderates the Discord server?", resumed.getJsonArray("cycles").getJsonObject(0).getString("question"));
    }

    @Test
    void theQueueListsOpenRequestsSoonestDeadlineFirstWithFilters() {
        long id = submit("employee1", UUID.randomUUID().toString()).getJsonNumber("id").longValue();
        JsonObject all = JsonBodies.object(api.get("/api/review/queue?filter=ALL&size=100", "designee").body());
        JsonArray rows = all.getJsonArray("rows");
        assertTrue(all.getJsonNumber("total").longValue() >= rows.size());
        assertTrue(all.getBoolean("totalExact"), "the demo queue is far below the counting limit");
        Instant previous = Instant.MIN;
        boolean waitingSeen = false;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.getJsonObject(i).isNull("deadline")) {
                assertFalse(waitingSeen, "requests waiting for the employee come after every running deadline: " + rows);
                Instant deadline = Instant.parse(rows.getJsonObject(i).getString("deadline"));
                assertFalse(deadline.isBefore(previous), "sorted by deadline");
                previous = deadline;
            } else {
                assertEquals("INFO_REQUESTED", rows.getJsonObject(i).getString("status"));
                waitingSeen = true;
            }
        }
        JsonArray overdue = JsonBodies.object(api.get("/api/review/queue?filter=OVERDUE", "superintendent").body()).getJsonArray("rows");
        assertTrue(overdue.size() >= 1, "the demo data holds an overdue request");
        for (int i = 0; i < overdue.size(); i++) {
            JsonObject row = overdue.getJsonObject(i);
            // overdue by status (escalated), or submitted and past its deadline
            assertTrue("OVERDUE".equals(row.getString("status")) || Instant.parse(row.getString("deadline")).isBefore(Instant.now()), row.toString());
        }
        JsonArray waiting = JsonBodies.object(api.get("/api/review/queue?filter=WAITING_FOR_EMPLOYEE", "designee").body()).getJsonArray("rows");
        for (int i = 0; i < waiting.size(); i++) {
            assertEquals("INFO_REQUESTED", waiting.getJsonObject(i).getString("status"));
            assertTrue(waiting.getJsonObject(i).getJsonNumber("id").longValue() != id);
        }
        assertEquals(400, api.get("/api/review/queue?filter=SOMETIME", "designee").statusCode());
        assertEquals(403, api.get("/api/review/queue", "employee1").statusCode());
    }

    @Test
    void aWithdrawnRequestCannotBeDecided() {
        JsonObject request = submit("employee3", UUID.randomUUID().toString());
        long id = request.getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/requests/" + id + "/withdrawal", "employee3", "").statusCode());
        HttpResponse<String> decision = api.post("/api/requests/" + id + "/decision", "superintendent",
                "{\"question\":\"Still needed?\"}");
        assertEquals(409, decision.statusCode(), decision.body());
    }

    @Test
    void twoReviewersDecidingAtOnceOneWinsTheOtherIsTold() throws Exception {
        JsonObject request = submit("employee1", UUID.randomUUID().toString());
        long id = request.getJsonNumber("id").longValue();
        long first = request.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        long second = request.getJsonArray("lines").getJsonObject(1).getJsonNumber("id").longValue();
        String body = """
                {"lines":[{"lineId":%d,"outcome":"AUTHORIZE"},{"lineId":%d,"outcome":"REJECT","explanation":"Not related to your work in the District."}]}"""
                .formatted(first, second);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<HttpResponse<String>>> both = List.of(
                    () -> api.post("/api/requests/" + id + "/decision", "superintendent", body),
                    () -> api.post("/api/requests/" + id + "/decision", "designee", body));
            List<Integer> codes = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(both)) {
                codes.add(f.get().statusCode());
            }
            codes.sort(Integer::compare);
            assertEquals(List.of(200, 409), codes);
        } finally {
            pool.shutdown();
        }
        JsonObject decided = JsonBodies.object(api.get("/api/requests/" + id, "employee1").body());
        assertEquals("DECIDED", decided.getString("status"));
        assertNull(decided.get("question"));
    }

    /** JSON arrays of answers. */
    static final class Json {
        static JsonArray array(String body) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
                return reader.readArray();
            }
        }
    }
}
