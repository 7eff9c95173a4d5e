package org.district.socialmedia.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenID Connect provider in the test's own process, standing in for Google Workspace or Entra ID
 * (no internet here): discovery, signing keys, and a token endpoint that checks the client, the code,
 * the redirect URI and PKCE as a real one does. The person's consent at the provider is
 * {@link #authorize}: it reads the portal's authorization request and answers with the callback
 * address. Tokens are RS256, as the real providers sign them. A test makes it issue bad tokens
 * ({@link #tweakNextToken}, {@link #forgeNextToken}) or rotate its keys ({@link #rotateKeys}), to see the
 * portal refuse or follow.
 */
public final class FakeOpenIdProvider implements AutoCloseable {

    public static final String KEY_ID = "test-key-1";

    private final HttpServer server;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger(1);
    /** A test's change to the next ID token's claims: the portal must refuse it. */
    private volatile UnaryOperator<JsonObject> tweak = UnaryOperator.identity();
    /** A test's way to sign the next ID token (once), instead of the current key. */
    private volatile Function<JsonObject, String> forgery;
    /** The key that signs, and the keys the key set publishes (the current one among them, unless a test says so). */
    private volatile SigningKey current = new SigningKey(KEY_ID, rsa());
    private volatile SigningKey retired;
    private volatile List<SigningKey> published = List.of(current);

    /** A key pair and the id the provider gives it. */
    public record SigningKey(String id, KeyPair pair) {
    }

    /** The bad tokens a test can ask for; each must make the portal refuse the sign-in. */
    public enum Forgery {
        /** Signed by a key the provider never published, under the published key's id. */
        ANOTHER_KEY,
        /** Unsigned: {@code alg: none}. */
        ALG_NONE,
        /** HS256 with the provider's public key (its X.509 encoding) as the HMAC secret. */
        HMAC_WITH_PUBLIC_KEY,
        /** Signed by a key whose id the key set does not name. */
        UNKNOWN_KEY_ID,
        /** Signed by the key retired at the last {@link #rotateKeys}. */
        RETIRED_KEY
    }

    private record Grant(String clientId, String redirectUri, String challenge, JsonObject claims) {
    }

    public FakeOpenIdProvider(int port, String path, String clientId, String clientSecret) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // port 0: any free port (a unit test's provider)
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        server.createContext(path + "/.well-known/openid-configuration", x -> answer(x, 200, Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/authorize")
                .add("token_endpoint", issuer + "/token")
                .add("jwks_uri", issuer + "/jwks")
                // required by Discovery 1.0 section 3, as every real provider publishes them
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .build()));
        server.createContext(path + "/jwks", x -> {
            var keySet = Json.createArrayBuilder();
            published.forEach(key -> keySet.add(jwk((RSAPublicKey) key.pair().getPublic(), key.id())));
            answer(x, 200, Json.createObjectBuilder().add("keys", keySet).build());
        });
        server.createContext(path + "/token", this::token);
        server.start();
    }

    /** Where the IT server is configured to find this provider (failsafe's OIDC_ISSUER). */
    public static FakeOpenIdProvider onTestServersIssuer() throws IOException {
        URI issuer = URI.create(System.getenv("OIDC_ISSUER"));
        return new FakeOpenIdProvider(issuer.getPort(), issuer.getPath(), System.getenv("OIDC_CLIENT_ID"),
                System.getenv("OIDC_CLIENT_SECRET"));
    }

    public String issuer() {
        return issuer;
    }

    /** The next token's claims pass through this (once). */
    public void tweakNextToken(UnaryOperator<JsonObject> change) {
        this.tweak = change;
    }

    /** The next token is signed by a key the provider never published (once). */
    public void signNextTokenWithAnotherKey() {
        forgeNextToken(Forgery.ANOTHER_KEY);
    }

    /** The next token (once) is forged this way. */
    public void forgeNextToken(Forgery kind) {
        SigningKey signing = current;
        SigningKey old = retired;
        this.forgery = switch (kind) {
            case ANOTHER_KEY -> claims -> sign(header("RS256", signing.id()), claims, rsa().getPrivate());
            case ALG_NONE -> claims -> base64Url(Json.createObjectBuilder().add("alg", "none").add("typ", "JWT").build()
                    .toString().getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
            case HMAC_WITH_PUBLIC_KEY -> claims -> hs256(header("HS256", signing.id()), claims, signing.pair().getPublic().getEncoded());
            case UNKNOWN_KEY_ID -> claims -> sign(header("RS256", "unknown-" + UUID.randomUUID()), claims, rsa().getPrivate());
            case RETIRED_KEY -> {
                if (old == null) {
                    throw new IllegalStateException("no key retired yet");
                }
                yield claims -> sign(header("RS256", old.id()), claims, old.pair().getPrivate());
            }
        };
    }

    /**
     * The provider rotates its keys: a new key (with a new id) signs from now on; the key set publishes it,
     * and the old one too when {@code keepOld} (the overlap real providers give), otherwise not any more.
     */
    public SigningKey rotateKeys(boolean keepOld) {
        SigningKey next = new SigningKey("test-key-" + generation.incrementAndGet(), rsa());
        retired = current;
        current = next;
        published = keepOld ? List.of(next, retired) : List.of(next);
        return next;
    }

    /** The keys the key set publishes now, by id. */
    public List<String> publishedKeyIds() {
        List<String> ids = new ArrayList<>();
        published.forEach(key -> ids.add(key.id()));
        return ids;
    }

    /**
     * The person signs in at the provider as {@code email} and consents: the callback address the
     * browser is sent to, with a fresh code and the portal's state.
     */
    public URI authorize(URI authorizationRequest, String email) {
        Map<String, String> query = query(authorizationRequest.getRawQuery());
        if (!clientId.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || !query.getOrDefault("scope", "").contains("openid")) {
            throw new IllegalArgumentException("not an authorization request this provider accepts: " + query);
        }
        Instant now = Instant.now();
        JsonObject claims = Json.createObjectBuilder()
                .add("iss", issuer).add("aud", clientId).add("azp", clientId)
                .add("sub", "subject-" + email.hashCode()).add("email", email).add("email_verified", true)
                .add("nonce", query.get("nonce"))
                .add("iat", now.getEpochSecond()).add("exp", now.plusSeconds(300).getEpochSecond())
                .build();
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge"), claims));
        return URI.create(query.get("redirect_uri") + "?code=" + code + "&state=" + encode(query.get("state")));
    }

    /** The person cancels at the provider: the callback address with the error OpenID Connect defines. */
    public URI refuse(URI authorizationRequest) {
        Map<String, String> query = query(authorizationRequest.getRawQuery());
        return URI.create(query.get("redirect_uri") + "?error=access_denied&error_description=" + encode("The user cancelled")
                + "&state=" + encode(query.get("state")));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            answer(exchange, 401, Json.createObjectBuilder().add("error", "invalid_client").build());
            return;
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            answer(exchange, 400, Json.createObjectBuilder().add("error", "invalid_grant").build());
            return;
        }
        JsonObject claims = tweak.apply(grant.claims());
        tweak = UnaryOperator.identity();
        Function<JsonObject, String> forge = forgery;
        forgery = null;
        SigningKey signing = current;
        String idToken = forge != null ? forge.apply(claims) : sign(header("RS256", signing.id()), claims, signing.pair().getPrivate());
        answer(exchange, 200, Json.createObjectBuilder().add("access_token", UUID.randomUUID().toString())
                .add("token_type", "Bearer").add("expires_in", 3600).add("id_token", idToken).build());
    }

    /** A JWS in compact form: header.claims.signature, each base64url, RS256 over the first two. */
    public static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
        String signed = base64Url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject header(String alg, String keyId) {
        return Json.createObjectBuilder().add("alg", alg).add("kid", keyId).add("typ", "JWT").build();
    }

    /** A JWS in compact form with an HMAC-SHA256 signature: what a forger makes of a public key. */
    public static String hs256(JsonObject header, JsonObject claims, byte[] secret) {
        String signed = base64Url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signed + "." + base64Url(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWKS entry for an RSA public key. */
    public static JsonObjectBuilder jwk(RSAPublicKey key, String keyId) {
        return Json.createObjectBuilder().add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", keyId)
                .add("n", base64Url(unsigned(key.getModulus()))).add("e", base64Url(unsigned(key.getPublicExponent())));
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String s256(String verifier) {
        try {
            return base64Url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
