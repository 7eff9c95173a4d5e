package org.district.socialmedia.security.control;

import org.district.socialmedia.it.FakeOpenIdProvider;
import org.district.socialmedia.it.FakeOpenIdProvider.Forgery;
import org.district.socialmedia.security.control.IdTokenValidation.Identity;
import org.district.socialmedia.security.control.IdTokenValidation.InvalidToken;
import org.district.socialmedia.security.control.OpenIdProvider.Settings;
import org.district.socialmedia.security.control.OpenIdProvider.Unreachable;
import org.district.socialmedia.security.entity.SignInAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's side of the code flow against the test's provider, in this process (no server). */
class OpenIdProviderTest {

    private static final String REDIRECT = "http://localhost:8180/auth/oidc/callback";

    private final FakeOpenIdProvider idp;
    private final Settings settings;
    private final OpenIdProvider portal = new OpenIdProvider();
    private final SignInAttempt attempt = SignInAttempt.start(new SecureRandom(), Instant.now());

    OpenIdProviderTest() throws IOException {
        idp = new FakeOpenIdProvider(0, "/idp", "portal-client", "portal-secret");
        settings = new Settings(idp.issuer(), "portal-client", "portal-secret", "the test provider", "email",
                OpenIdProvider.REFETCH_KEYS_AFTER);
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    /** The code the provider gives for this sign-in after the person consents. */
    private String code(String email) throws Unreachable {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", REDIRECT);
        query.put("scope", "openid email profile");
        query.put("state", attempt.state());
        query.put("nonce", attempt.nonce());
        query.put("code_challenge", attempt.codeChallenge());
        query.put("code_challenge_method", "S256");
        URI callback = idp.authorize(URI.create(portal.endpoints(settings).authorization() + "?" + OpenIdProvider.formBody(query)), email);
        String code = callback.getQuery().replaceAll(".*code=([^&]+).*", "$1");
        assertFalse(code.isBlank());
        return code;
    }

    @Test
    void aCodeGivesTheCheckedIdentity() throws Exception {
        Identity identity = portal.signIn(settings, code("maria.lopez@district.example.org"), attempt.codeVerifier(), REDIRECT, attempt.nonce());
        assertEquals(idp.issuer(), identity.issuer());
        assertEquals("maria.lopez@district.example.org", identity.email());
    }

    @Test
    void theCodeIsGoodOnceAndOnlyWithThisSignInsVerifier() throws Exception {
        String code = code("maria.lopez@district.example.org");
        assertTrue(assertThrows(InvalidToken.class, () -> portal.signIn(settings, code, "x".repeat(43), REDIRECT, attempt.nonce()))
                .getMessage().contains("invalid_grant"));
        String fresh = code("maria.lopez@district.example.org");
        portal.signIn(settings, fresh, attempt.codeVerifier(), REDIRECT, attempt.nonce());
        assertThrows(InvalidToken.class, () -> portal.signIn(settings, fresh, attempt.codeVerifier(), REDIRECT, attempt.nonce()));
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        for (Forgery forgery : new Forgery[] {Forgery.ALG_NONE, Forgery.HMAC_WITH_PUBLIC_KEY, Forgery.ANOTHER_KEY, Forgery.UNKNOWN_KEY_ID}) {
            String code = code("maria.lopez@district.example.org");
            idp.forgeNextToken(forgery);
            assertThrows(InvalidToken.class, () -> portal.signIn(settings, code, attempt.codeVerifier(), REDIRECT, attempt.nonce()),
                    forgery.name());
        }
    }

    @Test
    void aProviderThatCannotBeReachedIsNotThePersonsFault() {
        Settings nowhere = new Settings("http://127.0.0.1:9/nowhere", "portal-client", "portal-secret", "x", "email",
                OpenIdProvider.REFETCH_KEYS_AFTER);
        assertThrows(Unreachable.class, () -> portal.endpoints(nowhere));
    }

    @Test
    void theKeySetsRefetchIntervalIsTheOperatorsDurationOfAtLeastASecondElseThirtySeconds() {
        assertEquals(Duration.ofSeconds(2), Settings.refetchAfter("PT2S"));
        assertEquals(Duration.ofMinutes(5), Settings.refetchAfter("PT5M"));
        assertEquals(Duration.ofSeconds(30), Settings.refetchAfter(null));
        assertEquals(Duration.ofSeconds(30), Settings.refetchAfter("PT0.5S"), "too short: the provider would be hammered");
        assertEquals(Duration.ofSeconds(30), Settings.refetchAfter("30"), "not an ISO 8601 duration");
    }
}
