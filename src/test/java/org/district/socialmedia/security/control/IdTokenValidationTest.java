package org.district.socialmedia.security.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.district.socialmedia.it.FakeOpenIdProvider;
import org.district.socialmedia.security.control.IdTokenValidation.Identity;
import org.district.socialmedia.security.control.IdTokenValidation.InvalidToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Nimbus validator behind IdTokenValidation refuses, without a server: the tokens the forgeries in
 * the OpenID Connect literature make, and the key set's rotation (SingleSignOnIT does the same through the
 * whole sign-in).
 */
class IdTokenValidationTest {

    private static final KeyPair PROVIDER = FakeOpenIdProvider.rsa();
    private static final String ISSUER = "https://login.example.org/tenant/v2.0";
    private static final String CLIENT = "portal-client";
    private static final String NONCE = "nonce-of-this-sign-in";

    /** A provider's key set as the portal's key source sees it: changeable, and counting the fetches. */
    private static final class ProviderKeys implements JWKSetSource<SecurityContext> {
        final List<JWK> keys = new ArrayList<>();
        final AtomicInteger fetches = new AtomicInteger();

        ProviderKeys publish(KeyPair pair, String id) {
            keys.add(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(id).build());
            return this;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context) {
            fetches.incrementAndGet();
            return new JWKSet(List.copyOf(keys));
        }

        @Override
        public void close() {
            // nothing held
        }

        /** Cached as OpenIdProvider caches it (an hour), without its rate limit: each unknown key id fetches again. */
        JWKSource<SecurityContext> source() {
            return JWKSourceBuilder.create(this).cache(3_600_000, 10_000).rateLimited(false)
                    .refreshAheadCache(false).retrying(false).build();
        }
    }

    private final ProviderKeys provider = new ProviderKeys().publish(PROVIDER, "k1");
    private final IdTokenValidation validation = new IdTokenValidation(Set.of(ISSUER), CLIENT, provider.source(), "email");

    private static JsonObjectBuilder claims() {
        Instant now = Instant.now();
        return Json.createObjectBuilder().add("iss", ISSUER).add("aud", CLIENT).add("sub", "248289761001")
                .add("email", "maria.lopez@district.example.org").add("email_verified", true).add("nonce", NONCE)
                .add("iat", now.minusSeconds(5).getEpochSecond()).add("exp", now.plusSeconds(300).getEpochSecond());
    }

    private static JsonObject claims(Consumer<JsonObjectBuilder> change) {
        JsonObjectBuilder claims = claims();
        change.accept(claims);
        return claims.build();
    }

    private static String token(Consumer<JsonObjectBuilder> change) {
        return FakeOpenIdProvider.sign(FakeOpenIdProvider.header("RS256", "k1"), claims(change), PROVIDER.getPrivate());
    }

    private String refusal(String token) {
        return assertThrows(InvalidToken.class, () -> validation.validate(token, NONCE)).getMessage();
    }

    @Test
    void aGoodTokenGivesTheIssuerSubjectAndAddress() throws Exception {
        Identity identity = validation.validate(token(c -> { }), NONCE);
        assertEquals(new Identity(ISSUER, "248289761001", "maria.lopez@district.example.org"), identity);
    }

    @Test
    void theIssuerAudienceTimesAndNonceMustBeThisSignIns() {
        assertTrue(refusal(token(c -> c.add("iss", "https://evil.example.org"))).contains("issuer"));
        assertTrue(refusal(token(c -> c.add("aud", "another-application"))).contains("audience"));
        // several audiences: the authorized party must be this portal
        assertTrue(refusal(token(c -> c.add("aud", Json.createArrayBuilder().add(CLIENT).add("other"))
                .add("azp", "other"))).contains("azp"), "authorized party");
        long hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        assertTrue(refusal(token(c -> c.add("exp", hourAgo).add("iat", hourAgo - 300))).contains("Expired"));
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        String future = refusal(token(c -> c.add("iat", inAnHour).add("exp", inAnHour + 300)));
        assertTrue(future.toLowerCase().contains("issue"), "issued in the future: " + future);
        assertTrue(refusal(token(c -> c.add("nonce", "another-sign-in"))).contains("nonce"));
        assertTrue(refusal(token(c -> c.remove("nonce"))).contains("nonce"));
    }

    @Test
    void aSmallClockDifferenceIsTolerated() throws Exception {
        long justExpired = Instant.now().minusSeconds(IdTokenValidation.MAX_CLOCK_SKEW_SECONDS / 2).getEpochSecond();
        assertEquals("248289761001", validation.validate(token(c -> c.add("exp", justExpired).add("iat", justExpired - 300)), NONCE).subject());
    }

    @Test
    void onlyRs256ByAPublishedKeyIsAccepted() {
        String otherKey = FakeOpenIdProvider.sign(FakeOpenIdProvider.header("RS256", "k1"), claims().build(), FakeOpenIdProvider.rsa().getPrivate());
        assertTrue(refusal(otherKey).contains("signature"), refusal(otherKey));

        String unsigned = FakeOpenIdProvider.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + FakeOpenIdProvider.base64Url(claims().build().toString().getBytes(StandardCharsets.UTF_8)) + ".";
        assertTrue(refusal(unsigned).toLowerCase().contains("signed"), refusal(unsigned));

        String hmacWithPublicKey = FakeOpenIdProvider.hs256(FakeOpenIdProvider.header("HS256", "k1"), claims().build(),
                PROVIDER.getPublic().getEncoded());
        assertTrue(refusal(hmacWithPublicKey).contains("HS256"), refusal(hmacWithPublicKey));

        String encrypted = encrypted();
        assertTrue(refusal(encrypted).contains("alg RSA-OAEP-256"), refusal(encrypted));

        assertTrue(refusal("not.a.token").contains("not a JWT"));
        assertTrue(refusal(null).contains("not a JWT"));
    }

    @Test
    void anUnknownKeyIdFetchesTheKeySetAgainThenRefuses() {
        validationWarmsUp();
        int before = provider.fetches.get();
        String unknown = FakeOpenIdProvider.sign(FakeOpenIdProvider.header("RS256", "k9"), claims().build(), FakeOpenIdProvider.rsa().getPrivate());
        String why = refusal(unknown);
        assertTrue(why.contains("kid k9"), why);
        assertEquals(before + 1, provider.fetches.get(), "the key set fetched once more for the unknown key id");
    }

    @Test
    void afterARotationTheNewKeySignsAndTheRemovedOneNoLonger() throws Exception {
        validationWarmsUp();
        KeyPair next = FakeOpenIdProvider.rsa();
        provider.keys.clear();
        provider.publish(next, "k2");

        String byNewKey = FakeOpenIdProvider.sign(FakeOpenIdProvider.header("RS256", "k2"), claims().build(), next.getPrivate());
        assertEquals("248289761001", validation.validate(byNewKey, NONCE).subject(), "the new key is fetched and accepted");
        String why = refusal(token(c -> { }));
        assertTrue(why.contains("kid k1"), "the removed key signs no more: " + why);
    }

    @Test
    void googlesIssuerWithoutTheSchemeIsAcceptedOnlyWhenConfigured() throws Exception {
        IdTokenValidation google = new IdTokenValidation(new LinkedHashSet<>(List.of("https://accounts.google.com", "accounts.google.com")),
                CLIENT, provider.source(), "email");
        assertEquals("accounts.google.com", google.validate(token(c -> c.add("iss", "accounts.google.com")), NONCE).issuer());
        assertThrows(InvalidToken.class, () -> google.validate(token(c -> c.add("iss", ISSUER)), NONCE));
    }

    @Test
    void theAddressMustBeThereAndVerified() {
        assertTrue(refusal(token(c -> c.remove("email"))).contains("email"));
        assertTrue(refusal(token(c -> c.add("email_verified", false))).contains("not verified"));
        assertTrue(refusal(token(c -> c.add("email_verified", "false"))).contains("not verified"));
        assertTrue(refusal(token(c -> c.remove("sub"))).contains("sub"));
    }

    /** An ID token encrypted to the provider's own key: the portal has no decryption key and expects none. */
    private static String encrypted() {
        try {
            EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                    JWTClaimsSet.parse(claims().build().toString()));
            jwt.encrypt(new RSAEncrypter((RSAPublicKey) PROVIDER.getPublic()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void validationWarmsUp() {
        try {
            validation.validate(token(c -> { }), NONCE);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
