package org.district.socialmedia.posts;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posts about students on the real WAR with the demo roster (Lincoln High School's students, whom no
 * other test records forms for): recording with the consent check (201 or 409 naming the students),
 * the address, the list, who may do what, and a revocation's takedowns, once per post and student.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostsApiIT {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    private LocalDate today() {
        Instant now = Instant.parse(JsonBodies.object(api.post("/api/test/clock", "sysadmin", "{\"by\":\"PT0S\"}").body()).getString("now"));
        return now.atZone(DISTRICT).toLocalDate();
    }

    /** A new account of Lincoln High School on which siteadmin holds rights (so records its posts). */
    private long lincolnAccount() {
        String handle = "@posts_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                {"platform":"Facebook","handle":"%s","url":"https://example.org/%s","unit":"LHS","purpose":"School news.",
                 "registeredEmail":"lhs-office@district.example.org",
                 "operatorException":"Its operators are granted rights below, for this test."}""".formatted(handle, handle.substring(1)));
        assertEquals(201, created.statusCode(), created.body());
        long id = JsonBodies.object(created.body()).getJsonNumber("id").longValue();
        assertEquals(201, api.post("/api/accounts/" + id + "/grants", "superintendent",
                "{\"holder\":\"siteadmin\",\"reason\":\"Posts for the school.\"}").statusCode());
        return id;
    }

    /** An electronic form for a Lincoln High student, recorded by its clerk; its id. */
    private long form(String studentId, String items) {
        HttpResponse<String> student = api.get("/api/students/" + studentId, "clerk2");
        assertEquals(200, student.statusCode(), student.body());
        long guardian = JsonBodies.object(student.body()).getJsonArray("guardians").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> created = api.post("/api/consents", "clerk2", """
                {"studentId":"%s","guardianId":%d,"signedOn":"%s","formVersion":"2026-1","receivedBy":"ELECTRONIC",
                 "items":%s,"channel":"ALL"}""".formatted(studentId, guardian, today().minusDays(2), items));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body()).getJsonNumber("id").longValue();
    }

    private HttpResponse<String> record(String user, long account, LocalDate day, String items, String students) {
        return api.post("/api/posts", user, "{\"accountId\":" + account + ",\"plannedOn\":\"" + day + "\",\"items\":" + items + ","
                + students + "}");
    }

    private long recorded(long account, LocalDate day, String items, String students) {
        HttpResponse<String> created = record("siteadmin", account, day, items, students);
        assertEquals(201, created.statusCode(), created.body());
        long id = JsonBodies.object(created.body()).getJsonNumber("id").longValue();
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/posts/" + id), created.headers().toString());
        return id;
    }

    private JsonArray posts(String user, String query) {
        HttpResponse<String> list = api.get("/api/posts" + query, user);
        assertEquals(200, list.statusCode(), list.body());
        return JsonBodies.array(list.body());
    }

    private JsonObject post(long id) {
        HttpResponse<String> one = api.get("/api/posts/" + id, "auditor");
        assertEquals(200, one.statusCode(), one.body());
        return JsonBodies.object(one.body());
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonValue::toString).stream().map(s -> s.replace("\"", "")).toList();
    }

    @Test
    void aPostIsRecordedOnlyWhenEveryStudentIsAllowedAndTheAnswerNamesThoseWhoAreNot() {
        long account = lincolnAccount();
        form("100011", "[\"PHOTO\",\"FIRST_NAME\"]");
        LocalDate tomorrow = today().plusDays(1);

        HttpResponse<String> refused = record("siteadmin", account, tomorrow, "[\"PHOTO\"]", "\"studentIds\":[\"100011\",\"100012\"]");
        assertEquals(409, refused.statusCode(), refused.body());
        JsonArray students = JsonBodies.object(refused.body()).getJsonArray("students");
        assertEquals(1, students.size(), refused.body());
        assertEquals("100012", students.getJsonObject(0).getString("studentId"));
        assertEquals("NO_CONSENT", students.getJsonObject(0).getString("reason"));
        assertEquals(0, posts("siteadmin", "?accountId=" + account).size(), "nothing recorded");

        HttpResponse<String> wholeClass = record("siteadmin", account, tomorrow, "[\"PHOTO\"]", "\"classId\":\"cls-lhs-bio\"");
        assertEquals(409, wholeClass.statusCode(), wholeClass.body());
        assertTrue(JsonBodies.object(wholeClass.body()).getJsonArray("students").size() > 1, "the class's roster: " + wholeClass.body());

        long id = recorded(account, tomorrow, "[\"PHOTO\",\"FIRST_NAME\"]", "\"studentIds\":[\"100011\"]");
        JsonObject post = post(id);
        assertEquals(List.of("100011"), strings(post.getJsonArray("studentIds")));
        assertEquals(tomorrow.toString(), post.getString("plannedOn"));
        assertEquals("siteadmin", post.getString("recordedBy"));
        assertTrue(post.isNull("url"), post.toString());

        assertEquals(400, record("siteadmin", account, today().minusDays(1), "[\"PHOTO\"]", "\"studentIds\":[\"100011\"]").statusCode(),
                "a post is recorded before it is published");
        assertEquals(400, record("siteadmin", account, tomorrow, "[]", "\"studentIds\":[\"100011\"]").statusCode());
    }

    @Test
    void theAddressIsAddedLaterAndOnlyTheAccountsPeopleRecordWhileOverseersRead() {
        long account = lincolnAccount();
        form("100014", "[\"PHOTO\"]");
        LocalDate day = today().plusDays(3);
        long id = recorded(account, day, "[\"PHOTO\"]", "\"studentIds\":[\"100014\"]");

        assertEquals(400, api.patch("/api/posts/" + id, "siteadmin", "{\"url\":\"javascript:alert(1)\"}").statusCode());
        assertEquals(400, api.patch("/api/posts/" + id, "siteadmin", "{\"url\":\"ftp://example.org/p\"}").statusCode());
        HttpResponse<String> patched = api.patch("/api/posts/" + id, "siteadmin", "{\"url\":\"https://www.facebook.com/lhs/posts/1\"}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("https://www.facebook.com/lhs/posts/1", post(id).getString("url"));

        // not the account's operator or administrator, or not a role that records
        assertEquals(403, api.patch("/api/posts/" + id, "employee1", "{\"url\":\"https://example.org/x\"}").statusCode());
        assertEquals(403, record("employee1", account, day, "[\"PHOTO\"]", "\"studentIds\":[\"100014\"]").statusCode());
        assertEquals(403, record("clerk2", account, day, "[\"PHOTO\"]", "\"studentIds\":[\"100014\"]").statusCode());
        assertEquals(403, api.get("/api/posts?accountId=" + account, "employee1").statusCode());
        assertEquals(403, api.get("/api/posts", "clerk2").statusCode());
        assertEquals(403, api.get("/api/posts", "sysadmin").statusCode());

        String window = "?accountId=" + account + "&from=" + day + "&to=" + day;
        for (String reader : List.of("siteadmin", "superintendent", "designee", "auditor")) {
            assertEquals(1, posts(reader, window).size(), reader + " reads the account's posts");
        }
        assertEquals(0, posts("auditor", "?accountId=" + account + "&from=" + day.plusDays(1)).size(), "from is inclusive, and filters");
        assertEquals(400, api.get("/api/posts?from=yesterday", "auditor").statusCode());
    }

    @Test
    void aRevocationTakesDownEveryRecordedPostShowingWhatItWithdrewOncePerPostAndStudent() {
        long account = lincolnAccount();
        long form = form("100013", "[\"PHOTO\",\"FIRST_NAME\",\"FULL_NAME\"]");
        LocalDate day = today().plusDays(1);
        long photo = recorded(account, day, "[\"PHOTO\"]", "\"studentIds\":[\"100013\"]");
        long photoAndName = recorded(account, day, "[\"PHOTO\",\"FIRST_NAME\"]", "\"studentIds\":[\"100013\"]");
        long nameOnly = recorded(account, day, "[\"FULL_NAME\"]", "\"studentIds\":[\"100013\"]");

        HttpResponse<String> first = api.post("/api/consents/" + form + "/revocation", "clerk2",
                "{\"revokedOn\":\"" + today() + "\",\"receivedBy\":\"Letter from the parent\",\"items\":[\"PHOTO\"]}");
        assertEquals(200, first.statusCode(), first.body());
        // the checks run while recording made no task of their own: one per post that showed a photo
        assertEquals(2, JsonBodies.object(first.body()).getJsonArray("takedownTasks").size(), first.body());
        assertEquals(List.of("100013"), strings(post(photo).getJsonArray("takenDownFor")));
        assertEquals(List.of("100013"), strings(post(photoAndName).getJsonArray("takenDownFor")));
        assertEquals(List.of(), strings(post(nameOnly).getJsonArray("takenDownFor")), "the name may still be shown");

        HttpResponse<String> second = api.post("/api/consents/" + form + "/revocation", "clerk2",
                "{\"revokedOn\":\"" + today() + "\",\"receivedBy\":\"Phone call\",\"items\":[\"FIRST_NAME\",\"FULL_NAME\"]}");
        assertEquals(200, second.statusCode(), second.body());
        // only the post not yet taken down gets a task; the post with the first name is not taken down twice
        assertEquals(3, JsonBodies.object(second.body()).getJsonArray("takedownTasks").size(), second.body());
        assertEquals(List.of("100013"), strings(post(nameOnly).getJsonArray("takenDownFor")));

        String tasks = api.get("/api/takedown-tasks", "siteadmin").body();
        for (JsonValue id : JsonBodies.object(second.body()).getJsonArray("takedownTasks")) {
            assertTrue(tasks.contains("\"id\":" + id), "the account's administrator has task " + id + ": " + tasks);
        }
    }
}
