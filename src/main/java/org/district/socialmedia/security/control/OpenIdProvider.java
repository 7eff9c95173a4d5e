package org.district.socialmedia.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonException;
import org.district.socialmedia.security.control.IdTokenVerifier.InvalidToken;
import org.district.socialmedia.security.control.IdTokenVerifier.Keys;

import java.io.IOException;
import java.io.StringReader;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The District's OpenID Connect provider (Google Workspace, Microsoft Entra ID, or any certified one),
 * as server-config/configure-single-sign-on.cli describes it: its discovery document and signing keys,
 * fetched on first use and kept for an hour (each server keeps its own copy; nothing here must be
 * shared), and the exchange of an authorization code for an ID token.
 */
@ApplicationScoped
public class OpenIdProvider {

    static final String PREFIX = "social-media.oidc.";
    private static final Duration KEEP = Duration.ofHours(1);
    /** A token naming an unknown key may mean the provider rotated its keys; not more often than this, though. */
    private static final Duration REFETCH_KEYS_AFTER = Duration.ofSeconds(30);
    /** Google's tokens may name their issuer without the scheme (its documentation says so). */
    private static final Map<String, String> ISSUER_ALIASES = Map.of("https://accounts.google.com", "accounts.google.com");

    /** The provider as configured; every value but the name and the claim is required. */
    public record Settings(String issuer, String clientId, String clientSecret, String providerName, String emailClaim) {

        /** From the system properties the server-config script sets; empty when single sign-on is not configured. */
        public static Optional<Settings> fromSystemProperties() {
            String issuer = property("issuer");
            String clientId = property("client-id");
            if (issuer == null || clientId == null) {
                return Optional.empty();
            }
            return Optional.of(new Settings(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer,
                    clientId, Optional.ofNullable(property("client-secret")).orElse(""),
                    Optional.ofNullable(property("provider-name")).orElse("your District account"),
                    Optional.ofNullable(property("email-claim")).orElse("email")));
        }

        public Set<String> acceptedIssuers() {
            String alias = ISSUER_ALIASES.get(issuer);
            return alias == null ? Set.of(issuer) : Set.of(issuer, alias);
        }

        private static String property(String name) {
            String value = System.getProperty(PREFIX + name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** Where the provider's endpoints are (OpenID Connect Discovery 1.0). */
    public record Endpoints(URI authorization, URI token, URI keys) {
    }

    /** The provider cannot be reached or answers nonsense: not the person's fault, try again later. */
    public static final class Unreachable extends Exception {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Cached<T>(T value, Instant fetchedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .proxy(ProxySelector.getDefault())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private volatile Cached<Endpoints> endpoints;
    private volatile Cached<Keys> keys;

    public Optional<Settings> settings() {
        return Settings.fromSystemProperties();
    }

    public Endpoints endpoints(Settings settings) throws Unreachable {
        Cached<Endpoints> known = endpoints;
        if (known != null && known.fetchedAt().plus(KEEP).isAfter(Instant.now())) {
            return known.value();
        }
        JsonObject document = getJson(URI.create(settings.issuer() + "/.well-known/openid-configuration"));
        // Discovery 4.3: the document must name exactly the issuer it was fetched for
        if (!settings.issuer().equals(document.getString("issuer", null))) {
            throw new Unreachable("the discovery document names the issuer " + document.getString("issuer", null)
                    + ", not the configured " + settings.issuer(), null);
        }
        try {
            Endpoints fresh = new Endpoints(URI.create(document.getString("authorization_endpoint")),
                    URI.create(document.getString("token_endpoint")), URI.create(document.getString("jwks_uri")));
            endpoints = new Cached<>(fresh, Instant.now());
            return fresh;
        } catch (RuntimeException e) {
            throw new Unreachable("the discovery document lacks an endpoint", e);
        }
    }

    /** The signing keys, fetched again when the token names a key not yet known (the provider rotated them). */
    public Keys keys(Settings settings, String keyId) throws Unreachable {
        Cached<Keys> known = keys;
        Instant now = Instant.now();
        boolean fresh = known != null && known.fetchedAt().plus(KEEP).isAfter(now);
        boolean rotated = known != null && keyId != null && !known.value().has(keyId)
                && known.fetchedAt().plus(REFETCH_KEYS_AFTER).isBefore(now);
        if (fresh && !rotated) {
            return known.value();
        }
        try {
            Keys parsed = Keys.parse(get(endpoints(settings).keys()));
            keys = new Cached<>(parsed, now);
            return parsed;
        } catch (InvalidToken e) {
            throw new Unreachable(e.getMessage(), e);
        }
    }

    /** The ID token for an authorization code (client_secret_post, which Google and Entra ID both accept). */
    public String exchange(Settings settings, String code, String codeVerifier, String redirectUri) throws Unreachable, InvalidToken {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("code_verifier", codeVerifier);
        HttpRequest request = HttpRequest.newBuilder(endpoints(settings).token())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 500) {
            throw new Unreachable("the token endpoint answered " + response.statusCode(), null);
        }
        JsonObject body = parse(response.body(), request.uri());
        if (response.statusCode() != 200) {
            // invalid_grant and the like: a used, expired or forged code
            throw new InvalidToken("the token endpoint refused the code: " + body.getString("error", String.valueOf(response.statusCode())));
        }
        String idToken = body.getString("id_token", null);
        if (idToken == null) {
            throw new InvalidToken("the token endpoint returned no ID token");
        }
        return idToken;
    }

    public static String formBody(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonObject getJson(URI uri) throws Unreachable {
        return parse(get(uri), uri);
    }

    private String get(URI uri) throws Unreachable {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build());
        if (response.statusCode() != 200) {
            throw new Unreachable(uri + " answered " + response.statusCode(), null);
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) throws Unreachable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(request.uri() + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while calling " + request.uri(), e);
        }
    }

    private static JsonObject parse(String body, URI from) throws Unreachable {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Unreachable(from + " did not answer JSON", e);
        }
    }
}
