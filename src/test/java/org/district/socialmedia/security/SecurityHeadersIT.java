package org.district.socialmedia.security;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security headers on pages, the API, error pages and resources: a Content-Security-Policy (on pages
 * with a fresh nonce that the page's scripts carry), no framing, no sniffing, a same-origin referrer,
 * the session cookie HttpOnly and SameSite=Lax, and no server version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
        if (signedIn) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("auditor:" + Api.DEMO_PASSWORD).getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertCommonHeaders(HttpResponse<String> r, String what) {
        assertEquals(Optional.of("nosniff"), r.headers().firstValue("X-Content-Type-Options"), what);
        assertEquals(Optional.of("DENY"), r.headers().firstValue("X-Frame-Options"), what);
        assertEquals(Optional.of("same-origin"), r.headers().firstValue("Referrer-Policy"), what);
        List<String> csp = r.headers().allValues("Content-Security-Policy");
        assertFalse(csp.isEmpty(), what + " has a Content-Security-Policy");
        assertTrue(csp.stream().allMatch(p -> p.contains("frame-ancestors 'none'")), what + ": " + csp);
        assertTrue(r.headers().firstValue("Server").map(s -> !s.matches(".*\\d.*")).orElse(true),
                what + " names no server version: " + r.headers().firstValue("Server"));
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS only over HTTPS");
    }

    /** CSRF: the API changes state only with its own authentication, never with a browser's page session. */
    @Test
    void aPageSessionReadsThroughTheApiButNeverWritesThere() {
        Api api = Api.onTestServer();
        String session = api.signIn("employee1", Api.DEMO_PASSWORD);
        assertEquals(200, api.send("GET", "/api/accounts", session, null).statusCode(), "reading: letters and scans are links");
        String request = """
                {"lines":[{"platform":"Instagram","objectives":"Share the choir's concerts","audience":["PARENTS"],
                 "communicatesWithStudents":false,"accountName":"@lhs_csrf","districtEmail":"choir@district.example.org"}]}""";
        HttpResponse<String> write = api.send("POST", "/api/requests", session, request);
        assertEquals(401, write.statusCode(), "a write with only the page session's cookie: " + write.body());
        assertEquals(401, api.send("PUT", "/api/settings", api.signIn("sysadmin", Api.DEMO_PASSWORD), "{}").statusCode());
        assertEquals(200, api.send("GET", "/index.xhtml", session, null).statusCode(), "the session itself goes on");
    }

    @Test
    void aPageHasANoncePolicyItsScriptsCarryAndASessionCookieThatScriptsCannotRead() throws Exception {
        HttpResponse<String> login = get("/login.xhtml", false);
        assertEquals(200, login.statusCode());
        assertCommonHeaders(login, "the login page");
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find(), csp);
        assertTrue(csp.contains("default-src 'self'") && csp.contains("object-src 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline' 'nonce") || csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
        assertTrue(login.body().contains("nonce=\"" + nonce.group(1) + "\""), "the page's own scripts carry the nonce");
        assertFalse(login.body().matches("(?s).*\\son(click|change|submit|load)=.*"), "no inline event handler is left");
        String again = get("/login.xhtml", false).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(again.contains(nonce.group(1)), "a fresh nonce per response");

        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst()
                .orElseThrow(() -> new AssertionError("the login page starts a session: " + login.headers().map()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "Secure only over HTTPS: " + cookie);
    }

    @Test
    void apiAnswersErrorPagesAndResourcesLetNothingRun() throws Exception {
        HttpResponse<String> health = get("/api/health", false);
        assertCommonHeaders(health, "the API");
        assertTrue(health.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));

        HttpResponse<String> unauthorized = get("/api/accounts", false);
        assertEquals(401, unauthorized.statusCode());
        assertCommonHeaders(unauthorized, "a 401 answer");

        HttpResponse<String> missing = get("/no-such-page.xhtml", true);
        assertEquals(404, missing.statusCode());
        assertCommonHeaders(missing, "the 404 page");

        HttpResponse<String> forbidden = get("/admin/settings.xhtml", true);
        assertEquals(403, forbidden.statusCode());
        assertCommonHeaders(forbidden, "the 403 page");

        HttpResponse<String> css = get("/jakarta.faces.resource/css/app.css.xhtml", false);
        assertEquals(200, css.statusCode());
        assertCommonHeaders(css, "a stylesheet");
    }
}
