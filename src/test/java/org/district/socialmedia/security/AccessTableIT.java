package org.district.socialmedia.security;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.security.control.AccessTable;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Walks the whole access table (security/control/AccessTable) on the real WAR, for a demo user of each
 * role and for nobody signed in: allowed pages open (200, or 404 for a record that does not exist),
 * allowed endpoints pass the door (anything but 401, 403 or a server error; ids that do not exist give
 * 404, empty bodies 400), refused ones answer 403, and without sign-in pages send to the login page and
 * the API answers 401. Every mismatch is listed at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessTableIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "8180");
    /** One demo user per role, with all of that user's roles (DemoData). */
    private static final Map<String, Set<Role>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("employee1", EnumSet.of(Role.EMPLOYEE));
        USERS.put("designee", EnumSet.of(Role.REVIEWER));
        USERS.put("superintendent", EnumSet.of(Role.SUPERINTENDENT, Role.REVIEWER));
        USERS.put("siteadmin", EnumSet.of(Role.SITE_ADMIN));
        USERS.put("clerk", EnumSet.of(Role.CONSENT_CLERK));
        USERS.put("auditor", EnumSet.of(Role.AUDITOR));
        USERS.put("sysadmin", EnumSet.of(Role.SYSTEM_ADMIN));
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, String> sessions = new java.util.HashMap<>();

    private HttpResponse<String> call(AccessTable.Rule rule, String user) throws Exception {
        String path = rule.path().replace("{districtId}", "NO-SUCH-STUDENT").replaceAll("\\{[a-zA-Z]+}", "999999999");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*");
        if (user != null && rule.isPage()) {
            // pages as a browser sees them, in a session: one password check per user, not one per page
            request.header("Cookie", "JSESSIONID=" + sessions.computeIfAbsent(user, u -> Api.onTestServer().signIn(u, Api.DEMO_PASSWORD)));
        } else if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        switch (rule.method()) {
            case "GET" -> request.GET();
            case "POST", "PUT", "PATCH" -> {
                boolean zip = path.endsWith("/oneroster");
                // an endpoint that takes only multipart answers 415 to anything else before the door's role check
                boolean multipart = path.endsWith("/checklist");
                request.header("Content-Type", zip ? "application/zip" : multipart ? "multipart/form-data; boundary=walk" : "application/json")
                        .method(rule.method(), HttpRequest.BodyPublishers.ofString(zip ? "" : multipart ? "--walk--\r\n" : "{}"));
            }
            default -> throw new IllegalArgumentException(rule.target());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableSaysOnEveryPageAndEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (AccessTable.Rule rule : AccessTable.RULES) {
            for (Map.Entry<String, Set<Role>> user : USERS.entrySet()) {
                boolean allowed = user.getValue().stream().anyMatch(rule::allows);
                if (allowed && !rule.walked()) {
                    continue;
                }
                HttpResponse<String> answer = call(rule, user.getKey());
                int status = answer.statusCode();
                checked++;
                // a page may send a signed-in caller on (the login page to the home page), never to the login page
                boolean onward = status == 302 && !answer.headers().firstValue("Location").orElse("").contains("/login.xhtml");
                boolean ok = allowed
                        ? (rule.isPage() ? status == 200 || status == 404 || onward : status != 401 && status != 403 && status < 500)
                        : status == 403;
                if (!ok) {
                    wrong.add(rule.target() + " as " + user.getKey() + ": " + status + (allowed ? " (allowed)" : " (refused)"));
                }
            }
            int anonymous = call(rule, null).statusCode();
            checked++;
            boolean open = rule.access() == AccessTable.Access.PUBLIC;
            // single sign-on sends the browser on: to the provider, or back to the login page with a code
            boolean ok = open ? anonymous == 200 || (rule.path().startsWith("/error/") && anonymous < 500)
                    || (rule.path().startsWith("/auth/oidc/") && anonymous == 302)
                    : rule.isPage() ? anonymous == 302 : anonymous == 401;
            if (!ok) {
                wrong.add(rule.target() + " without sign-in: " + anonymous);
            }
        }
        assertEquals(List.of(), wrong, checked + " calls checked; these did not answer as the table says");
    }

    /** No IDOR: a record of someone else answers 404, as one that does not exist, with none of its content. */
    @Test
    void anotherUsersRecordAnswersNotFoundWithNoneOfItsContent() throws Exception {
        Api api = Api.onTestServer();
        String secret = "Private objectives " + java.util.UUID.randomUUID();
        HttpResponse<String> created = api.post("/api/requests", "employee1", """
                {"lines":[{"platform":"Instagram","objectives":"%s","audience":["PARENTS"],"communicatesWithStudents":false,
                 "accountName":"@lhs_idor","districtEmail":"coach@district.example.org"}]}""".formatted(secret));
        assertEquals(201, created.statusCode(), created.body());
        String id = JsonBodies.object(created.body()).getJsonNumber("id").toString();
        for (String path : List.of("/api/requests/" + id, "/api/requests/" + id + "/letter", "/api/requests/" + id + "/timeline")) {
            HttpResponse<String> other = api.getAccepting(path, "employee2", "*/*");
            assertEquals(404, other.statusCode(), path + " as another employee");
            assertEquals(false, other.body().contains(secret) || other.body().contains("@lhs_idor"), other.body());
            HttpResponse<String> missing = api.getAccepting(path.replace(id, "999999999"), "employee2", "*/*");
            assertEquals(missing.body(), other.body(), "the same answer as for a request that does not exist");
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(BASE + "/requests/view.xhtml?id=" + id))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("employee2:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(false, page.body().contains(secret), "the page shows none of it either");
        assertEquals(200, api.get("/api/requests/" + id, "employee1").statusCode(), "the owner sees it");
    }
}
