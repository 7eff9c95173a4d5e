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
 * Through the API: a staff password that is too short or among the most common is refused with a
 * message saying why; an accepted one is hashed by the server's Jakarta Security and signs in. The
 * demo users (password "demo", a dev run) still sign in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordPolicyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    private HttpResponse<String> create(String username, String password) {
        return api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"Pat Policy","email":"%s@district.example.org","roles":["EMPLOYEE"],"password":"%s"}"""
                .formatted(username, username, password));
    }

    private static String username() {
        return "pw" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aShortPasswordIsRefusedSayingTheMinimum() {
        HttpResponse<String> response = create(username(), "demo");
        assertEquals(400, response.statusCode(), response.body());
        JsonObject errors = JsonBodies.object(response.body()).getJsonObject("errors");
        assertTrue(errors.getString("password").contains("at least 12 characters"), errors.toString());
    }

    @Test
    void aCommonPasswordIsRefusedSayingSo() {
        HttpResponse<String> response = create(username(), "1qaz2wsx3edc");
        assertEquals(400, response.statusCode(), response.body());
        JsonObject errors = JsonBodies.object(response.body()).getJsonObject("errors");
        assertTrue(errors.getString("password").contains("most common passwords"), errors.toString());
    }

    @Test
    void anAcceptedPasswordSignsIn() {
        String username = username();
        String password = "a policy-proof passphrase";
        HttpResponse<String> created = create(username, password);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, api.getWithPassword("/api/accounts", username, password).statusCode());
        assertEquals(401, api.getWithPassword("/api/accounts", username, password + "!").statusCode());
    }

    @Test
    void theDemoUsersSignInWithTheDemoPasswordOnTheDevRun() {
        assertEquals(200, api.get("/api/accounts", "employee1").statusCode());
    }
}
