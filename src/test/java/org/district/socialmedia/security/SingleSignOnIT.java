package org.district.socialmedia.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.FakeOpenIdProvider;
import org.district.socialmedia.it.FakeOpenIdProvider.Forgery;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on on the real WAR against an OpenID Connect provider in the test's process (the test
 * servers are configured for it by configure-single-sign-on.cli, see failsafe's OIDC_* in pom.xml).
 * A browser is played by hand: one session cookie, redirects followed one at a time. The provider also
 * issues the bad tokens an attacker or a misconfigured provider would (wrong audience or issuer, expired,
 * another sign-in's nonce, unsigned, HMAC with the public key, an unknown key) and rotates its keys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSignOnIT {

    private static final String BASE = "http://localhost:" + System.getProperty("it.http.port", "8180");
    private static FakeOpenIdProvider provider;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Api api = Api.onTestServer();
    /** The browser's session cookie, as the server last set it. */
    private String session;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @BeforeAll
    static void startProvider() throws IOException {
        provider = FakeOpenIdProvider.onTestServersIssuer();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    private HttpResponse<String> browse(URI uri) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().ifPresent(c -> session = c.substring("JSESSIONID=".length(), c.indexOf(';')));
        return response;
    }

    private static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body())));
    }

    /** The login page's button, the provider's authorization request (302 there). */
    private URI startSignIn() throws Exception {
        HttpResponse<String> login = browse(URI.create(BASE + "/login.xhtml"));
        assertTrue(login.body().contains("Sign in with the District test provider"), "the login page offers single sign-on");
        assertTrue(login.body().contains("name=\"login:password\""), "and keeps the password form");
        HttpResponse<String> start = browse(URI.create(BASE + "/auth/oidc/login"));
        assertEquals(302, start.statusCode());
        URI authorization = location(start);
        assertTrue(authorization.toString().startsWith(provider.issuer() + "/authorize?"), authorization.toString());
        return authorization;
    }

    /** A new active employee with this address; the created row (id, username). */
    private JsonObject newStaff(String email) {
        String username = "sso" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"Sam Single","email":"%s","roles":["EMPLOYEE"],"password":"irrelevant-%s"}"""
                .formatted(username, email, UUID.randomUUID()));
        assertEquals(201, created.statusCode(), created.body());
        return JsonBodies.object(created.body());
    }

    private JsonObject newestLogin(String actor) {
        JsonArray rows = JsonBodies.object(api.get("/api/audit?actor=" + actor + "&action=LOGIN&size=5", "auditor").body())
                .getJsonArray("rows");
        assertFalse(rows.isEmpty(), "a LOGIN row for " + actor);
        return rows.getJsonObject(0);
    }

    @Test
    void aStaffMemberSignsInWithTheirDistrictAccountAndGetsANewSession() throws Exception {
        String email = "sso." + UUID.randomUUID().toString().substring(0, 8) + "@district.example.org";
        String username = newStaff(email).getString("username");
        // a protected page first: after the sign-in the browser goes back there
        assertEquals(302, browse(URI.create(BASE + "/requests/mine.xhtml")).statusCode());
        URI authorization = startSignIn();
        String before = session;

        HttpResponse<String> back = browse(provider.authorize(authorization, email.toUpperCase()));
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(BASE + "/requests/mine.xhtml", location(back).toString());
        assertNotEquals(before, session, "a new session id after sign-in (no session fixation)");
        HttpResponse<String> page = browse(location(back));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Sam Single"), "signed in as the staff member with that address");

        JsonObject audit = newestLogin(username);
        assertEquals("DONE", audit.getString("outcome"));
        assertTrue(audit.getString("details").startsWith("single sign-on, " + provider.issuer()), audit.toString());

        // the provider's answer is good once
        String signedIn = session;
        session = before;
        HttpResponse<String> replay = browse(back.request().uri());
        assertEquals(BASE + "/login.xhtml?sso=failed", location(replay).toString());
        session = signedIn;
        assertEquals(200, browse(URI.create(BASE + "/index.xhtml")).statusCode(), "the real session is unaffected");
    }

    @Test
    void anAnswerForAnotherBrowserOrSignInIsRefused() throws Exception {
        URI authorization = startSignIn();
        URI callback = provider.authorize(authorization, "employee1@district.example.org");
        session = null;
        startSignIn();
        // the other browser's answer (login CSRF): the state is not this session's
        HttpResponse<String> foreign = browse(callback);
        assertEquals(BASE + "/login.xhtml?sso=failed", location(foreign).toString());
        HttpResponse<String> page = browse(location(foreign));
        assertTrue(page.body().contains("Single sign-on did not complete"), page.body());
        assertEquals(302, browse(URI.create(BASE + "/index.xhtml")).statusCode(), "not signed in");
    }

    @Test
    void aTokenSignedByAnotherKeyOrForAnotherSignInIsRefused() throws Exception {
        provider.signNextTokenWithAnotherKey();
        HttpResponse<String> forged = browse(provider.authorize(startSignIn(), "employee1@district.example.org"));
        assertEquals(BASE + "/login.xhtml?sso=failed", location(forged).toString());

        provider.tweakNextToken(claims -> jakarta.json.Json.createObjectBuilder(claims).add("nonce", "replayed").build());
        HttpResponse<String> replayed = browse(provider.authorize(startSignIn(), "employee1@district.example.org"));
        assertEquals(BASE + "/login.xhtml?sso=failed", location(replayed).toString());

        provider.tweakNextToken(claims -> jakarta.json.Json.createObjectBuilder(claims).add("aud", "another-application").build());
        HttpResponse<String> otherApp = browse(provider.authorize(startSignIn(), "employee1@district.example.org"));
        assertEquals(BASE + "/login.xhtml?sso=failed", location(otherApp).toString());
        assertEquals(302, browse(URI.create(BASE + "/index.xhtml")).statusCode(), "not signed in");
    }

    @Test
    void aPersonalOrUnknownAddressOrACancelledSignInSignsNobodyIn() throws Exception {
        HttpResponse<String> personal = browse(provider.authorize(startSignIn(), "maria.lopez.home@gmail.com"));
        assertEquals(BASE + "/login.xhtml?sso=personal", location(personal).toString());
        assertTrue(browse(location(personal)).body().contains("That is not a District account"));
        assertEquals("DENIED", newestLogin("maria.lopez.home@gmail.com").getString("outcome"));

        String stranger = "nobody." + UUID.randomUUID().toString().substring(0, 8) + "@district.example.org";
        HttpResponse<String> unknown = browse(provider.authorize(startSignIn(), stranger));
        assertEquals(BASE + "/login.xhtml?sso=unknown", location(unknown).toString());
        assertTrue(browse(location(unknown)).body().contains("no active staff record"));

        String email = "leaver." + UUID.randomUUID().toString().substring(0, 8) + "@district.example.org";
        JsonObject staff = newStaff(email);
        assertEquals(200, api.post("/api/staff/" + staff.getJsonNumber("id") + "/deactivation", "sysadmin", "{}").statusCode());
        HttpResponse<String> deactivated = browse(provider.authorize(startSignIn(), email));
        assertEquals(BASE + "/login.xhtml?sso=unknown", location(deactivated).toString());

        HttpResponse<String> cancelled = browse(provider.refuse(startSignIn()));
        assertEquals(BASE + "/login.xhtml?sso=cancelled", location(cancelled).toString());
        assertTrue(browse(location(cancelled)).body().contains("cancelled or refused at the District test provider"));
        assertEquals(302, browse(URI.create(BASE + "/index.xhtml")).statusCode(), "not signed in");
    }

    /** A staff member of the demo data, active: a forged token for them must not sign anybody in. */
    private static final String VICTIM = "employee1@district.example.org";

    /** The id of the newest refused sign-in in the audit log (0 when there is none). */
    private long newestRefusalId() {
        JsonArray rows = JsonBodies.object(api.get("/api/audit?action=LOGIN&outcome=DENIED&size=1", "auditor").body())
                .getJsonArray("rows");
        return rows.isEmpty() ? 0 : rows.getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** The provider's answer carrying a bad ID token: back at the login page with its message, not signed in, audited with why. */
    private void assertRefused(HttpResponse<String> back, long refusalsBefore, String reason) throws Exception {
        assertEquals(BASE + "/login.xhtml?sso=failed", location(back).toString());
        HttpResponse<String> page = browse(location(back));
        assertTrue(page.body().contains("Single sign-on did not complete"), "the login page says so");
        assertEquals(302, browse(URI.create(BASE + "/index.xhtml")).statusCode(), "not signed in");
        JsonObject audit = JsonBodies.object(api.get("/api/audit?action=LOGIN&outcome=DENIED&size=1", "auditor").body())
                .getJsonArray("rows").getJsonObject(0);
        assertTrue(audit.getJsonNumber("id").longValue() > refusalsBefore, "a new refusal in the audit log: " + audit);
        String details = audit.getString("details");
        assertTrue(details.startsWith("single sign-on: ID token refused: "), details);
        assertTrue(details.contains(reason), "the audit entry says why (" + reason + "): " + details);
    }

    private void assertTweakRefused(UnaryOperator<JsonObject> tweak, String reason) throws Exception {
        long before = newestRefusalId();
        URI authorization = startSignIn();
        provider.tweakNextToken(tweak);
        assertRefused(browse(provider.authorize(authorization, VICTIM)), before, reason);
    }

    private void assertForgeryRefused(Forgery forgery, String reason) throws Exception {
        long before = newestRefusalId();
        URI authorization = startSignIn();
        provider.forgeNextToken(forgery);
        assertRefused(browse(provider.authorize(authorization, VICTIM)), before, reason);
    }

    @Test
    void aTokenForAnotherApplicationIsRefused() throws Exception {
        assertTweakRefused(claims -> Json.createObjectBuilder(claims).add("aud", "another-application").build(), "audience");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertTweakRefused(claims -> Json.createObjectBuilder(claims).add("iss", "https://evil.example.org").build(), "issuer");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        long twoHoursAgo = System.currentTimeMillis() / 1000 - 7200;
        assertTweakRefused(claims -> Json.createObjectBuilder(claims).add("iat", twoHoursAgo).add("exp", twoHoursAgo + 300).build(),
                "Expired");
    }

    @Test
    void aTokenWithAnotherSignInsNonceIsRefused() throws Exception {
        assertTweakRefused(claims -> Json.createObjectBuilder(claims).add("nonce", "another-sign-in").build(), "nonce");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        assertForgeryRefused(Forgery.ALG_NONE, "alg none");
    }

    @Test
    void aTokenSignedWithThePublicKeyAsHmacSecretIsRefused() throws Exception {
        assertForgeryRefused(Forgery.HMAC_WITH_PUBLIC_KEY, "alg HS256");
    }

    @Test
    void aTokenSignedByAKeyTheProviderDoesNotPublishIsRefused() throws Exception {
        assertForgeryRefused(Forgery.UNKNOWN_KEY_ID, "kid unknown-");
    }

    @Test
    void afterTheProviderRotatesItsKeysTheNewKeySignsInAndTheRemovedOneNoLonger() throws Exception {
        String email = "rotated." + UUID.randomUUID().toString().substring(0, 8) + "@district.example.org";
        String username = newStaff(email).getString("username");
        // the portal fetches the key set again at most once an interval (OIDC_KEYS_REFETCH_AFTER, short on the test
        // servers): let an earlier test's fetch age
        Thread.sleep(Duration.parse(System.getProperty("it.oidc.keys-refetch-after", "PT30S")).plusSeconds(1).toMillis());
        String oldKey = provider.publishedKeyIds().get(0);
        String newKey = provider.rotateKeys(false).id();
        assertEquals(List.of(newKey), provider.publishedKeyIds());

        HttpResponse<String> back = browse(provider.authorize(startSignIn(), email));
        assertEquals(BASE + "/index.xhtml", location(back).toString(), "a token by the new key signs in");
        assertEquals(200, browse(location(back)).statusCode());
        assertEquals("DONE", newestLogin(username).getString("outcome"));

        session = null;
        assertForgeryRefused(Forgery.RETIRED_KEY, "kid " + oldKey);
    }
}
