package org.district.socialmedia.security;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security headers on pages, the API, error pages and resources: a Content-Security-Policy (on pages
 * with a fresh nonce that the page's scripts carry), no framing, no sniffing, a same-origin referrer,
 * the session cookie HttpOnly and SameSite=Lax, and no server version. Behind an https reverse proxy (both
 * test servers are installed by install.sh --production and run with PROXY_FORWARDING=true, as
 * docs/operations.md describes), a sign-in through the form gets HSTS, a Secure cookie, a redirect to the
 * public https address, and an audit row with the client's address rather than the proxy's.
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

    /**
     * The parents' public pages (no sign-in) have the staff pages' headers and nonce policy, and a post that did
     * not come from the page's own form (no view state of this session) changes nothing: no link is asked for.
     */
    @Test
    void theParentPagesHaveTheSameHeadersAndRefuseAForeignPost() throws Exception {
        for (String page : List.of("/parent/link.xhtml", "/parent/link.xhtml?lang=es", "/parent/consent.xhtml?t=" + "A".repeat(43),
                "/parent/consent.xhtml?t=not-a-token&lang=es")) {
            HttpResponse<String> r = get(page, false);
            assertEquals(200, r.statusCode(), page);
            assertCommonHeaders(r, page);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(csp);
            assertTrue(nonce.find(), page + ": " + csp);
            assertFalse(r.body().matches("(?s).*\\son(click|change|submit|load)=.*"), page + ": no inline event handler");
        }
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(BASE + "/parent/link.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("newLink=newLink&newLink%3Aemail=someone%40example.org&newLink%3AsendLink=Send"
                        + "&jakarta.faces.ViewState=-1234567890%3A1234567890")).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(foreign.body().contains("If this address is on file"), "a post from elsewhere asks for nothing: " + foreign.statusCode());
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

    private static final String PUBLIC_HOST = "portal.district.example.org";
    // HTTP/1.1, as a proxy speaks to its backend (nginx's proxy_pass): over the h2c connection that Java's
    // client upgrades to by default, the sign-in's redirect kept the listener's scheme and host (WildFly 39)
    private final HttpClient proxy = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void signsInThroughTheFormBehindAnHttpsProxy() throws Exception {
        // TEST-NET-3 (RFC 5737): never a real client, and unique enough to find this sign-in in the audit log
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        HttpResponse<String> form = throughProxy(client, "/login.xhtml", null, null);
        assertEquals(200, form.statusCode());
        assertEquals(Optional.of("max-age=31536000; includeSubDomains"), form.headers().firstValue("Strict-Transport-Security"),
                "HSTS over the proxy's https");
        String cookie = sessionCookie(form).orElseThrow(() -> new AssertionError("a session: " + form.headers().map()));
        assertTrue(cookie.contains("; secure") || cookie.contains("; Secure"), "Secure session cookie: " + cookie);
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(viewState.find(), "the login form");

        String body = "login=login&login%3AsignIn=Sign+in&login%3Ausername=sysadmin&login%3Apassword="
                + encode(Api.DEMO_PASSWORD) + "&jakarta.faces.ViewState=" + encode(viewState.group(1));
        HttpResponse<String> signedIn = throughProxy(client, "/login.xhtml", cookie, body);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String location = signedIn.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("https://" + PUBLIC_HOST + "/") && !location.contains("/login.xhtml"),
                "signed in, sent on to the public address: " + location);
        HttpResponse<String> home = throughProxy(client, "/", sessionCookie(signedIn).orElse(cookie), null);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"mainNav\""), "the portal's home page, signed in");

        String audited = "\"ipAddress\":\"" + client + "\"";
        // earlier tests move the application's clock ahead and back: the days around its "now", all their rows
        LocalDate today = LocalDate.ofInstant(Instant.parse(JsonBodies.object(
                Api.onTestServer().get("/api/health", null).body()).getString("time")), ZoneOffset.UTC);
        String query = "/api/audit?actor=sysadmin&action=LOGIN&outcome=DONE&size=200&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        HttpResponse<String> audit = null;
        // the audit row commits in a transaction of its own: a few tries cover it
        for (int i = 0; i < 10 && (audit == null || !audit.body().contains(audited)); i++) {
            if (audit != null) {
                Thread.sleep(300);
            }
            audit = Api.onTestServer().get(query, "auditor");
            assertEquals(200, audit.statusCode(), audit.body());
        }
        assertTrue(audit.body().contains(audited), "the sign-in is audited with the client's address: " + audit.body());
    }

    /** A request as nginx passes it on (docs/operations.md): X-Forwarded-* replaced, never appended. */
    private HttpResponse<String> throughProxy(String client, String path, String cookie, String form)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", PUBLIC_HOST)
                .header("X-Forwarded-Port", "443").header("X-Forwarded-For", client);
        if (cookie != null) {
            request.header("Cookie", cookie.substring(0, cookie.contains(";") ? cookie.indexOf(';') : cookie.length()));
        }
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return proxy.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
