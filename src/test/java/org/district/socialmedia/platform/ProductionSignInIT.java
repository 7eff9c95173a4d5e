package org.district.socialmedia.platform;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented production install signs a user in behind an HTTPS reverse proxy. Both test servers are
 * configured by install.sh --production (server-config/production.scripts; the PostgreSQL one against a
 * new database, as docs/operations.md describes) and run with PROXY_FORWARDING=true, so this is the path
 * an operator's first sign-in takes: the proxy's X-Forwarded-* headers make the request secure (HSTS,
 * a Secure session cookie), redirects go to the public https address, and the audit log has the
 * client's address rather than the proxy's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductionSignInIT {

    private static final String PUBLIC_HOST = "portal.district.example.org";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final String base = "http://localhost:" + System.getProperty("it.http.port", "8180");
    // HTTP/1.1, as a proxy speaks to its backend (nginx's proxy_pass): over the h2c connection that Java's
    // client upgrades to by default, the sign-in's redirect kept the listener's scheme and host (WildFly 39)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    // TEST-NET-3 (RFC 5737): never a real client, and unique enough to find this run's sign-in
    private final String clientAddress = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);

    @Test
    void signsInThroughTheFormBehindAnHttpsProxy() throws IOException, InterruptedException {
        HttpResponse<String> form = send(proxied("/login.xhtml").GET());
        assertEquals(200, form.statusCode());
        assertEquals("max-age=31536000; includeSubDomains", form.headers().firstValue("Strict-Transport-Security").orElse(""),
                "HSTS over the proxy's https");
        String cookie = sessionCookie(form).orElse("");
        assertTrue(cookie.startsWith("JSESSIONID=") && cookie.toLowerCase().contains("secure"), "Secure session cookie: " + cookie);
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(viewState.find(), "the login form");

        String body = "login=login&login%3AsignIn=Sign+in&login%3Ausername=sysadmin&login%3Apassword="
                + encode(Api.DEMO_PASSWORD) + "&jakarta.faces.ViewState=" + encode(viewState.group(1));
        HttpResponse<String> signedIn = send(proxied("/login.xhtml").header("Cookie", session(cookie))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String location = signedIn.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("https://" + PUBLIC_HOST + "/"), "redirect to the public address: " + location);
        assertFalse(location.contains("/login.xhtml"), "signed in: " + location);
        String signedInCookie = sessionCookie(signedIn).orElse(cookie);

        HttpResponse<String> home = send(proxied("/").header("Cookie", session(signedInCookie)).GET());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"mainNav\""), "the portal's home page, signed in");

        String audited = "\"ipAddress\":\"" + clientAddress + "\"";
        HttpResponse<String> audit = null;
        // the audit row is written in a transaction of its own; a few tries cover its commit
        for (int i = 0; i < 10 && (audit == null || !audit.body().contains(audited)); i++) {
            if (audit != null) {
                Thread.sleep(500);
            }
            audit = new Api(base).get("/api/audit?actor=sysadmin&action=LOGIN&outcome=DONE&size=20", "auditor");
            assertEquals(200, audit.statusCode(), audit.body());
        }
        assertTrue(audit.body().contains(audited), "the sign-in is audited with the client's address, not the proxy's: " + audit.body());
    }

    private HttpRequest.Builder proxied(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", PUBLIC_HOST)
                .header("X-Forwarded-Port", "443").header("X-Forwarded-For", clientAddress);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    private static String session(String setCookie) {
        return setCookie.substring(0, setCookie.contains(";") ? setCookie.indexOf(';') : setCookie.length());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
