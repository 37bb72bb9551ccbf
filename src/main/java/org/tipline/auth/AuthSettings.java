package org.tipline.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Staff sign-in: ES256 access tokens and the delays that slow down password guessing. The key pair is
 * required in prod; dev and test generate one ({@code DevelopmentKeysConfigSource}).
 */
@ConfigMapping(prefix = "tipline.auth")
public interface AuthSettings {

    /** The {@code iss} of every access token, checked on every request. */
    @WithDefault("tipline")
    String issuer();

    /** The {@code aud} of staff access tokens, checked on every request. */
    @WithDefault("tipline-staff")
    String audience();

    /** How long an access token is valid. */
    @WithDefault("15m")
    Duration tokenLifetime();

    /** PEM PKCS#8 P-256 private key that signs access tokens (ES256). */
    String signingKey();

    /** PEM P-256 public key that verifies them (the pair of the signing key). */
    String verificationKey();

    /** Delay added after the first failed sign-in of an email; doubles with each further failure. */
    @WithDefault("250ms")
    Duration failureDelay();

    /** Longest delay before answering a sign-in attempt. */
    @WithDefault("5s")
    Duration maxFailureDelay();

    /** When on, every staff account must sign in with a TOTP code (on in prod, off for the dev demo). */
    @WithDefault("true")
    boolean totpRequired();
}
