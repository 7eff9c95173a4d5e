package org.district.socialmedia.platform;

import org.district.socialmedia.it.Api;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.it.SecondServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole server process, stopped and started again: what was saved before is still there after.
 * Runs its own WildFly (the configured test server's files, its own base folder, data folder and
 * ports) beside the one Arquillian manages, with the WAR deployed as the run command deploys it.
 * In the PostgreSQL run both servers share the one database, as a district's servers do.
 */
class DataSurvivesRestartIT {

    private final SecondServer server = new SecondServer("restart", 200);
    private final Api api = server.api();

    @Test
    void settingsSavedBeforeARestartAreThereAfterIt() throws Exception {
        server.prepare();
        server.start();
        String before = JsonBodies.object(api.get("/api/settings", "sysadmin").body()).getString("districtName");
        String name = "Restart Check District " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> saved = api.put("/api/settings", "sysadmin", "{\"districtName\":\"" + name + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        server.stop();

        server.start();
        HttpResponse<String> read = api.get("/api/settings", "sysadmin");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(name, JsonBodies.object(read.body()).getString("districtName"));
        HttpResponse<String> login = api.get("/login.xhtml", null);
        assertTrue(login.body().contains(name), "the login page shows the saved District name");
        if ("h2".equals(System.getProperty("it.database", "h2"))) {
            try (Stream<Path> files = Files.list(server.data())) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")), "H2 files in DATA_DIR " + server.data());
            }
        } else {
            // one database for both servers here: the other tests expect the District's name they know
            assertEquals(200, api.put("/api/settings", "sysadmin", "{\"districtName\":\"" + before + "\"}").statusCode());
        }
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }
}
