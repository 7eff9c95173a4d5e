package org.district.socialmedia.security.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.district.socialmedia.it.FakeOpenIdProvider;
import org.district.socialmedia.security.control.IdTokenVerifier.Expectations;
import org.district.socialmedia.security.control.IdTokenVerifier.Identity;
import org.district.socialmedia.security.control.IdTokenVerifier.InvalidToken;
import org.district.socialmedia.security.control.IdTokenVerifier.Keys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdTokenVerifierTest {

    private static final KeyPair PROVIDER = FakeOpenIdProvider.rsa();
    private static final String ISSUER = "https://login.example.org/tenant/v2.0";
    private static final String CLIENT = "portal-client";
    private static final String NONCE = "nonce-of-this-sign-in";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Expectations EXPECTED = new Expectations(Set.of(ISSUER), CLIENT, NONCE, "email", NOW);

    private static Keys keys() throws InvalidToken {
        return Keys.parse(Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kty", "EC").add("kid", "ec-key").add("crv", "P-256"))
                .add(FakeOpenIdProvider.jwk((RSAPublicKey) PROVIDER.getPublic(), "k1"))).build().toString());
    }

    private static JsonObjectBuilder claims() {
        return Json.createObjectBuilder().add("iss", ISSUER).add("aud", CLIENT).add("sub", "248289761001")
                .add("email", "maria.lopez@district.example.org").add("email_verified", true).add("nonce", NONCE)
                .add("iat", NOW.minusSeconds(5).getEpochSecond()).add("exp", NOW.plusSeconds(300).getEpochSecond());
    }

    private static JsonObject header(String alg, String kid) {
        JsonObjectBuilder header = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT");
        if (kid != null) {
            header.add("kid", kid);
        }
        return header.build();
    }

    private static String token(Consumer<JsonObjectBuilder> change) {
        JsonObjectBuilder claims = claims();
        change.accept(claims);
        return FakeOpenIdProvider.sign(header("RS256", "k1"), claims.build(), PROVIDER.getPrivate());
    }

    private static String refusal(String token) {
        return assertThrows(InvalidToken.class, () -> IdTokenVerifier.verify(token, keys(), EXPECTED)).getMessage();
    }

    @Test
    void aGoodTokenGivesTheIssuerSubjectAndAddress() throws Exception {
        Identity identity = IdTokenVerifier.verify(token(c -> { }), keys(), EXPECTED);
        assertEquals(new Identity(ISSUER, "248289761001", "maria.lopez@district.example.org"), identity);
        assertEquals("k1", IdTokenVerifier.keyId(token(c -> { })));
    }

    @Test
    void theSignatureMustBeByAPublishedKey() {
        String forged = FakeOpenIdProvider.sign(header("RS256", "k1"), claims().build(), FakeOpenIdProvider.rsa().getPrivate());
        assertTrue(refusal(forged).contains("signature"));
        String unknownKey = FakeOpenIdProvider.sign(header("RS256", "k9"), claims().build(), PROVIDER.getPrivate());
        assertTrue(refusal(unknownKey).contains("k9"));
        // without a key id every published RSA key is tried
        String noKid = FakeOpenIdProvider.sign(header("RS256", null), claims().build(), PROVIDER.getPrivate());
        assertEquals("248289761001", assertDoesNotThrow(noKid).subject());
    }

    @Test
    void changedClaimsBreakTheSignature() {
        String[] parts = token(c -> { }).split("\\.");
        String otherClaims = FakeOpenIdProvider.base64Url(claims().add("email", "superintendent@district.example.org")
                .build().toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(parts[0] + "." + otherClaims + "." + parts[2]).contains("signature"));
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        String body = FakeOpenIdProvider.base64Url(claims().build().toString().getBytes(StandardCharsets.UTF_8));
        String none = FakeOpenIdProvider.base64Url(header("none", "k1").toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(none + "." + body + ".").contains("none"));
        // the classic forgery: HMAC keyed with the provider's public key, hoping the verifier uses the key it has
        String hs = FakeOpenIdProvider.base64Url(header("HS256", "k1").toString().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PROVIDER.getPublic().getEncoded(), "HmacSHA256"));
        String hmac = FakeOpenIdProvider.base64Url(mac.doFinal((hs + "." + body).getBytes(StandardCharsets.US_ASCII)));
        assertTrue(refusal(hs + "." + body + "." + hmac).contains("HS256"));
    }

    @Test
    void theIssuerAudienceAndAuthorizedPartyMustBeOurs() {
        assertTrue(refusal(token(c -> c.add("iss", "https://evil.example.com"))).contains("issuer"));
        assertTrue(refusal(token(c -> c.add("aud", "another-app"))).contains("not this portal"));
        assertTrue(refusal(token(c -> c.add("aud", Json.createArrayBuilder().add(CLIENT).add("another-app"))))
                .contains("authorized party"));
        assertTrue(refusal(token(c -> c.add("azp", "another-app"))).contains("authorized party"));
        assertEquals("248289761001", assertDoesNotThrow(token(c -> c.add("aud", Json.createArrayBuilder().add(CLIENT)
                .add("another-app")).add("azp", CLIENT))).subject());
    }

    @Test
    void theTokenMustBeCurrentWithAMinuteOfClockSkew() {
        assertTrue(refusal(token(c -> c.add("exp", NOW.minusSeconds(61).getEpochSecond()))).contains("expired"));
        assertDoesNotThrow(token(c -> c.add("exp", NOW.minusSeconds(59).getEpochSecond())));
        assertTrue(refusal(token(c -> c.add("iat", NOW.plusSeconds(120).getEpochSecond()))).contains("future"));
        assertTrue(refusal(token(c -> c.remove("exp"))).contains("exp"));
    }

    @Test
    void theNonceMustBeThisSignInsAndTheAddressVerified() {
        assertTrue(refusal(token(c -> c.add("nonce", "another sign-in"))).contains("nonce"));
        assertTrue(refusal(token(c -> c.remove("nonce"))).contains("nonce"));
        assertTrue(refusal(token(c -> c.add("email_verified", false))).contains("not verified"));
        assertTrue(refusal(token(c -> c.add("email_verified", "false"))).contains("not verified"));
        assertTrue(refusal(token(c -> c.remove("email"))).contains("no email claim"));
        assertTrue(refusal(token(c -> c.remove("sub"))).contains("subject"));
        // Entra ID often sends no email_verified at all
        assertDoesNotThrow(token(c -> c.remove("email_verified")));
    }

    @Test
    void anotherClaimCanHoldTheAddress() throws Exception {
        Expectations upn = new Expectations(Set.of(ISSUER), CLIENT, NONCE, "preferred_username", NOW);
        String token = token(c -> c.remove("email").add("preferred_username", "aiko.tanaka@district.example.org"));
        assertEquals("aiko.tanaka@district.example.org", IdTokenVerifier.verify(token, keys(), upn).email());
    }

    @Test
    void garbageIsRefusedNotThrown() {
        for (String junk : new String[]{null, "", "a.b", "a.b.c.d", "!!!.???.***", "e30.e30.", "W10.W10.AA"}) {
            assertThrows(InvalidToken.class, () -> IdTokenVerifier.verify(junk, keys(), EXPECTED), String.valueOf(junk));
        }
        assertThrows(InvalidToken.class, () -> Keys.parse("not json"));
        assertThrows(InvalidToken.class, () -> Keys.parse("{\"keys\":{}}"));
    }

    private static Identity assertDoesNotThrow(String token) {
        try {
            return IdTokenVerifier.verify(token, keys(), EXPECTED);
        } catch (InvalidToken e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
    }
}
