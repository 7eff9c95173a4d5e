package org.district.socialmedia.platform;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated API document is served without sign-in, as YAML and as JSON; the API page (Swagger UI)
 * answers only after sign-in, under the portal's Content-Security-Policy, with no inline script of its own,
 * and the files it loads are there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiReferenceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    private final Api api = Api.onTestServer();

    @Test
    void theGeneratedDocumentIsServedAsYamlAndAsJsonWithoutSignIn() {
        HttpResponse<String> yaml = api.getAccepting("/api/openapi", null, "application/yaml");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(yaml.body().startsWith("---") || yaml.body().startsWith("openapi:"), yaml.body().substring(0, 80));
        assertTrue(yaml.body().contains("/api/requests/{id}/timeline:"), "the endpoints the hand-kept YAML lacked");
        assertTrue(yaml.body().contains("/api/access-reviews/{id}:"));
        assertEquals(yaml.body(), api.getAccepting("/api/openapi", null, "*/*").body(), "YAML unless JSON is asked for");

        HttpResponse<String> json = api.getAccepting("/api/openapi", null, "application/json");
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject document = JsonBodies.object(json.body());
        assertTrue(document.getJsonObject("paths").containsKey("/api/requests/{id}/timeline"));
        assertEquals("District social media governance API", document.getJsonObject("info").getString("title"));
    }

    @Test
    void theApiPageAnswersOnlyAfterSignInUnderThePortalsPolicy() {
        HttpResponse<String> anonymous = api.get("/api-reference.xhtml", null);
        assertEquals(302, anonymous.statusCode(), "no page without sign-in");
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        assertEquals(302, api.get("/webjars/swagger-ui/5.35.0/swagger-ui-bundle.js", null).statusCode(),
                "Swagger UI's files are behind sign-in as well");

        String session = "JSESSIONID=" + api.signIn("employee1", Api.DEMO_PASSWORD);
        HttpResponse<String> page = api.getWithHeader("/api-reference.xhtml", null, "Cookie", session);
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find(), "the portal's page policy: " + csp);
        assertFalse(csp.matches(".*script-src[^;]*unsafe-(inline|eval).*"), csp);
        assertTrue(page.body().contains("id=\"swagger-ui\" data-url=\"/api/openapi\""), page.body());

        // every inline script is the framework's, with the nonce; the page's own scripts are files from this site
        List<String> sources = new ArrayList<>();
        Matcher script = Pattern.compile("<script([^>]*)>").matcher(page.body());
        while (script.find()) {
            Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(script.group(1));
            if (src.find()) {
                sources.add(src.group(1));
            } else {
                assertTrue(script.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "inline script without the nonce: " + script.group());
            }
        }
        assertTrue(sources.contains("/webjars/swagger-ui/5.35.0/swagger-ui-bundle.js"), sources.toString());
        assertTrue(sources.contains("/resources/js/api-reference.js"), sources.toString());
        Matcher stylesheet = Pattern.compile("<link rel=\"stylesheet\" href=\"(/webjars/[^\"]+)\"").matcher(page.body());
        assertTrue(stylesheet.find(), "Swagger UI's stylesheet");
        sources.add(stylesheet.group(1));
        for (String source : sources) {
            if (source.startsWith("/")) {
                HttpResponse<String> file = api.getWithHeader(source.replace("&amp;", "&"), null, "Cookie", session);
                assertEquals(200, file.statusCode(), source);
            }
        }
    }
}
