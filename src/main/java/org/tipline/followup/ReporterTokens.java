package org.tipline.followup;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tipline.auth.AuthSettings;
import org.tipline.crypto.P256Keys;
import org.tipline.crypto.ServerSecrets;
import org.tipline.intake.ReporterAccess;
import org.tipline.intake.ReporterKeys;

/**
 * Reporter tokens: JWTs for one tip (subject = tip id), audience {@value #AUDIENCE}, short-lived, signed HS256 with a
 * key of their own derived from the pepper. Only this service ever checks them, so a public-key signature bought
 * nothing, and ES256 signing was a third of the service's CPU per tip at intake (every receipt carries a token). Their
 * audience and their algorithm differ from the staff tokens' (ES256), and each side verifies its own, so a reporter
 * token opens nothing of staff and a staff token, even one with the reporter audience, nothing of a reporter's.
 */
@ApplicationScoped
class ReporterTokens implements ReporterAccess {

    static final String AUDIENCE = "reporter";
    static final String BEARER = "Bearer";
    static final String DPOP = "DPoP";
    /** RFC 7800 confirmation: the thumbprint of the key the token is bound to (RFC 9449 {@code cnf.jkt}). */
    private static final String CONFIRMATION = "cnf";
    /** The page's ECDH key that answers are sealed to (Tipline's own claim). */
    private static final String RESPONSE_KEY = "rek";

    private final Clock clock;
    private final FollowupSettings settings;
    private final JWTParser parser;
    private final String issuer;
    private final SecretKey signingKey;
    private final JWTAuthContextInfo verification;
    private final DpopProofs proofs;

    ReporterTokens(Clock clock, FollowupSettings settings, AuthSettings auth, ServerSecrets secrets, JWTParser parser,
            DpopProofs proofs) {
        this.proofs = proofs;
        this.clock = clock;
        this.settings = settings;
        this.parser = parser;
        this.issuer = auth.issuer();
        this.signingKey = secrets.macKey("reporter-token");
        this.verification = new JWTAuthContextInfo(signingKey, issuer);
        verification.setExpectedAudience(Set.of(AUDIENCE));
        verification.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
    }

    ReporterToken issue(UUID tipId, Optional<BoundKeys> keys) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject(tipId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenLifetime()));
        keys.ifPresent(bound -> claims.claim(CONFIRMATION, Map.of("jkt", bound.thumbprint()))
                .claim(RESPONSE_KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(P256Keys.raw(bound.responseKey()))));
        String token = claims.jws().algorithm(SignatureAlgorithm.HS256).sign(signingKey);
        return new ReporterToken(token, settings.tokenLifetime().toSeconds(), keys.isPresent() ? DPOP : BEARER);
    }

    /** The token a tip's 201 carries, so that the form can attach images without the case code. */
    @Override
    public String reporterToken(UUID tipId, Optional<ReporterKeys> keys) {
        return issue(tipId, keys.map(BoundKeys::of)).token();
    }

    /**
     * Who is calling, from the {@code Authorization} header ({@code Bearer} for a plain token, {@code DPoP} for a
     * key-bound one) and, for a bound token, its {@code DPoP} proof for exactly this request. A bound token sent as a
     * bearer token is refused: that is what a token lifted from a log looks like.
     */
    ReporterCaller caller(String authorization, String dpopProof, String method, String host, String path) {
        boolean dpop = authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5);
        if (authorization == null || !(dpop || authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
            throw new ReporterTokenInvalidException();
        }
        String raw = authorization.substring(dpop ? 5 : 7).trim();
        JsonWebToken token;
        UUID tipId;
        try {
            token = parser.parse(raw, verification);
            tipId = UUID.fromString(token.getSubject());
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new ReporterTokenInvalidException();
        }
        Optional<String> thumbprint = confirmation(token);
        if (thumbprint.isPresent() != dpop) {
            throw dpop ? new ReporterTokenInvalidException() : new DpopProofInvalidException();
        }
        if (thumbprint.isEmpty()) {
            return new ReporterCaller(tipId, Optional.empty());
        }
        proofs.verify(dpopProof, thumbprint.get(), new DpopProofs.Request(method, host, path, raw));
        ECPublicKey responseKey = P256Keys.fromRawBase64Url(token.getClaim(RESPONSE_KEY))
                .orElseThrow(ReporterTokenInvalidException::new);
        return new ReporterCaller(tipId, Optional.of(responseKey));
    }

    private static Optional<String> confirmation(JsonWebToken token) {
        // smallrye-jwt hands this JSON object claim out as a Map (jose4j's parse of it).
        Object cnf = token.getClaim(CONFIRMATION);
        if (cnf instanceof Map<?, ?> map && map.get("jkt") instanceof String jkt) {
            return Optional.of(jkt);
        }
        if (cnf != null) {
            throw new ReporterTokenInvalidException(); // a cnf this service did not write
        }
        return Optional.empty();
    }

    /** The page's keys, validated: the ECDSA key's thumbprint for {@code cnf.jkt}, the ECDH key for answers. */
    record BoundKeys(String thumbprint, ECPublicKey responseKey) {

        static BoundKeys of(ReporterKeys keys) {
            ECPublicKey response = keys.validResponseKey();
            return new BoundKeys(DpopProofs.thumbprint(keys.dpop().x(), keys.dpop().y()), response);
        }
    }
}
