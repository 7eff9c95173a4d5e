package org.district.socialmedia.security;

import jakarta.json.JsonArray;
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
 * Sign-in lockout on the real WAR (defaults: 5 failures in 15 minutes lock for 15 minutes): the right
 * password is refused too, with the same answer as a wrong one, and the lock is in the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginLockoutIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    private String newStaffUser() {
        String username = "lock" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.post("/api/staff", "sysadmin", """
                {"username":"%s","fullName":"Lee Lockout","email":"%s@district.example.org","roles":["EMPLOYEE"],"password":"%s"}"""
                .formatted(username, username, PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, api.getWithPassword("/api/accounts", username, PASSWORD).statusCode());
        return username;
    }

    @Test
    void fiveFailuresLockTheUsernameAndTheRightPasswordIsRefusedTheSameWay() {
        String username = newStaffUser();
        HttpResponse<String> wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = api.getWithPassword("/api/accounts", username, "guess " + i);
            assertEquals(401, wrong.statusCode());
        }
        HttpResponse<String> right = api.getWithPassword("/api/accounts", username, PASSWORD);
        assertEquals(401, right.statusCode(), "locked: the right password is refused too");
        assertEquals(wrong.body(), right.body(), "with the same answer as a wrong password");

        JsonArray rows = JsonBodies.object(api.get("/api/audit?actor=" + username + "&action=LOGIN&size=10", "auditor").body())
                .getJsonArray("rows");
        JsonObject newest = rows.getJsonObject(0);
        assertEquals("DENIED", newest.getString("outcome"));
        assertTrue(newest.getString("details").startsWith("locked after repeated failures"), newest.toString());
        assertEquals(200, api.get("/api/accounts", "employee2").statusCode(), "other users are not affected");
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        String username = newStaffUser();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, api.getWithPassword("/api/accounts", username, "guess " + i).statusCode());
        }
        assertEquals(200, api.getWithPassword("/api/accounts", username, PASSWORD).statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals(401, api.getWithPassword("/api/accounts", username, "again " + i).statusCode());
        }
        assertEquals(200, api.getWithPassword("/api/accounts", username, PASSWORD).statusCode(), "eight failures, never five in a row");
    }

    @Test
    void unknownUsernamesLockAlikeSoTheLockTellsNothing() {
        String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 6; i++) {
            assertEquals(401, api.getWithPassword("/api/accounts", nobody, "guess").statusCode());
        }
        JsonObject newest = JsonBodies.object(api.get("/api/audit?actor=" + nobody + "&size=1", "auditor").body())
                .getJsonArray("rows").getJsonObject(0);
        assertTrue(newest.getString("details").startsWith("locked"), newest.toString());
    }
}
