package org.district.socialmedia.settings;

import jakarta.json.JsonObject;
import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.JsonBodies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** District settings through the API: who may read and change them, and what is refused. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    @AfterEach
    void restoreDefaults() {
        api.put("/api/settings", "sysadmin", """
                {"districtName":"Example Unified School District","timeZone":"America/Los_Angeles",
                 "reviewPeriod":"P7D","reviewDays":"calendar"}""");
    }

    @Test
    void startingValuesComeFromTheEnvironmentDefaults() {
        HttpResponse<String> response = api.get("/api/settings", "sysadmin");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject settings = JsonBodies.object(response.body());
        assertEquals("Example Unified School District", settings.getString("districtName"));
        assertEquals("district.example.org", settings.getString("emailDomains"));
        assertEquals("America/Los_Angeles", settings.getString("timeZone"));
        assertEquals("P7D", settings.getString("reviewPeriod"));
        assertEquals("calendar", settings.getString("reviewDays"));
        assertEquals("P2D,P1D", settings.getString("remindersBefore"), "a default with a comma survives the server's expression");
        assertEquals("P1D", settings.getString("overdueRepeat"));
        assertEquals("none", settings.getString("escalationContact"));
        assertEquals("PT2S", settings.getString("sweepInterval"), "from the test run's SWEEP_INTERVAL");
    }

    @Test
    void onlySystemAdministratorsReadOrChangeSettings() {
        assertEquals(401, api.get("/api/settings", null).statusCode());
        for (String user : new String[]{"employee1", "superintendent", "designee", "siteadmin", "clerk", "auditor"}) {
            assertEquals(403, api.get("/api/settings", user).statusCode(), user + " may not read settings");
            assertEquals(403, api.put("/api/settings", user, "{\"districtName\":\"Hijacked\"}").statusCode(),
                    user + " may not change settings");
        }
        assertEquals("Example Unified School District",
                JsonBodies.object(api.get("/api/settings", "sysadmin").body()).getString("districtName"));
    }

    @Test
    void aChangeIsSavedCanonicallyAndShowsInEveryPage() {
        HttpResponse<String> response = api.put("/api/settings", "sysadmin", """
                {"districtName":"Lakeside Unified","emailDomains":"Lakeside.K12.example, @staff.lakeside.example",
                 "reviewPeriod":"P1W","reviewDays":"School"}""");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject settings = JsonBodies.object(response.body());
        assertEquals("Lakeside Unified", settings.getString("districtName"));
        assertEquals("lakeside.k12.example,staff.lakeside.example", settings.getString("emailDomains"));
        assertEquals("P7D", settings.getString("reviewPeriod"));
        assertEquals("school", settings.getString("reviewDays"));
        api.put("/api/settings", "sysadmin", "{\"emailDomains\":\"district.example.org\"}");
    }

    @Test
    void invalidValuesAreRefusedFieldByFieldAndNothingIsSaved() {
        HttpResponse<String> response = api.put("/api/settings", "sysadmin", """
                {"districtName":"Should not be saved","timeZone":"Mars/Olympus","reviewPeriod":"P1M",
                 "publicBaseUrl":"javascript:alert(1)","emailDomains":"not a domain!"}""");
        assertEquals(400, response.statusCode(), response.body());
        JsonObject errors = JsonBodies.object(response.body()).getJsonObject("errors");
        assertTrue(errors.getString("timeZone").contains("not a time zone"), errors.toString());
        assertTrue(errors.getString("reviewPeriod").contains("months and years are not allowed"), errors.toString());
        assertTrue(errors.getString("publicBaseUrl").contains("http(s)"), errors.toString());
        assertTrue(errors.getString("emailDomains").contains("not a domain"), errors.toString());
        assertEquals("Example Unified School District",
                JsonBodies.object(api.get("/api/settings", "sysadmin").body()).getString("districtName"));
    }

    @Test
    void schoolDaysNeedAWholeDayPeriod() {
        HttpResponse<String> response = api.put("/api/settings", "sysadmin",
                "{\"reviewPeriod\":\"PT5M\",\"reviewDays\":\"school\"}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(JsonBodies.object(response.body()).getJsonObject("errors").getString("reviewDays")
                .contains("whole days"), response.body());
    }

    @Test
    void unknownSettingsAreNamed() {
        HttpResponse<String> response = api.put("/api/settings", "sysadmin", "{\"colour\":\"blue\"}");
        assertEquals(400, response.statusCode());
        assertTrue(JsonBodies.object(response.body()).getJsonObject("errors").containsKey("colour"));
    }
}
