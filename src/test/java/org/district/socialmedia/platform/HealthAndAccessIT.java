package org.district.socialmedia.platform;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application is the root context; health is public; everything else needs a staff login. The
 * server starts without an error, or a warning that docs/operations.md ("Known start-up messages") does not explain.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthAndAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    /** Each explained in docs/operations.md, "Known start-up messages": add a new one there and here, or fix it. */
    private static final List<Pattern> EXPLAINED_WARNINGS = List.of(
            Pattern.compile("WFLYELY00023: KeyStore file '.*application\\.keystore' does not exist\\. Used blank\\."),
            Pattern.compile("WFLYELY01084: KeyStore .*application\\.keystore not found, it will be auto-generated on first use"),
            Pattern.compile("WFLYTX0013: The node-identifier attribute on the /subsystem=transactions is set to the default value"),
            // WildFly's Micrometer subsystem (configure-metrics.cli) adds this module to every deployment it meters
            Pattern.compile("WFLYSRV0018: Deployment \"deployment\\.ROOT\\.war\" is using a private module \\(\"org\\.wildfly\\.security\\.manager\"\\)"),
            // Arquillian's own helper deployment, on test servers only, once an in-container test has run
            Pattern.compile("WFLYSRV0018: Deployment \"deployment\\.arquillian-service\" is using a private module"),
            Pattern.compile("WFLYWELD0013: Deployment arquillian-service contains"),
            // test servers only (dev/configure-test-clock.cli): meant to be seen
            Pattern.compile("The application clock can be moved by tests \\(social-media\\.test-clock=true\\)"),
            // the test server's timers run every 1-2 s; while the first deployment still loads the machine a run can outlast that
            Pattern.compile("WFLYEJB0043: A previous execution of timer \\[.*\\] is still in progress, skipping this overlapping scheduled execution"),
            // test servers only: no SMTP server listens until a test starts GreenMail, and the relay's first run can come
            // before the deployment ends (the demo data's overdue request has a reminder due)
            Pattern.compile("MailRelay\\] .*Mail delivery failing: .*Couldn't connect to host, port: localhost, 3025"));

    private final Api api = Api.onTestServer();

    @Test
    void healthIsPublicAndReportsDatabaseAndTimers() {
        HttpResponse<String> response = api.get("/api/health", null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject health = JsonBodies.object(response.body());
        // DEGRADED (still 200) when earlier tests left mail failing past MAIL_ALERT_AFTER; MonitoringIT drives both
        assertTrue(Set.of("UP", "DEGRADED").contains(health.getString("status")), response.body());
        assertEquals("UP", health.getString("database"));
        assertEquals("UP", health.getString("timerService"));
    }

    @Test
    void theOpenApiDocumentIsPublicAndNamesTheEndpoints() {
        HttpResponse<String> doc = api.getAccepting("/api/openapi", null, "application/yaml");
        assertEquals(200, doc.statusCode());
        for (String path : new String[]{"/requests:", "/requests/{id}/decision:", "/requests/{id}/letter:", "/me/authorizations:",
                "/requests/{id}/info-response:", "/review/queue:", "/settings:", "/requests/{id}/timeline:", "/access-reviews/{id}:"}) {
            assertTrue(doc.body().contains(path), path);
        }
    }

    @Test
    void theRootIsThePortalAndAnonymousVisitorsAreSentToTheLoginPage() {
        HttpResponse<String> root = api.get("/", null);
        assertEquals(302, root.statusCode(), "the portal, not WildFly's welcome page, answers /");
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        HttpResponse<String> admin = api.get("/admin/settings.xhtml", null);
        assertEquals(302, admin.statusCode());
        HttpResponse<String> login = api.get("/login.xhtml", null);
        assertEquals(200, login.statusCode(), login.headers().map().toString());
        assertTrue(login.body().contains("Sign in to the staff portal"));
    }

    @Test
    void theApiAnswers401WithoutCredentialsAnd401ForAWrongPassword() {
        HttpResponse<String> none = api.get("/api/settings", null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, api.getWithPassword("/api/settings", "sysadmin", "wrong").statusCode());
        assertEquals(401, api.getWithPassword("/api/settings", "nobody-at-all", "demo").statusCode());
    }

    @Test
    void pagesOfAnotherRoleAnswer403WithTheFriendlyPage() {
        HttpResponse<String> page = api.get("/admin/staff.xhtml", "employee1");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("You are not allowed to open this page"), page.body());
        assertFalse(page.body().contains(".java:") || page.body().contains("Caused by"), "no stack trace: " + page.body());
    }

    @Test
    void unknownPagesAnswer404WithTheFriendlyPageAndNoServerVersion() {
        HttpResponse<String> page = api.get("/no-such-page.xhtml", "employee1");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Page not found"), page.body());
        assertTrue(page.headers().firstValue("Server").isEmpty(), "no Server header");
        assertTrue(page.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By header");
    }

    @Test
    void theServerStartsWithoutErrorsOrUnexplainedWarnings() throws IOException {
        List<String> unexplained = ServerLog.latestStart().stream()
                .filter(line -> line.matches("^\\S+ \\S+ (WARN|WARNING|ERROR|SEVERE|FATAL) .*"))
                .filter(line -> EXPLAINED_WARNINGS.stream().noneMatch(p -> p.matcher(line).find()))
                .toList();
        assertEquals(List.of(), unexplained, "fix these, or explain them in docs/operations.md and EXPLAINED_WARNINGS");
    }
}
