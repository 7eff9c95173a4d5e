package org.district.socialmedia.platform.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.district.socialmedia.it.JsonBodies;
import org.district.socialmedia.demo.boundary.TestControlResource;
import org.district.socialmedia.security.control.AccessTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API document the build generates from the resources (target/classes/api, process-classes) describes
 * the API of the access table: every endpoint, nothing else, with sign-in exactly where the table wants it;
 * and the API page loads the Swagger UI that ships.
 */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("target/classes/api/openapi.json");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** "METHOD /api/path" of every operation in the generated document, with its operation. */
    private static Map<String, JsonObject> operations() throws IOException {
        assertTrue(Files.isRegularFile(DOCUMENT), DOCUMENT + " is missing: the build's process-classes phase writes it");
        JsonObject paths = JsonBodies.object(Files.readString(DOCUMENT)).getJsonObject("paths");
        Map<String, JsonObject> operations = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue().asJsonObject());
                }
            }
        }
        return operations;
    }

    /** The endpoints of the access table that the document describes: all but the test server's controls. */
    private static Set<String> documentedRows() {
        Set<String> testOnly = new TreeSet<>();
        for (Method m : TestControlResource.class.getMethods()) {
            String endpoint = AccessTable.endpoint(TestControlResource.class, m);
            if (endpoint != null) {
                testOnly.add(endpoint);
            }
        }
        assertFalse(testOnly.isEmpty(), "the test server's controls are found");
        return AccessTable.RULES.stream().filter(r -> !r.isPage()).map(AccessTable.Rule::target)
                .filter(t -> !testOnly.contains(t)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyEndpointOfTheAccessTableIsInTheDocument() throws IOException {
        Set<String> missing = new TreeSet<>(documentedRows());
        missing.removeAll(operations().keySet());
        assertEquals(Set.of(), missing, "endpoints of AccessTable that the generated API document lacks");
    }

    @Test
    void theDocumentDescribesNothingElseAndLeavesOutTheTestServersControls() throws IOException {
        Set<String> extra = new TreeSet<>(operations().keySet());
        extra.removeAll(documentedRows());
        assertEquals(Set.of(), extra, "operations in the API document without a row in AccessTable (or test-only ones)");
    }

    @Test
    void everyOperationHasASummaryAndSignInIsWaivedExactlyForThePublicRows() throws IOException {
        Set<String> open = AccessTable.RULES.stream().filter(r -> !r.isPage() && r.access() == AccessTable.Access.PUBLIC)
                .map(AccessTable.Rule::target).collect(Collectors.toCollection(TreeSet::new));
        Set<String> waived = new TreeSet<>();
        Set<String> unsummarized = new TreeSet<>();
        for (Map.Entry<String, JsonObject> op : operations().entrySet()) {
            JsonValue security = op.getValue().get("security");
            if (security != null && security.asJsonArray().isEmpty()) {
                waived.add(op.getKey());
            }
            if (op.getValue().getString("summary", "").isBlank()) {
                unsummarized.add(op.getKey());
            }
        }
        assertEquals(open, waived, "operations marked as needing no sign-in (@SecurityRequirements) against AccessTable's public rows");
        assertEquals(Set.of(), unsummarized, "operations without @Operation(summary = ...)");
        JsonObject document = JsonBodies.object(Files.readString(DOCUMENT));
        assertEquals("basic", document.getJsonArray("security").getJsonObject(0).keySet().iterator().next(),
                "HTTP Basic for everything else (src/main/resources/META-INF/openapi.yaml)");
        assertEquals("basic", document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("basic").getString("scheme"));
        assertEquals("District social media governance API", document.getJsonObject("info").getString("title"));
    }

    @Test
    void theApiPageLoadsTheSwaggerUiThatShips() throws IOException {
        Properties webjar = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            assertNotNull(in, "the swagger-ui webjar is a dependency");
            webjar.load(in);
        }
        String version = webjar.getProperty("version");
        String page = Files.readString(Path.of("src/main/webapp/api-reference.xhtml"));
        Matcher used = Pattern.compile("/webjars/swagger-ui/([^/]+)/").matcher(page);
        int count = 0;
        while (used.find()) {
            assertEquals(version, used.group(1), "api-reference.xhtml names the Swagger UI version that ships");
            assertNotNull(getClass().getResource("/META-INF/resources" + page.substring(used.start(), page.indexOf('"', used.start()))),
                    "the webjar has " + page.substring(used.start(), page.indexOf('"', used.start())));
            count++;
        }
        assertEquals(2, count, "the page loads Swagger UI's script and stylesheet");
    }
}
