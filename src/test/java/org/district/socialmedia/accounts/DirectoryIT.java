package org.district.socialmedia.accounts;

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
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.district.socialmedia.accounts.AccountsApiIT.createAccount;
import static org.district.socialmedia.accounts.AccountsApiIT.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public directory at district scale, on the real WAR: its version (seen through the ETag) moves
 * with what the public sees and with nothing else, one school's part by code or id keeps the four
 * fields, and the page starts from the schools, showing a chosen school's accounts a page at a time.
 * No other test changes accounts while these run (the suite's classes run one after another), and the
 * timers that run meanwhile change rights, which the directory does not show.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectoryIT {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    private String etag(String path) {
        HttpResponse<String> response = api.get(path, null);
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
    }

    private String etag() {
        return etag("/api/directory");
    }

    private JsonObject account(long id) {
        return JsonBodies.object(api.get("/api/accounts/" + id, "sysadmin").body());
    }

    private HttpResponse<String> change(long id, String handle, String unit, String purpose, String email) {
        return api.put("/api/accounts/" + id, "sysadmin", """
                {"account":{"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/%s","unit":"%s",
                 "purpose":"%s","registeredEmail":"%s","archiveCovered":true},"version":%d}"""
                .formatted(handle, handle.replace("@", ""), unit, purpose, email, account(id).getJsonNumber("version").longValue()));
    }

    private HttpResponse<String> status(long id, String status) {
        return api.put("/api/accounts/" + id + "/status", "sysadmin",
                "{\"status\":\"" + status + "\",\"version\":" + account(id).getJsonNumber("version") + "}");
    }

    @Test
    void theETagMovesWithWhatThePublicSeesAndWithNothingElse() {
        String start = etag();
        assertEquals(start, etag(), "reading changes nothing");

        String handle = unique("@ver_");
        long id = createAccount(api, handle, "WES").getJsonNumber("id").longValue();
        String created = etag();
        assertNotEquals(start, created, "a new active account is listed");

        HttpResponse<String> purpose = change(id, handle, "WES", "Another purpose, not published.", "wes-news@district.example.org");
        assertEquals(200, purpose.statusCode(), purpose.body());
        HttpResponse<String> granted = api.post("/api/accounts/" + id + "/grants", "superintendent",
                "{\"holder\":\"siteadmin\",\"reason\":\"Runs the school's news.\"}");
        assertEquals(201, granted.statusCode(), granted.body());
        HttpResponse<String> refused = api.put("/api/accounts/" + id, "sysadmin", """
                {"account":{"platform":"Instagram","handle":"%s","url":"ftp://nowhere","unit":"WES","purpose":"x",
                 "registeredEmail":"wes-news@district.example.org"}}""".formatted(handle));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(created, etag(), "purpose, email, rights and a refused change are not what the public sees");

        String renamed = unique("@ver_renamed_");
        assertEquals(200, change(id, renamed, "WES", "Another purpose, not published.", "wes-news@district.example.org").statusCode());
        String afterRename = etag();
        assertNotEquals(created, afterRename, "a new handle is published");

        assertEquals(200, change(id, renamed, "LHS", "Another purpose, not published.", "wes-news@district.example.org").statusCode());
        String moved = etag();
        assertNotEquals(afterRename, moved, "another school is published");

        assertEquals(200, status(id, "SUSPENDED").statusCode());
        String suspended = etag();
        assertNotEquals(moved, suspended, "a suspended account leaves the directory");
        assertEquals(200, status(id, "ARCHIVED").statusCode());
        assertEquals(suspended, etag(), "suspended or archived, it is not listed either way");
        assertEquals(200, status(id, "ACTIVE").statusCode());
        String back = etag();
        assertNotEquals(suspended, back, "active again, it is listed again");

        assertEquals(304, api.getWithHeader("/api/directory", null, "If-None-Match", back).statusCode());
        HttpResponse<String> stale = api.getWithHeader("/api/directory", null, "If-None-Match", moved);
        assertEquals(200, stale.statusCode(), "an older ETag gets the whole directory again");
        assertEquals(back, stale.headers().firstValue("ETag").orElse(null));
        assertTrue(stale.body().contains(renamed), "and the directory as it is now");
    }

    @Test
    void oneSchoolsPartByCodeOrIdHasTheSameFourFieldsAndItsOwnETag() {
        String first = unique("@part_a_");
        String second = unique("@part_b_");
        String elsewhere = unique("@part_lhs_");
        long id = createAccount(api, first, "RMS").getJsonNumber("id").longValue();
        createAccount(api, second, "RMS");
        createAccount(api, elsewhere, "LHS");

        HttpResponse<String> byCode = api.get("/api/directory?unit=RMS", null);
        assertEquals(200, byCode.statusCode(), byCode.body());
        JsonArray part = JsonBodies.array(byCode.body());
        List<String> handles = part.stream().map(JsonValue::asJsonObject).map(e -> e.getString("handle")).toList();
        assertTrue(handles.containsAll(List.of(first, second)), handles.toString());
        assertFalse(handles.contains(elsewhere), "another school's account is not in this part");
        for (JsonValue entry : part) {
            assertEquals(Set.of("platform", "handle", "url", "unit"), entry.asJsonObject().keySet());
            assertEquals("Roosevelt Middle School", entry.asJsonObject().getString("unit"));
        }

        long unitId = account(id).getJsonNumber("unitId").longValue();
        HttpResponse<String> byId = api.get("/api/directory?unitId=" + unitId, null);
        assertEquals(200, byId.statusCode(), byId.body());
        assertEquals(byCode.body(), byId.body(), "the same part by id");

        String partTag = byCode.headers().firstValue("ETag").orElse(null);
        assertNotNull(partTag);
        assertEquals(304, api.getWithHeader("/api/directory?unit=RMS", null, "If-None-Match", partTag).statusCode());
        HttpResponse<String> whole = api.get("/api/directory", null);
        assertNotEquals(partTag, whole.headers().firstValue("ETag").orElse(null), "the part and the whole differ");
        assertEquals(200, api.getWithHeader("/api/directory", null, "If-None-Match", partTag).statusCode());
        List<String> all = JsonBodies.array(whole.body()).stream().map(JsonValue::asJsonObject).map(e -> e.getString("handle")).toList();
        assertTrue(all.containsAll(List.of(first, second, elsewhere)), "without a parameter, every active account as before");

        HttpResponse<String> unknown = api.get("/api/directory?unit=NO-SUCH-SCHOOL", null);
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(JsonBodies.object(unknown.body()).getJsonObject("errors").getString("unit").contains("NO-SUCH-SCHOOL"));
        HttpResponse<String> noId = api.get("/api/directory?unitId=987654321", null);
        assertEquals(400, noId.statusCode(), noId.body());
        assertTrue(JsonBodies.object(noId.body()).containsKey("errors"));
        assertEquals(400, api.get("/api/directory?unit=RMS&unitId=" + unitId, null).statusCode(), "one or the other");
    }

    @Test
    void theWholeDirectoryComesCompressedToClientsThatAcceptGzipWithItsOwnETag() throws java.io.IOException {
        String handle = unique("@gzip_");
        createAccount(api, handle, "RMS");
        HttpResponse<String> plain = api.get("/api/directory", null);
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no compression unless asked for");
        assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElse(null));

        HttpResponse<byte[]> zipped = api.getBytes("/api/directory", null, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals("Accept-Encoding", zipped.headers().firstValue("Vary").orElse(null));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertEquals(plain.body(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "the same JSON");
        }
        assertTrue(zipped.body().length < plain.body().length(), "smaller");
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(plainTag, zippedTag, "two representations, two tags");

        HttpResponse<byte[]> revalidated = api.getBytes("/api/directory", null, "If-None-Match", zippedTag);
        assertEquals(200, revalidated.statusCode(), "the compressed tag does not match the plain representation");
        assertEquals(304, api.getWithHeader("/api/directory", null, "If-None-Match", plainTag).statusCode());
        assertEquals(200, api.getBytes("/api/directory", null, "Accept-Encoding", "gzip;q=0").statusCode());
        assertTrue(api.getBytes("/api/directory", null, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding").isEmpty(),
                "q=0 refuses gzip");
        // one school's part is small: never compressed
        assertTrue(api.getBytes("/api/directory?unit=RMS", null, "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void thePageStartsFromTheSchoolsAndShowsAChosenSchoolsAccountsAPageAtATime() {
        String prefix = unique("@comm_page_");
        for (int i = 0; i < 51; i++) {
            String handle = prefix + "_" + i;
            HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                    {"platform":"YouTube","handle":"%s","url":"https://www.youtube.com/%s","unit":"COMM",
                     "purpose":"Recorded events.","registeredEmail":"communications@district.example.org","archiveCovered":true,"operatorException":"Registered before its operator is authorized (test)."}"""
                    .formatted(handle, handle.replace("@", "")));
            assertEquals(201, created.statusCode(), created.body());
        }
        JsonArray part = JsonBodies.array(api.get("/api/directory?unit=COMM", null).body());
        int inUnit = part.size();
        String name = part.getJsonObject(0).getString("unit");
        assertTrue(inUnit > 50, "more than a page: " + inUnit);

        HttpResponse<String> first = page("/directory.xhtml");
        assertTrue(first.body().contains("id=\"units\""), "the first view lists schools and departments");
        assertTrue(first.body().contains("directory.xhtml?unit=COMM"), "each links to its accounts");
        assertFalse(first.body().contains(prefix), "and shows no account");

        HttpResponse<String> found = page("/directory.xhtml?q=communic");
        assertTrue(found.body().contains("directory.xhtml?unit=COMM"), "found by part of its name");
        assertFalse(found.body().contains("directory.xhtml?unit=LHS"), "only what matches");

        HttpResponse<String> unit = page("/directory.xhtml?unit=COMM");
        assertTrue(unit.body().contains("<h2 id=\"unitName\">" + name + "</h2>"), unit.body());
        assertEquals(50, rows(unit.body(), "accounts"), "one page of accounts");
        assertTrue(unit.body().contains("unit=COMM&amp;page=2"), "and a link to the next");
        HttpResponse<String> last = page("/directory.xhtml?unit=COMM&page=" + ((inUnit + 49) / 50));
        assertEquals(inUnit - 50 * ((inUnit - 1) / 50), rows(last.body(), "accounts"), "the rest on the last page");
        assertTrue(unit.body().contains(prefix) || last.body().contains(prefix), "the new accounts are there");

        HttpResponse<String> unknown = page("/directory.xhtml?unit=NO-SUCH-SCHOOL");
        assertTrue(unknown.body().contains("id=\"unknownUnit\""), "an unknown school says so and lists the others");
        assertTrue(unknown.body().contains("id=\"units\""));
    }

    private HttpResponse<String> page(String path) {
        HttpResponse<String> page = api.getAccepting(path, null, "text/html");
        assertEquals(200, page.statusCode(), "public, no sign-in: " + path);
        return page;
    }

    /** The rows of a table's body, by the table's id. */
    private static int rows(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        assertTrue(start >= 0, "no table " + tableId);
        String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
        Matcher rows = ROW.matcher(body);
        int n = 0;
        while (rows.find()) {
            n++;
        }
        return n;
    }
}
