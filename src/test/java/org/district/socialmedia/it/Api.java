package org.district.socialmedia.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for API tests: HTTP Basic as a demo user, JSON in and out, no redirects followed. */
public final class Api {

    public static final String DEMO_PASSWORD = System.getProperty("demo.password", "demo");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static Api onTestServer() {
        return new Api("http://127.0.0.1:" + System.getProperty("it.http.port", "8180"));
    }

    public HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    /** GET with another Accept header (a PDF, say). */
    public HttpResponse<String> getAccepting(String path, String user, String accept) {
        return send(request(path, user).setHeader("Accept", accept).GET().build());
    }

    /** GET with one more header (If-None-Match, say). */
    public HttpResponse<String> getWithHeader(String path, String user, String header, String value) {
        return send(request(path, user).header(header, value).GET().build());
    }

    public HttpResponse<String> put(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> patch(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> post(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> getWithPassword(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password)).GET().build());
    }

    public HttpResponse<String> postWithPassword(String path, String user, String password, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POST a body of any type (multipart, a zip...). */
    public HttpResponse<String> postBytes(String path, String user, String contentType, byte[] body) {
        return send(request(path, user).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Signs in through the login form as a browser does (no script: the form's fields and view state);
     * the session cookie's value. Pages then cost no password check per request.
     */
    public String signIn(String user, String password) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").GET().build());
        String cookie = sessionCookie(form);
        java.util.regex.Matcher viewState = java.util.regex.Pattern
                .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        if (cookie == null || !viewState.find()) {
            throw new IllegalStateException("the login page gave no session or view state: " + form.statusCode());
        }
        String body = "login=login&login%3AsignIn=Sign+in&login%3Ausername=" + encode(user) + "&login%3Apassword=" + encode(password)
                + "&jakarta.faces.ViewState=" + encode(viewState.group(1));
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).timeout(Duration.ofSeconds(30))
                .header("Cookie", "JSESSIONID=" + cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String signedIn = sessionCookie(done);
        if (done.statusCode() != 302 || done.headers().firstValue("Location").orElse("").contains("/login.xhtml") || signedIn == null) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + done.statusCode());
        }
        return signedIn;
    }

    /** A request carrying a session cookie from {@link #signIn} instead of a password. */
    public HttpResponse<String> send(String method, String path, String session, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Cookie", "JSESSIONID=" + session);
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder.build());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.contains(";") ? c.indexOf(';') : c.length()))
                .findFirst().orElse(null);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", basic(user, DEMO_PASSWORD));
        }
        return builder;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The body as the server sent it, bytes untouched (a compressed body stays compressed). The header
     * replaces a default of the same name (Accept: application/pdf asks for a PDF only).
     */
    public HttpResponse<byte[]> getBytes(String path, String user, String header, String value) {
        HttpRequest request = request(path, user).setHeader(header, value).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
