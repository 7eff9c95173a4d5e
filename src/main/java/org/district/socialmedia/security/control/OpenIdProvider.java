package org.district.socialmedia.security.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.district.socialmedia.security.control.IdTokenValidation.Identity;
import org.district.socialmedia.security.control.IdTokenValidation.InvalidToken;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The District's OpenID Connect provider (Google Workspace, Microsoft Entra ID, or any certified one),
 * as server-config/configure-single-sign-on.cli describes it. The protocol work is the Nimbus OpenID Connect
 * SDK's: the discovery document (fetched on first use, kept for an hour, its issuer checked), the exchange
 * of an authorization code for an ID token (client_secret_post with the PKCE verifier), and the token's
 * validation (IdTokenValidation) against the provider's key set, which Nimbus caches and fetches again
 * when a token names a key it does not know (the provider rotated its keys), at most once every
 * {@link #REFETCH_KEYS_AFTER}. Each server keeps its own copies; nothing here must be shared.
 */
@ApplicationScoped
public class OpenIdProvider {

    private static final Logger LOG = Logger.getLogger(OpenIdProvider.class.getName());
    static final String PREFIX = "social-media.oidc.";
    private static final Duration KEEP = Duration.ofHours(1);
    /**
     * A token naming an unknown key may mean the provider rotated its keys; not more often than this, though, unless
     * the operator sets another interval (OIDC_KEYS_REFETCH_AFTER).
     */
    static final Duration REFETCH_KEYS_AFTER = Duration.ofSeconds(30);
    /** A shorter interval would let forged tokens naming made-up key ids make the portal hammer the provider. */
    static final Duration REFETCH_KEYS_AFTER_MIN = Duration.ofSeconds(1);
    /** The unusable refetch intervals already logged, each once per server. */
    private static final Set<String> REPORTED_REFETCH_VALUES = ConcurrentHashMap.newKeySet();
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int KEY_SET_SIZE_LIMIT = 512 * 1024;
    /** Google's tokens may name their issuer without the scheme (its documentation says so). */
    private static final Map<String, String> ISSUER_ALIASES = Map.of("https://accounts.google.com", "accounts.google.com");

    /** The provider as configured; every value but the name and the claim is required. */
    public record Settings(String issuer, String clientId, String clientSecret, String providerName, String emailClaim,
                           Duration keysRefetchAfter) {

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
                    Optional.ofNullable(property("email-claim")).orElse("email"),
                    refetchAfter(property("keys-refetch-after"))));
        }

        /** The configured interval (ISO 8601, at least a second), or the default for a value missing or not one. */
        static Duration refetchAfter(String value) {
            if (value == null) {
                return REFETCH_KEYS_AFTER;
            }
            try {
                Duration parsed = Duration.parse(value);
                if (parsed.compareTo(REFETCH_KEYS_AFTER_MIN) >= 0) {
                    return parsed;
                }
            } catch (DateTimeParseException e) {
                // reported below, as a value too short is
            }
            // the login page reads the settings on every view: a bad value is reported once, not with each of them
            if (REPORTED_REFETCH_VALUES.add(value)) {
                LOG.warning(PREFIX + "keys-refetch-after is not a duration of at least " + REFETCH_KEYS_AFTER_MIN + ": \""
                        + value + "\"; " + REFETCH_KEYS_AFTER + " is used");
            }
            return REFETCH_KEYS_AFTER;
        }

        public Set<String> acceptedIssuers() {
            String alias = ISSUER_ALIASES.get(issuer);
            // the configured spelling first: IdTokenValidation refuses other issuers with its validator
            return alias == null ? Set.of(issuer) : new LinkedHashSet<>(List.of(issuer, alias));
        }

        /** Without the secret: settings may end up in a log. */
        @Override
        public String toString() {
            return "Settings[issuer=" + issuer + ", clientId=" + clientId + ", providerName=" + providerName
                    + ", emailClaim=" + emailClaim + ", keysRefetchAfter=" + keysRefetchAfter + "]";
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

    private record Discovered(Settings settings, Endpoints endpoints, IdTokenValidation validation, Instant fetchedAt) {
    }

    private volatile Discovered discovered;

    public Optional<Settings> settings() {
        return Settings.fromSystemProperties();
    }

    public Endpoints endpoints(Settings settings) throws Unreachable {
        return discover(settings).endpoints();
    }

    /**
     * The provider's discovery document, and a validation with its key set; fetched again after an hour
     * (new endpoints) or when the settings changed. The key set's cache lives on in the validation: the
     * key source fetches it when a token names an unknown key.
     */
    private Discovered discover(Settings settings) throws Unreachable {
        Discovered known = discovered;
        if (known != null && known.settings().equals(settings) && known.fetchedAt().plus(KEEP).isAfter(Instant.now())) {
            return known;
        }
        OIDCProviderMetadata metadata;
        try {
            // Discovery 4.3: Nimbus refuses a document naming another issuer than the one it was fetched for
            metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
        } catch (GeneralException | IOException e) {
            throw new Unreachable("the discovery document of " + settings.issuer() + " cannot be used: " + e.getMessage(), e);
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw new Unreachable("the discovery document lacks an endpoint", null);
        }
        Endpoints endpoints = new Endpoints(metadata.getAuthorizationEndpointURI(), metadata.getTokenEndpointURI(),
                metadata.getJWKSetURI());
        boolean sameKeys = known != null && known.settings().equals(settings) && known.endpoints().keys().equals(endpoints.keys());
        IdTokenValidation validation = sameKeys ? known.validation()
                : new IdTokenValidation(settings.acceptedIssuers(), settings.clientId(),
                        keySource(endpoints.keys(), settings.keysRefetchAfter()), settings.emailClaim());
        Discovered fresh = new Discovered(settings, endpoints, validation, Instant.now());
        discovered = fresh;
        return fresh;
    }

    /** The provider's key set: cached for an hour, fetched again for an unknown key id, not more often than every refetchAfter. */
    private static JWKSource<SecurityContext> keySource(URI keys, Duration refetchAfter) throws Unreachable {
        try {
            return JWKSourceBuilder.<SecurityContext>create(keys.toURL(),
                            new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, KEY_SET_SIZE_LIMIT))
                    .cache(KEEP.toMillis(), READ_TIMEOUT_MS)
                    .rateLimited(refetchAfter.toMillis())
                    .refreshAheadCache(false)
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new Unreachable("the provider's jwks_uri " + keys + " is not a URL", e);
        }
    }

    /**
     * The identity in the ID token for an authorization code (client_secret_post, which Google and Entra ID
     * both accept, with this sign-in's PKCE verifier), checked by IdTokenValidation for this sign-in's nonce.
     */
    public Identity signIn(Settings settings, String code, String codeVerifier, String redirectUri, String nonce)
            throws Unreachable, InvalidToken {
        Discovered provider = discover(settings);
        TokenRequest exchange = new TokenRequest(provider.endpoints().token(),
                new ClientSecretPost(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirectUri), new CodeVerifier(codeVerifier)));
        HTTPRequest request = exchange.toHTTPRequest();
        request.setConnectTimeout(CONNECT_TIMEOUT_MS);
        request.setReadTimeout(READ_TIMEOUT_MS);
        request.setFollowRedirects(false);
        HTTPResponse response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw new Unreachable(request.getURI() + " cannot be reached: " + e, e);
        }
        if (response.getStatusCode() >= 500) {
            throw new Unreachable("the token endpoint answered " + response.getStatusCode(), null);
        }
        TokenResponse answer;
        try {
            answer = OIDCTokenResponseParser.parse(response);
        } catch (ParseException e) {
            throw new InvalidToken("the token endpoint's answer is no OpenID Connect token response: " + e.getMessage());
        }
        if (!answer.indicatesSuccess()) {
            // invalid_grant and the like: a used, expired or forged code
            throw new InvalidToken("the token endpoint refused the code: " + answer.toErrorResponse().getErrorObject().getCode());
        }
        String idToken = ((OIDCTokenResponse) answer.toSuccessResponse()).getOIDCTokens().getIDTokenString();
        return provider.validation().validate(idToken, nonce);
    }

    public static String formBody(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
