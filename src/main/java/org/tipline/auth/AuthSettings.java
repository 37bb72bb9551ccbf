package org.tipline.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Staff sign-in: ES256 access tokens and the delays that slow down password guessing, or (mode
 * {@code external-oidc}) the external issuer whose tokens replace them. In built-in mode the key pair is
 * required in prod; dev and test generate one ({@code DevelopmentKeysConfigSource}). {@link AuthModeCheck}
 * refuses a start whose settings do not fit the mode.
 */
@ConfigMapping(prefix = "tipline.auth")
public interface AuthSettings {

    /** {@code built-in} (the default) or {@code external-oidc}. */
    @WithDefault("built-in")
    AuthMode mode();

    /** The external OpenID Connect issuer; used only in mode {@code external-oidc}. */
    ExternalIssuer external();

    /** The {@code iss} of every access token, checked on every request. */
    @WithDefault("tipline")
    String issuer();

    /** The {@code aud} of staff access tokens, checked on every request. */
    @WithDefault("tipline-staff")
    String audience();

    /** How long an access token is valid. */
    @WithDefault("15m")
    Duration tokenLifetime();

    /**
     * PEM PKCS#8 P-256 private key that signs access tokens in built-in mode and reporter tokens in both
     * modes (ES256), so it is required in both.
     */
    String signingKey();

    /** PEM P-256 public key that verifies them (the pair of the signing key). */
    String verificationKey();

    /** Delay added after the first failed sign-in of an email; doubles with each further failure. */
    @WithDefault("250ms")
    Duration failureDelay();

    /** Longest delay before answering a sign-in attempt. */
    @WithDefault("5s")
    Duration maxFailureDelay();

    /**
     * How often the failures of emails quiet for a quarter hour are deleted from the database: the scheduled job of
     * {@code signin.FailedSignIns} reads this setting's key.
     */
    @WithDefault("5m")
    Duration failureCleanupInterval();

    /** When on, every staff account must sign in with a TOTP code (on in prod, off for the dev demo). */
    @WithDefault("true")
    boolean totpRequired();

    /**
     * The organisation's OpenID Connect provider. Its tokens are checked for signature (keys from its JWKS),
     * issuer, audience and expiry by smallrye-jwt ({@link ExternalIssuerConfig} points {@code mp.jwt.verify.*}
     * here); the staff member is the one whose email the token names.
     */
    interface ExternalIssuer {

        /** The {@code iss} of the provider's tokens, exactly as it writes it. */
        Optional<String> issuer();

        /** The {@code aud} the provider puts in tokens meant for Tipline (usually its client id). */
        Optional<String> audience();

        /** The provider's JWKS URL ({@code jwks_uri} of its discovery document). */
        Optional<String> jwksUrl();

        /** The provider's signature algorithm: RS256 (most providers) or ES256, PS256, ... */
        @WithDefault("RS256")
        String signatureAlgorithm();

        /** The claim that holds the staff member's email, matched case-insensitively with the staff account. */
        @WithDefault("email")
        String emailClaim();

        /**
         * Where the console sends staff to sign in (the provider's {@code authorization_endpoint}): an https URL
         * ({@code http} only on a loopback address, for tests).
         */
        Optional<String> authorizationEndpoint();

        /**
         * Where the console exchanges the sign-in code for a token (the provider's {@code token_endpoint}); its
         * origin is added to the pages' {@code connect-src}.
         */
        Optional<String> tokenEndpoint();

        /** The provider's {@code end_session_endpoint}, where signing out also ends the provider's session; optional. */
        Optional<String> endSessionEndpoint();

        /** The console's client id at the provider (a public client); when unset, the audience. */
        Optional<String> clientId();

        /** The scopes the console asks for, space-separated. */
        @WithDefault("openid email")
        String scopes();
    }
}
