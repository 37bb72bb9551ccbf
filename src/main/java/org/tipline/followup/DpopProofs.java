package org.tipline.followup;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.lang.JoseException;
import org.tipline.abuse.SpentProofs;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;
import org.tipline.platform.Sha256;

/**
 * Checks the DPoP proof (RFC 9449) that must come with every request of a key-bound reporter token: a JWT signed by
 * the page's ECDSA key, whose thumbprint the token names ({@code cnf.jkt}), for this method and URL ({@code htm},
 * {@code htu}), issued just now ({@code iat}), for this token ({@code ath}), and used once ({@code jti}, spent in the
 * database like a proof of work, so once on every replica). A token lifted from a log is useless without the page's
 * private key, and a logged request replayed is refused. jose4j (smallrye-jwt's own JOSE library) parses and verifies.
 */
@ApplicationScoped
class DpopProofs {

    /** The request a proof must be for. {@code host} is the Host header as the page addressed it. */
    record Request(String method, String host, String path, @Redacted String accessToken) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    private static final String TYPE = "dpop+jwt";
    private static final Duration FUTURE_SKEW = Duration.ofSeconds(5);

    private final Clock clock;
    private final FollowupSettings settings;
    private final SpentProofs spent;

    DpopProofs(Clock clock, FollowupSettings settings, SpentProofs spent) {
        this.clock = clock;
        this.settings = settings;
        this.spent = spent;
    }

    /** The RFC 7638 thumbprint of a public P-256 key given by its JWK coordinates (base64url). */
    static String thumbprint(String x, String y) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}")
                    .calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    /** Accepts the proof, once, or throws {@link DpopProofInvalidException}. */
    void verify(String proof, String expectedThumbprint, Request request) {
        if (proof == null || proof.isBlank() || proof.length() > 4096) {
            throw new DpopProofInvalidException();
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(proof.trim());
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            if (!TYPE.equals(jws.getHeader("typ")) || !(jws.getJwkHeader() instanceof EllipticCurveJsonWebKey jwk)
                    || jwk.getPrivateKey() != null || !org.jose4j.keys.EllipticCurves.P_256.equals(jwk.getCurveName())
                    || !MessageDigest.isEqual(ascii(jwk.calculateBase64urlEncodedThumbprint("SHA-256")), ascii(expectedThumbprint))) {
                throw new DpopProofInvalidException();
            }
            jws.setKey(jwk.getPublicKey());
            if (!jws.verifySignature()) {
                throw new DpopProofInvalidException();
            }
            JwtClaims claims = JwtClaims.parse(jws.getPayload());
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            Instant now = clock.instant();
            String jti = claims.getJwtId();
            boolean fits = request.method().equals(claims.getStringClaimValue("htm"))
                    && sameTarget(claims.getStringClaimValue("htu"), request)
                    && !issuedAt.isBefore(now.minus(settings.dpopProofLifetime())) && !issuedAt.isAfter(now.plus(FUTURE_SKEW))
                    && jti != null && !jti.isEmpty() && jti.length() <= 128
                    && MessageDigest.isEqual(ascii(tokenHash(request.accessToken())), ascii(claims.getStringClaimValue("ath")));
            if (!fits || !spent.spend(Sha256.of("dpop|" + expectedThumbprint + "|" + jti),
                    issuedAt.plus(settings.dpopProofLifetime()).plus(FUTURE_SKEW))) {
                throw new DpopProofInvalidException();
            }
        } catch (JoseException | MalformedClaimException | org.jose4j.jwt.consumer.InvalidJwtException
                | NullPointerException | ClassCastException e) {
            throw new DpopProofInvalidException();
        }
    }

    /**
     * {@code htu} names this server's path. The scheme is not compared: TLS usually ends at a proxy in front, where
     * the service sees http for what the page called https. The host is the Host header the page sent.
     */
    private static boolean sameTarget(String htu, Request request) {
        if (htu == null) {
            return false;
        }
        try {
            URI uri = new URI(htu);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(request.host()) && request.path().equals(uri.getRawPath());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code ath}: base64url SHA-256 of the access token's ASCII. */
    static String tokenHash(String accessToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(accessToken));
    }


    private static byte[] ascii(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.US_ASCII);
    }
}
