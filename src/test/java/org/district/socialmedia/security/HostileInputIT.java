package org.district.socialmedia.security;

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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input on the real WAR: script tags come back as text (escaped on pages), SQL fragments are data,
 * very long values and wrong content types are refused with a clear 4xx (never a 500), and malformed
 * JSON is a 400. (Hostile file names of consent scans: ConsentApiIT; not-a-zip rosters: RosterImportIT.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private final Api api = Api.onTestServer();
    private final HttpClient http = HttpClient.newHttpClient();

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> page(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aScriptTagIsStoredAsTextAndShownEscaped() throws Exception {
        String handle = "@xss_" + UUID.randomUUID().toString().substring(0, 8);
        String script = "<script>alert('pwned')</script><img src=x onerror=alert(1)>";
        HttpResponse<String> created = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"%s","url":"https://www.instagram.com/x","unit":"LHS",
                 "purpose":"%s","registeredEmail":"office@district.example.org","archiveCovered":true,"operatorException":"Registered before its operator is authorized (test)."}"""
                .formatted(handle, script));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject account = JsonBodies.object(created.body());
        assertEquals(script, account.getString("purpose"), "kept as typed: it is data");

        HttpResponse<String> view = page("/accounts/view.xhtml?id=" + account.getJsonNumber("id"), "auditor");
        assertEquals(200, view.statusCode());
        assertFalse(view.body().contains(script), "never written into the page as markup");
        assertTrue(view.body().contains("&lt;script&gt;alert("), "shown as text");
    }

    @Test
    void sqlFragmentsAreOnlyData() {
        String injection = "' OR '1'='1' -- ";
        HttpResponse<String> accounts = api.get("/api/accounts?text=" + q(injection), "auditor");
        assertEquals(200, accounts.statusCode(), accounts.body());
        assertEquals(0, JsonBodies.object(accounts.body()).getInt("total"), "matches no handle, not every one");
        HttpResponse<String> grants = api.get("/api/grants?holder=" + q("x' OR 1=1; DROP TABLE account_grant; --"), "auditor");
        assertEquals(200, grants.statusCode(), grants.body());
        assertEquals(0, JsonBodies.object(grants.body()).getInt("total"));
        HttpResponse<String> audit = api.get("/api/audit?actor=" + q(injection) + "&action=" + q("LOGIN' UNION SELECT 1 --"), "auditor");
        assertEquals(200, audit.statusCode(), audit.body());
        assertEquals(0, JsonBodies.object(audit.body()).getInt("total"));
        HttpResponse<String> students = api.get("/api/students?text=" + q("%' OR 1=1 --"), "clerk");
        assertTrue(students.statusCode() == 200 || students.statusCode() == 400, students.body());
        assertEquals(200, api.get("/api/accounts?size=1", "auditor").statusCode(), "the tables are still there");
    }

    @Test
    void veryLongValuesAreRefusedByNameNeverWithAServerError() {
        String huge = "x".repeat(100_000);
        HttpResponse<String> account = api.post("/api/accounts", "sysadmin", """
                {"platform":"Instagram","handle":"@long_%s","url":"https://www.instagram.com/x","unit":"LHS",
                 "purpose":"%s","registeredEmail":"office@district.example.org"}""".formatted(UUID.randomUUID().toString().substring(0, 6), huge));
        assertEquals(400, account.statusCode(), account.body().substring(0, Math.min(300, account.body().length())));
        assertTrue(JsonBodies.object(account.body()).getJsonObject("errors").containsKey("purpose"));

        HttpResponse<String> request = api.post("/api/requests", "employee1", """
                {"lines":[{"platform":"Instagram","objectives":"%s","audience":["PARENTS"],"communicatesWithStudents":false,
                 "accountName":"@long","districtEmail":"coach@district.example.org"}]}""".formatted(huge));
        assertEquals(400, request.statusCode());

        HttpResponse<String> search = api.get("/api/accounts?text=" + "y".repeat(20_000), "auditor");
        assertTrue(search.statusCode() < 500, "a long query string is no server error: " + search.statusCode());
    }

    @Test
    void wrongContentTypesAndMalformedJsonGetA4xx() {
        HttpResponse<String> text = api.postBytes("/api/accounts", "sysadmin", "text/plain", "handle=@x".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode(), text.body());
        HttpResponse<String> malformed = api.post("/api/accounts", "sysadmin", "{\"platform\": \"Instagram\", \"handle\": ");
        assertEquals(400, malformed.statusCode(), malformed.body());
        HttpResponse<String> wrongShape = api.post("/api/requests", "employee1", "{\"lines\": \"not a list\"}");
        assertEquals(400, wrongShape.statusCode(), wrongShape.body());
        HttpResponse<String> xml = api.postBytes("/api/consent-checks", "siteadmin", "application/xml",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, xml.statusCode(), "no XML is parsed: " + xml.body());
    }

    @Test
    void aForgedOrStaleFormAndAForgedAddressOpenThePageAfreshNeverAServerError() throws Exception {
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(BASE + "/accounts/index.xhtml"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("auditor:" + Api.DEMO_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("accounts=accounts&jakarta.faces.ViewState=" + q("-123:456")
                        + "&primefaces.nonce=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, forged.statusCode(), forged.body());
        assertEquals("/accounts/index.xhtml", forged.headers().firstValue("Location").orElse(""));
        assertEquals("nosniff", forged.headers().firstValue("X-Content-Type-Options").orElse(""));

        HttpResponse<String> address = page("/accounts/index.xhtml?issue=" + q("../../../../etc/passwd"), "auditor");
        assertEquals(200, address.statusCode(), "an unknown filter value in the address filters nothing");
    }
}
