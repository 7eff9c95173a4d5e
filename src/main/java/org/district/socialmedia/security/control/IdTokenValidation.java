package org.district.socialmedia.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.district.socialmedia.security.control.OpenIdProvider.Unreachable;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An ID token's checks (OpenID Connect Core 3.1.3.7), done by the Nimbus OpenID Connect SDK's
 * {@link IDTokenValidator}: a signature by a key of the provider's key set with {@link #ALGORITHM} only
 * (never the algorithm the token names: that is how "none" and HMAC-with-the-public-key forgeries get in),
 * the issuer, this portal as audience, expiry and issue time within {@link #MAX_CLOCK_SKEW_SECONDS}, the
 * subject, and this sign-in's nonce. The key source decides when the key set
 * is fetched again (OpenIdProvider: cached, and fetched anew for a key id it does not know).
 * The portal adds only what it uses of a valid token (the subject, the District address and that the
 * provider verified it) and its rule for tokens with several audiences (the authorized party).
 */
public final class IdTokenValidation {

    /** Google and Entra ID sign ID tokens with it; the only algorithm accepted. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    /** Clocks of the portal and the provider drift apart a little. */
    static final int MAX_CLOCK_SKEW_SECONDS = 60;

    /** What the portal uses of a valid token. */
    public record Identity(String issuer, String subject, String email) {
    }

    /** A token refused; the reason goes to the audit log, never to the browser. */
    public static final class InvalidToken extends Exception {
        public InvalidToken(String reason) {
            super(reason);
        }
    }

    /** One validator per accepted spelling of the issuer: each checks its issuer exactly. */
    private final Map<String, IDTokenValidator> byIssuer = new LinkedHashMap<>();
    private final String clientId;
    private final String emailClaim;

    /**
     * @param issuers the accepted issuers, the configured one first (Google's tokens may name it without the scheme)
     */
    public IdTokenValidation(Set<String> issuers, String clientId, JWKSource<SecurityContext> keys, String emailClaim) {
        JWSVerificationKeySelector<SecurityContext> rs256Only = new JWSVerificationKeySelector<>(ALGORITHM, keys);
        for (String issuer : issuers) {
            IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer), new ClientID(clientId), rs256Only, null);
            validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
            byIssuer.put(issuer, validator);
        }
        this.clientId = clientId;
        this.emailClaim = emailClaim;
    }

    /**
     * The identity in a valid token for this sign-in. {@link Unreachable} when the provider's key set
     * cannot be fetched: not the person's fault.
     */
    public Identity validate(String idToken, String expectedNonce) throws InvalidToken, Unreachable {
        JWT token;
        String claimedIssuer;
        try {
            token = JWTParser.parse(idToken == null ? "" : idToken);
            // an encrypted token shows no claims before decryption (and the validator refuses it)
            JWTClaimsSet unverified = token.getJWTClaimsSet();
            claimedIssuer = unverified == null ? null : unverified.getIssuer();
        } catch (ParseException e) {
            throw new InvalidToken("the ID token is not a JWT: " + e.getMessage());
        }
        // the validator for the issuer the token names, if accepted; the configured issuer's otherwise,
        // which then refuses the issuer
        IDTokenValidator validator = byIssuer.getOrDefault(claimedIssuer, byIssuer.values().iterator().next());
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(token, new Nonce(expectedNonce));
        } catch (RateLimitReachedException e) {
            // a key id not in the key set, which was fetched again only moments ago
            throw new InvalidToken(describe(token) + " names a key the provider does not publish");
        } catch (KeySourceException e) {
            throw new Unreachable("the provider's key set cannot be fetched: " + e.getMessage(), e);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidToken(e.getMessage() + " (" + describe(token) + ")");
        }
        return identity(claims);
    }

    private Identity identity(IDTokenClaimsSet claims) throws InvalidToken {
        // Nimbus follows Core errata 2, which leaves azp to extensions; the portal trusts no other audience,
        // so a token for several must name the portal as the party it was issued to (as Core 1.0 asked)
        String authorizedParty = claims.getStringClaim("azp");
        if ((claims.getAudience().size() > 1 || authorizedParty != null) && !clientId.equals(authorizedParty)) {
            throw new InvalidToken("the authorized party (azp) " + authorizedParty + " is not this portal");
        }
        String email = claims.getStringClaim(emailClaim);
        if (email == null || email.isBlank()) {
            throw new InvalidToken("the token has no " + emailClaim + " claim");
        }
        Object verified = claims.getClaim("email_verified");
        if (Boolean.FALSE.equals(verified) || "false".equalsIgnoreCase(String.valueOf(verified))) {
            throw new InvalidToken("the provider has not verified " + email);
        }
        return new Identity(claims.getIssuer().getValue(), claims.getSubject().getValue(), email.strip());
    }

    /** The header's algorithm and key id, for the audit log: what an attack on the signature changes. */
    private static String describe(JWT token) {
        Object kid = token.getHeader().toJSONObject().get("kid");
        return "alg " + token.getHeader().getAlgorithm() + (kid == null ? "" : ", kid " + kid);
    }
}
