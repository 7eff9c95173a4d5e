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

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signed-in session holds only the username: every request reads the staff member's roles and
 * standing again, so a change made by a system administrator applies to the very next request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionRolesIT {

    private static final String PASSWORD = "a long enough password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    @Test
    void aRoleChangeAndADeactivationApplyToTheNextRequestOfAnOpenSession() {
        String username = "roles" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"Robin Roles","email":"%s@district.example.org","roles":["EMPLOYEE"],"password":"%s"}"""
                .formatted(username, username, PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject user = JsonBodies.object(created.body());
        String session = api.signIn(username, PASSWORD);
        assertEquals(200, page(session, "/requests/mine.xhtml"));
        assertEquals(403, page(session, "/audit/index.xhtml"));

        HttpResponse<String> changed = api.put("/api/staff/" + user.getJsonNumber("id"), "sysadmin", """
                {"user":{"username":"%s","fullName":"Robin Roles","email":"%s@district.example.org","roles":["AUDITOR"]},
                 "version":%d}""".formatted(username, username, user.getJsonNumber("version").longValue()));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(200, page(session, "/audit/index.xhtml"), "the role given is held at once");
        assertEquals(403, page(session, "/requests/mine.xhtml"), "the role taken away is gone at once");

        HttpResponse<String> deactivated = api.post("/api/staff/" + user.getJsonNumber("id") + "/deactivation", "sysadmin", "{}");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        HttpResponse<String> after = api.send("GET", "/audit/index.xhtml", session, null);
        assertEquals(302, after.statusCode(), "the session of a deactivated user ends");
        assertTrue(after.headers().firstValue("Location").orElse("").contains("/login.xhtml"), after.headers().toString());
    }

    private int page(String session, String path) {
        return api.send("GET", path, session, null).statusCode();
    }
}
