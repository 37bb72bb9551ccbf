package org.tipline.followup;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tipline.auth.AuthSettings;
import org.tipline.intake.ReporterAccess;

/**
 * Reporter tokens: ES256 JWTs for one tip (subject = tip id), audience {@value #AUDIENCE}, short-lived.
 * Their audience differs from the staff tokens', and each side verifies its own, so a reporter token
 * opens nothing of staff and a staff token nothing of a reporter's.
 */
@ApplicationScoped
class ReporterTokens implements ReporterAccess {

    static final String AUDIENCE = "reporter";

    private final Clock clock;
    private final FollowupSettings settings;
    private final JWTParser parser;
    private final String issuer;
    private final PrivateKey signingKey;
    private final JWTAuthContextInfo verification;

    ReporterTokens(Clock clock, FollowupSettings settings, AuthSettings auth, JWTParser parser)
            throws GeneralSecurityException {
        this.clock = clock;
        this.settings = settings;
        this.parser = parser;
        this.issuer = auth.issuer();
        this.signingKey = KeyUtils.decodePrivateKey(auth.signingKey(), SignatureAlgorithm.ES256);
        this.verification = new JWTAuthContextInfo(KeyUtils.decodePublicKey(auth.verificationKey(), SignatureAlgorithm.ES256),
                issuer);
        verification.setExpectedAudience(Set.of(AUDIENCE));
        verification.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
    }

    ReporterToken issue(UUID tipId) {
        Instant now = clock.instant();
        String token = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject(tipId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenLifetime()))
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(signingKey);
        return new ReporterToken(token, settings.tokenLifetime().toSeconds());
    }

    /** The token a tip's 201 carries, so that the form can attach images without the case code. */
    @Override
    public String reporterToken(UUID tipId) {
        return issue(tipId).token();
    }

    /** The tip of a valid reporter token, from an {@code Authorization: Bearer} header. */
    UUID tipOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ReporterTokenInvalidException();
        }
        try {
            JsonWebToken token = parser.parse(authorization.substring(7).trim(), verification);
            return UUID.fromString(token.getSubject());
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new ReporterTokenInvalidException();
        }
    }
}
