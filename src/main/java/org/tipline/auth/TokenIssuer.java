package org.tipline.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.tipline.directory.Staff;

/** Issues ES256 access tokens: subject = staff id, one group = the role, issuer and audience set. */
@ApplicationScoped
class TokenIssuer {

    private final AuthSettings settings;
    private final Clock clock;

    TokenIssuer(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    AccessToken issue(Staff staff) {
        Instant now = clock.instant();
        String token = Jwt.issuer(settings.issuer())
                .audience(settings.audience())
                .subject(staff.id.toString())
                .upn(staff.email)
                .groups(Set.of(staff.role.name()))
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenLifetime()))
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign();
        return new AccessToken(token, settings.tokenLifetime().toSeconds());
    }
}
