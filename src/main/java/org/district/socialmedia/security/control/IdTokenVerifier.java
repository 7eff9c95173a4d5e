package org.district.socialmedia.security.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an OpenID Connect ID token as the Core specification (3.1.3.7) asks: an RS256 signature by one
 * of the provider's published keys, the issuer, this portal as audience (and authorized party when there
 * are several), not expired, the nonce of this sign-in, and a verified email address. Only RS256: Google
 * and Entra ID sign with it, and accepting the algorithm the token names is how "none" and HMAC-with-the-
 * public-key forgeries get in. Pure: no container, no network.
 */
public final class IdTokenVerifier {

    /** Clocks of the portal and the provider drift apart a little. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** What the portal uses of a valid token. */
    public record Identity(String issuer, String subject, String email) {
    }

    /** What a token must match. */
    public record Expectations(Set<String> issuers, String clientId, String nonce, String emailClaim, Instant now) {
    }

    /** A token refused; the reason goes to the audit log, never to the browser. */
    public static final class InvalidToken extends Exception {
        public InvalidToken(String reason) {
            super(reason);
        }
    }

    /** The provider's signing keys (its JWKS document), by key id. */
    public static final class Keys {
        private final Map<String, PublicKey> byId;

        private Keys(Map<String, PublicKey> byId) {
            this.byId = byId;
        }

        /** The RSA signing keys of a JWKS document; other kinds are skipped. */
        public static Keys parse(String jwks) throws InvalidToken {
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            JsonObject document = json(jwks, "the provider's key set");
            JsonValue list = document.get("keys");
            if (!(list instanceof JsonArray array)) {
                throw new InvalidToken("the provider's key set has no keys");
            }
            for (JsonValue value : array) {
                if (!(value instanceof JsonObject key) || !"RSA".equals(key.getString("kty", null))
                        || !"sig".equals(key.getString("use", "sig"))) {
                    continue;
                }
                try {
                    RSAPublicKeySpec spec = new RSAPublicKeySpec(
                            new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("n"))),
                            new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("e"))));
                    keys.put(key.getString("kid", "key-" + keys.size()), KeyFactory.getInstance("RSA").generatePublic(spec));
                } catch (GeneralSecurityException | RuntimeException malformed) {
                    // one unusable key does not spoil the others
                }
            }
            return new Keys(Map.copyOf(keys));
        }

        public boolean has(String keyId) {
            return byId.containsKey(keyId);
        }

    }

    private IdTokenVerifier() {
    }

    /** The key id a token names in its header (null when none), to know whether the key set must be fetched again. */
    public static String keyId(String token) {
        try {
            return header(split(token)).getString("kid", null);
        } catch (InvalidToken | RuntimeException e) {
            return null;
        }
    }

    public static Identity verify(String token, Keys keys, Expectations expected) throws InvalidToken {
        String[] parts = split(token);
        JsonObject header = header(parts);
        if (!"RS256".equals(header.getString("alg", null))) {
            throw new InvalidToken("signature algorithm " + header.getOrDefault("alg", JsonValue.NULL) + " is not accepted (RS256 only)");
        }
        checkSignature(parts, header.getString("kid", null), keys);
        JsonObject claims = json(decode(parts[1], "claims"), "the token's claims");

        String issuer = string(claims, "iss");
        if (issuer == null || !expected.issuers().contains(issuer)) {
            throw new InvalidToken("issuer " + issuer + " is not " + expected.issuers());
        }
        List<String> audience = audience(claims);
        if (!audience.contains(expected.clientId())) {
            throw new InvalidToken("the token is for " + audience + ", not this portal");
        }
        String authorizedParty = string(claims, "azp");
        if ((audience.size() > 1 || authorizedParty != null) && !expected.clientId().equals(authorizedParty)) {
            throw new InvalidToken("authorized party " + authorizedParty + " is not this portal");
        }
        Instant expires = instant(claims, "exp");
        if (!expected.now().isBefore(expires.plus(CLOCK_SKEW))) {
            throw new InvalidToken("the token expired at " + expires);
        }
        Instant issued = instant(claims, "iat");
        if (issued.isAfter(expected.now().plus(CLOCK_SKEW))) {
            throw new InvalidToken("the token is issued in the future (" + issued + ")");
        }
        String nonce = string(claims, "nonce");
        if (nonce == null || !java.security.MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                expected.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidToken("the nonce is not this sign-in's");
        }
        String subject = string(claims, "sub");
        if (subject == null || subject.isBlank()) {
            throw new InvalidToken("the token names no subject");
        }
        String email = string(claims, expected.emailClaim());
        if (email == null || email.isBlank()) {
            throw new InvalidToken("the token has no " + expected.emailClaim() + " claim");
        }
        JsonValue verified = claims.get("email_verified");
        if (verified != null && (verified == JsonValue.FALSE
                || (verified instanceof JsonString s && "false".equalsIgnoreCase(s.getString())))) {
            throw new InvalidToken("the provider has not verified " + email);
        }
        return new Identity(issuer, subject, email.strip());
    }

    private static void checkSignature(String[] parts, String keyId, Keys keys) throws InvalidToken {
        List<PublicKey> candidates = new ArrayList<>();
        if (keyId != null) {
            PublicKey key = keys.byId.get(keyId);
            if (key == null) {
                throw new InvalidToken("no published key has the id " + keyId);
            }
            candidates.add(key);
        } else {
            candidates.addAll(keys.byId.values());
        }
        if (candidates.isEmpty()) {
            throw new InvalidToken("the provider publishes no RSA signing key");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("the signature is not base64url");
        }
        for (PublicKey key : candidates) {
            try {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(key);
                rs256.update(signed);
                if (rs256.verify(signature)) {
                    return;
                }
            } catch (GeneralSecurityException e) {
                // a key that cannot check this signature simply does not match
            }
        }
        throw new InvalidToken("the signature does not match the provider's keys");
    }

    private static String[] split(String token) throws InvalidToken {
        if (token == null) {
            throw new InvalidToken("no ID token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidToken("the ID token is not a signed JWT (" + parts.length + " parts)");
        }
        return parts;
    }

    private static JsonObject header(String[] parts) throws InvalidToken {
        return json(decode(parts[0], "header"), "the token's header");
    }

    private static String decode(String part, String what) throws InvalidToken {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("the token's " + what + " is not base64url");
        }
    }

    private static JsonObject json(String text, String what) throws InvalidToken {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidToken(what + " is not a JSON object");
        }
    }

    private static String string(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static List<String> audience(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString s) {
            return List.of(s.getString());
        }
        List<String> all = new ArrayList<>();
        if (aud instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    all.add(s.getString());
                }
            }
        }
        return all;
    }

    private static Instant instant(JsonObject claims, String name) throws InvalidToken {
        if (!(claims.get(name) instanceof jakarta.json.JsonNumber n)) {
            throw new InvalidToken("the token has no " + name + " time");
        }
        return Instant.ofEpochSecond(n.longValue());
    }
}
